package org.arxos.cache;

import java.util.concurrent.atomic.LongAdder;

import org.arxos.api.cache.TierStats;

/** The counters a tier keeps in memory for its {@link TierStats}: gets (hits, misses, time taken) and evictions. */
public final class TierCounters {

    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder getNanos = new LongAdder();
    private final LongAdder evictions = new LongAdder();

    /** Counts a get that began at {@code startNanos} ({@link System#nanoTime()}) and ends now. */
    public void recordGet(boolean hit, long startNanos) {
        getNanos.add(System.nanoTime() - startNanos);
        (hit ? hits : misses).increment();
    }

    public void recordEvictions(long count) {
        evictions.add(count);
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    public long evictions() {
        return evictions.sum();
    }

    /** The mean time of a get in microseconds; 0 before the first. */
    public double meanGetMicros() {
        long gets = hits.sum() + misses.sum();
        return gets == 0 ? 0 : getNanos.sum() / 1_000.0 / gets;
    }

    /** These counters with the sizes and availability the tier knows. */
    public TierStats stats(String tier, long entries, long bytes, boolean available) {
        return new TierStats(tier, hits(), misses(), evictions(), entries, bytes, meanGetMicros(), available);
    }
}
