package org.arxos.compute.local.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

import org.arxos.api.compute.ComputeException;
import org.arxos.api.compute.ComputeTask;

/**
 * One {@code map} call: a task per input, results kept by index. Once the future is done (all results in, a task
 * failed, the timeout passed, or the caller cancelled) the inputs still queued are skipped and the ones running are
 * interrupted.
 */
final class MapRun<T extends Serializable, R extends Serializable> {

    private final List<T> inputs;
    private final ComputeTask<T, R> task;
    private final String label;
    private final AtomicReferenceArray<R> results;
    private final AtomicInteger remaining;
    private final CompletableFuture<List<R>> future = new CompletableFuture<>();
    /** Threads running one of this run's inputs; interrupts are sent only while holding the set's lock. */
    private final Set<Thread> runningOn = new HashSet<>();
    private final LongAdder completed;
    private final LongAdder failed;

    MapRun(List<T> inputs, ComputeTask<T, R> task, String label, LongAdder completed, LongAdder failed) {
        this.inputs = List.copyOf(inputs);
        this.task = task;
        this.label = label;
        this.results = new AtomicReferenceArray<>(inputs.size());
        this.remaining = new AtomicInteger(inputs.size());
        this.completed = completed;
        this.failed = failed;
        future.whenComplete((done, failure) -> {
            if (failure != null) {
                interruptRunning();
            }
        });
    }

    CompletableFuture<List<R>> future() {
        return future;
    }

    int size() {
        return inputs.size();
    }

    /** Runs the task on input {@code index} unless the run has ended. */
    void run(int index) {
        if (future.isDone()) {
            return;
        }
        Thread current = Thread.currentThread();
        synchronized (runningOn) {
            runningOn.add(current);
        }
        try {
            R result = task.apply(inputs.get(index));
            completed.increment();
            results.set(index, result);
            if (remaining.decrementAndGet() == 0) {
                future.complete(collect());
            }
        } catch (Exception | LinkageError | StackOverflowError e) {
            if (!future.isDone()) {
                failed.increment();
                future.completeExceptionally(new ComputeException(label + ": the task on input " + index + " of "
                        + inputs.size() + " failed: " + describe(e), e));
            }
        } finally {
            synchronized (runningOn) {
                runningOn.remove(current);
            }
            // an interrupt meant for this run must not reach the worker's next task
            Thread.interrupted();
        }
    }

    void fail(ComputeException failure) {
        future.completeExceptionally(failure);
    }

    private List<R> collect() {
        List<R> collected = new ArrayList<>(results.length());
        for (int i = 0; i < results.length(); i++) {
            collected.add(results.get(i));
        }
        return Collections.unmodifiableList(collected);
    }

    private void interruptRunning() {
        synchronized (runningOn) {
            runningOn.forEach(Thread::interrupt);
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
