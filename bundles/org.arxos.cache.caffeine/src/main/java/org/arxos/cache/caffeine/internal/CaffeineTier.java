package org.arxos.cache.caffeine.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;

import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.CacheTier;
import org.arxos.api.cache.TierStats;
import org.arxos.cache.DecodedValueTier;
import org.arxos.cache.KeyPattern;
import org.arxos.cache.TenantQuotas;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

/**
 * The L1 memory tier on Caffeine, keeping the entries the cache stores as decoded values as those values. Each tenant
 * is a partition, a Caffeine cache of its own made on the tenant's first
 * put, weighed in bytes (value plus key characters) against the tenant's quota, so one tenant's load evicts only its
 * own entries. Within a partition W-TinyLFU decides: a new entry is admitted only when it has been asked for more often
 * than the entry it would push out, so a scan of one-off keys does not flush the hot ones.
 *
 * <p>Ranked below the Ehcache heap tier, which serves unless an operator pins this one. This one bounds memory in
 * bytes where Ehcache's heap counts entries, and its admission wins most on traces with a frequently used core among
 * one-off keys (releng/benchmarks, CacheTraceBenchmark).
 */
@Component(service = CacheTier.class, configurationPid = CaffeineTierConfiguration.PID,
        property = {"arxos.impl=caffeine", CacheTier.LEVEL + ":Integer=1", "service.ranking:Integer=5"})
@Designate(ocd = CaffeineTierConfiguration.class)
public final class CaffeineTier implements DecodedValueTier {

    private static final Logger LOG = LoggerFactory.getLogger(CaffeineTier.class);
    private static final long MEGABYTE = 1024 * 1024;

    private final TenantQuotas quotas;
    private final int maxTenants;
    private final Ticker ticker;
    private final Executor executor;
    private final ConcurrentMap<String, Cache<CacheKey, StoredValue>> partitions = new ConcurrentHashMap<>();
    private final Object partitionCreation = new Object();
    private final LongAdder missesWithoutPartition = new LongAdder();
    private final LongAdder sizeEvictions = new LongAdder();
    private final LongAdder getNanos = new LongAdder();
    private final AtomicBoolean tenantLimitReported = new AtomicBoolean();

    @Activate
    public CaffeineTier(CaffeineTierConfiguration configuration) {
        this(TenantQuotas.parse("tenantMegabytes", TenantQuotas.megabytesOrHeapShare("tenantMegabytes",
                configuration.tenantMegabytes()), configuration.tenantQuotas(), MEGABYTE), configuration.maxTenants(), Ticker.systemTicker(), ForkJoinPool.commonPool());
    }

    /**
     * @param maxTenants how many tenants get a partition; entries of further tenants are not kept
     * @param executor   runs Caffeine's maintenance (evictions, removals)
     */
    CaffeineTier(TenantQuotas bytesPerTenant, int maxTenants, Ticker ticker, Executor executor) {
        if (maxTenants < 1) {
            throw new IllegalArgumentException("maxTenants must be 1 or more but was " + maxTenants);
        }
        this.quotas = bytesPerTenant;
        this.maxTenants = maxTenants;
        this.ticker = ticker;
        this.executor = executor;
    }

    @Override
    public Optional<byte[]> get(CacheKey key) {
        return Optional.ofNullable(stored(key)).map(StoredValue::bytes);
    }

    private StoredValue stored(CacheKey key) {
        long start = System.nanoTime();
        Cache<CacheKey, StoredValue> partition = partitions.get(key.tenant());
        StoredValue value = null;
        if (partition == null) {
            missesWithoutPartition.increment();
        } else {
            value = partition.getIfPresent(key);
        }
        getNanos.add(System.nanoTime() - start);
        return value;
    }

    @Override
    public void put(CacheKey key, byte[] value, Duration timeToLive) {
        Objects.requireNonNull(value, "value");
        store(key, timeToLive, nanos -> new StoredValue(value, nanos));
    }

    @Override
    public Optional<Decoded> getDecoded(CacheKey key) {
        return Optional.ofNullable(stored(key)).map(StoredValue::decoded);
    }

