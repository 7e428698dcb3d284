package org.arxos.cache.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.TierStats;
import org.arxos.cache.BatchingTier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the tier must do on every database. Subclasses give a database; each test works in a table of its own, which
 * is dropped afterwards.
 */
abstract class JdbcCacheTierContract {

    protected final String table = "cache_" + UUID.randomUUID().toString().replace("-", "");
    protected final TestClock clock = new TestClock();
    private final List<JdbcCacheTier> tiers = new ArrayList<>();

    /** The test's database; the same one on every call within a test. */
    protected abstract DataSource database() throws Exception;

    /** The URL of {@link #database()}, for the tier's settings. */
    protected abstract String url();

    @AfterEach
    void dropTable() throws Exception {
        tiers.forEach(JdbcCacheTier::close);
        try (Connection c = database().getConnection()) {
            c.createStatement().execute("drop table if exists " + table);
        }
    }

    protected JdbcCacheTier tier(Map<String, Object> settings) throws Exception {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("url", url());
        all.put("table", table);
        JdbcCacheTier tier = new JdbcCacheTier(database(), TestConfigurations.jdbc(all), clock);
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

    private long rows(String where, String... values) throws Exception {
        try (Connection c = database().getConnection();
                PreparedStatement count = c.prepareStatement("select count(*) from " + table + " where " + where)) {
            for (int i = 0; i < values.length; i++) {
                count.setString(i + 1, values[i]);
            }
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @Test
    void storesReadsReplacesAndRemovesBinaryValues() throws Exception {
        JdbcCacheTier tier = tier(Map.of());
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
        assertEquals(1, rows("tenant = ?", "acme"));

        tier.remove(key);
        assertEquals(Optional.empty(), tier.get(key));
        assertEquals(0, rows("tenant = ?", "acme"));
    }

    @Test
    void aBatchIsStoredWholeAndItsLaterEntryOfAKeyWins() throws Exception {
        JdbcCacheTier tier = tier(Map.of());
        CacheKey replaced = key("acme", "render.tile", "old");
        tier.put(replaced, bytes(5, 1), Duration.ofMinutes(1));
        List<BatchingTier.Entry> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(new BatchingTier.Entry(key(i % 2 == 0 ? "acme" : "globex", "render.tile", "h" + i),
                    bytes(20, i), Duration.ofMinutes(1)));
        }
        batch.add(new BatchingTier.Entry(replaced, bytes(5, 2), Duration.ofMinutes(1)));
        batch.add(new BatchingTier.Entry(key("acme", "render.tile", "h0"), bytes(20, 99), Duration.ofMinutes(1)));

        tier.putAll(batch);

        assertEquals(21, rows("tenant = ?", "acme"));
        assertEquals(20, rows("tenant = ?", "globex"));
        assertArrayEquals(bytes(20, 99), tier.get(key("acme", "render.tile", "h0")).orElseThrow());
        assertArrayEquals(bytes(20, 39), tier.get(key("globex", "render.tile", "h39")).orElseThrow());
        assertArrayEquals(bytes(5, 2), tier.get(replaced).orElseThrow());
    }

    @Test
    void aBatchKeepsEachTenantWithinItsQuota() throws Exception {
        JdbcCacheTier tier = tier(Map.of("tenantQuotaBytes", 100L));
        List<BatchingTier.Entry> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tier.put(key("acme", "render.tile", "before" + i), bytes(30, i), Duration.ofMinutes(1));
            clock.advance(Duration.ofSeconds(1));
        }
        batch.add(new BatchingTier.Entry(key("acme", "render.tile", "new1"), bytes(30, 7), Duration.ofMinutes(1)));
        batch.add(new BatchingTier.Entry(key("acme", "render.tile", "new2"), bytes(30, 8), Duration.ofMinutes(1)));

        tier.putAll(batch);

        assertEquals(3, rows("tenant = ?", "acme"), "90 of 100 bytes");
        assertEquals(1, rows("input_hash = ?", "new1"));
        assertEquals(1, rows("input_hash = ?", "new2"));
        assertEquals(0, rows("input_hash = ?", "before0"), "the oldest made room");
    }

    @Test
    void expiredRowsAreNeverReturnedAndArePurged() throws Exception {
        JdbcCacheTier tier = tier(Map.of());
        CacheKey brief = key("acme", "calc.takeoff", "brief");
        CacheKey forever = key("acme", "calc.takeoff", "forever");
        tier.put(brief, bytes(10, 1), Duration.ofSeconds(10));
        tier.put(forever, bytes(10, 2), null);

        clock.advance(Duration.ofSeconds(9));
        assertTrue(tier.get(brief).isPresent());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), tier.get(brief), "expired at its expiry");
        assertEquals(2, rows("tenant = ?", "acme"), "still in the table until purged");
        tier.countSizes();
        assertEquals(1, tier.stats().entries(), "expired rows are not counted");

