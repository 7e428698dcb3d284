package org.arxos.api.compute;

import java.io.Serializable;
import java.util.Objects;

/**
 * One unit of work: a function of its input alone, so that an engine may run it on any node, run it again after a
 * node failed, and get the same result. Tasks, inputs and results are serializable; a task's class is found on the
 * node that runs it in the bundle that defines it, so the bundle must be installed on every node (no peer class
 * loading).
 */
@FunctionalInterface
public interface ComputeTask<T, R> extends Serializable {

    R apply(T input) throws Exception;

    /** A pipeline stage: this task, then {@code next} on its result, on the same node. */
    default <V> ComputeTask<T, V> andThen(ComputeTask<? super R, ? extends V> next) {
        Objects.requireNonNull(next, "next stage");
        return input -> next.apply(apply(input));
    }
}
