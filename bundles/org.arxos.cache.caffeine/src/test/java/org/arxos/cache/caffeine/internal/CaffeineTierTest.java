package org.arxos.cache.caffeine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.TierStats;
import org.arxos.cache.DecodedValueTier;
import org.arxos.cache.TenantQuotas;
import org.arxos.cache.testing.DecodedEntries;
import org.junit.jupiter.api.Test;

class CaffeineTierTest {

    private static final Duration HOUR = Duration.ofHours(1);
    /** What a key of {@link #key(String, int)} weighs beside its value, for acme's keys h1000 to h9999. */
    private static final int KEY_WEIGHT = "acme:b1:render.tile:h1000".length();

    private final AtomicLong nanos = new AtomicLong();

    /** A tier on a clock the test drives, doing Caffeine's maintenance on the calling thread. */
    private CaffeineTier tier(long bytesPerTenant, int maxTenants) {
        return new CaffeineTier(new TenantQuotas(bytesPerTenant, Map.of()), maxTenants, nanos::get, Runnable::run);
    }

    private static CacheKey key(String tenant, String building, String operation, String hash) {
        return new CacheKey(tenant, building, operation, hash);
    }

    private static CacheKey key(String tenant, int i) {
        return key(tenant, "b1", "render.tile", "h" + i);
    }

