package org.arxos.compute.local.internal;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.arxos.api.compute.ComputeEngine;
import org.arxos.api.compute.ComputeException;
import org.arxos.api.compute.ComputeTask;
import org.arxos.api.compute.EngineStatus;
import org.arxos.api.compute.JobOptions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The compute engine of a single server: every input's task is queued at the job's priority on one pool of worker
 * threads, so a high-priority job overtakes the tasks of lower ones still waiting. Tasks run in this JVM on the
 * objects given, without serialization. A change of configuration restarts the engine; jobs it was running fail with
 * a message saying so.
 */
@Component(service = ComputeEngine.class, configurationPid = LocalEngineConfiguration.PID,
        property = {"arxos.impl=" + LocalComputeEngine.NAME, "service.ranking:Integer=0"})
@Designate(ocd = LocalEngineConfiguration.class)
public final class LocalComputeEngine implements ComputeEngine, AutoCloseable {

    static final String NAME = "local";

    private final WorkerPool pool;
    private final ScheduledThreadPoolExecutor timeouts;
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Map<MapRun<?, ?>, Boolean> runs = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    @Activate
    public LocalComputeEngine(LocalEngineConfiguration configuration) {
        this(configuration.workers() > 0 ? configuration.workers() : Runtime.getRuntime().availableProcessors());
    }

    public LocalComputeEngine(int workers) {
        this.pool = new WorkerPool("arxos-compute-local", workers);
        this.timeouts = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "arxos-compute-local-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        timeouts.setRemoveOnCancelPolicy(true);
    }

    @Override
    public <T extends Serializable, R extends Serializable> CompletableFuture<List<R>> map(List<T> inputs,
            ComputeTask<T, R> task, JobOptions options) {
        if (stopped) {
            return CompletableFuture.failedFuture(new ComputeException(options.label()
                    + ": the local compute engine has stopped"));
        }
        if (inputs.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        MapRun<T, R> run = new MapRun<>(inputs, task, options.label(), completed, failed);
        runs.put(run, Boolean.TRUE);
        ScheduledFuture<?> timeout = timeouts.schedule(() -> run.fail(new ComputeException(options.label()
                + ": did not finish within its timeout of " + options.timeout().toMillis() + " ms")),
                options.timeout().toNanos(), TimeUnit.NANOSECONDS);
        run.future().whenComplete((done, failure) -> {
            timeout.cancel(false);
            runs.remove(run);
        });
        for (int i = 0; i < run.size(); i++) {
            int index = i;
            pool.execute(options.priority(), () -> run.run(index));
        }
        return run.future();
    }

    @Override
    public EngineStatus status() {
        int running = pool.running();
        return new EngineStatus(NAME, 1, pool.workers(), pool.queued(), running, completed.sum(), failed.sum(), 0,
                List.of(NAME + ": " + pool.workers() + " workers, " + running + " busy, " + runs.size() + " jobs"));
    }

    @Deactivate
    @Override
    public void close() {
        stopped = true;
        pool.close();
        timeouts.shutdownNow();
        runs.keySet().forEach(run -> run.fail(new ComputeException("the local compute engine stopped while the job "
                + "ran")));
    }
}
