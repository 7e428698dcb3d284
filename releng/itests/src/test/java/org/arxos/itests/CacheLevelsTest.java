package org.arxos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import org.arxos.api.cache.Cache;
import org.arxos.api.cache.CacheKey;
import org.arxos.api.compress.Compressor;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The real tiers together in Felix: the Ehcache heap (L1), the machine's Redis (L2), the Ehcache disk store (L3) and an
 * H2 file database (L4) behind the tiered cache, with the codec compressor of {@code org.arxos.compress}. Each test
 * looks into every level directly, through the tier services, as well as through the cache.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CacheLevelsTest {

    /** How long the write-behind level 4 and a tier's own expiry may take to show. */
    private static final long SETTLE_MILLIS = 5_000;

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurations;

    private CacheRuntime runtime;
    private Cache cache;
    private final AtomicInteger computations = new AtomicInteger();

    @Configuration
    public Option[] config() {
        return ArxosRuntime.withCacheInstalled();
    }

    @Before
    public void startCache() throws Exception {
        // every value at every level, however cheap it is to compute: what these tests look for
        runtime = CacheRuntime.start(context, configurations, CacheRuntime.SHARED_REDIS_PORT,
                Map.of(CacheRuntime.CACHE_PID, Map.of("admission.by.cost", false)));
        cache = runtime.awaitCache();
    }

    @After
    public void stopCache() throws Exception {
        runtime.close();
    }

    @Test
    public void aValueComputedOnceIsFoundInEveryLevel() throws Exception {
        runtime.openDiskPartitions("levels");
        CacheKey key = new CacheKey("levels", "b1", "render.tile", "rev1-0-0-0");
        assertEquals("tile 0/0/0", get(key, "tile 0/0/0"));
        assertInEveryLevel(key);
        assertEquals("tile 0/0/0", get(key, "recomputed"));
        assertEquals("computed once", 1, computations.get());
        assertEquals("the second request is a hit", 1, cache.stats().hits());
    }

    @Test
    public void aPatternRemovesItsEntriesFromEveryLevelAndNothingElse() throws Exception {
        runtime.openDiskPartitions("pattern");
        CacheKey tile = new CacheKey("pattern", "b1", "render.tile", "rev1-1-0-0");
        CacheKey view = new CacheKey("pattern", "b1", "view.hierarchy", "rev1-spatial");
        CacheKey otherBuilding = new CacheKey("pattern", "b2", "render.tile", "rev1-1-0-0");
        for (CacheKey key : List.of(tile, view, otherBuilding)) {
            get(key, "value of " + key);
            assertInEveryLevel(key);
        }

        cache.invalidate("pattern:b1:render.tile:*");
        assertInNoLevel(tile);
        assertInEveryLevel(view);
        assertInEveryLevel(otherBuilding);

        cache.invalidate("pattern:b1:*");
        assertInNoLevel(view);
        assertInEveryLevel(otherBuilding);

        assertEquals("value of " + tile, get(tile, "value of " + tile));
        assertEquals("3 first computations, then the invalidated tile again", 4, computations.get());
    }

    @Test
    public void aNewRevisionMissesWhileTheOldOneStillHits() throws Exception {
        CacheKey revision1 = new CacheKey("revisions", "b1", "view.hierarchy", "hash-of-revision-1");
        CacheKey revision2 = new CacheKey("revisions", "b1", "view.hierarchy", "hash-of-revision-2");
        assertEquals("hierarchy of 1", get(revision1, "hierarchy of 1"));
        assertEquals("the new content hash misses", "hierarchy of 2", get(revision2, "hierarchy of 2"));
        assertEquals(2, computations.get());
        assertEquals("hierarchy of 1", get(revision1, "not computed again"));
        assertEquals("hierarchy of 2", get(revision2, "not computed again"));
        assertEquals(2, computations.get());
    }

    @Test
    public void oneTenantNeverReadsAnothersEntry() throws Exception {
        runtime.openDiskPartitions("acme", "globex");
        CacheKey acme = new CacheKey("acme", "b1", "calc.takeoff", "same-inputs");
        CacheKey globex = new CacheKey("globex", "b1", "calc.takeoff", "same-inputs");
        assertEquals("acme's", get(acme, "acme's"));
        assertEquals("the same inputs of another tenant are computed for it", "globex's", get(globex, "globex's"));
        assertEquals("acme's", get(acme, "not computed again"));
        assertEquals("globex's", get(globex, "not computed again"));
        assertEquals(2, computations.get());
        assertInEveryLevel(acme);
        assertInEveryLevel(globex);

        cache.invalidate("acme:*");
        assertInNoLevel(acme);
        assertInEveryLevel(globex);
        assertEquals("globex's", get(globex, "not computed again"));
    }

    @Test
    public void anEntryExpiresInEveryLevelAfterItsTimeToLive() throws Exception {
        CacheKey key = new CacheKey("ttl", "b1", "render.tile", "rev1-2-1-1");
        Duration timeToLive = Duration.ofMillis(1_500);
        long stored = System.nanoTime();
        assertEquals("first", cache.get(key, CacheRuntime.TEXT, timeToLive, () -> computed("first")));
        assertEquals("a hit within the time to live", "first",
                cache.get(key, CacheRuntime.TEXT, timeToLive, () -> computed("second")));
        assertTrue("the hit came within the time to live", System.nanoTime() - stored < timeToLive.toNanos());

        Thread.sleep(timeToLive.toMillis() + 200);
        assertInNoLevel(key);
        assertEquals("computed again once expired", "second",
                cache.get(key, CacheRuntime.TEXT, timeToLive, () -> computed("second")));
        assertEquals(2, computations.get());
    }

    @Test
    public void largeValuesAreCompressedByTheCodecCompressorAndReadBackFromEveryLevel() throws Exception {
        assertEquals("org.arxos.compress resolves and runs", Bundle.ACTIVE,
                runtime.bundle("org.arxos.compress").getState());
        assertEquals("the codec compressor is registered", 1,
                context.getServiceReferences(Compressor.class, "(arxos.impl=codec)").size());
        runtime.openDiskPartitions("compress");
        StringBuilder plan = new StringBuilder();
        for (int i = 0; plan.length() < 200_000; i++) {
            plan.append("<rect id=\"c").append(i).append("\" x=\"").append(i % 97).append("\" y=\"").append(i % 89)
                    .append("\" width=\"2\" height=\"1\"/>\n");
        }
        String value = plan.toString();
        CacheKey key = new CacheKey("compress", "b1", "render.tile", "rev1-0-0-0-svg");
        assertEquals(value, get(key, value));
        assertInEveryLevel(key);
        for (String level : CacheRuntime.ALL_LEVELS) {
            int stored = runtime.tier(level).get(key).orElseThrow().length;
            assertTrue(level + " holds " + stored + " bytes for a value of " + value.length() + ": compressed",
                    stored < value.length() / 10);
        }
        // Read back from each level in turn: remove the entry from the levels above it first.
        for (int level = 1; level < CacheRuntime.ALL_LEVELS.size(); level++) {
            for (String above : CacheRuntime.ALL_LEVELS.subList(0, level)) {
                runtime.tier(above).remove(key);
            }
            assertEquals("decompressed from " + CacheRuntime.ALL_LEVELS.get(level), value, get(key, "recomputed"));
        }
        assertEquals("never computed again", 1, computations.get());
    }

    @Test
    public void aHundredConcurrentMissesOfOneKeyComputeOnce() throws Exception {
        CacheKey key = new CacheKey("flight", "b1", "view.hierarchy", "rev1-system");
        int callers = 100;
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        Set<String> answers = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Thread caller = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    answers.add(cache.get(key, CacheRuntime.TEXT, () -> {
                        sleep(200);
                        return computed("the system hierarchy");
                    }));
                } catch (InterruptedException e) {
                    answers.add("interrupted");
                }
            });
            threads.add(caller);
            caller.start();
        }
        assertTrue(ready.await(10, TimeUnit.SECONDS));
        go.countDown();
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertEquals(Set.of("the system hierarchy"), answers);
        assertEquals("100 concurrent misses, one computation", 1, computations.get());
    }

    private String get(CacheKey key, String computedValue) {
        return cache.get(key, CacheRuntime.TEXT, () -> computed(computedValue));
    }

    private String computed(String value) {
        computations.incrementAndGet();
        return value;
    }

    private void assertInEveryLevel(CacheKey key) throws Exception {
        for (String level : CacheRuntime.ALL_LEVELS) {
            Awaits.until(key + " in " + level, SETTLE_MILLIS, () -> runtime.tier(level).get(key),
                    entry -> ((Optional<?>) entry).isPresent());
        }
    }

    private void assertInNoLevel(CacheKey key) throws Exception {
        for (String level : CacheRuntime.ALL_LEVELS) {
            Awaits.until(key + " gone from " + level, SETTLE_MILLIS, () -> runtime.tier(level).get(key),
                    entry -> ((Optional<?>) entry).isEmpty());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
