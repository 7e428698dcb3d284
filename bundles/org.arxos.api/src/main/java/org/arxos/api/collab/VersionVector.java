package org.arxos.api.collab;

import java.util.HashMap;
import java.util.Map;

/**
 * For each client, the highest operation sequence seen with none missing below it: the causal context of an operation.
 *
 * @param seen client id to the highest contiguous sequence seen from it
 */
public record VersionVector(Map<String, Long> seen) {

    public static final VersionVector EMPTY = new VersionVector(Map.of());

    public VersionVector {
        seen = Map.copyOf(seen);
    }

    /** Whether the operation {@code sequence} of {@code clientId} is in this context. */
    public boolean includes(String clientId, long sequence) {
        Long s = seen.get(clientId);
        return s != null && s >= sequence;
    }

    public long sequenceOf(String clientId) {
        return seen.getOrDefault(clientId, 0L);
    }

    public VersionVector with(String clientId, long sequence) {
        if (sequence <= sequenceOf(clientId)) {
            return this;
        }
        Map<String, Long> next = new HashMap<>(seen);
        next.put(clientId, sequence);
        return new VersionVector(next);
    }
}
