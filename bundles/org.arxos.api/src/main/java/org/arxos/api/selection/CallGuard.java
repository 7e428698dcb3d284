package org.arxos.api.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a guarded call accepts from an implementation besides a timely, non-null result.
 *
 * @param validator says why a result must not reach the caller, or empty when it may; a result it rejects counts as
 *                  a failure of the implementation that returned it
 * @param answers   exception types that are the call's answer rather than a failure (the SPI declares them for a
 *                  request that no implementation could serve, such as an unknown floor): they reach the caller as
 *                  thrown, are not counted against the implementation and are not tried on another
 * @param <R>       what the call returns
 */
public record CallGuard<R>(Function<? super R, Optional<String>> validator,
        List<Class<? extends RuntimeException>> answers) {

    public CallGuard {
        answers = List.copyOf(answers);
    }

    /** Any non-null result is valid; every exception is a failure. */
    public static <R> CallGuard<R> any() {
        return new CallGuard<>(result -> Optional.empty(), List.of());
    }

    /** Results must pass the validator; every exception is a failure. */
    public static <R> CallGuard<R> validating(Function<? super R, Optional<String>> validator) {
        return new CallGuard<>(validator, List.of());
    }

    /** This guard, with exceptions of {@code type} passed to the caller as the call's answer. */
    public CallGuard<R> answering(Class<? extends RuntimeException> type) {
        List<Class<? extends RuntimeException>> more = new ArrayList<>(answers);
        more.add(type);
        return new CallGuard<>(validator, more);
    }

    /** Why {@code result} must not reach the caller ({@code null}, or the validator's reason); empty when it may. */
    public Optional<String> problemWith(R result) {
        return result == null ? Optional.of("returned null") : validator.apply(result);
    }

    /** Whether {@code failure} is one of the {@link #answers}. */
    public boolean isAnswer(Throwable failure) {
        return answers.stream().anyMatch(type -> type.isInstance(failure));
    }
}
