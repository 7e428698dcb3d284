package org.arxos.cache;

import java.time.Duration;
import java.util.List;

import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.CacheTier;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A tier that stores several entries in one call for much less than one call each costs (a database: one transaction
 * and one commit for the lot). The cache hands a write-behind level of such a tier what has queued up, in batches.
 */
@ConsumerType
public interface BatchingTier extends CacheTier {

    /** One entry to store, as {@link CacheTier#put} takes it. */
    record Entry(CacheKey key, byte[] value, Duration timeToLive) {
    }

    /**
     * Stores the entries as one unit of work, in order (a key may come twice; the later one wins). Throws, having
     * stored none of them, when the backend fails.
     */
    void putAll(List<Entry> entries);
}
