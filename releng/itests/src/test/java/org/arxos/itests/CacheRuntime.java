package org.arxos.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.arxos.api.cache.Cache;
import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.CacheStats;
import org.arxos.api.cache.CacheTier;
import org.arxos.api.cache.TierStats;
import org.arxos.api.cache.ValueCodec;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The cache bundles of {@link ArxosRuntime#withCacheInstalled()} in the running framework: configured through
 * ConfigAdmin before they start (the disk and database tiers in a scratch folder of their own, Redis under a key prefix
 * of its own), then started. Requests go to the cache a consumer would find now, through a tracker, so a cache that
 * is restarted (its bundle stopped and started) is followed; tiers are found by their {@code arxos.impl} name.
 */
final class CacheRuntime implements AutoCloseable {

    static final String CACHE_PID = "org.arxos.cache";
    static final String REDIS_PID = "org.arxos.cache.redis";
    static final String HEAP_PID = "org.arxos.cache.ehcache.heap";
    static final String DISK_PID = "org.arxos.cache.ehcache.disk";
    static final String JDBC_PID = "org.arxos.cache.jdbc";

    /** The machine's Redis, for the tests that do not start their own. */
    static final int SHARED_REDIS_PORT = Integer.getInteger("arxos.itests.redis.port", 6379);

    /** The tiers serving when every cache bundle runs and nothing is pinned, fastest first. */
    static final List<String> ALL_LEVELS = List.of("ehcache-heap", "redis", "ehcache-disk", "jdbc");

    static final ValueCodec<String> TEXT = new ValueCodec<>() {
        @Override
        public byte[] encode(String value) {
            return value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decode(byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    };

    private static final long START_MILLIS = 15_000;

    private final BundleContext context;
    private final ConfigurationAdmin configurations;
    private final Map<String, Map<String, Object>> settings;
    private final ServiceTracker<Cache, Cache> cache;

    private CacheRuntime(BundleContext context, ConfigurationAdmin configurations,
            Map<String, Map<String, Object>> settings) {
        this.context = context;
        this.configurations = configurations;
        this.settings = settings;
        this.cache = new ServiceTracker<>(context, Cache.class, null);
    }

    /**
     * Configures the tiers (Redis on the loopback at {@code redisPort}) and the cache, each PID with {@code overrides}
     * over these scratch settings, starts the cache bundles and waits until every level is served.
     */
    static CacheRuntime start(BundleContext context, ConfigurationAdmin configurations, int redisPort,
            Map<String, Map<String, Object>> overrides) throws Exception {
        Path scratch = Path.of(ArxosRuntime.workDirectory()).toAbsolutePath().resolve("cache-" + UUID.randomUUID());
        Map<String, Map<String, Object>> settings = new HashMap<>();
        settings.put(CACHE_PID, new HashMap<>());
        settings.put(HEAP_PID, new HashMap<>());
        settings.put(REDIS_PID, new HashMap<>(Map.of("host", "127.0.0.1", "port", redisPort,
                "keyPrefix", "arxos-itests:" + scratch.getFileName() + ":")));
        settings.put(DISK_PID, new HashMap<>(Map.of("directory", scratch.resolve("disk").toString())));
        settings.put(JDBC_PID, new HashMap<>(Map.of("url", "jdbc:h2:file:" + scratch.resolve("l4"))));
        overrides.forEach((pid, properties) -> settings.get(pid).putAll(properties));

        CacheRuntime runtime = new CacheRuntime(context, configurations, settings);
        for (String pid : settings.keySet()) {
            runtime.update(pid);
        }
        runtime.cache.open();
        for (String name : ArxosRuntime.CACHE) {
            runtime.bundle(name).start();
        }
        runtime.awaitServing("every level served once the cache bundles started", ALL_LEVELS);
        return runtime;
    }

    /** The cache a consumer finds now; null while it is being reactivated. */
    Cache cache() {
        return cache.getService();
    }

    Cache awaitCache() throws InterruptedException {
        Cache found = cache.waitForService(START_MILLIS);
        if (found == null) {
            throw new AssertionError("no Cache service within " + START_MILLIS + " ms");
        }
        return found;
    }

    /** The counters of the cache a consumer finds now, waiting for one while it is being reactivated. */
    CacheStats stats() {
        try {
            return awaitCache().stats();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the cache", e);
        }
    }

    /** The counters of the tier serving under that name. */
    TierStats serving(String tier) {
        return stats().tiers().stream().filter(t -> t.tier().equals(tier)).findFirst()
                .orElseThrow(() -> new IllegalStateException(tier + " is not serving"));
    }

    void awaitServing(String description, List<String> tiers) throws InterruptedException {
        Awaits.until(description + ": " + tiers, START_MILLIS,
                () -> stats().tiers().stream().map(TierStats::tier).toList(), tiers::equals);
    }

    /** Sets these cache settings over the current ones: the running cache applies them. */
    void configureCache(Map<String, Object> properties) throws IOException {
        settings.get(CACHE_PID).putAll(properties);
        update(CACHE_PID);
    }

    /** The registered tier of that {@code arxos.impl} name, called directly, not through the cache. */
    CacheTier tier(String name) {
        List<ServiceReference<CacheTier>> found;
        try {
            found = List.copyOf(context.getServiceReferences(CacheTier.class, "(arxos.impl=" + name + ")"));
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("not a tier name: " + name, e);
        }
        if (found.size() != 1) {
            throw new IllegalStateException(found.size() + " cache tiers are registered as " + name);
        }
        return context.getService(found.get(0));
    }

    Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    /**
     * Makes the tenants known to the disk tier, which opens a new tenant's partition in the background on the tenant's
     * first store and keeps none of its entries before: a probe entry is stored until it can be read back.
     */
    void openDiskPartitions(String... tenants) throws InterruptedException {
        CacheTier disk = tier("ehcache-disk");
        for (String tenant : tenants) {
            CacheKey probe = new CacheKey(tenant, "probe", "probe", "probe");
            Awaits.until("a disk partition for " + tenant, START_MILLIS, () -> {
                disk.put(probe, new byte[1], Duration.ofMinutes(1));
                return disk.get(probe);
            }, entry -> ((Optional<?>) entry).isPresent());
            disk.remove(probe);
        }
    }

    /** Removes the test's entries from every tier (Redis keeps nothing of the run) and stops the cache bundles. */
    @Override
    public void close() throws InterruptedException, BundleException {
        Cache current = cache.waitForService(TimeUnit.SECONDS.toMillis(5));
        if (current != null) {
            current.invalidate("*");
        }
        cache.close();
        for (String name : ArxosRuntime.CACHE) {
            bundle(name).stop();
        }
    }

    private void update(String pid) throws IOException {
        Dictionary<String, Object> properties = new Hashtable<>(settings.get(pid));
        configurations.getConfiguration(pid, "?").update(properties);
    }
}