        assertEquals(1, tier.purgeExpired());
        assertEquals(1, rows("tenant = ?", "acme"));
        clock.advance(Duration.ofDays(1_000));
        assertTrue(tier.get(forever).isPresent());
    }

    @Test
    void anEntryWithNoTimeLeftIsNotStored() throws Exception {
        JdbcCacheTier tier = tier(Map.of());
        CacheKey key = key("acme", "calc.takeoff", "h");
        tier.put(key, bytes(10, 1), Duration.ZERO);
        tier.put(key, bytes(10, 1), Duration.ofSeconds(-1));
        assertEquals(Optional.empty(), tier.get(key));
    }

    @Test
    void invalidationMatchesOnlyStarsAsWildcards() throws Exception {
        JdbcCacheTier tier = tier(Map.of());
        String building = CacheKey.part("Tower A/1 [east] 100%");
        CacheKey underscore = new CacheKey("acme", building, "render_tile", "h_1");
        CacheKey lookalike = new CacheKey("acme", building, "renderXtile", "h_1");
        CacheKey hierarchy = new CacheKey("acme", building, "grouping.view", "h~2e");
        CacheKey elsewhere = new CacheKey("other", "b2", "render_tile", "h_1");
        for (CacheKey key : List.of(underscore, lookalike, hierarchy, elsewhere)) {
            tier.put(key, bytes(5, 1), Duration.ofMinutes(1));
        }

        assertEquals(0, tier.invalidate("acme:%"), "% is no wildcard");
        assertEquals(0, tier.invalidate("acme:*!:*"), "! escapes nothing");
        assertEquals(0, tier.invalidate("acme:*:render?tile:*"), "? is no wildcard");
        assertEquals(1, tier.invalidate("acme:" + building + ":render_tile:*"), "_ matches itself only");
        assertEquals(Optional.empty(), tier.get(underscore));
        assertTrue(tier.get(lookalike).isPresent());

        assertEquals(1, tier.invalidate("*:b2:*"), "the tenant may be a wildcard");
        assertTrue(tier.get(hierarchy).isPresent());
        assertEquals(2, tier.invalidate("acme:*"));
        tier.countSizes();
        assertEquals(0, tier.stats().entries());
    }

    @Test
    void aTenantNeverReadsAnothersEntryUnderTheSameOperationAndHash() throws Exception {
        JdbcCacheTier tier = tier(Map.of());
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
    void aTenantOverItsQuotaLosesItsOwnOldestRowsAndNoOneElses() throws Exception {
        JdbcCacheTier tier = tier(Map.of("tenantQuotas", new String[] { "small=1000" }));
        for (int i = 0; i < 5; i++) {
            tier.put(key("big", "op", "h" + i), bytes(300, i), Duration.ofMinutes(10));
        }
        for (String name : List.of("first", "second", "third")) {
            clock.advance(Duration.ofSeconds(1));
            tier.put(key("small", "op", name), bytes(300, 1), Duration.ofMinutes(10));
        }
        assertEquals(0, tier.stats().evictions());

        clock.advance(Duration.ofSeconds(1));
        tier.put(key("small", "op", "fourth"), bytes(300, 2), Duration.ofMinutes(10));

        assertEquals(Optional.empty(), tier.get(key("small", "op", "first")));
        for (String kept : List.of("second", "third", "fourth")) {
            assertTrue(tier.get(key("small", "op", kept)).isPresent(), kept);
        }
        assertEquals(5, rows("tenant = ?", "big"));
        assertEquals(1, tier.stats().evictions());

        tier.put(key("small", "op", "huge"), bytes(1001, 5), Duration.ofMinutes(10));
        assertEquals(Optional.empty(), tier.get(key("small", "op", "huge")), "larger than the whole quota");
        assertEquals(2, tier.stats().evictions());
    }

    @Test
    void expiredRowsMakeRoomBeforeOldOnes() throws Exception {
        JdbcCacheTier tier = tier(Map.of("tenantQuotas", new String[] { "acme=1000" }));
        tier.put(key("acme", "op", "old"), bytes(300, 1), Duration.ofMinutes(10));
        clock.advance(Duration.ofSeconds(1));
        tier.put(key("acme", "op", "brief"), bytes(600, 2), Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(2));

        tier.put(key("acme", "op", "new"), bytes(600, 3), Duration.ofMinutes(10));
        assertEquals(0, tier.stats().evictions());
        assertTrue(tier.get(key("acme", "op", "old")).isPresent());
    }

    @Test
    void statsCountHitsMissesEntriesBytesAndLatency() throws Exception {
        JdbcCacheTier tier = tier(Map.of());
        tier.put(key("acme", "op", "h1"), bytes(100, 1), Duration.ofMinutes(1));
        tier.put(key("acme", "op", "h2"), bytes(50, 1), Duration.ofMinutes(1));
        tier.put(key("other", "op", "h1"), bytes(25, 1), Duration.ofMinutes(1));
        tier.get(key("acme", "op", "h1"));
        tier.get(key("acme", "op", "h2"));
        tier.get(key("acme", "op", "missing"));
        tier.countSizes();

        TierStats stats = tier.stats();
        assertEquals("jdbc", stats.tier());
        assertEquals(2, stats.hits());
        assertEquals(1, stats.misses());
        assertEquals(3, stats.entries());
        assertEquals(175, stats.bytes());
        assertTrue(stats.meanLatencyMicros() > 0);
        assertTrue(stats.available());
    }

    /** Under load a statement may wait for a connection or a lock: a statistics request must not. */
    @Test
    void statisticsAreAnsweredWhileTheDatabaseHangs() throws Exception {
        AtomicBoolean hanging = new AtomicBoolean();
        CountDownLatch release = new CountDownLatch(1);
        Map<String, Object> settings = Map.of("url", url(), "table", table);
        JdbcCacheTier tier = new JdbcCacheTier(hangingWhile(database(), hanging, release),
                TestConfigurations.jdbc(settings), clock);
        tiers.add(tier);
        tier.put(key("acme", "op", "h1"), bytes(100, 1), Duration.ofMinutes(1));
        tier.get(key("acme", "op", "h1"));
        tier.countSizes();

        hanging.set(true);
        try {
            TierStats stats = CompletableFuture.supplyAsync(tier::stats).get(10, TimeUnit.SECONDS);
            assertEquals(1, stats.hits());
            assertEquals(1, stats.entries());
            assertEquals(100, stats.bytes());
            assertTrue(stats.available());
        } finally {
            release.countDown();
        }
    }

    @Test
    void theSizesAreCountedInTheBackground() throws Exception {
        JdbcCacheTier tier = tier(Map.of("sizesIntervalSeconds", 1));
        tier.put(key("acme", "op", "h1"), bytes(100, 1), Duration.ofMinutes(1));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (tier.stats().entries() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1, tier.stats().entries());
        assertEquals(100, tier.stats().bytes());
    }

    @Test
    void theTableIsQueryableByTenantOperationAndBuildingAndCreatingItAgainKeepsItsRows() throws Exception {
        JdbcCacheTier tier = tier(Map.of());
        tier.put(new CacheKey("acme", "b1", "render.tile", "h1"), bytes(10, 1), Duration.ofMinutes(1));
        tier.put(new CacheKey("acme", "b2", "render.tile", "h1"), bytes(20, 1), Duration.ofMinutes(1));
        tier.put(new CacheKey("acme", "b2", "calc.takeoff", "h1"), bytes(30, 1), null);

        assertEquals(2, rows("tenant = ? and operation = ?", "acme", "render.tile"));
        assertEquals(2, rows("tenant = ? and building = ?", "acme", "b2"));
        assertEquals(1, rows("tenant = ? and building = ? and operation = ? and size_bytes = 30"
                + " and expires_at is null and created_at is not null", "acme", "b2", "calc.takeoff"));

        JdbcCacheTier again = tier(Map.of());
        assertTrue(again.get(new CacheKey("acme", "b1", "render.tile", "h1")).isPresent());
        again.countSizes();
        assertEquals(3, again.stats().entries());
    }

    @Test
    void badSettingsAreRefusedNamingTheProblem() {
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> new JdbcCacheTier(database(), TestConfigurations.jdbc(Map.of("url", url(), "table",
                        "cache; drop table x")), clock));
        assertTrue(name.getMessage().contains("'cache; drop table x'"), name.getMessage());
        IllegalArgumentException quota = assertThrows(IllegalArgumentException.class,
                () -> tier(Map.of("tenantQuotas", new String[] { "acme" })));
        assertTrue(quota.getMessage().contains("'acme'"), quota.getMessage());
        IllegalArgumentException interval = assertThrows(IllegalArgumentException.class,
                () -> tier(Map.of("sizesIntervalSeconds", 0)));
        assertTrue(interval.getMessage().contains("sizesIntervalSeconds"), interval.getMessage());
    }

    /** The database, except that while hanging every statement waits until released, as under a lock. */
    private static DataSource hangingWhile(DataSource database, AtomicBoolean hanging, CountDownLatch release) {
        InvocationHandler connections = (proxy, method, args) -> {
            Object result = forward(database, method, args);
            return result instanceof Connection connection ? hangingWhile(connection, hanging, release) : result;
        };
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] { DataSource.class }, connections);
    }

    private static Connection hangingWhile(Connection connection, AtomicBoolean hanging, CountDownLatch release) {
        InvocationHandler statements = (proxy, method, args) -> {
            if (hanging.get() && method.getName().startsWith("prepare")) {
                release.await(30, TimeUnit.SECONDS);
            }
            return forward(connection, method, args);
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] { Connection.class }, statements);
    }

    private static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
