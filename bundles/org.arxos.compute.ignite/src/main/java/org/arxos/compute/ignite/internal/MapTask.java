package org.arxos.compute.ignite.internal;

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
import org.apache.ignite.resources.LoadBalancerResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code map} call as an Ignite task, mapped, watched and reduced on the submitting node. Exactly one result per
 * input: a job whose node left is failed over (run again elsewhere), a job stolen by an idle node is handed over, and
 * a result for an input that already has one is dropped, so a job that ran twice is delivered once. The first task
 * failure ends the task (its other jobs are cancelled).
 */
final class MapTask extends ComputeTaskAdapter<Object, byte[][]> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MapTask.class);

    private final transient List<SliceJob> jobs;
    private final transient byte[][] results;
    private final transient EngineCounters counters;
    private transient int delivered;
    private transient String failure;

    @LoadBalancerResource
    private transient ComputeLoadBalancer balancer;

    MapTask(List<SliceJob> jobs, EngineCounters counters) {
        this.jobs = List.copyOf(jobs);
        this.results = new byte[jobs.size()][];
        this.counters = counters;
    }

    @Override
    public Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, Object argument) {
        Map<ComputeJob, ClusterNode> mapped = new HashMap<>();
        for (SliceJob job : jobs) {
            mapped.put(job, balancer.getBalancedNode(job, null));
            counters.sentBytes.add(job.bytes());
        }
        return mapped;
    }

    @Override
    public ComputeJobResultPolicy result(ComputeJobResult result, List<ComputeJobResult> received) {
        IgniteException exception = result.getException();
        if (exception != null) {
            if (exception instanceof ComputeExecutionRejectedException) {
                // stolen by an idle node: the failover SPI hands it to the thief
                return ComputeJobResultPolicy.FAILOVER;
            }
            if (exception instanceof ClusterTopologyException || exception instanceof ComputeJobFailoverException) {
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
        synchronized (results) {
            if (results[outcome.index()] != null) {
                LOG.warn("dropped a second result for input {} (from node {}): each input is delivered once",
                        outcome.index(), result.getNode().consistentId());
                return ComputeJobResultPolicy.WAIT;
            }
            results[outcome.index()] = outcome.result();
            delivered++;
        }
        counters.completed.increment();
        counters.receivedBytes.add(outcome.result().length);
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
