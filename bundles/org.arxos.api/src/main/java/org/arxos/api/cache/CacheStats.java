package org.arxos.api.cache;

import java.util.List;

/** Counters of the whole cache and of each tier, fastest first. */
public record CacheStats(long requests, long hits, long computations, List<TierStats> tiers) {

    public CacheStats {
        tiers = List.copyOf(tiers);
    }

    public double hitRate() {
        return requests == 0 ? 0 : (double) hits / requests;
    }
}
