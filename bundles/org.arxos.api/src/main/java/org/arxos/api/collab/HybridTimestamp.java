package org.arxos.api.collab;

/**
 * A hybrid logical clock reading: physical milliseconds, a counter for events within one millisecond (or while the
 * physical clock lags behind what was received), and the client that read it, which makes the order total.
 * Timestamps order the operations of a building the same way on every replica.
 *
 * @param wallMillis milliseconds since the epoch, as far as the client's clock knew
 * @param counter    events after {@code wallMillis} at that client, from 0
 * @param clientId   the client that made the timestamp
 */
public record HybridTimestamp(long wallMillis, int counter, String clientId) implements Comparable<HybridTimestamp> {

    public HybridTimestamp {
        Operation.requireClientId(clientId);
        if (wallMillis < 0 || counter < 0) {
            throw new IllegalArgumentException("a hybrid timestamp cannot be negative: " + wallMillis + "." + counter);
        }
    }

    @Override
    public int compareTo(HybridTimestamp other) {
        // by hand rather than with a Comparator chain: replicas compare timestamps for every operation they place
        if (wallMillis != other.wallMillis) {
            return Long.compare(wallMillis, other.wallMillis);
        }
        if (counter != other.counter) {
            return Integer.compare(counter, other.counter);
        }
        return clientId.compareTo(other.clientId);
    }

    @Override
    public String toString() {
        return wallMillis + "." + counter + "@" + clientId;
    }
}
