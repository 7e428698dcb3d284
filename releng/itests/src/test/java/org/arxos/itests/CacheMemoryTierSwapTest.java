package org.arxos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.arxos.api.cache.TierStats;
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
 * The acceptance test of swapping the memory tier under load: 8 threads ask the cache for a working set while the
 * test moves level 1 between the Ehcache heap tier and the Caffeine tier, by pinning one through the cache's
 * configuration and by stopping and starting the bundles. No request may fail or answer a wrong value, and after each
 * step the expected tier serves level 1 and answers hits.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CacheMemoryTierSwapTest {

    private static final int THREADS = 8;
    private static final long PHASE_MILLIS = 700;
    private static final long HITS_MILLIS = 10_000;
    private static final String EHCACHE = "ehcache-heap";
    private static final String CAFFEINE = "caffeine";
    private static final String CAFFEINE_BUNDLE = "org.arxos.cache.caffeine";
    private static final String EHCACHE_BUNDLE = "org.arxos.cache.ehcache";

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurations;

    private CacheRuntime runtime;

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    /** What the test does, and which tier must serve level 1 afterwards. */
    private record Step(String description, Action action, String l1) {
    }

    @Configuration
    public Option[] config() {
        return ArxosRuntime.withCacheInstalled();
    }

    @Before
    public void startCache() throws Exception {
        runtime = CacheRuntime.start(context, configurations, CacheRuntime.SHARED_REDIS_PORT, Map.of());
    }

    @After
    public void stopCache() throws Exception {
        runtime.close();
    }

    @Test
    public void requestsNeverFailWhileLevelOneMovesBetweenEhcacheAndCaffeine() throws Exception {
        assertEquals("unpinned, the higher-ranked Ehcache heap tier serves level 1", EHCACHE,
                runtime.stats().tiers().get(0).tier());
        List<Step> steps = List.of(
                new Step("pin caffeine", () -> pin(CAFFEINE), CAFFEINE),
                new Step("stop the Caffeine bundle", () -> runtime.bundle(CAFFEINE_BUNDLE).stop(), EHCACHE),
                new Step("start the Caffeine bundle", () -> runtime.bundle(CAFFEINE_BUNDLE).start(), CAFFEINE),
                new Step("pin ehcache-heap", () -> pin(EHCACHE), EHCACHE),
                new Step("stop the Ehcache bundle", () -> runtime.bundle(EHCACHE_BUNDLE).stop(), CAFFEINE),
                new Step("start the Ehcache bundle", () -> runtime.bundle(EHCACHE_BUNDLE).start(), EHCACHE));

        CacheLoad load = new CacheLoad(runtime, "swap", 300, 2_000, THREADS);
        load.start();
        assertHitsWhileServing(EHCACHE, "before any step");
        for (Step step : steps) {
            long begin = System.nanoTime();
            step.action().run();
            runtime.awaitServing("after '" + step.description() + "'", levels(step.l1()));
            System.out.printf("CacheMemoryTierSwapTest: %s: %s serves level 1 after %d ms%n", step.description(),
                    step.l1(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
            assertHitsWhileServing(step.l1(), "after '" + step.description() + "'");
        }
        load.stopAndAssertNoFailures();
        System.out.printf("CacheMemoryTierSwapTest: %d requests by %d threads through %d steps, none failed; %d"
                + " computed while no cache was registered, %d computations in all%n", load.requests(), THREADS,
                steps.size(), load.withoutCache(), load.computations());
    }

    private void pin(String tier) throws Exception {
        runtime.configureCache(Map.of("tiers", new String[] {"1=" + tier}));
    }

    /** The serving lineup with this tier at level 1; the disk tier lives in the Ehcache bundle, so it leaves with it. */
    private List<String> levels(String l1) {
        return runtime.bundle(EHCACHE_BUNDLE).getState() == Bundle.ACTIVE
                ? List.of(l1, "redis", "ehcache-disk", "jdbc") : List.of(l1, "redis", "jdbc");
    }

    /** The tier serves level 1 and answers hits (a new tier starts empty: within a deadline), then the load goes on. */
    private void assertHitsWhileServing(String tier, String when) throws Exception {
        long before = runtime.serving(tier).hits();
        Awaits.until(tier + " serves level 1 and answers hits " + when, HITS_MILLIS,
                () -> runtime.stats().tiers().get(0),
                l1 -> ((TierStats) l1).tier().equals(tier) && ((TierStats) l1).hits() > before);
        Thread.sleep(PHASE_MILLIS);
    }
}
