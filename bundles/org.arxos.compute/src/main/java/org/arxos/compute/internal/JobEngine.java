package org.arxos.compute.internal;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.arxos.api.compute.ComputeEngine;
import org.arxos.api.compute.ComputeException;
import org.arxos.api.compute.ComputeTask;
import org.arxos.api.compute.EngineStatus;
import org.arxos.api.compute.JobOptions;

/**
 * The engine as one job sees it: the engine chosen when the job started (so a swap lets the job finish where it
 * began), with every piece of work it started cancelled when the job ends early.
 */
final class JobEngine implements ComputeEngine {

    private final Set<CompletableFuture<?>> running = ConcurrentHashMap.newKeySet();
    private volatile ComputeEngine engine;
    private volatile boolean cancelled;

    void use(ComputeEngine chosen) {
        engine = chosen;
    }

    @Override
    public <T extends Serializable, R extends Serializable> CompletableFuture<List<R>> map(List<T> inputs,
            ComputeTask<T, R> task, JobOptions options) {
        if (cancelled) {
            return CompletableFuture.failedFuture(new ComputeException(options.label() + ": the job has ended"));
        }
        CompletableFuture<List<R>> work = engine.map(inputs, task, options);
        running.add(work);
        work.whenComplete((done, failure) -> running.remove(work));
        if (cancelled) {
            work.cancel(true);
        }
        return work;
    }

    @Override
    public EngineStatus status() {
        return engine.status();
    }

    void cancel() {
        cancelled = true;
        running.forEach(work -> work.cancel(true));
    }
}
