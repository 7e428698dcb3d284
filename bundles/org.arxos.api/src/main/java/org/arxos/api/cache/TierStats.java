package org.arxos.api.cache;

/** Counters of one tier since it started. */
public record TierStats(String tier, long hits, long misses, long evictions, long entries, long bytes,
        double meanLatencyMicros, boolean available) {
}
