package org.arxos.cache.ehcache.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.CacheTier;
import org.arxos.api.cache.TierStats;
import org.arxos.cache.DecodedValueTier;
import org.arxos.cache.KeyPattern;
import org.arxos.cache.TenantQuotas;
import org.arxos.cache.TierCounters;
import org.ehcache.Cache;
import org.ehcache.CacheManager;
import org.ehcache.Status;
import org.ehcache.config.CacheConfiguration;
import org.ehcache.config.ResourcePools;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheEventListenerConfigurationBuilder;
import org.ehcache.expiry.ExpiryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cache tier on one Ehcache cache manager: each tenant is a partition, an Ehcache cache of its own bounded by the
 * tenant's quota, so one tenant's load evicts only its own entries. Keys are {@link CacheKey#toString()}; each entry
 * expires after the time to live it was put with.
 *
 * <p>A tenant's first put has its partition opened by the tier's partition opener. An opener that runs the opening
 * on the caller's thread (a heap tier: microseconds) stores that put in the new partition; one that runs it in the
 * background (a disk tier: allocating a store takes hundreds of milliseconds) lets the put return at once without
 * storing it, and the tenant's puts are stored once the partition is open.
 */
abstract class EhcacheTier implements CacheTier {

    private static final Logger LOG = LoggerFactory.getLogger(EhcacheTier.class);

    private final String name;
    private final CacheManager manager;
    private final TenantQuotas quotas;
    private final int maxTenants;
    private final Executor partitionOpener;
    private final ConcurrentMap<String, Partition> partitions = new ConcurrentHashMap<>();
    private final Set<String> opening = ConcurrentHashMap.newKeySet();
    private final TierCounters gets = new TierCounters();
    private final Object partitionCreation = new Object();
    private final AtomicBoolean tenantLimitReported = new AtomicBoolean();
    private final AtomicBoolean openFailureReported = new AtomicBoolean();
    private boolean closed;

    private record Partition(Cache<String, StoredValue> cache, PartitionCounters counters, long quota,
            long largestValue) {
    }

    /**
     * @param maxTenants      how many tenants get a partition; entries of further tenants are not kept
     * @param partitionOpener runs the opening of a new tenant's partition
     */
    EhcacheTier(String name, CacheManager manager, TenantQuotas quotas, int maxTenants, Executor partitionOpener) {
        this.name = name;
        this.manager = manager;
        this.quotas = quotas;
        this.maxTenants = tenantLimit(maxTenants);
        this.partitionOpener = partitionOpener;
    }

    /** The maxTenants setting, checked: a tier checks it before it opens anything. */
    static int tenantLimit(int maxTenants) {
        if (maxTenants < 1) {
            throw new IllegalArgumentException("maxTenants must be 1 or more but was " + maxTenants);
        }
        return maxTenants;
    }

    /** The Ehcache resources of a partition with this quota. */
    abstract ResourcePools resources(long quota);

    /** The largest value (in bytes) a partition with this quota keeps; larger ones are not stored. */
    abstract long largestValue(long quota);

    /** Completes a partition's configuration, e.g. with a serializer. */
    CacheConfigurationBuilder<String, StoredValue> configure(CacheConfigurationBuilder<String, StoredValue> builder) {
        return builder;
    }

    /** Makes the Ehcache cache of a partition; a tier that recovers partitions may retry here. */
    Cache<String, StoredValue> createCache(String tenant, CacheConfiguration<String, StoredValue> configuration) {
        return manager.createCache(tenant, configuration);
    }

    /** Called after each entry stored in a partition, with the partition's quota. */
    void stored(Cache<String, StoredValue> cache, PartitionCounters counters, long quota) {
    }

    /** Called once a new tenant got a partition. */
    void partitionCreated(String tenant) {
    }

    @Override
    public Optional<byte[]> get(CacheKey key) {
        long start = System.nanoTime();
        Partition partition = partitions.get(key.tenant());
        StoredValue value = partition == null ? null : partition.cache().get(key.toString());
        gets.recordGet(value != null, start);
        return value == null ? Optional.empty() : Optional.of(value.bytes());
    }

    @Override
    public void put(CacheKey key, byte[] value, Duration timeToLive) {
        Objects.requireNonNull(value, "value");
        store(key, timeToLive, value.length, bounded -> new StoredValue(value, bounded));
    }

    /** The decoded entry of the key, for a tier that keeps them ({@link DecodedValueTier#getDecoded}). */
    Optional<DecodedValueTier.Decoded> getDecoded(CacheKey key) {
        long start = System.nanoTime();
        Partition partition = partitions.get(key.tenant());
        StoredValue value = partition == null ? null : partition.cache().get(key.toString());
        gets.recordGet(value != null, start);
        return value == null ? Optional.empty() : Optional.ofNullable(value.decoded());
    }

    /** Stores a decoded entry, for a tier that keeps them ({@link DecodedValueTier#putDecoded}). */
    void putDecoded(DecodedValueTier.Decoded entry, Duration timeToLive) {
        Objects.requireNonNull(entry, "entry");
        store(entry.key(), timeToLive, entry.size(), bounded -> new StoredValue(entry, bounded));
    }

    /** @param value the value to store with the time to live Ehcache can take */
    private void store(CacheKey key, Duration timeToLive, int size, Function<Duration, StoredValue> value) {
        Objects.requireNonNull(timeToLive, "timeToLive");
        Partition partition = partitions.get(key.tenant());
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            if (partition != null) {
                partition.cache().remove(key.toString());
            }
            return;
        }
        if (partition == null && (partition = newPartition(key.tenant())) == null) {
            return;
        }
        if (size > partition.largestValue()) {
            LOG.debug("{}: not keeping {} bytes for {}, more than the partition's largest value of {} bytes", name,
                    size, key, partition.largestValue());
            partition.cache().remove(key.toString());
            return;
        }
        Duration bounded = timeToLive.compareTo(ExpiryPolicy.INFINITE) > 0 ? ExpiryPolicy.INFINITE : timeToLive;
        partition.cache().put(key.toString(), value.apply(bounded));
        stored(partition.cache(), partition.counters(), partition.quota());
    }

    @Override
    public void remove(CacheKey key) {
        Partition partition = partitions.get(key.tenant());
        if (partition != null) {
            partition.cache().remove(key.toString());
        }
    }

    @Override
    public long invalidate(String pattern) {
        KeyPattern glob = KeyPattern.of(pattern);
        Collection<Partition> candidates = glob.tenant()
                .map(tenant -> Optional.ofNullable(partitions.get(tenant)).stream().toList())
                .orElseGet(() -> List.copyOf(partitions.values()));
        long removed = 0;
        for (Partition partition : candidates) {
            List<String> matching = new ArrayList<>();
            for (Cache.Entry<String, StoredValue> entry : partition.cache()) {
                if (glob.matches(entry.getKey())) {
                    matching.add(entry.getKey());
                }
            }
            matching.forEach(partition.cache()::remove);
            removed += matching.size();
        }
        return removed;
    }

    @Override
    public TierStats stats() {
        long evictions = 0;
        long entries = 0;
        long bytes = 0;
        for (Partition partition : partitions.values()) {
            evictions += partition.counters().evictions();
            entries += partition.counters().entries();
            bytes += partition.counters().bytes();
        }
        return new TierStats(name, gets.hits(), gets.misses(), evictions, entries, bytes, gets.meanGetMicros(),
                manager.getStatus() == Status.AVAILABLE);
    }

    /** Opens the partition of a tenant known from before (a recovered one starts with what it holds). */
    final void openPartition(String tenant) {
        partitions.computeIfAbsent(tenant, this::open);
    }

    /** Calls that arrive after closing miss and store nothing; closing again does nothing. */
    final void close() {
        synchronized (partitionCreation) {
            if (closed) {
                return;
            }
            closed = true;
            partitions.clear();
        }
        manager.close();
    }

    /** The tenant's partition if the opener has opened it by the time it returns; one opening per tenant at a time. */
    private Partition newPartition(String tenant) {
        if (partitions.size() >= maxTenants) {
            reportTenantLimit(tenant);
            return null;
        }
        if (opening.add(tenant)) {
            try {
                partitionOpener.execute(() -> {
                    try {
                        openNew(tenant);
                    } finally {
                        opening.remove(tenant);
                    }
                });
            } catch (RejectedExecutionException e) {
                opening.remove(tenant);
            }
        }
        return partitions.get(tenant);
    }

    private void openNew(String tenant) {
        synchronized (partitionCreation) {
            if (closed || partitions.containsKey(tenant)) {
                return;
            }
            if (partitions.size() >= maxTenants) {
                reportTenantLimit(tenant);
                return;
            }
            long start = System.nanoTime();
            try {
                partitions.put(tenant, open(tenant));
            } catch (RuntimeException e) {
                // Every later put of the tenant tries again: warn once, not on each try.
                if (openFailureReported.compareAndSet(false, true)) {
                    LOG.warn("{}: cannot open a partition for tenant {}; its entries are not kept in this tier until"
                            + " a later put opens one ({})", name, tenant, e.toString());
                } else {
                    LOG.debug("{}: cannot open a partition for tenant {} ({})", name, tenant, e.toString());
                }
                return;
            }
            openFailureReported.set(false);
            LOG.debug("{}: opened the partition of tenant {} in {} ms", name, tenant,
                    (System.nanoTime() - start) / 1_000_000);
            partitionCreated(tenant);
        }
    }

    private void reportTenantLimit(String tenant) {
        if (tenantLimitReported.compareAndSet(false, true)) {
            LOG.warn("{}: {} tenants have partitions, the configured maxTenants; entries of further tenants"
                    + " (first: {}) are not kept in this tier", name, maxTenants, tenant);
        }
    }

    private Partition open(String tenant) {
        long quota = quotas.quotaOf(tenant);
        PartitionCounters counters = new PartitionCounters();
        CacheConfiguration<String, StoredValue> configuration = configure(CacheConfigurationBuilder
                .newCacheConfigurationBuilder(String.class, StoredValue.class, resources(quota))
                .withExpiry(new EntryTimeToLive())
                .withService(CacheEventListenerConfigurationBuilder
                        .newEventListenerConfiguration(counters, PartitionCounters.EVENTS).unordered().synchronous()))
                .build();
        Cache<String, StoredValue> cache = createCache(tenant, configuration);
        long entries = 0;
        long bytes = 0;
        for (Cache.Entry<String, StoredValue> entry : cache) {
            entries++;
            bytes += entry.getValue().size();
        }
        counters.recovered(entries, bytes);
        return new Partition(cache, counters, quota, largestValue(quota));
    }
}
