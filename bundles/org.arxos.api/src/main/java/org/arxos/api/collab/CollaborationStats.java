package org.arxos.api.collab;

/**
 * Counters since the host started.
 *
 * @param buildings  buildings with at least one session
 * @param sessions   sessions open now
 * @param operations operations acknowledged
 * @param refused    operations answered with an error
 * @param conflicts  conflicts reported
 * @param logLatencyMicros mean time from receiving an operation to having it in the durable log
 */
public record CollaborationStats(int buildings, int sessions, long operations, long refused, long conflicts,
        double logLatencyMicros) {
}
