package org.arxos.cache.internal;

import static org.arxos.cache.internal.CacheFixtures.TEXT;
import static org.arxos.cache.internal.CacheFixtures.key;
import static org.arxos.cache.internal.CacheFixtures.registration;
import static org.arxos.cache.internal.CacheFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.arxos.api.cache.CacheKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A changed configuration is applied to the running cache: the same tiers, newly chosen and written. */
class TierReconfigurationTest {

    private final TestTier ehcache = new TestTier("ehcache-heap");
    private final TestTier caffeine = new TestTier("caffeine");
    private final TestTier database = new TestTier("jdbc");
    private final TieredCache cache = new TieredCache(settings(), new ManualClock());

    @AfterEach
    void deactivate() {
        cache.deactivate();
    }

    @Test
    void aNewPinChoosesTheOtherL1ForTheNextRequests() {
        cache.bindTier(ehcache, registration(1, "ehcache-heap", 10, 1));
        cache.bindTier(caffeine, registration(1, "caffeine", 5, 2));
        CacheKey before = key("acme", "calc.takeoff", "before");
        cache.get(before, TEXT, () -> "before");
        assertTrue(ehcache.entries.containsKey(before));

        cache.modified(configuration(Map.of("tiers", new String[] {"1=caffeine"})));

        CacheKey after = key("acme", "calc.takeoff", "after");
        assertEquals("after", cache.get(after, TEXT, () -> "after"));
        assertTrue(caffeine.entries.containsKey(after));
        assertFalse(ehcache.entries.containsKey(after));
        assertTrue(cache.check().details().containsKey("L1/ehcache-heap"), "the other L1 stays registered");
    }

    @Test
    void aLevelWrittenThroughIsWrittenBehindOnceConfiguredSo() throws Exception {
        cache.bindTier(database, registration(4, "jdbc", 0, 1));
        assertEquals("serving, up, write-behind 0 queued, 0 dropped", cache.check().details().get("L4/jdbc"));

        cache.modified(configuration(Map.of("write.modes", new String[0])));
        assertEquals("serving, up", cache.check().details().get("L4/jdbc"));
        CacheKey key = key("acme", "calc.takeoff", "h");
        var held = database.holdPuts();
        Thread release = new Thread(() -> {
            sleep(300);
            held.countDown();
        });
        release.start();
        long start = System.nanoTime();
        cache.get(key, TEXT, () -> "takeoff");
        assertTrue(System.nanoTime() - start > 200_000_000L, "written through: the request waited for the put");
        assertTrue(database.entries.containsKey(key));
        release.join();
    }

    @Test
    void anInvalidConfigurationLeavesTheSettingsInForce() {
        cache.bindTier(ehcache, registration(1, "ehcache-heap", 10, 1));
        cache.bindTier(caffeine, registration(1, "caffeine", 5, 2));

        cache.modified(configuration(Map.of("tiers", new String[] {"one=caffeine"})));

        CacheKey key = key("acme", "calc.takeoff", "h");
        assertEquals("takeoff", cache.get(key, TEXT, () -> "takeoff"));
        assertTrue(ehcache.entries.containsKey(key), "still the highest ranked L1");
    }

    private static CacheConfiguration configuration(Map<String, Object> properties) {
        return (CacheConfiguration) Proxy.newProxyInstance(CacheConfiguration.class.getClassLoader(),
                new Class<?>[] {CacheConfiguration.class}, (proxy, method, args) -> properties.getOrDefault(
                        method.getName().replace('_', '.'), method.getDefaultValue()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
