package org.arxos.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.arxos.api.cache.TierStats;
import org.junit.jupiter.api.Test;

class TierCountersTest {

    @Test
    void statsCarryTheCountsAndTheMeanGetTime() {
        TierCounters counters = new TierCounters();
        assertEquals(0, counters.meanGetMicros(), "no gets yet");

        long start = System.nanoTime();
        counters.recordGet(true, start);
        counters.recordGet(false, start);
        counters.recordGet(false, start);
        counters.recordEvictions(4);
        TierStats stats = counters.stats("test", 7, 700, false);

        assertEquals("test", stats.tier());
        assertEquals(1, stats.hits());
        assertEquals(2, stats.misses());
        assertEquals(4, stats.evictions());
        assertEquals(7, stats.entries());
        assertEquals(700, stats.bytes());
        assertTrue(stats.meanLatencyMicros() > 0, "mean " + stats.meanLatencyMicros());
        assertFalse(stats.available());
    }
}
