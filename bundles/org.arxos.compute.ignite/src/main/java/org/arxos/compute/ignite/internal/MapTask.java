package org.arxos.compute.ignite.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.apache.ignite.IgniteException;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.cluster.ClusterTopologyException;
import org.apache.ignite.compute.ComputeExecutionRejectedException;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobFailoverException;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeJobResultPolicy;
import org.apache.ignite.compute.ComputeLoadBalancer;
import org.apache.ignite.compute.ComputeTaskAdapter;
import org.apache.ignite.compute.ComputeTaskContinuousMapper;
import org.apache.ignite.resources.LoadBalancerResource;
import org.apache.ignite.resources.TaskContinuousMapperResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code map} call as an Ignite task, mapped, watched and reduced on the submitting node. Jobs go out in input
 * order as nodes ask for them: each server node first gets {@code jobsPerWorker} jobs per worker, then one more each
 * time it returns a result; an input is serialized when its job is sent, so the submitting node holds as bytes only
 * the jobs out on the nodes. So a node never idles while jobs wait elsewhere (no waiting for a steal), and when the
 * inputs come largest first, the map ends on small jobs. This is the engine's load balancing: least loaded first, with
 * no job waiting on a busy node while another idles (Ignite's job stealing needs a node's queue empty and a metrics
 * round before it moves a job, and failed maps when combined with this). Exactly one result per input: a job whose
 * node left or refused it is failed over (run again elsewhere), and a result for an input that already has one is
 * dropped, so a job that ran twice is delivered once. The first task failure ends the task (its other jobs are
 * cancelled).
 */
final class MapTask extends ComputeTaskAdapter<Object, byte[][]> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MapTask.class);

    private final transient int inputs;
    private final transient Jobs jobs;
    private final transient byte[][] results;
    private final transient EngineCounters counters;
    private final transient int jobsPerWorker;
    private transient int sent;
    private transient int delivered;
    private transient String failure;

    @LoadBalancerResource
    private transient ComputeLoadBalancer balancer;
    @TaskContinuousMapperResource
    private transient ComputeTaskContinuousMapper mapper;

    /** Makes the job of an input when it is about to be sent (so only the jobs out on the nodes are held as bytes). */
    @FunctionalInterface
    interface Jobs {
        SliceJob job(int index) throws IOException;
    }

    /** @param jobsPerWorker jobs a server node holds per worker (at least 1): running and waiting to run */
    MapTask(int inputs, Jobs jobs, EngineCounters counters, int jobsPerWorker) {
        this.inputs = inputs;
        this.jobs = jobs;
        this.results = new byte[inputs][];
        this.counters = counters;
        this.jobsPerWorker = jobsPerWorker;
    }

    @Override
    public Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, Object argument) {
        Map<ComputeJob, ClusterNode> mapped = new HashMap<>();
        int rounds = subgrid.stream().mapToInt(MapTask::workers).max().orElse(1) * jobsPerWorker;
        synchronized (results) {
            for (int round = 0; round < rounds; round++) {
                for (ClusterNode node : subgrid) {
                    if (round < workers(node) * jobsPerWorker && sent < inputs) {
                        mapped.put(take(), node);
                    }
                }
            }
        }
        return mapped;
    }

    private static int workers(ClusterNode node) {
        Integer workers = node.attribute(EngineNode.WORKERS_ATTRIBUTE);
        return workers == null || workers < 1 ? 1 : workers;
    }

    /** The next job to send; the caller holds the lock on {@code results}. */
    private SliceJob take() {
        int index = sent++;
        SliceJob job;
        try {
            job = jobs.job(index);
        } catch (IOException | RuntimeException e) {
            // no cause: the engine reports a task failure's innermost message
            throw new IgniteException("input " + index + " of " + inputs + " cannot be serialized to send it to the "
                    + "cluster: " + SliceJob.describe(e));
        }
        counters.sentBytes.add(job.bytes());
        return job;
    }

    /** Sends a job to the node that has just returned one (outside the lock: Ignite may answer on this thread). */
    private void send(SliceJob job, ClusterNode node) {
        try {
            mapper.send(job, node);
        } catch (IgniteException e) {
            // the node is leaving: any other node will do
            mapper.send(job, balancer.getBalancedNode(job, List.of(node)));
        }
    }

    @Override
    public ComputeJobResultPolicy result(ComputeJobResult result, List<ComputeJobResult> received) {
        IgniteException exception = result.getException();
        if (exception != null) {
            if (exception instanceof ClusterTopologyException || exception instanceof ComputeJobFailoverException
                    || exception instanceof ComputeExecutionRejectedException) {
                counters.failedOver.increment();
                return ComputeJobResultPolicy.FAILOVER;
            }
            return fail("a job failed on node " + result.getNode().consistentId() + ": "
                    + SliceJob.describe(exception));
        }
        SliceOutcome outcome = result.getData();
        if (outcome.failure() != null) {
            return fail(outcome.failure());
        }
        SliceJob next = null;
        synchronized (results) {
            if (results[outcome.index()] != null) {
                LOG.warn("dropped a second result for input {} (from node {}): each input is delivered once",
                        outcome.index(), result.getNode().consistentId());
                return ComputeJobResultPolicy.WAIT;
            }
            results[outcome.index()] = outcome.result();
            delivered++;
            counters.completed.increment();
            counters.receivedBytes.add(outcome.result().length);
            if (sent < inputs && failure == null) {
                try {
                    next = take();
                } catch (IgniteException e) {
                    return fail(e.getMessage());
                }
            }
        }
        if (next != null) {
            // before WAIT is returned: a task whose sent jobs have all returned is reduced
            send(next, result.getNode());
        }
        return ComputeJobResultPolicy.WAIT;
    }

    private ComputeJobResultPolicy fail(String why) {
        synchronized (results) {
            if (failure == null) {
                failure = why;
                counters.failed.increment();
            }
        }
        return ComputeJobResultPolicy.REDUCE;
    }

    @Override
    public byte[][] reduce(List<ComputeJobResult> received) {
        synchronized (results) {
            if (failure != null) {
                throw new IgniteException(failure);
            }
            if (delivered != results.length) {
                List<Integer> missing = new ArrayList<>();
                for (int i = 0; i < results.length; i++) {
                    if (results[i] == null) {
                        missing.add(i);
                    }
                }
                throw new IgniteException("no result for inputs " + missing);
            }
            return results.clone();
        }
    }

    /** The engine's counters that its tasks add to. */
    static final class EngineCounters {
        final LongAdder completed = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder failedOver = new LongAdder();
        final LongAdder sentBytes = new LongAdder();
        final LongAdder receivedBytes = new LongAdder();
    }
}