    private static byte[] value(int size, int seed) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return bytes;
    }

    @Test
    void keepsWhatIsPutUntilRemoved() {
        CaffeineTier tier = tier(1 << 20, 10);
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
        CaffeineTier tier = tier(1 << 20, 10);
        tier.put(key("acme", 1), value(64, 1), HOUR);

        assertTrue(tier.get(key("globex", 1)).isEmpty());
        tier.put(key("globex", 1), value(64, 2), HOUR);
        assertArrayEquals(value(64, 1), tier.get(key("acme", 1)).orElseThrow());
        assertArrayEquals(value(64, 2), tier.get(key("globex", 1)).orElseThrow());
    }

    @Test
    void eachEntryExpiresAfterItsOwnTimeToLiveAndReadingDoesNotExtendIt() {
        CaffeineTier tier = tier(1 << 20, 10);
        tier.put(key("acme", 1), value(64, 1), Duration.ofSeconds(10));
        tier.put(key("acme", 2), value(64, 2), HOUR);

        nanos.addAndGet(Duration.ofSeconds(9).toNanos());
        assertTrue(tier.get(key("acme", 1)).isPresent());
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());

        assertTrue(tier.get(key("acme", 1)).isEmpty());
        assertTrue(tier.get(key("acme", 2)).isPresent());
        nanos.addAndGet(HOUR.toNanos());
        assertTrue(tier.get(key("acme", 2)).isEmpty());
        assertEquals(0, tier.stats().evictions(), "expiry is not eviction");
        assertEquals(0, tier.stats().entries());
    }

    @Test
    void aTimeToLiveOfZeroKeepsNothing() {
        CaffeineTier tier = tier(1 << 20, 10);
        tier.put(key("acme", 1), value(64, 1), HOUR);

        tier.put(key("acme", 1), value(64, 2), Duration.ZERO);
        tier.put(key("acme", 2), value(64, 2), Duration.ofSeconds(-1));

        assertTrue(tier.get(key("acme", 1)).isEmpty());
        assertTrue(tier.get(key("acme", 2)).isEmpty());
    }

    @Test
    void aTenantsPartitionEvictsWithinItsQuotaInBytes() {
        long quota = 64 * 1024;
        CaffeineTier tier = tier(quota, 10);

        for (int i = 0; i < 200; i++) {
            tier.put(key("acme", i), value(4096, i), HOUR);
        }

        TierStats stats = tier.stats();
        assertTrue(stats.bytes() <= quota, "bytes " + stats.bytes());
        assertTrue(stats.entries() >= 10 && stats.entries() <= 16, "entries " + stats.entries());
        assertEquals(200 - stats.entries(), stats.evictions());
    }

    @Test
    void aDecodedEntryIsKeptAsItsValueWeighedByItsSizeAndGivesItsBytesWhenAskedFor() {
        long quota = 64 * 1024;
        CaffeineTier tier = tier(quota, 10);
        byte[] entry = value(16, 7);
        DecodedValueTier.Decoded decoded = DecodedEntries.of(key("acme", 1001), new Object(), entry, 4096);

        tier.putDecoded(decoded, HOUR);

        assertSame(decoded, tier.getDecoded(key("acme", 1001)).orElseThrow());
        assertArrayEquals(entry, tier.get(key("acme", 1001)).orElseThrow());
        assertEquals(4096 + KEY_WEIGHT, tier.stats().bytes(), "weighed by the value's size, not the entry's bytes");
        tier.put(key("acme", 1002), value(64, 2), HOUR);
        assertTrue(tier.getDecoded(key("acme", 1002)).isEmpty(), "an entry stored as bytes has no decoded value");
        for (int i = 1003; i < 1040; i++) {
            tier.putDecoded(DecodedEntries.of(key("acme", i), new Object(), entry, 4096), HOUR);
        }
        assertTrue(tier.stats().bytes() <= quota, "decoded values are evicted within the quota by their size");
    }

    @Test
    void theConfigurationSetsEachTenantsQuotaInMegabytes() {
        CaffeineTier tier = new CaffeineTier(new CaffeineTierConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CaffeineTierConfiguration.class;
            }

            @Override
            public int tenantMegabytes() {
                return 1;
            }

            @Override
            public String[] tenantQuotas() {
                return new String[] {"globex=2"};
            }

            @Override
            public int maxTenants() {
                return 10;
            }
        });

        for (int i = 0; i < 1000; i++) {
            tier.put(key("acme", i), value(8192, i), HOUR);
            tier.put(key("globex", i), value(8192, i), HOUR);
        }
        // The component's Caffeine maintains its partitions on the common pool; statistics show the last maintenance.
        assertTrue(ForkJoinPool.commonPool().awaitQuiescence(10, TimeUnit.SECONDS));

        TierStats stats = tier.stats();
        assertTrue(stats.bytes() <= 3 << 20 && stats.bytes() > (3 << 20) - 4 * 8300, "bytes " + stats.bytes());
        assertEquals(2000 - stats.entries(), stats.evictions());
    }

    @Test
    void oneTenantFillingItsQuotaEvictsNoneOfAnothersEntries() {
        CaffeineTier tier = new CaffeineTier(TenantQuotas.parse("tenantMegabytes", 1, new String[] {"globex=2"},
                64 * 1024), 10, nanos::get, Runnable::run);
        for (int i = 0; i < 30; i++) {
            tier.put(key("globex", i), value(4096, i), HOUR);
        }

        for (int i = 0; i < 2000; i++) {
            tier.put(key("acme", i), value(4096, i), HOUR);
            tier.get(key("acme", i / 2));
        }

        for (int i = 0; i < 30; i++) {
            assertArrayEquals(value(4096, i), tier.get(key("globex", i)).orElseThrow(), "globex entry " + i);
        }
        assertTrue(tier.stats().evictions() >= 1900, "evictions " + tier.stats().evictions());
    }

    @Test
    void aScanOfOneOffKeysDoesNotFlushAFrequentlyReadWorkingSet() {
        CaffeineTier tier = tier(100 * (1024 + KEY_WEIGHT), 10);
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 50; i++) {
                if (tier.get(key("acme", i)).isEmpty()) {
                    tier.put(key("acme", i), value(1024, i), HOUR);
                }
            }
        }

        for (int i = 1000; i < 3000; i++) {
            tier.put(key("acme", i), value(1024, i), HOUR);
        }

        long hot = 0;
        for (int i = 0; i < 50; i++) {
            hot += tier.get(key("acme", i)).isPresent() ? 1 : 0;
        }
        assertTrue(hot >= 45, "hot entries kept: " + hot + " of 50 (LRU would keep none)");
    }

    @Test
    void invalidatesByGlobPatternAcrossPartitions() {
        CaffeineTier tier = tier(1 << 20, 10);
        List<CacheKey> keys = List.of(key("acme", "b1", "render.tile", "h1"), key("acme", "b1", "render.tile", "h2"),
                key("acme", "b2", "render.tile", "h1"), key("acme", "b1", "calc.takeoff", "h1"),
                key("globex", "b1", "render.tile", "h1"), key("globex", "b~2f3", "render.tile", "h1"));
        for (CacheKey key : keys) {
            tier.put(key, value(64, 1), HOUR);
        }

        assertEquals(2, tier.invalidate("acme:b1:render.tile:*"));
        assertEquals(List.of(keys.get(2), keys.get(3), keys.get(4), keys.get(5)), present(tier, keys));
        assertEquals(2, tier.invalidate("*:b1:*"));
        assertEquals(List.of(keys.get(2), keys.get(5)), present(tier, keys));
        assertEquals(0, tier.invalidate("initech:*"));
        assertEquals(1, tier.invalidate("globex:b~2f3:*"));
        assertEquals(1, tier.invalidate("*"));
        assertEquals(List.of(), present(tier, keys));
        assertEquals(0, tier.stats().entries());
    }

    @Test
    void countsHitsMissesEntriesAndBytes() {
        CaffeineTier tier = tier(1 << 20, 10);
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
        assertEquals("caffeine", stats.tier());
        assertEquals(2, stats.hits());
        assertEquals(2, stats.misses());
        assertEquals(2, stats.entries());
        assertEquals(35 + key("acme", 2).toString().length() + key("globex", 3).toString().length(), stats.bytes());
        assertEquals(0, stats.evictions());
        assertTrue(stats.meanLatencyMicros() > 0);
        assertTrue(stats.available());
    }

    @Test
    void tenantsBeyondTheLimitGetNoPartition() {
        CaffeineTier tier = tier(1 << 20, 2);
        tier.put(key("acme", 1), value(64, 1), HOUR);
        tier.put(key("globex", 1), value(64, 2), HOUR);
        tier.put(key("initech", 1), value(64, 3), HOUR);

        assertTrue(tier.get(key("acme", 1)).isPresent());
        assertTrue(tier.get(key("globex", 1)).isPresent());
        assertFalse(tier.get(key("initech", 1)).isPresent());
        assertEquals(2, tier.stats().entries());
    }

    private static List<CacheKey> present(CaffeineTier tier, List<CacheKey> keys) {
        List<CacheKey> present = new ArrayList<>();
        for (CacheKey key : keys) {
            if (tier.get(key).isPresent()) {
                present.add(key);
            }
        }
        return present;
    }
}
