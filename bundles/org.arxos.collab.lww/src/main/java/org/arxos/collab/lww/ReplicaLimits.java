package org.arxos.collab.lww;

/**
 * The limits of one {@link ServerOrderedReplica}.
 *
 * @param maxHistory how many revisions back an operation may be based; an older one is refused and its client must
 *                   catch up. The replica remembers writers for about twice this many revisions.
 * @param maxParked  how many conflicts may wait for a person at once; beyond that a write that would be parked is
 *                   dropped instead (and reported {@code DROPPED}). 0 for policies that never park.
 */
public record ReplicaLimits(int maxHistory, int maxParked) {

    public ReplicaLimits {
        if (maxHistory < 1) {
            throw new IllegalArgumentException("maxHistory must be 1 or more, not " + maxHistory);
        }
        if (maxParked < 0) {
            throw new IllegalArgumentException("maxParked cannot be negative: " + maxParked);
        }
    }
}
