package org.arxos.cache.ehcache.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.TierStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What both Ehcache tiers do, whatever they keep their entries in. */
abstract class EhcacheTierContract {

    static final Duration HOUR = Duration.ofHours(1);

    EhcacheTier tier;

    /**
     * A tier where each tenant has room for about {@code entries} values of {@code valueSize} bytes, or more where the
     * tier has a smallest partition.
     */
    abstract EhcacheTier newTier(int entries, int valueSize, int maxTenants);

    /** The largest value a partition of {@link #newTier} keeps. */
    abstract long largestValue(int entries, int valueSize);

    @AfterEach
    void closeTier() {
        if (tier != null) {
            tier.close();
        }
    }

    static CacheKey key(String tenant, String building, String operation, String hash) {
        return new CacheKey(tenant, building, operation, hash);
    }

    static CacheKey key(String tenant, int i) {
        return key(tenant, "b1", "render.tile", "h" + i);
    }

    static byte[] value(int size, int seed) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return bytes;
    }

    @Test
    void keepsWhatIsPutUntilRemoved() {
        tier = newTier(100, 64, 10);
        CacheKey key = key("acme", 1);

        assertTrue(tier.get(key).isEmpty());
        tier.put(key, value(64, 1), HOUR);
        assertArrayEquals(value(64, 1), tier.get(key).orElseThrow());
        tier.put(key, value(32, 2), HOUR);
        assertArrayEquals(value(32, 2), tier.get(key).orElseThrow());
        tier.remove(key);
        assertTrue(tier.get(key).isEmpty());
    }

    @Test
    void aTenantNeverReadsAnotherTenantsEntry() {
        tier = newTier(100, 64, 10);
        tier.put(key("acme", 1), value(64, 1), HOUR);

        assertTrue(tier.get(key("globex", 1)).isEmpty());
        tier.put(key("globex", 1), value(64, 2), HOUR);
        assertArrayEquals(value(64, 1), tier.get(key("acme", 1)).orElseThrow());
        assertArrayEquals(value(64, 2), tier.get(key("globex", 1)).orElseThrow());
    }

    @Test
    void eachEntryExpiresAfterItsOwnTimeToLive() throws InterruptedException {
        tier = newTier(100, 64, 10);
        tier.put(key("acme", 1), value(64, 1), Duration.ofMillis(300));
        tier.put(key("acme", 2), value(64, 2), HOUR);
        long putAt = System.nanoTime();

        Thread.sleep(Math.max(0, 700 - (System.nanoTime() - putAt) / 1_000_000));

        assertTrue(tier.get(key("acme", 1)).isEmpty());
        assertArrayEquals(value(64, 2), tier.get(key("acme", 2)).orElseThrow());
    }

    @Test
    void aTimeToLiveOfZeroKeepsNothing() {
        tier = newTier(100, 64, 10);
        tier.put(key("acme", 1), value(64, 1), HOUR);

        tier.put(key("acme", 1), value(64, 2), Duration.ZERO);
        tier.put(key("acme", 2), value(64, 2), Duration.ofSeconds(-1));

        assertTrue(tier.get(key("acme", 1)).isEmpty());
        assertTrue(tier.get(key("acme", 2)).isEmpty());
    }

    @Test
    void aTenantsPartitionEvictsWithinItsQuota() {
        int entries = 256;
        int valueSize = 4096;
        tier = newTier(entries, valueSize, 10);

        for (int i = 0; i < 5 * entries; i++) {
            tier.put(key("acme", i), value(valueSize, i), HOUR);
        }

        TierStats stats = tier.stats();
        assertTrue(stats.evictions() >= 3L * entries, "evictions " + stats.evictions());
        assertTrue(stats.entries() <= entries, "entries " + stats.entries());
        assertTrue(stats.bytes() <= (long) entries * valueSize, "bytes " + stats.bytes());
        assertEquals(5L * entries - stats.evictions(), stats.entries());
        assertTrue(tier.get(key("acme", 5 * entries - 1)).isPresent(), "the last entry put is kept");
    }

    @Test
    void oneTenantFillingItsQuotaEvictsNoneOfAnothersEntries() {
        int entries = 256;
        int valueSize = 4096;
        tier = newTier(entries, valueSize, 10);
        // well under the quota: a disk partition evicts when one of its 16 segments fills
        for (int i = 0; i < entries / 8; i++) {
            tier.put(key("globex", i), value(valueSize, i), HOUR);
        }

        for (int i = 0; i < 10 * entries; i++) {
            tier.put(key("acme", i), value(valueSize, i), HOUR);
            tier.get(key("acme", i / 2));
        }

        for (int i = 0; i < entries / 8; i++) {
            assertArrayEquals(value(valueSize, i), tier.get(key("globex", i)).orElseThrow(), "globex entry " + i);
        }
        assertTrue(tier.stats().evictions() >= 9L * entries);
    }

    @Test
    void invalidatesByGlobPatternAcrossPartitions() {
        tier = newTier(100, 64, 10);
        List<CacheKey> keys = List.of(key("acme", "b1", "render.tile", "h1"), key("acme", "b1", "render.tile", "h2"),
                key("acme", "b2", "render.tile", "h1"), key("acme", "b1", "calc.takeoff", "h1"),
                key("globex", "b1", "render.tile", "h1"), key("globex", "b~2f3", "render.tile", "h1"));
        for (CacheKey key : keys) {
            tier.put(key, value(64, 1), HOUR);
        }

        assertEquals(2, tier.invalidate("acme:b1:render.tile:*"));
        assertEquals(List.of(keys.get(2), keys.get(3), keys.get(4), keys.get(5)), present(keys));
        assertEquals(2, tier.invalidate("*:b1:*"));
        assertEquals(List.of(keys.get(2), keys.get(5)), present(keys));
        assertEquals(0, tier.invalidate("initech:*"));
        assertEquals(1, tier.invalidate("globex:b~2f3:*"));
        assertEquals(1, tier.invalidate("*"));
        assertEquals(List.of(), present(keys));
        assertEquals(0, tier.stats().entries());
    }

    @Test
    void countsHitsMissesEntriesAndBytes() {
        tier = newTier(100, 64, 10);
        tier.put(key("acme", 1), value(10, 1), HOUR);
        tier.put(key("acme", 2), value(20, 2), HOUR);
        tier.put(key("globex", 3), value(30, 3), HOUR);
        tier.get(key("acme", 1));
        tier.get(key("globex", 3));
        tier.get(key("acme", 9));
        tier.get(key("initech", 1));
        tier.put(key("acme", 2), value(5, 2), HOUR);
        tier.remove(key("acme", 1));

        TierStats stats = tier.stats();
        assertEquals(2, stats.hits());
        assertEquals(2, stats.misses());
        assertEquals(2, stats.entries());
        assertEquals(35, stats.bytes());
        assertEquals(0, stats.evictions());
        assertTrue(stats.meanLatencyMicros() > 0);
        assertTrue(stats.available());
    }

    @Test
    void valuesLargerThanAPartitionKeepsAreNotStored() {
        tier = newTier(256, 4096, 10);
        int largest = (int) largestValue(256, 4096);
        tier.put(key("acme", 1), value(largest, 1), HOUR);
        tier.put(key("acme", 2), value(64, 2), HOUR);

        tier.put(key("acme", 2), value(largest + 1, 2), HOUR);
        tier.put(key("acme", 3), value(largest + 1, 3), HOUR);

        assertArrayEquals(value(largest, 1), tier.get(key("acme", 1)).orElseThrow());
        assertTrue(tier.get(key("acme", 2)).isEmpty(), "a too large value replaces nothing stale");
        assertTrue(tier.get(key("acme", 3)).isEmpty());
    }

    @Test
    void tenantsBeyondTheLimitGetNoPartition() {
        tier = newTier(100, 64, 2);
        tier.put(key("acme", 1), value(64, 1), HOUR);
        tier.put(key("globex", 1), value(64, 2), HOUR);
        tier.put(key("initech", 1), value(64, 3), HOUR);

        assertTrue(tier.get(key("acme", 1)).isPresent());
        assertTrue(tier.get(key("globex", 1)).isPresent());
        assertFalse(tier.get(key("initech", 1)).isPresent());
        assertEquals(2, tier.stats().entries());
    }

    private List<CacheKey> present(List<CacheKey> keys) {
        List<CacheKey> present = new ArrayList<>();
        for (CacheKey key : keys) {
            if (tier.get(key).isPresent()) {
                present.add(key);
            }
        }
        return present;
    }
}
