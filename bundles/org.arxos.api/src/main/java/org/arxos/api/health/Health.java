package org.arxos.api.health;

import java.util.Map;

/**
 * @param status  the state of the component
 * @param message a sentence for an operator, empty when UP
 * @param details small facts (counts, latencies, names)
 */
public record Health(Status status, String message, Map<String, Object> details) {

    public enum Status {
        UP, DEGRADED, DOWN;

        /** The worse of two states. */
        public Status and(Status other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    public Health {
        message = message == null ? "" : message;
        details = Map.copyOf(details);
    }

    public static Health up(Map<String, Object> details) {
        return new Health(Status.UP, "", details);
    }

    public static Health down(String message) {
        return new Health(Status.DOWN, message, Map.of());
    }
}
