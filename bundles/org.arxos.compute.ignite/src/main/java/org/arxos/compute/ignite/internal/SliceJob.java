package org.arxos.compute.ignite.internal;

import java.io.Serializable;

import org.apache.ignite.Ignite;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobFailoverException;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.arxos.api.compute.ComputeTask;

/**
 * One input's task as an Ignite job: the only class Ignite ever (de)serializes. It carries the task and the input as
 * bytes of {@link BundleSerialization}, which the executing node reads with the class loaders of the bundles that
 * define them.
 */
final class SliceJob implements ComputeJob {

    private static final long serialVersionUID = 1L;

    private final int index;
    private final int inputs;
    private final byte[] task;
    private final byte[] input;
    private final String taskBundle;

    @IgniteInstanceResource
    private transient Ignite ignite;
    private transient volatile boolean cancelled;

    SliceJob(int index, int inputs, byte[] task, byte[] input, String taskBundle) {
        this.index = index;
        this.inputs = inputs;
        this.task = task;
        this.input = input;
        this.taskBundle = taskBundle;
    }

    int index() {
        return index;
    }

    /** Bytes this job sends to its node (task and input), for the engine's transfer counters. */
    long bytes() {
        return task.length + input.length;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object execute() {
        String node = ignite.cluster().localNode().consistentId().toString();
        BundleSerialization serialization = EngineNode.serialization(ignite);
        Object result;
        try {
            ComputeTask<Object, Object> runnable = (ComputeTask<Object, Object>) serialization.read(task);
            result = runnable.apply(serialization.read(input));
        } catch (ClassNotFoundException e) {
            return SliceOutcome.failed(index, "the task on input " + index + " of " + inputs + " cannot be loaded on "
                    + "node " + node + ": " + e.getMessage() + " (task bundle " + describe(taskBundle)
                    + "; no peer class loading: install the bundle on every node)");
        } catch (Exception | LinkageError | StackOverflowError e) {
            if (cancelled) {
                // its node is stopping (a cancelled task takes no more results): run it elsewhere
                throw new ComputeJobFailoverException("input " + index + " was cancelled on node " + node);
            }
            return SliceOutcome.failed(index, "the task on input " + index + " of " + inputs + " failed on node "
                    + node + ": " + describe(e));
        }
        try {
            return SliceOutcome.succeeded(index, serialization.write((Serializable) result));
        } catch (Exception | LinkageError e) {
            return SliceOutcome.failed(index, "the result of input " + index + " of " + inputs + " cannot be sent "
                    + "back from node " + node + ": " + describe(e));
        }
    }

    @Override
    public void cancel() {
        // Ignite interrupts the job's thread too; a task that checks for interruption ends early
        cancelled = true;
    }

    static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static String describe(String bundle) {
        return bundle.isEmpty() ? "(class path)" : bundle;
    }
}
