package org.arxos.api.selection;

/**
 * One failed call of one implementation.
 *
 * @param implementation the implementation that failed
 * @param kind           how it failed
 * @param message        what happened, for an operator: the exception and its message, the time limit, or why the
 *                       result was rejected
 */
public record CallFailure(Implementation implementation, Kind kind, String message) {

    public enum Kind {
        /** The call threw an exception that is not one of the call's answers. */
        THREW,
        /** The call did not return within the time limit. */
        TIMED_OUT,
        /** The call returned {@code null} or a result its validator rejected. */
        INVALID
    }

    /** "threw IllegalStateException: its message", the way a failure message names an exception. */
    public static String describe(Throwable exception) {
        String message = exception.getMessage();
        return "threw " + exception.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** A summary for the caller's user, without the details meant for an operator: "'faulty' timed out". */
    public String summary() {
        return "'" + implementation.name() + "' " + switch (kind) {
            case THREW -> "failed";
            case TIMED_OUT -> "timed out";
            case INVALID -> "returned an invalid result";
        };
    }
}
