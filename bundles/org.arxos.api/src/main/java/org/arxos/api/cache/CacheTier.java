package org.arxos.api.cache;

import java.time.Duration;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One level of the tiered cache (memory, Redis, disk, database). Register with {@code arxos.impl} set to the tier's
 * name and {@code arxos.cache.level} (1 = fastest). A tier may throw when its backend is down; the cache then
 * bypasses it and retries later.
 */
@ConsumerType
public interface CacheTier {

    String LEVEL = "arxos.cache.level";

    Optional<byte[]> get(String key);

    void put(String key, byte[] value, Duration timeToLive);

    void remove(String key);

    /** Removes keys matching the glob pattern; returns how many, or -1 when the tier cannot count. */
    long invalidate(String pattern);

    TierStats stats();
}
