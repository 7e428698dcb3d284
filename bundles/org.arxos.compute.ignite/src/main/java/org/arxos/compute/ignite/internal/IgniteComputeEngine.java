package org.arxos.compute.ignite.internal;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.IgniteState;
import org.apache.ignite.Ignition;
import org.apache.ignite.IgnitionListener;
import org.apache.ignite.cluster.ClusterGroup;
import org.apache.ignite.cluster.ClusterMetrics;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeTaskFuture;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.lang.IgniteFuture;
import org.arxos.api.compute.ComputeEngine;
import org.arxos.api.compute.ComputeException;
import org.arxos.api.compute.ComputeTask;
import org.arxos.api.compute.EngineStatus;
import org.arxos.api.compute.JobOptions;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compute engine on an Apache Ignite cluster: every input's task runs as an Ignite job on one of the cluster's
 * server nodes (this one too, unless it is a client), the results come back to this node and are delivered in input
 * order, one per input, also when a node dies while its jobs run. Ranked below the local engine (-10): a deployment
 * opts in by pinning {@code ignite} or by setting its {@code service.ranking} in the configuration. A change of
 * configuration restarts the node; jobs it was submitting fail with a message saying so. A node that Ignite stops by
 * itself (its failure handler after a critical error, or a segmentation) is started again, and again with a growing
 * delay while it cannot: the engine stays registered and takes jobs once its node is back.
 */
@Component(service = ComputeEngine.class, configurationPid = IgniteEngineConfiguration.PID,
        property = {"arxos.impl=" + IgniteComputeEngine.NAME, "service.ranking:Integer=-10"})
@Designate(ocd = IgniteEngineConfiguration.class)
public final class IgniteComputeEngine implements ComputeEngine, AutoCloseable {

    static final String NAME = "ignite";
    private static final Logger LOG = LoggerFactory.getLogger(IgniteComputeEngine.class);
    private static final long MAX_RESTART_DELAY_SECONDS = 30;

    private final IgniteNodeSettings settings;
    private final BundleSerialization serialization;
    private final ClassLoader jobLoader;
    /** Guards starting and stopping the node: a restart and {@link #close()} never overlap. */
    private final Object lifecycle = new Object();
    private final IgnitionListener nodeWatch = this::nodeStateChanged;
    private final ScheduledThreadPoolExecutor restarts;
    /** From a stop that Ignite made until a new node runs: a start that fails makes stop events of its own. */
    private final AtomicBoolean restarting = new AtomicBoolean();
    private volatile EngineNode node;
    private final PriorityGate gate;
    private final MapTask.EngineCounters counters = new MapTask.EngineCounters();
    private final Map<CompletableFuture<?>, Boolean> running = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    @Activate
    public IgniteComputeEngine(IgniteEngineConfiguration configuration, BundleContext context) {
        this(IgniteNodeSettings.of(configuration, context.getDataFile("ignite-work").toPath()),
                new BundleSerialization(new InstalledBundles(context), IgniteComputeEngine.class.getClassLoader()));
    }

    /** An engine outside an OSGi framework (benchmarks): every class comes from the class path. */
    public IgniteComputeEngine(IgniteNodeSettings settings) {
        this(settings, new BundleSerialization(symbolicName -> {
            throw new ClassNotFoundException("no OSGi framework to find bundle " + symbolicName + " in");
        }, IgniteComputeEngine.class.getClassLoader()));
    }

