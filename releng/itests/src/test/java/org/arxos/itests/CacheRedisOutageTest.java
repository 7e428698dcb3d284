package org.arxos.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
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
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The fault test of the Redis tier: the test starts a redis-server of its own, the cache's level 2 uses it, and 8
 * threads keep asking the cache for a working set larger than level 1 holds, so that level 2 answers many of them. The
 * server is killed in the middle of the run and started again on the same port (empty). No request may fail; level 2
 * must be reported unavailable during the outage and answer hits again once the server is back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CacheRedisOutageTest {

    private static final int THREADS = 8;
    private static final long PHASE_MILLIS = 1_000;
    private static final String REDIS = "redis";

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurations;

    private RedisServerProcess redis;
    private CacheRuntime runtime;

    @Configuration
    public Option[] config() {
        return ArxosRuntime.withCacheInstalled();
    }

    @Before
    public void startRedisAndCache() throws Exception {
        redis = RedisServerProcess.startOnFreePort(Path.of(ArxosRuntime.workDirectory()).toAbsolutePath()
                .resolve("redis-" + UUID.randomUUID()));
        // Level 1 keeps 20 entries of the 400, so level 2 is asked for most; a tier that failed is tried again
        // after 0.1 s, then with waits up to 0.5 s.
        runtime = CacheRuntime.start(context, configurations, redis.port(), Map.of(
                CacheRuntime.HEAP_PID, Map.of("tenantEntries", 20),
                CacheRuntime.CACHE_PID, Map.of("outage.backoff.min", "PT0.1S", "outage.backoff.max", "PT0.5S")));
    }

    @After
    public void stopCacheAndRedis() throws Exception {
        try {
            runtime.close();
        } finally {
            redis.close();
        }
    }

    @Test
    public void requestsNeverFailWhileRedisIsKilledAndStartedAgain() throws Exception {
        CacheLoad load = new CacheLoad(runtime, "outage", 400, 2_000, THREADS);
        load.start();
        Awaits.until("level 2 answers hits", 10_000, () -> runtime.serving(REDIS),
                stats -> ((TierStats) stats).available() && ((TierStats) stats).hits() > 0);
        Thread.sleep(PHASE_MILLIS);
        long hitsBeforeKill = runtime.serving(REDIS).hits();

        redis.kill();
        long killed = System.nanoTime();
        Awaits.until("level 2 reported unavailable once Redis is killed", 5_000, () -> runtime.serving(REDIS),
                stats -> !((TierStats) stats).available());
        long requestsAtOutage = load.requests();
        Thread.sleep(PHASE_MILLIS);
        long duringOutage = load.requests() - requestsAtOutage;
        assertFalse("level 2 is still reported unavailable while Redis is gone", runtime.serving(REDIS).available());
        assertTrue("requests were answered during the outage", duringOutage > 0);

        redis.start();
        long restarted = System.nanoTime();
        Awaits.until("level 2 available again and answering hits after Redis is back", 15_000,
                () -> runtime.serving(REDIS),
                stats -> ((TierStats) stats).available() && ((TierStats) stats).hits() > hitsBeforeKill);
        long back = System.nanoTime();
        Thread.sleep(PHASE_MILLIS);
        load.stopAndAssertNoFailures();

        System.out.printf("CacheRedisOutageTest: %d requests by %d threads, none failed; %d answered while Redis was"
                + " down (%d ms); level 2 hits again %d ms after the restart; %d computations%n", load.requests(),
                THREADS, duringOutage, TimeUnit.NANOSECONDS.toMillis(restarted - killed),
                TimeUnit.NANOSECONDS.toMillis(back - restarted), load.computations());
    }
}
