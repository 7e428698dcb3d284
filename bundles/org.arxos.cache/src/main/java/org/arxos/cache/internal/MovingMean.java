package org.arxos.cache.internal;

/**
 * A mean of durations that follows the latest ones: each new one moves it by a sixteenth of the difference, so about
 * the last sixteen count. Updated without a lock; racing updates lose one of them, which a mean can afford.
 */
final class MovingMean {

    private static final int SMOOTHING = 16;

    private volatile long nanos;

    void add(long elapsedNanos) {
        long mean = nanos;
        nanos = mean == 0 ? Math.max(1, elapsedNanos) : mean + (elapsedNanos - mean) / SMOOTHING;
    }

    /** The mean, 0 before anything was added. */
    long nanos() {
        return nanos;
    }
}
