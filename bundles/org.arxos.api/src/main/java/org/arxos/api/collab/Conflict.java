package org.arxos.api.collab;

/**
 * Two concurrent operations wrote the same thing; one value was kept, the other overwritten.
 *
 * @param targetId    the object or connection in conflict
 * @param field       what was written: {@code "parent"}, {@code "name"}, {@code "geometry"}, or a property name
 * @param outcome     what happened to the value of the operation being resolved
 * @param kept        the value now held, with its author
 * @param overwritten the value that lost, with its author
 */
public record Conflict(String targetId, String field, Outcome outcome, AuthoredValue kept, AuthoredValue overwritten) {

    public enum Outcome {
        /** The operation being resolved won; a concurrent value was overwritten. */
        OVERWRITTEN,
        /** The operation being resolved lost to a concurrent value. */
        DROPPED,
        /** Both were kept (for example as a multi-value). */
        MERGED,
        /** Parked for a person to decide. */
        PARKED
    }

    /**
     * @param value     the value as text ({@code null} for no value: a cleared property, a removed object)
     * @param author    the user who wrote it
     * @param operation the operation that wrote it, {@code client#sequence}
     */
    public record AuthoredValue(String value, String author, String operation) {
    }

    /** A sentence naming both values and both authors. */
    public String message() {
        return "'" + targetId + "' " + field + ": " + describe(kept) + " was kept over " + describe(overwritten);
    }

    private static String describe(AuthoredValue v) {
        return (v.value() == null ? "no value" : "'" + v.value() + "'") + " by " + v.author() + " (" + v.operation() + ")";
    }
}
