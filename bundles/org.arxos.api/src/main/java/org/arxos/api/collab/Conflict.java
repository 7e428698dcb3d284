package org.arxos.api.collab;

/**
 * @param targetId the object or connection in conflict
 * @param field    the property or aspect ({@code "parent"}, {@code "geometry"}, a property name)
 * @param outcome  what the resolver did
 * @param message  a sentence naming both authors and values
 */
public record Conflict(String targetId, String field, Outcome outcome, String message) {

    public enum Outcome {
        /** The incoming change won; the earlier value was overwritten. */
        OVERWRITTEN,
        /** The incoming change lost and was dropped. */
        DROPPED,
        /** Both were kept (for example as a multi-value). */
        MERGED,
        /** Parked for a person to decide. */
        PARKED
    }
}