    @Override
    public void putDecoded(Decoded entry, Duration timeToLive) {
        Objects.requireNonNull(entry, "entry");
        store(entry.key(), timeToLive, nanos -> new StoredValue(entry, nanos));
    }

    /** @param value the value to store with its time to live in nanoseconds */
    private void store(CacheKey key, Duration timeToLive, LongFunction<StoredValue> value) {
        Objects.requireNonNull(timeToLive, "timeToLive");
        Cache<CacheKey, StoredValue> partition = partitions.get(key.tenant());
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            if (partition != null) {
                partition.invalidate(key);
            }
            return;
        }
        if (partition == null && (partition = newPartition(key.tenant())) == null) {
            return;
        }
        partition.put(key, value.apply(nanos(timeToLive)));
    }

    @Override
    public void remove(CacheKey key) {
        Cache<CacheKey, StoredValue> partition = partitions.get(key.tenant());
        if (partition != null) {
            partition.invalidate(key);
        }
    }

    @Override
    public long invalidate(String pattern) {
        KeyPattern glob = KeyPattern.of(pattern);
        Collection<Cache<CacheKey, StoredValue>> candidates = glob.tenant()
                .map(tenant -> Optional.ofNullable(partitions.get(tenant)).stream().toList())
                .orElseGet(() -> List.copyOf(partitions.values()));
        long removed = 0;
        for (Cache<CacheKey, StoredValue> partition : candidates) {
            List<CacheKey> matching = partition.asMap().keySet().stream()
                    .filter(key -> glob.matches(key.toString())).toList();
            partition.invalidateAll(matching);
            removed += matching.size();
        }
        return removed;
    }

    /**
     * Reads counters only, never running maintenance on the caller's thread: entries, bytes and evictions are those of
     * the partitions' last maintenance, which Caffeine runs on its executor right after writes.
     */
    @Override
    public TierStats stats() {
        long hits = 0;
        long misses = missesWithoutPartition.sum();
        long entries = 0;
        long bytes = 0;
        for (Cache<CacheKey, StoredValue> partition : partitions.values()) {
            CacheStats stats = partition.stats();
            hits += stats.hitCount();
            misses += stats.missCount();
            entries += partition.estimatedSize();
            bytes += partition.policy().eviction().orElseThrow().weightedSize().orElse(0);
        }
        long gets = hits + misses;
        return new TierStats("caffeine", hits, misses, sizeEvictions.sum(), entries, bytes,
                gets == 0 ? 0 : getNanos.sum() / 1000.0 / gets, true);
    }

    @Deactivate
    void deactivate() {
        partitions.clear();
    }

    private Cache<CacheKey, StoredValue> newPartition(String tenant) {
        synchronized (partitionCreation) {
            Cache<CacheKey, StoredValue> existing = partitions.get(tenant);
            if (existing != null) {
                return existing;
            }
            if (partitions.size() >= maxTenants) {
                if (tenantLimitReported.compareAndSet(false, true)) {
                    LOG.warn("caffeine: {} tenants have partitions, the configured maxTenants; entries of further"
                            + " tenants (first: {}) are not kept in this tier", maxTenants, tenant);
                }
                return null;
            }
            Cache<CacheKey, StoredValue> created = Caffeine.newBuilder()
                    .maximumWeight(quotas.quotaOf(tenant))
                    .weigher(CaffeineTier::weight)
                    .expireAfter(new EntryTimeToLive())
                    .evictionListener((CacheKey key, StoredValue value, RemovalCause cause) -> {
                        if (cause == RemovalCause.SIZE) {
                            sizeEvictions.increment();
                        }
                    })
                    .recordStats()
                    .ticker(ticker)
                    .executor(executor)
                    .build();
            partitions.put(tenant, created);
            return created;
        }
    }

    private static int weight(CacheKey key, StoredValue value) {
        int keyLength = key.tenant().length() + key.building().length() + key.operation().length()
                + key.inputHash().length() + 3;
        return value.size() + keyLength;
    }

    private static long nanos(Duration timeToLive) {
        return timeToLive.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L ? Long.MAX_VALUE : timeToLive.toNanos();
    }
}