    private IgniteComputeEngine(IgniteNodeSettings settings, BundleSerialization serialization) {
        this.settings = settings;
        this.serialization = serialization;
        this.gate = new PriorityGate(settings.concurrentJobs());
        this.jobLoader = new IgniteFirstClassLoader(IgniteConfiguration.class.getClassLoader(),
                IgniteComputeEngine.class.getClassLoader());
        this.restarts = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "arxos-ignite-restart-" + settings.instanceName());
            thread.setDaemon(true);
            return thread;
        });
        restarts.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.node = EngineNode.start(settings, serialization, jobLoader);
        Ignition.addListener(nodeWatch);
    }

    private void nodeStateChanged(String name, IgniteState state) {
        if (state != IgniteState.STARTED && settings.instanceName().equals(name) && !stopped
                && restarting.compareAndSet(false, true)) {
            LOG.warn("The Ignite node '{}' stopped by itself ({}); starting it again", name, state);
            restarts.execute(() -> restart(1));
        }
    }

    private void restart(int attempt) {
        synchronized (lifecycle) {
            if (stopped) {
                return;
            }
            node.close(); // the stopped node's name is free again for its successor
            try {
                node = EngineNode.start(settings, serialization, jobLoader);
                restarting.set(false);
                LOG.info("The Ignite node '{}' started again", settings.instanceName());
            } catch (RuntimeException e) {
                long delay = Math.min(MAX_RESTART_DELAY_SECONDS, 1L << Math.min(attempt, 5));
                LOG.warn("The Ignite node '{}' could not start again (attempt {}); next attempt in {} s: {}",
                        settings.instanceName(), attempt, delay, e.getMessage());
                restarts.schedule(() -> restart(attempt + 1), delay, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public <T extends Serializable, R extends Serializable> CompletableFuture<List<R>> map(List<T> inputs,
            ComputeTask<T, R> task, JobOptions options) {
        String label = options.label();
        if (inputs.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        byte[] taskBytes;
        try {
            taskBytes = serialization.write(task);
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(new ComputeException(label + ": the task cannot be serialized to "
                    + "send it to the cluster: " + SliceJob.describe(e), e));
        }
        String taskBundle = BundleSerialization.bundleOf(task.getClass());
        List<T> sending = new ArrayList<>(inputs);
        MapTask.Jobs jobs = index -> new SliceJob(index, sending.size(), taskBytes,
                serialization.write(sending.get(index)), taskBundle);
        Duration timeout = options.timeout().compareTo(settings.jobTimeout()) < 0 ? options.timeout()
                : settings.jobTimeout();
        CompletableFuture<List<R>> result = new CompletableFuture<>();
        // registered before the check, so that close() waits for it or it sees the engine stopped
        running.put(result, Boolean.TRUE);
        if (stopped) {
            running.remove(result);
            return CompletableFuture.failedFuture(new ComputeException(label + ": the Ignite engine has stopped"));
        }
        CompletableFuture<Void> admitted = gate.enter(options.priority(), sending.size());
        CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS).execute(() -> result
                .completeExceptionally(new ComputeException(label + ": did not finish within its timeout of "
                        + timeout.toMillis() + " ms")));
        result.whenComplete((done, failure) -> {
            running.remove(result);
            admitted.cancel(false);
        });
        admitted.thenRun(() -> submit(sending.size(), jobs, label, result));
        return result;
    }

    private <R extends Serializable> void submit(int inputs, MapTask.Jobs jobs, String label,
            CompletableFuture<List<R>> result) {
        ComputeTaskFuture<byte[][]> submitted;
        try {
            if (result.isDone()) {
                gate.leave();
                return;
            }
            ClusterGroup servers = node.ignite().cluster().forServers();
            if (servers.nodes().isEmpty()) {
                throw new ComputeException(label + ": the Ignite cluster has no server node to run jobs on");
            }
            submitted = node.ignite().compute(servers).executeAsync(new MapTask(inputs, jobs, counters,
                    settings.jobsPerWorker()), null);
        } catch (RuntimeException e) {
            gate.leave();
            result.completeExceptionally(e instanceof ComputeException ? e
                    : new ComputeException(label + ": could not submit to the Ignite cluster: "
                            + SliceJob.describe(e), e));
            return;
        }
        result.whenComplete((done, failure) -> {
            if (failure != null && !submitted.isDone()) {
                submitted.cancel();
            }
        });
        submitted.listen(done -> {
            gate.leave();
            deliver(done, label, result);
        });
    }

    @SuppressWarnings("unchecked")
    private <R extends Serializable> void deliver(IgniteFuture<byte[][]> done, String label,
            CompletableFuture<List<R>> result) {
        try {
            byte[][] bytes = done.get();
            List<R> values = new ArrayList<>(bytes.length);
            for (byte[] value : bytes) {
                values.add((R) serialization.read(value));
            }
            result.complete(Collections.unmodifiableList(values));
        } catch (IgniteException e) {
            result.completeExceptionally(new ComputeException(label + ": " + rootMessage(e), e));
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            result.completeExceptionally(new ComputeException(label + ": a result cannot be read on this node: "
                    + SliceJob.describe(e), e));
        }
    }

    /** Ignite wraps a task's failure in layers of its own; the innermost message says what happened. */
    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof CompletionException)) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? SliceJob.describe(cause) : cause.getMessage();
    }

    @Override
    public EngineStatus status() {
        try {
            return clusterStatus();
        } catch (IllegalStateException | IgniteException e) {
            // Ignite refuses calls on a node that has stopped: between a failure and the restart
            return new EngineStatus(NAME, 0, 0, gate.waitingTasks(), 0, counters.completed.sum(),
                    counters.failed.sum(), counters.failedOver.sum(),
                    List.of(settings.instanceName() + " is not running; it is being started again"));
        }
    }

    private EngineStatus clusterStatus() {
        Ignite ignite = node.ignite();
        ClusterGroup servers = ignite.cluster().forServers();
        Collection<ClusterNode> nodes = servers.nodes();
        int workers = 0;
        List<String> members = new ArrayList<>();
        for (ClusterNode member : nodes) {
            Integer memberWorkers = member.attribute(EngineNode.WORKERS_ATTRIBUTE);
            workers += memberWorkers == null ? 0 : memberWorkers;
            ClusterMetrics metrics = member.metrics();
            members.add(member.consistentId() + " " + member.addresses() + " workers " + memberWorkers + ", running "
                    + metrics.getCurrentActiveJobs() + ", waiting " + metrics.getCurrentWaitingJobs() + ", cpu "
                    + Math.round(metrics.getCurrentCpuLoad() * 100) + "%"
                    + (member.isLocal() ? " (this node)" : ""));
        }
        ClusterMetrics cluster = nodes.isEmpty() ? null : servers.metrics();
        int queued = gate.waitingTasks() + (cluster == null ? 0 : cluster.getCurrentWaitingJobs());
        int active = cluster == null ? 0 : cluster.getCurrentActiveJobs();
        return new EngineStatus(NAME, nodes.size(), workers, queued, active, counters.completed.sum(),
                counters.failed.sum(), counters.failedOver.sum(), members);
    }

    /** Bytes of tasks and inputs sent to the cluster, and of results received, since the engine started. */
    public long[] transferredBytes() {
        return new long[] {counters.sentBytes.sum(), counters.receivedBytes.sum()};
    }

    /**
     * Stops the node once the jobs it runs for callers have finished (the service is unregistered by then, so new
     * jobs go to another engine; a swap loses no work), or when the configured drain time has passed: jobs still
     * running then fail with a message saying so.
     */
    @Deactivate
    @Override
    public void close() {
        long deadline = System.nanoTime() + settings.stopDrain().toNanos();
        awaitNoneRunning(deadline);
        stopped = true;
        awaitNoneRunning(deadline); // calls that came in through a reference taken before the service went away
        Ignition.removeListener(nodeWatch);
        restarts.shutdown();
        try {
            synchronized (lifecycle) {
                node.close();
            }
        } finally {
            running.keySet().forEach(future -> future.completeExceptionally(new ComputeException(
                    "the Ignite engine stopped while the job ran")));
        }
    }

    private void awaitNoneRunning(long deadline) {
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
