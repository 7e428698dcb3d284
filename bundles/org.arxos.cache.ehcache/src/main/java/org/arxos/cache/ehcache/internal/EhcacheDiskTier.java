package org.arxos.cache.ehcache.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.arxos.api.cache.CacheTier;
import org.arxos.cache.TenantQuotas;
import org.ehcache.Cache;
import org.ehcache.PersistentCacheManager;
import org.ehcache.config.CacheConfiguration;
import org.ehcache.config.ResourcePools;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.config.units.MemoryUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The L3 disk tier on Ehcache's persistent disk store. Deactivation closes the cache manager, which writes each
 * partition's index; activation on the same directory reopens every partition with what it held.
 *
 * <p>Allocating a new partition's store takes hundreds of milliseconds, longer than the tiered cache's time limit for
 * this level, so a new tenant's partition is opened on a background thread of the tier: the tenant's first put
 * returns at once without being stored, and its puts are stored once the partition is open.
 *
 * <p>The cache manager is given this bundle's class loader: recovering a partition loads the value type by name, and
 * in OSGi neither Ehcache's own loader nor the thread's context loader sees {@link StoredValue}.
 */
@Component(service = CacheTier.class, configurationPid = DiskTierConfiguration.PID,
        property = {"arxos.impl=ehcache-disk", CacheTier.LEVEL + ":Integer=3", "service.ranking:Integer=10"})
@Designate(ocd = DiskTierConfiguration.class)
public final class EhcacheDiskTier extends EhcacheTier {

    private static final Logger LOG = LoggerFactory.getLogger(EhcacheDiskTier.class);
    private static final long MEGABYTE = 1024 * 1024;
    /** Ehcache splits a disk store into 16 segments and an entry must fit in one; half of that leaves room. */
    private static final int LARGEST_VALUE_DIVISOR = 32;

    private final PersistentCacheManager manager;
    private final KnownTenants knownTenants;

    @Activate
    public EhcacheDiskTier(DiskTierConfiguration configuration) {
        this(Path.of(configuration.directory()).toAbsolutePath(), TenantQuotas.parse("tenantMegabytes",
                configuration.tenantMegabytes(), configuration.tenantQuotas(), MEGABYTE), configuration.maxTenants(),
                backgroundOpener());
    }

    /** @param partitionOpener runs the opening of a new tenant's partition */
    EhcacheDiskTier(Path directory, TenantQuotas bytesPerTenant, int maxTenants, Executor partitionOpener) {
        this(atLeastAMegabyte(bytesPerTenant), tenantLimit(maxTenants), directory, open(directory), partitionOpener);
    }

    private EhcacheDiskTier(TenantQuotas bytesPerTenant, int maxTenants, Path directory,
            PersistentCacheManager manager, Executor partitionOpener) {
        super("ehcache-disk", manager, bytesPerTenant, maxTenants, partitionOpener);
        this.manager = manager;
        this.knownTenants = new KnownTenants(directory.resolve("tenants"));
        try {
            knownTenants.read().forEach(this::openPartition);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    ResourcePools resources(long quota) {
        return ResourcePoolsBuilder.newResourcePoolsBuilder().disk(quota, MemoryUnit.B, true).build();
    }

    @Override
    long largestValue(long quota) {
        return quota / LARGEST_VALUE_DIVISOR;
    }

    @Override
    CacheConfigurationBuilder<String, StoredValue> configure(CacheConfigurationBuilder<String, StoredValue> builder) {
        return builder.withValueSerializer(new StoredValueSerializer());
    }

    /** A partition that cannot be recovered (its files damaged, or written by an incompatible version) starts empty. */
    @Override
    Cache<String, StoredValue> createCache(String tenant, CacheConfiguration<String, StoredValue> configuration) {
        try {
            return super.createCache(tenant, configuration);
        } catch (RuntimeException e) {
            LOG.warn("ehcache-disk: cannot recover the partition of tenant {} ({}); starting it empty", tenant,
                    describe(e));
            try {
                manager.destroyCache(tenant);
            } catch (Exception cleanup) {
                e.addSuppressed(cleanup);
                throw e;
            }
            return super.createCache(tenant, configuration);
        }
    }

    @Override
    void partitionCreated(String tenant) {
        try {
            knownTenants.add(tenant);
        } catch (IOException e) {
            LOG.warn("ehcache-disk: cannot record tenant {}; its entries are reopened after a restart only once it"
                    + " stores again ({})", tenant, e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        close();
    }

    /** One thread, opening partitions one at a time; it ends when idle, so a closed tier leaves none behind. */
    private static Executor backgroundOpener() {
        ThreadPoolExecutor opener = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "arxos-cache-ehcache-disk-partitions");
                    thread.setDaemon(true);
                    return thread;
                });
        opener.allowCoreThreadTimeOut(true);
        return opener;
    }

    /** Smaller disk stores fail to allocate their segments' tables. */
    private static TenantQuotas atLeastAMegabyte(TenantQuotas quotas) {
        long smallest = Math.min(quotas.defaultQuota(),
                quotas.overrides().values().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE));
        if (smallest < MEGABYTE) {
            throw new IllegalArgumentException("a tenant's disk quota must be at least 1 megabyte but one is "
                    + smallest + " bytes");
        }
        return quotas;
    }

    private static PersistentCacheManager open(Path directory) {
        try {
            return CacheManagerBuilder.newCacheManagerBuilder()
                    .with(CacheManagerBuilder.persistence(directory.toFile()))
                    .withClassLoader(EhcacheDiskTier.class.getClassLoader())
                    .build(true);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open the disk cache in " + directory + ": " + describe(e), e);
        }
    }

    /** Ehcache wraps the reason in a few layers of "initialization failed". */
    private static String describe(Throwable failure) {
        StringBuilder reasons = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String reason = t.getMessage() == null ? "" : t.getMessage().strip().replaceFirst("\\.$", "");
            if (!reason.isEmpty() && reasons.indexOf(reason) < 0) {
                reasons.append(reasons.isEmpty() ? "" : ": ").append(reason);
            }
        }
        return reasons.toString();
    }
}
