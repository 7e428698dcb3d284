package org.arxos.api.cache;

import java.time.Duration;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One level of the tiered cache (memory, Redis, disk, database). Register with {@code arxos.impl} set to the tier's
 * name and {@link #LEVEL} (1 = fastest); several implementations of one level may be registered, the cache uses the
 * pinned or highest-ranked one. Each tenant is a partition: a tier bounds it by the quota configured for the tenant
 * and evicts within it, so one tenant cannot push another's entries out. A tier may throw when its backend is down;
 * the cache then bypasses it and retries later.
 */
@ConsumerType
public interface CacheTier {

    String LEVEL = "arxos.cache.level";

    Optional<byte[]> get(CacheKey key);

    void put(CacheKey key, byte[] value, Duration timeToLive);

    void remove(CacheKey key);

    /**
     * Removes entries whose key ({@link CacheKey#toString()}) matches the glob pattern ({@code *} any characters);
     * returns how many, or -1 when the tier cannot count.
     */
    long invalidate(String pattern);

    TierStats stats();
}
