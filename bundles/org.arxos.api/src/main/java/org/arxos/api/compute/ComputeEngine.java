package org.arxos.api.compute;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BinaryOperator;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs work in parallel, on this machine or a cluster. Register with {@code arxos.impl} set to the engine's name
 * ({@code local}, {@code ignite}) and a {@code service.ranking}; the serving engine is picked per job, so an engine
 * swapped while a job runs finishes that job.
 *
 * <p>Tasks, their inputs and their results are serializable so that an engine may run them on other nodes. An
 * engine runs each input's task to completion exactly once as far as the caller can see: when a node fails, its
 * tasks run again elsewhere and only one result per input is delivered.
 */
@ConsumerType
public interface ComputeEngine {

    /**
     * Runs the task on every input in parallel (a parallel batch; the map step of map-reduce; a pipeline when the
     * task is a chain of {@link ComputeTask#andThen stages}). The inputs are read while the map runs (a remote engine
     * serializes each as it sends it): they must not change until it completes.
     *
     * @return the results in input order; completes exceptionally with {@link ComputeException} when a task threw
     *         (naming the input's index), the options' timeout passed, or the future was cancelled
     */
    <T extends Serializable, R extends Serializable> CompletableFuture<List<R>> map(List<T> inputs,
            ComputeTask<T, R> task, JobOptions options);

    /** Map-reduce: runs the task on every input and folds the results in input order, so the result is deterministic. */
    default <T extends Serializable, R extends Serializable> CompletableFuture<R> mapReduce(List<T> inputs,
            ComputeTask<T, R> task, BinaryOperator<R> reduce, R identity, JobOptions options) {
        return map(inputs, task, options).thenApply(results -> {
            R folded = identity;
            for (R result : results) {
                folded = reduce.apply(folded, result);
            }
            return folded;
        });
    }

    EngineStatus status();
}
