package org.arxos.cache.redis.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.TierStats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The tier against the machine's Redis, under a key prefix of this run that holds Redis's glob characters, so every
 * test also proves they are matched literally. Everything under the prefix is deleted after each test.
 */
class RedisCacheTierTest {

    private static final String HOST = System.getProperty("arxos.test.redis.host", "127.0.0.1");
    private static final int PORT = Integer.getInteger("arxos.test.redis.port", 6379);
    private static final String RUN = UUID.randomUUID().toString();
    private static final String PREFIX = "arxos-test[" + RUN + "]?*\\:";

    private static RedisClient redis;
    private final List<RedisCacheTier> tiers = new ArrayList<>();

    @BeforeAll
    static void connect() {
        redis = RedisClient.create(HOST, PORT);
        try {
            redis.ping();
        } catch (RuntimeException e) {
            fail("Redis is not reachable at " + HOST + ":" + PORT + " (" + e.getMessage() + "). Start it (CI does) "
                    + "or point -Darxos.test.redis.host / .port at one", e);
        }
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @AfterEach
    void deleteEverythingOfThisRun() {
        tiers.forEach(RedisCacheTier::deactivate);
        List<String> keys = keysOfThisRun();
        if (!keys.isEmpty()) {
            redis.unlink(keys.toArray(String[]::new));
        }
    }

    private static List<String> keysOfThisRun() {
        List<String> keys = new ArrayList<>();
        ScanParams params = new ScanParams().match("arxos-test\\[" + RUN + "*").count(1_000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }

    private RedisCacheTier tier(Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("host", HOST);
        all.put("port", PORT);
        all.put("keyPrefix", PREFIX);
        RedisCacheTier tier = new RedisCacheTier(TestConfigurations.redis(all));
        tiers.add(tier);
        return tier;
    }

    private static CacheKey key(String tenant, String operation, String hash) {
        return new CacheKey(tenant, "b1", operation, hash);
    }

    private static byte[] bytes(int length, int seed) {
        byte[] value = new byte[length];
        Arrays.fill(value, (byte) seed);
        return value;
    }

    @Test
    void storesReadsAndRemovesBinaryValues() {
        RedisCacheTier tier = tier(Map.of());
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        CacheKey key = key("acme", "render.tile", "h1");

        assertEquals(Optional.empty(), tier.get(key));
        tier.put(key, everyByte, Duration.ofMinutes(1));
        assertArrayEquals(everyByte, tier.get(key).orElseThrow());

        tier.put(key, bytes(3, 7), Duration.ofMinutes(1));
        assertArrayEquals(bytes(3, 7), tier.get(key).orElseThrow());

        tier.remove(key);
        assertEquals(Optional.empty(), tier.get(key));
        assertEquals(0, counted(tier).bytes());
    }

    @Test
    void entriesExpireAfterTheirOwnTimeToLive() throws InterruptedException {
        RedisCacheTier tier = tier(Map.of());
        CacheKey brief = key("acme", "calc.takeoff", "brief");
        CacheKey lasting = key("acme", "calc.takeoff", "lasting");
        CacheKey forever = key("acme", "calc.takeoff", "forever");
        tier.put(brief, bytes(10, 1), Duration.ofMillis(200));
        tier.put(lasting, bytes(10, 2), Duration.ofMinutes(5));
        tier.put(forever, bytes(10, 3), null);

        long briefTtl = redis.pttl(entryKey(brief));
        assertTrue(briefTtl > 0 && briefTtl <= 200, "PX of the brief entry: " + briefTtl);
        assertTrue(redis.pttl(entryKey(lasting)) > 200_000);
        assertEquals(-1, redis.pttl(entryKey(forever)), "no time to live: no expiry");
        assertTrue(tier.get(brief).isPresent());

        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (tier.get(brief).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(Optional.empty(), tier.get(brief));
        assertTrue(tier.get(lasting).isPresent());
        assertTrue(tier.get(forever).isPresent());
    }

    @Test
    void anEntryWithNoTimeLeftIsNotStored() {
        RedisCacheTier tier = tier(Map.of());
        CacheKey key = key("acme", "calc.takeoff", "h");
        tier.put(key, bytes(10, 1), Duration.ZERO);
        tier.put(key, bytes(10, 1), Duration.ofSeconds(-1));
        assertEquals(Optional.empty(), tier.get(key));
    }

    @Test
    void invalidationMatchesOnlyStarsAsWildcardsAndCountsWhatItRemoved() {
        RedisCacheTier tier = tier(Map.of());
        String building = CacheKey.part("Tower A/1 [east]");
        List<CacheKey> tiles = List.of(
                new CacheKey("acme", building, "render.tile", "h_1"),
                new CacheKey("acme", building, "render.tile", "h-2"),
                new CacheKey("acme", building, "render.tile", "h.3~x"));
        CacheKey hierarchy = new CacheKey("acme", building, "grouping.view", "h_1");
        CacheKey otherBuilding = new CacheKey("acme", "b2", "render.tile", "h_1");
        for (CacheKey key : tiles) {
            tier.put(key, bytes(5, 1), Duration.ofMinutes(1));
        }
        tier.put(hierarchy, bytes(5, 2), Duration.ofMinutes(1));
        tier.put(otherBuilding, bytes(5, 3), Duration.ofMinutes(1));

        assertEquals(0, tier.invalidate("acme:*:render?tile:*"), "? is no wildcard");
        assertEquals(0, tier.invalidate("acme:[T]*"), "[T] is no character class");
        assertEquals(0, tier.invalidate("acme:Tower~20A~2f1*:render.tile:h\\_1"), "\\ escapes nothing");
        assertEquals(3, tier.invalidate("acme:" + building + ":render.tile:*"));

        for (CacheKey key : tiles) {
            assertEquals(Optional.empty(), tier.get(key));
        }
        assertTrue(tier.get(hierarchy).isPresent());
        assertTrue(tier.get(otherBuilding).isPresent());
        assertEquals(1, tier.invalidate("*:b2:*"));
        assertEquals(1, tier.invalidate("*"));
        assertEquals(new Sizes(0, 0), counted(tier));
        assertEquals(List.of(), keysOfThisRun(), "no bookkeeping is left behind");
    }

    @Test
    void aTenantNeverReadsAnothersEntryUnderTheSameOperationAndHash() {
        RedisCacheTier tier = tier(Map.of());
        CacheKey ofA = key("tenant-a", "calc.takeoff", "same-hash");
        CacheKey ofB = key("tenant-b", "calc.takeoff", "same-hash");
        tier.put(ofA, "a".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(1));
        tier.put(ofB, "b".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(1));

        assertEquals("a", new String(tier.get(ofA).orElseThrow(), StandardCharsets.UTF_8));
        assertEquals("b", new String(tier.get(ofB).orElseThrow(), StandardCharsets.UTF_8));

        tier.remove(ofA);
        assertTrue(tier.get(ofB).isPresent());
        tier.put(ofA, "a".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(1));
        assertEquals(1, tier.invalidate("tenant-a:*"));
        assertEquals("b", new String(tier.get(ofB).orElseThrow(), StandardCharsets.UTF_8));
    }

    @Test
    void aTenantOverItsQuotaLosesItsOwnEntriesClosestToExpiryAndNoOneElses() {
        RedisCacheTier tier = tier(Map.of("tenantQuotas", new String[] { "small=1000" }));
        for (int i = 0; i < 5; i++) {
            tier.put(key("big", "op", "h" + i), bytes(300, i), Duration.ofSeconds(10));
        }
        tier.put(key("small", "op", "late"), bytes(300, 1), Duration.ofSeconds(40));
        tier.put(key("small", "op", "soon"), bytes(300, 2), Duration.ofSeconds(10));
        tier.put(key("small", "op", "middle"), bytes(300, 3), Duration.ofSeconds(20));
        assertEquals(0, tier.stats().evictions());

        tier.put(key("small", "op", "new"), bytes(300, 4), Duration.ofSeconds(30));

        assertEquals(Optional.empty(), tier.get(key("small", "op", "soon")));
        for (String kept : List.of("late", "middle", "new")) {
            assertTrue(tier.get(key("small", "op", kept)).isPresent(), kept);
        }
        for (int i = 0; i < 5; i++) {
            assertTrue(tier.get(key("big", "op", "h" + i)).isPresent(), "big tenant's entry " + i);
        }
        assertEquals(1, tier.stats().evictions());

        tier.put(key("small", "op", "huge"), bytes(1001, 5), Duration.ofSeconds(30));
        assertEquals(Optional.empty(), tier.get(key("small", "op", "huge")), "larger than the whole quota");
        assertEquals(2, tier.stats().evictions());
        assertEquals(new Sizes(8, 8 * 300), counted(tier));
    }

    @Test
    void statsCountHitsMissesEntriesBytesAndLatency() {
        RedisCacheTier tier = tier(Map.of());
        tier.put(key("acme", "op", "h1"), bytes(100, 1), Duration.ofMinutes(1));
        tier.put(key("acme", "op", "h2"), bytes(50, 1), Duration.ofMinutes(1));
        tier.put(key("other", "op", "h1"), bytes(25, 1), Duration.ofMinutes(1));
        tier.get(key("acme", "op", "h1"));
        tier.get(key("acme", "op", "h2"));
        tier.get(key("acme", "op", "missing"));

        tier.countSizes();
        TierStats stats = tier.stats();
        assertEquals("redis", stats.tier());
        assertEquals(2, stats.hits());
        assertEquals(1, stats.misses());
        assertEquals(new Sizes(3, 175), sizes(stats));
        assertTrue(stats.meanLatencyMicros() > 0);
        assertTrue(stats.available());
    }

    @Test
    void theSizesAreCountedInTheBackground() throws InterruptedException {
        RedisCacheTier tier = tier(Map.of("sizesIntervalSeconds", 1));
        tier.put(key("acme", "op", "h1"), bytes(100, 1), Duration.ofMinutes(1));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sizes(tier.stats()).entries() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(new Sizes(1, 100), sizes(tier.stats()));
    }

    @Test
    void entriesRedisExpiredGiveTheirBytesBackToTheQuota() throws InterruptedException {
        RedisCacheTier tier = tier(Map.of("tenantQuotas", new String[] { "acme=1000" }));
        tier.put(key("acme", "op", "brief"), bytes(600, 1), Duration.ofMillis(100));
        Thread.sleep(250);
        assertEquals(new Sizes(1, 600), counted(tier), "counted until purged");

        tier.purgeExpired();
        assertEquals(new Sizes(0, 0), counted(tier));
        tier.put(key("acme", "op", "next"), bytes(600, 2), Duration.ofMinutes(1));
        assertEquals(0, tier.stats().evictions());
        assertTrue(tier.get(key("acme", "op", "next")).isPresent());
    }

    @Test
    void storingForgetsExpiredEntriesOfItsTenantBeforeCountingTheQuota() throws InterruptedException {
        RedisCacheTier tier = tier(Map.of("tenantQuotas", new String[] { "acme=1000" }));
        tier.put(key("acme", "op", "brief"), bytes(600, 1), Duration.ofMillis(100));
        tier.put(key("acme", "op", "lasting"), bytes(300, 2), Duration.ofMinutes(1));
        Thread.sleep(250);

        tier.put(key("acme", "op", "next"), bytes(600, 3), Duration.ofMinutes(1));
        assertEquals(0, tier.stats().evictions());
        assertTrue(tier.get(key("acme", "op", "lasting")).isPresent());
        assertEquals(new Sizes(2, 900), counted(tier));
    }

    @Test
    void badSettingsAreRefusedNamingTheProblem() {
        IllegalArgumentException quota = assertThrows(IllegalArgumentException.class,
                () -> tier(Map.of("tenantQuotas", new String[] { "acme=lots" })));
        assertTrue(quota.getMessage().contains("'acme=lots'"), quota.getMessage());

        Map<String, Object> noPrefix = new HashMap<>(Map.of("host", HOST, "port", PORT, "keyPrefix", ""));
        IllegalArgumentException prefix = assertThrows(IllegalArgumentException.class,
                () -> new RedisCacheTier(TestConfigurations.redis(noPrefix)));
        assertTrue(prefix.getMessage().contains("keyPrefix"), prefix.getMessage());

        IllegalArgumentException interval = assertThrows(IllegalArgumentException.class,
                () -> tier(Map.of("sizesIntervalSeconds", 0)));
        assertTrue(interval.getMessage().contains("sizesIntervalSeconds"), interval.getMessage());

        RedisCacheTier tier = tier(Map.of());
        assertThrows(IllegalArgumentException.class, () -> tier.invalidate(""));
    }

    private static byte[] entryKey(CacheKey key) {
        return (PREFIX + "e:" + key).getBytes(StandardCharsets.UTF_8);
    }

    private record Sizes(long entries, long bytes) {
    }

    private static Sizes sizes(TierStats stats) {
        return new Sizes(stats.entries(), stats.bytes());
    }

    /** The sizes in the statistics once counted now rather than by the background count. */
    private static Sizes counted(RedisCacheTier tier) {
        tier.countSizes();
        return sizes(tier.stats());
    }
}
