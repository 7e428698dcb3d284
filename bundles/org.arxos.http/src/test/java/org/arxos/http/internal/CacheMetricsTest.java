package org.arxos.http.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

import org.arxos.api.cache.Cache;
import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.CachedOperation;
import org.arxos.api.selection.Capability;
import org.arxos.cache.jdbc.internal.JdbcCacheTier;
import org.arxos.cache.jdbc.internal.JdbcTierConfiguration;
import org.arxos.cache.testing.TieredCaches;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counters of real tiered caches on /metrics: one over a working JDBC tier, one whose tier cannot connect. */
class CacheMetricsTest {

    private static final CachedOperation<byte[]> BYTES = HierarchyEndpoint.PAGES;

    @TempDir
    Path folder;

    private JdbcCacheTier working;
    private JdbcCacheTier broken;
    private Cache cache;
    private Cache bypassing;

    @AfterEach
    void close() {
        TieredCaches.close(cache);
        TieredCaches.close(bypassing);
        working.close();
        broken.close();
    }

    private JdbcCacheTier tier(String url) {
        org.h2.jdbcx.JdbcDataSource entries = new org.h2.jdbcx.JdbcDataSource();
        entries.setURL(url);
        JdbcTierConfiguration defaults = (JdbcTierConfiguration) java.lang.reflect.Proxy.newProxyInstance(
                JdbcTierConfiguration.class.getClassLoader(), new Class<?>[] {JdbcTierConfiguration.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> JdbcTierConfiguration.class;
                    // the tier counts entries and bytes in the background; count every second so the test sees the put
                    case "sizesIntervalSeconds" -> 1;
                    default -> method.getDefaultValue();
                });
        return new JdbcCacheTier(entries, defaults, Clock.systemUTC());
    }

    @Test
    void requestsHitsComputationsAndEachTiersCountersAreScraped() throws Exception {
        working = tier("jdbc:h2:file:" + folder.resolve("cache").toAbsolutePath() + ";AUTO_SERVER=FALSE");
        broken = tier("jdbc:h2:file:" + folder.resolve("missing/folder").toAbsolutePath()
                + ";IFEXISTS=TRUE;AUTO_SERVER=FALSE");
        cache = TieredCaches.over(working, 4, "jdbc");
        bypassing = TieredCaches.over(broken, 4, "jdbc");
        HttpMetrics metrics = new HttpMetrics();
        metrics.addCache(cache, Map.of(Capability.IMPL, "tiered"));
        metrics.addCache(bypassing, Map.of(Capability.IMPL, "broken"));

        CacheKey key = BYTES.key("acme", "b1", "input");
        for (Cache c : new Cache[] {cache, bypassing}) {
            BYTES.get(java.util.Optional.of(c), key, () -> new byte[100]);
            BYTES.get(java.util.Optional.of(c), key, () -> new byte[100]);
        }
        String entries = "arxos_cache_tier_entries{cache=\"tiered\",tier=\"jdbc\"} 1.0";
        String text = scrape(metrics);
        for (long deadline = System.nanoTime() + 10_000_000_000L; !text.contains(entries)
                && System.nanoTime() < deadline; text = scrape(metrics)) {
            Thread.sleep(50);
        }

        assertTrue(text.contains("# TYPE arxos_cache_requests_total counter"), text);
        assertTrue(text.contains("arxos_cache_requests_total{cache=\"tiered\"} 2.0"), text);
        assertTrue(text.contains("arxos_cache_hits_total{cache=\"tiered\"} 1.0"), text);
        assertTrue(text.contains("arxos_cache_computations_total{cache=\"tiered\"} 1.0"), text);
        assertTrue(text.contains("arxos_cache_computations_total{cache=\"broken\"} 2.0"), text);
        assertTrue(text.contains("arxos_cache_tier_hits_total{cache=\"tiered\",tier=\"jdbc\"} 1.0"), text);
        assertTrue(Pattern.compile("(?m)^arxos_cache_tier_misses_total\\{cache=\"tiered\",tier=\"jdbc\"} [1-9]")
                .matcher(text).find(), text);
        assertTrue(text.contains("arxos_cache_tier_evictions_total{cache=\"tiered\",tier=\"jdbc\"} 0.0"), text);
        assertTrue(text.contains(entries), text);
        assertTrue(Pattern.compile("(?m)^arxos_cache_tier_bytes\\{cache=\"tiered\",tier=\"jdbc\"} [1-9][0-9.E]*$")
                .matcher(text).find(), text);
        assertTrue(Pattern.compile("(?m)^arxos_cache_tier_mean_latency_seconds\\{cache=\"tiered\",tier=\"jdbc\"} "
                + "[0-9.E-]+$").matcher(text).find(), text);
        assertTrue(text.contains("arxos_cache_tier_available{cache=\"tiered\",tier=\"jdbc\"} 1.0"), text);
        assertTrue(text.contains("arxos_cache_tier_available{cache=\"broken\",tier=\"jdbc\"} 0.0"), text);
        assertFalse(text.contains("arxos_cache_tier_hits_total{cache=\"broken\""), "a bypassed tier has a gap");

        metrics.removeCache(cache);
        metrics.removeCache(bypassing);
        assertFalse(scrape(metrics).contains("arxos_cache"), "no cache, no cache metrics");
    }

    private static String scrape(HttpMetrics metrics) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
