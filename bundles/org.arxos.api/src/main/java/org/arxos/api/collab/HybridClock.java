package org.arxos.api.collab;

import java.util.function.LongSupplier;

/**
 * One client's hybrid logical clock (Kulkarni et al.): every timestamp it gives is later than every timestamp it gave
 * or {@link #receive(HybridTimestamp) received}, and stays close to physical time. Not thread-safe: one per client.
 */
public final class HybridClock {

    private final String clientId;
    private final LongSupplier physicalMillis;
    private long wall;
    private int counter;

    public HybridClock(String clientId, LongSupplier physicalMillis) {
        Operation.requireClientId(clientId);
        this.clientId = clientId;
        this.physicalMillis = physicalMillis;
    }

    /** A timestamp for a local event. */
    public HybridTimestamp now() {
        advance(0, 0);
        return new HybridTimestamp(wall, counter, clientId);
    }

    /** Takes a timestamp made elsewhere into account, so that later local timestamps order after it. */
    public void receive(HybridTimestamp remote) {
        advance(remote.wallMillis(), remote.counter());
    }

    private void advance(long remoteWall, int remoteCounter) {
        long physical = physicalMillis.getAsLong();
        long next = Math.max(physical, Math.max(wall, remoteWall));
        int nextCounter;
        if (next == wall && next == remoteWall) {
            nextCounter = Math.max(counter, remoteCounter) + 1;
        } else if (next == wall) {
            nextCounter = counter + 1;
        } else if (next == remoteWall) {
            nextCounter = remoteCounter + 1;
        } else {
            nextCounter = 0;
        }
        wall = next;
        counter = nextCounter;
    }
}
