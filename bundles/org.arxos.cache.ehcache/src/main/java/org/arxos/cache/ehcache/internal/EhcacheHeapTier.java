package org.arxos.cache.ehcache.internal;

import org.arxos.api.cache.CacheTier;
import org.arxos.cache.TenantQuotas;
import org.ehcache.config.ResourcePools;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.config.units.EntryUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/** The L1 memory tier on Ehcache's heap store; values are held as given, not copied. */
@Component(service = CacheTier.class, configurationPid = HeapTierConfiguration.PID,
        property = {"arxos.impl=ehcache-heap", CacheTier.LEVEL + ":Integer=1", "service.ranking:Integer=10"})
@Designate(ocd = HeapTierConfiguration.class)
public final class EhcacheHeapTier extends EhcacheTier {

    private final long maxValueBytes;

    @Activate
    public EhcacheHeapTier(HeapTierConfiguration configuration) {
        this(TenantQuotas.parse("tenantEntries", configuration.tenantEntries(), configuration.tenantQuotas(), 1),
                configuration.maxTenants(), maxValueBytes(configuration.maxValueKilobytes()));
    }

    EhcacheHeapTier(TenantQuotas entriesPerTenant, int maxTenants, long maxValueBytes) {
        super("ehcache-heap", CacheManagerBuilder.newCacheManagerBuilder().build(true), entriesPerTenant,
                maxTenants, Runnable::run);
        this.maxValueBytes = maxValueBytes;
    }

    private static long maxValueBytes(int kilobytes) {
        if (kilobytes < 1) {
            throw new IllegalArgumentException("maxValueKilobytes must be 1 or more but was " + kilobytes);
        }
        return kilobytes * 1024L;
    }

    @Override
    ResourcePools resources(long quota) {
        return ResourcePoolsBuilder.newResourcePoolsBuilder().heap(quota, EntryUnit.ENTRIES).build();
    }

    @Override
    long largestValue(long quota) {
        return maxValueBytes;
    }

    @Deactivate
    void deactivate() {
        close();
    }
}
