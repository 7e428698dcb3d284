package org.arxos.http.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import org.arxos.api.cache.Cache;
import org.arxos.api.cache.CacheStats;
import org.arxos.api.cache.TierStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The counters of every running cache, read once per scrape: requests, hits and computations of each cache (label
 * {@code cache}, its {@code arxos.impl}), and hits, misses, evictions, entries, bytes, mean latency and availability
 * of each of its tiers (label {@code tier}). A bypassed tier reports only its availability, so its counters show a
 * gap rather than a reset.
 */
final class CacheMetrics implements MultiCollector {

    private static final Logger LOG = LoggerFactory.getLogger(CacheMetrics.class);

    private record Tier(String cache, TierStats stats) {
    }

    private final Map<Cache, String> caches = new ConcurrentHashMap<>();

    void add(Cache cache, String name) {
        caches.put(cache, name);
    }

    void remove(Cache cache) {
        caches.remove(cache);
    }

    @Override
    public MetricSnapshots collect() {
        Map<String, CacheStats> byCache = new TreeMap<>();
        caches.forEach((cache, name) -> {
            try {
                byCache.put(name, cache.stats());
            } catch (RuntimeException e) {
                LOG.debug("Cache '{}' gave no statistics: {}", name, e.toString());
            }
        });
        if (byCache.isEmpty()) {
            return new MetricSnapshots();
        }
        List<Tier> tiers = new ArrayList<>();
        byCache.forEach((name, stats) -> stats.tiers().forEach(tier -> tiers.add(new Tier(name, tier))));
        List<Tier> serving = tiers.stream().filter(t -> t.stats().available()).toList();
        return new MetricSnapshots(
                counter("arxos_cache_requests", "Values asked of the cache", byCache, CacheStats::requests),
                counter("arxos_cache_hits", "Values asked of the cache that a tier had", byCache, CacheStats::hits),
                counter("arxos_cache_computations", "Values computed because no tier had them, warming included",
                        byCache, CacheStats::computations),
                tierCounter("arxos_cache_tier_hits", "Reads that found the entry in the tier", serving,
                        TierStats::hits),
                tierCounter("arxos_cache_tier_misses", "Reads that did not find the entry in the tier", serving,
                        TierStats::misses),
                tierCounter("arxos_cache_tier_evictions", "Entries the tier removed to stay within its bounds",
                        serving, TierStats::evictions),
                tierGauge("arxos_cache_tier_entries", "Entries in the tier", null, serving, TierStats::entries),
                tierGauge("arxos_cache_tier_bytes", "Bytes of the entries in the tier", Unit.BYTES, serving,
                        TierStats::bytes),
                tierGauge("arxos_cache_tier_mean_latency_seconds", "Mean time of a read of the tier", Unit.SECONDS,
                        serving, t -> t.meanLatencyMicros() / 1e6),
                tierGauge("arxos_cache_tier_available", "1 while the tier serves, 0 while it is bypassed", null,
                        tiers, t -> t.available() ? 1 : 0));
    }

    private static MetricSnapshot counter(String name, String help, Map<String, CacheStats> byCache,
            ToDoubleFunction<CacheStats> value) {
        CounterSnapshot.Builder counter = CounterSnapshot.builder().name(name).help(help);
        byCache.forEach((cache, stats) -> counter.dataPoint(CounterDataPointSnapshot.builder()
                .labels(Labels.of("cache", cache)).value(value.applyAsDouble(stats)).build()));
        return counter.build();
    }

    private static MetricSnapshot tierCounter(String name, String help, List<Tier> tiers,
            ToDoubleFunction<TierStats> value) {
        CounterSnapshot.Builder counter = CounterSnapshot.builder().name(name).help(help);
        tiers.forEach(tier -> counter.dataPoint(CounterDataPointSnapshot.builder().labels(labels(tier))
                .value(value.applyAsDouble(tier.stats())).build()));
        return counter.build();
    }

    private static MetricSnapshot tierGauge(String name, String help, Unit unit, List<Tier> tiers,
            ToDoubleFunction<TierStats> value) {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
        if (unit != null) {
            gauge.unit(unit);
        }
        tiers.forEach(tier -> gauge.dataPoint(GaugeDataPointSnapshot.builder().labels(labels(tier))
                .value(value.applyAsDouble(tier.stats())).build()));
        return gauge.build();
    }

    private static Labels labels(Tier tier) {
        return Labels.of("cache", tier.cache(), "tier", tier.stats().tier());
    }
}
