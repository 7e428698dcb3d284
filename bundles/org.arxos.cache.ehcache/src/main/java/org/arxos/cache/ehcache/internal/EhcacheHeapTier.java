package org.arxos.cache.ehcache.internal;

import java.time.Duration;
import java.util.Optional;

import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.CacheTier;
import org.arxos.cache.DecodedValueTier;
import org.arxos.cache.TenantQuotas;
import org.ehcache.Cache;
import org.ehcache.config.ResourcePools;
import org.ehcache.config.ResourceType;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.config.units.EntryUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The L1 memory tier on Ehcache's heap store; entries are held as given, not copied, and those the cache stores as
 * decoded values are held as those values (weighed by the size of their bytes). A partition's quota is in bytes;
 * Ehcache bounds a heap store in entries (its sizing in bytes walks object graphs and is deprecated), so the
 * partition's entry limit is the quota divided by the mean value size plus the overhead of an entry, set again as
 * the mean changes.
 */
@Component(service = CacheTier.class, configurationPid = HeapTierConfiguration.PID,
        property = {"arxos.impl=ehcache-heap", CacheTier.LEVEL + ":Integer=1", "service.ranking:Integer=10"})
@Designate(ocd = HeapTierConfiguration.class)
public final class EhcacheHeapTier extends EhcacheTier implements DecodedValueTier {

    /**
     * Heap an entry takes beyond its value bytes: key string, Ehcache's value holder and map node, the stored value
     * and the array header. CacheBenchmark measured 269 B retained per entry beyond the value.
     */
    static final long ENTRY_OVERHEAD = 320;
    /** The mean value size a partition starts from, before it has entries to measure. */
    private static final long ASSUMED_VALUE = 4096;
    /** How many stores a partition takes between checks of its entry limit. */
    private static final long RESIZE_EVERY = 256;
    private static final long MEGABYTE = 1024 * 1024;

    private final long maxEntries;
    private final long maxValueBytes;

    @Activate
    public EhcacheHeapTier(HeapTierConfiguration configuration) {
        this(TenantQuotas.parse("tenantMegabytes", TenantQuotas.megabytesOrHeapShare("tenantMegabytes",
                configuration.tenantMegabytes()), configuration.tenantQuotas(), MEGABYTE),
                entryLimit(configuration.tenantEntries()), configuration.maxTenants(),
                maxValueBytes(configuration.maxValueKilobytes()));
    }

    /**
     * @param bytesPerTenant each partition's memory budget in bytes
     * @param maxEntries     each partition's entries at most, whatever the budget
     */
    EhcacheHeapTier(TenantQuotas bytesPerTenant, long maxEntries, int maxTenants, long maxValueBytes) {
        super("ehcache-heap", CacheManagerBuilder.newCacheManagerBuilder().build(true), bytesPerTenant,
                maxTenants, Runnable::run);
        this.maxEntries = maxEntries;
        this.maxValueBytes = maxValueBytes;
    }

    private static long entryLimit(int tenantEntries) {
        if (tenantEntries < 0) {
            throw new IllegalArgumentException("tenantEntries must be 0 (no limit) or more but was " + tenantEntries);
        }
        return tenantEntries == 0 ? Long.MAX_VALUE : tenantEntries;
    }

    private static long maxValueBytes(int kilobytes) {
        if (kilobytes < 1) {
            throw new IllegalArgumentException("maxValueKilobytes must be 1 or more but was " + kilobytes);
        }
        return kilobytes * 1024L;
    }

    @Override
    public Optional<Decoded> getDecoded(CacheKey key) {
        return super.getDecoded(key);
    }

    @Override
    public void putDecoded(Decoded entry, Duration timeToLive) {
        super.putDecoded(entry, timeToLive);
    }

    @Override
    ResourcePools resources(long quota) {
        return heap(entriesWithin(quota, ASSUMED_VALUE));
    }

    @Override
    long largestValue(long quota) {
        return Math.min(maxValueBytes, quota);
    }

    /** Sets the partition's entry limit to its budget over its measured mean entry, when that moved by a tenth. */
    @Override
    void stored(Cache<String, StoredValue> cache, PartitionCounters counters, long quota) {
        long entries = counters.entries();
        if (counters.stores() % RESIZE_EVERY != 0 || entries == 0) {
            return;
        }
        long wanted = entriesWithin(quota, counters.bytes() / entries);
        long current = cache.getRuntimeConfiguration().getResourcePools().getPoolForResource(ResourceType.Core.HEAP)
                .getSize();
        if (Math.abs(wanted - current) > current / 10) {
            cache.getRuntimeConfiguration().updateResourcePools(heap(wanted));
        }
    }

    private long entriesWithin(long quota, long meanValue) {
        return Math.max(1, Math.min(maxEntries, quota / (meanValue + ENTRY_OVERHEAD)));
    }

    private static ResourcePools heap(long entries) {
        return ResourcePoolsBuilder.newResourcePoolsBuilder().heap(entries, EntryUnit.ENTRIES).build();
    }

    @Deactivate
    void deactivate() {
        close();
    }
}
