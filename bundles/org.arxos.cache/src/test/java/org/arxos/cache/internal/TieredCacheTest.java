package org.arxos.cache.internal;

import static org.arxos.cache.internal.CacheFixtures.TEXT;
import static org.arxos.cache.internal.CacheFixtures.key;
import static org.arxos.cache.internal.CacheFixtures.registration;
import static org.arxos.cache.internal.CacheFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.CacheStats;
import org.arxos.api.cache.CacheTier;
import org.arxos.api.cache.TierStats;
import org.arxos.api.selection.Capability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TieredCacheTest {

    private final ManualClock clock = new ManualClock();
    private final TestTier l1 = new TestTier("heap").recording();
    private final TestTier l2 = new TestTier("redis").recording();
    private final TestTier l3 = new TestTier("disk").recording();
    private final AtomicInteger computations = new AtomicInteger();
    private TieredCache cache;

    private TieredCache cache(CacheSettings settings) {
        cache = new TieredCache(settings, clock);
        cache.bindTier(l3, registration(3, "disk", 0, 3));
        cache.bindTier(l1, registration(1, "heap", 0, 1));
        cache.bindTier(l2, registration(2, "redis", 0, 2));
        return cache;
    }

    @AfterEach
    void deactivate() {
        if (cache != null) {
            cache.deactivate();
        }
    }

    private String get(CacheKey key) {
        return cache.get(key, TEXT, () -> "value " + computations.incrementAndGet());
    }

    @Test
    void findAnswersWhatATierHoldsWithoutComputingAndCountsOnlyHits() {
        cache(settings());
        CacheKey key = key("acme", "calc.area", "h1");
        assertEquals(Optional.empty(), cache.find(key, TEXT));
        assertEquals(0, cache.stats().requests(), "a miss of find is no request: the computation that follows is");
        assertEquals("value 1", get(key));
        l1.entries.clear();

        assertEquals(Optional.of("value 1"), cache.find(key, TEXT));

        assertEquals(1, computations.get());
        assertTrue(l1.entries.containsKey(key), "what a slower tier held is promoted as by get");
        assertEquals(2, cache.stats().requests());
        assertEquals(1, cache.stats().hits());
    }

    @Test
    void readsTheLevelsInOrderAndCopiesWhatItFindsIntoTheFasterOnes() {
        cache(settings());
        CacheKey key = key("acme", "calc.area", "h1");
        assertEquals("value 1", get(key));
        assertEquals(List.of("get " + key, "get " + key, "put " + key), l1.log,
                "the fastest tier is read again by the computation's leader");
        assertEquals(List.of("get " + key, "put " + key), l3.log);
        byte[] stored = l3.entries.get(key);
        l1.entries.clear();
        l2.entries.clear();
        l1.log.clear();
        l2.log.clear();
        l3.log.clear();

        assertEquals("value 1", get(key));

        assertEquals(1, computations.get());
        assertEquals(List.of("get " + key, "get " + key, "put " + key), l1.log);
        assertEquals(List.of("get " + key, "put " + key), l2.log);
        assertEquals(List.of("get " + key), l3.log);
        assertArrayEquals(stored, l1.entries.get(key), "the entry is promoted as it is");
        assertArrayEquals(stored, l2.entries.get(key));

        l1.log.clear();
        l2.log.clear();
        assertEquals("value 1", get(key));
        assertEquals(List.of("get " + key), l1.log, "a hit in L1 asks no slower tier");
        assertEquals(List.of(), l2.log);
    }

    @Test
    void anEntryPromotedFromASlowerTierKeepsTheTimeItHadLeft() {
        cache(settings("default.ttl", "PT10M"));
        CacheKey key = key("acme", "calc.area", "h1");
        get(key);
        assertEquals(Duration.ofMinutes(10), l1.timesToLive.get(key));
        clock.advance(Duration.ofMinutes(4));
        l1.entries.clear();

        assertEquals("value 1", get(key));
        assertEquals(Duration.ofMinutes(6), l1.timesToLive.get(key));

        clock.advance(Duration.ofMinutes(6));
        assertNotNull(l1.entries.get(key), "the test tier keeps entries past their time to live");
        assertEquals("value 2", get(key), "expired everywhere, so computed again");
        assertEquals(Duration.ofMinutes(10), l3.timesToLive.get(key));
    }

    @Test
    void timeToLiveComesFromTheCallThenTheOperationThenTheDefault() {
        cache(settings("default.ttl", "PT1H", "operation.ttls", new String[] {"render.tile=PT1M"}));
        CacheKey tile = key("acme", "render.tile", "h1");
        CacheKey area = key("acme", "calc.area", "h1");
        CacheKey own = key("acme", "calc.area", "h2");
        assertEquals("value 1", get(tile));
        assertEquals("value 2", get(area));
        assertEquals("value 3", cache.get(own, TEXT, Duration.ofSeconds(30), () -> "value 3"));

        clock.advance(Duration.ofSeconds(31));
        assertEquals("value 2", get(area));
        assertEquals("value 1", get(tile));
        assertEquals("own again", cache.get(own, TEXT, Duration.ofSeconds(30), () -> "own again"));

        clock.advance(Duration.ofSeconds(30));
        assertEquals("value 3", get(tile));
        clock.advance(Duration.ofMinutes(59));
        assertEquals("value 4", get(area));
    }

    @Test
    void aKeyOfOneTenantNeverReturnsAnotherTenantsValueEvenFromATierThatMixesThemUp() {
        TestTier confused = new TestTier("confused") {
            @Override
            public Optional<byte[]> get(CacheKey key) {
                return super.get(withoutTenant(key));
            }

            @Override
            public void put(CacheKey key, byte[] value, Duration timeToLive) {
                super.put(withoutTenant(key), value, timeToLive);
            }

            private CacheKey withoutTenant(CacheKey key) {
                return new CacheKey("any", key.building(), key.operation(), key.inputHash());
            }
        };
        cache = new TieredCache(settings(), clock);
        cache.bindTier(confused, registration(1, "confused", 0, 1));
        CacheKey ofA = key("tenant-a", "calc.area", "same");
        CacheKey ofB = key("tenant-b", "calc.area", "same");

        assertEquals("a's secret", cache.get(ofA, TEXT, () -> "a's secret"));
        assertEquals("b's own", cache.get(ofB, TEXT, () -> "b's own"));
        assertEquals("a's again", cache.get(ofA, TEXT, () -> "a's again"), "B's entry replaced A's in the tier");
    }

    @Test
    void tenantsAreSeparateAndOneTenantsInvalidationLeavesTheOthers() {
        cache(settings());
        CacheKey ofA = key("tenant-a", "calc.area", "same");
        CacheKey ofB = key("tenant-b", "calc.area", "same");
        assertEquals("a", cache.get(ofA, TEXT, () -> "a"));
        assertEquals("b", cache.get(ofB, TEXT, () -> "b"));

        cache.invalidate("tenant-a:*");

        assertEquals("b", cache.get(ofB, TEXT, () -> "not b"));
        assertEquals("a again", cache.get(ofA, TEXT, () -> "a again"));
    }

    @Test
    void patternInvalidationRemovesTheMatchingEntriesFromEveryTier() {
        cache(settings());
        CacheKey first = new CacheKey("acme", "b1", "render.tile", "h1");
        CacheKey second = new CacheKey("acme", "b2", "render.tile", "h2");
        CacheKey other = new CacheKey("acme", "b1", "calc.area", "h3");
        get(first);
        get(second);
        get(other);
        TestTier standby = new TestTier("standby-heap");
        cache.bindTier(standby, registration(1, "standby-heap", -1, 4));
        standby.entries.put(first, l1.entries.get(first));

        assertEquals(2, cache.invalidate("acme:*:render.tile:*"));

        for (TestTier tier : List.of(l1, l2, l3, standby)) {
            assertFalse(tier.entries.containsKey(first), tier.name);
            assertFalse(tier.entries.containsKey(second), tier.name);
        }
        assertTrue(l3.entries.containsKey(other));
        assertEquals("value 4", get(first));
        assertEquals("value 3", get(other));
    }

    @Test
    void anEntryTheCodecCannotDecodeIsAMissAndIsRemoved() {
        cache(settings());
        CacheKey key = key("acme", "calc.area", "h1");
        get(key);
        Envelope good = Envelope.of(l1.entries.get(key));
        l1.entries.put(key, new Envelope(good.key(), good.expiresAt(), null, new byte[] {(byte) 0xff, (byte) 0xfe})
                .toBytes());

        assertEquals("value 1", get(key), "served by L2");
        assertArrayEquals(l2.entries.get(key), l1.entries.get(key), "the bad entry was replaced by L2's");
        assertTrue(l1.log.contains("remove " + key));

        for (TestTier tier : List.of(l1, l2, l3)) {
            tier.entries.put(key, "not an entry".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("value 2", get(key));
        assertEquals("value 2", TEXT.decode(Envelope.of(l3.entries.get(key)).payload()));
    }

    @Test
    void aValueLargerThanTheLimitIsReturnedButNotStored() {
        cache(settings("max.value.size", 100));
        CacheKey key = key("acme", "calc.area", "big");
        String big = "x".repeat(101);
        assertEquals(big, cache.get(key, TEXT, () -> big));
        assertTrue(l1.entries.isEmpty() && l2.entries.isEmpty() && l3.entries.isEmpty());
        assertEquals("x".repeat(100), cache.get(key, TEXT, () -> "x".repeat(100)));
        assertTrue(l3.entries.containsKey(key));
    }

    @Test
    void warmingStoresTheValueWithoutCountingARequest() {
        cache(settings());
        CacheKey key = key("acme", "render.tile", "z0");
        cache.warm(key, TEXT, () -> "warmed");
        cache.warm(key, TEXT, () -> "not again");

        assertEquals("warmed", cache.get(key, TEXT, () -> "not computed"));
        CacheStats stats = cache.stats();
        assertEquals(1, stats.requests());
        assertEquals(1, stats.hits());
        assertEquals(1, stats.computations());
        assertEquals(List.of("heap", "redis", "disk"), stats.tiers().stream().map(TierStats::tier).toList());
    }

    @Test
    void countsRequestsHitsAndComputations() {
        cache(settings());
        get(key("acme", "calc.area", "h1"));
        get(key("acme", "calc.area", "h1"));
        get(key("acme", "calc.area", "h1"));
        get(key("acme", "calc.area", "h2"));

        CacheStats stats = cache.stats();
        assertEquals(4, stats.requests());
        assertEquals(2, stats.hits());
        assertEquals(2, stats.computations());
        assertEquals(0.5, stats.hitRate());
        assertEquals(2, stats.tiers().get(0).entries());
    }

    @Test
    void withoutTiersEveryRequestIsComputedAndHealthSaysSo() {
        cache = new TieredCache(settings(), clock);
        assertEquals("value 1", get(key("acme", "calc.area", "h1")));
        assertEquals("value 2", get(key("acme", "calc.area", "h1")));
        assertTrue(cache.check().message().contains("no cache tier is registered"), cache.check().message());
    }

    @Test
    void eachLevelIsServedByItsPinnedTierElseItsHighestRankedOne() {
        cache(settings("tiers", new String[] {"2=redis"}));
        TestTier caffeine = new TestTier("caffeine");
        TestTier valkey = new TestTier("valkey");
        cache.bindTier(caffeine, registration(1, "caffeine", 10, 5));
        cache.bindTier(valkey, registration(2, "valkey", 10, 6));
        assertEquals(List.of("caffeine", "redis", "disk"), tierNames());

        cache.unbindTier(caffeine);
        cache.unbindTier(l2);
        assertEquals(List.of("heap", "valkey", "disk"), tierNames());

        cache.updatedTier(l1, registration(1, "heap", -5, 1));
        cache.bindTier(caffeine, registration(1, "caffeine", 0, 7));
        assertEquals(List.of("caffeine", "valkey", "disk"), tierNames());
        assertEquals(Map.of("requests", 0L, "hits", 0L, "computations", 0L, "L1/caffeine", "serving, up",
                "L1/heap", "standing by, up", "L2/valkey", "serving, up", "L3/disk", "serving, up"),
                cache.check().details());
    }

    @Test
    void aTierWithoutALevelIsNotUsed() {
        cache = new TieredCache(settings(), clock);
        cache.bindTier(l1, Map.of(Capability.IMPL, "heap", CacheTier.LEVEL, "fast"));
        assertEquals(List.of(), cache.stats().tiers());
    }

    @Test
    void badRequestsAreRefusedWithAClearMessage() {
        cache(settings());
        CacheKey key = key("acme", "calc.area", "h1");
        assertEquals("the time to live of a cache entry must be longer than zero, was PT0S",
                assertThrows(IllegalArgumentException.class, () -> cache.get(key, TEXT, Duration.ZERO, () -> "x"))
                        .getMessage());
        assertEquals("a cache request needs a codec, but it was missing",
                assertThrows(IllegalArgumentException.class, () -> cache.get(key, null, () -> "x")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> cache.invalidate(" ")).getMessage()
                .startsWith("an invalidation pattern is a glob"));
        assertEquals(0, cache.stats().requests());
    }

    /** The names of the serving tiers, fastest first. */
    private List<String> tierNames() {
        return cache.stats().tiers().stream().map(TierStats::tier).toList();
    }
}
