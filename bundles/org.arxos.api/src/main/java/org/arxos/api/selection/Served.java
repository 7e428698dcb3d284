package org.arxos.api.selection;

import java.util.List;

/**
 * The result of a guarded call.
 *
 * @param value          what the implementation returned
 * @param implementation the implementation that returned it
 * @param failures       the implementations tried before it that failed, in the order they were tried
 * @param <R>            what the call returns
 */
public record Served<R>(R value, Implementation implementation, List<CallFailure> failures) {

    public Served {
        failures = List.copyOf(failures);
    }
}
