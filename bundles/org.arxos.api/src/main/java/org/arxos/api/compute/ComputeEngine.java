package org.arxos.api.compute;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BinaryOperator;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs work in parallel, on this machine or a cluster. Register with {@code arxos.impl} set to the engine's name
 * ({@code local}, {@code ignite}). Tasks and their inputs and results are serializable so that an engine may run them
 * on other nodes.
 */
@ConsumerType
public interface ComputeEngine {

    /** Runs the task on every input in parallel; the results come in input order. */
    <T extends Serializable, R extends Serializable> CompletableFuture<List<R>> map(List<T> inputs,
            ComputeTask<T, R> task, JobOptions options);

    /** Map-reduce: runs the task on every input and folds the results with {@code reduce}. */
    default <T extends Serializable, R extends Serializable> CompletableFuture<R> mapReduce(List<T> inputs,
            ComputeTask<T, R> task, BinaryOperator<R> reduce, R identity, JobOptions options) {
        return map(inputs, task, options).thenApply(results -> results.stream().reduce(identity, reduce));
    }

    EngineStatus status();
}
