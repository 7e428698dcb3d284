package org.arxos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import org.arxos.api.cache.Cache;
import org.arxos.api.cache.TierStats;
import org.arxos.api.health.HealthContributor;
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
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A changed cache configuration (a pin of the other L1, another write mode) is applied by the running cache: the
 * Cache service stays registered, the same service answers every request of a load that runs throughout, none is
 * computed for want of a cache, and the new settings are in force afterwards.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CacheConfigurationChangeTest {

    private static final int THREADS = 4;
    private static final long SERVING_MILLIS = 10_000;

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurations;

    private CacheRuntime runtime;

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
    public void theCacheServiceStaysRegisteredAndAnswersWhileItsConfigurationChanges() throws Exception {
        ServiceReference<Cache> before = context.getServiceReference(Cache.class);
        List<String> events = new CopyOnWriteArrayList<>();
        ServiceListener listener = event -> events.add(switch (event.getType()) {
            case ServiceEvent.REGISTERED -> "registered";
            case ServiceEvent.UNREGISTERING -> "unregistering";
            case ServiceEvent.MODIFIED -> "modified";
            default -> "other";
        } + " " + event.getServiceReference().getProperty("service.id"));
        context.addServiceListener(listener, "(objectClass=" + Cache.class.getName() + ")");
        CacheLoad load = new CacheLoad(runtime, "reconfigure", 200, 1_000, THREADS);
        long beforeChanges;
        long afterChanges;
        try {
            load.start();
            Thread.sleep(500);
            beforeChanges = load.requests();
            runtime.configureCache(Map.of("tiers", new String[] {"1=caffeine"}));
            awaitLevelOne("caffeine");
            Thread.sleep(500);
            runtime.configureCache(Map.of("tiers", new String[] {"1=ehcache-heap"}, "write.modes",
                    new String[] {"2=behind", "4=behind"}));
            awaitLevelOne("ehcache-heap");
            afterChanges = load.requests();
            Thread.sleep(500);
            load.stopAndAssertNoFailures();
        } finally {
            context.removeServiceListener(listener);
        }

        assertTrue("no Cache service event but property updates: " + events,
                events.stream().allMatch(e -> e.startsWith("modified")));
        assertEquals("the same Cache service answers", before.getProperty("service.id"),
                context.getServiceReference(Cache.class).getProperty("service.id"));
        assertEquals("requests computed while no Cache service was registered", 0, load.withoutCache());
        assertTrue("requests were answered while the configuration changed", afterChanges > beforeChanges);
        String redis = String.valueOf(((HealthContributor) runtime.awaitCache()).check().details().get("L2/redis"));
        assertTrue("level 2 is written behind now: " + redis, redis.contains("write-behind"));
        System.out.printf("CacheConfigurationChangeTest: %d requests by %d threads through two configuration "
                + "changes, none failed, none without a cache; Cache service events: %s%n", load.requests(), THREADS,
                events);
    }

    private void awaitLevelOne(String tier) throws Exception {
        Awaits.until(tier + " serves level 1", SERVING_MILLIS, () -> runtime.stats().tiers().get(0),
                l1 -> ((TierStats) l1).tier().equals(tier));
    }
}
