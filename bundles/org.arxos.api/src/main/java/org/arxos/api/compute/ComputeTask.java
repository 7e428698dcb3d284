package org.arxos.api.compute;

import java.io.Serializable;

/** One unit of work; it must not depend on state outside its input. */
@FunctionalInterface
public interface ComputeTask<T, R> extends Serializable {

    R apply(T input) throws Exception;
}
