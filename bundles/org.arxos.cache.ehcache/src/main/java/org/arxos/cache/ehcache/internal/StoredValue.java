package org.arxos.cache.ehcache.internal;

import java.time.Duration;

import org.arxos.cache.DecodedValueTier;

/**
 * A cached entry with the time to live it was stored with, which {@link EntryTimeToLive} hands to Ehcache: its bytes,
 * or on the heap its decoded value (whose bytes are made when asked for). Bytes are kept as given, not copied: the
 * tiered cache never changes an entry after storing it.
 *
 * @param stored  the entry's bytes, or null when it is kept decoded
 * @param decoded the decoded entry, or null when it is kept as bytes
 */
record StoredValue(byte[] stored, DecodedValueTier.Decoded decoded, Duration timeToLive) {

    StoredValue(byte[] bytes, Duration timeToLive) {
        this(bytes, null, timeToLive);
    }

    StoredValue(DecodedValueTier.Decoded decoded, Duration timeToLive) {
        this(null, decoded, timeToLive);
    }

    byte[] bytes() {
        return stored != null ? stored : decoded.entry().get();
    }

    /** What the entry weighs: its bytes, or a decoded value's size (without making its bytes). */
    int size() {
        return stored != null ? stored.length : decoded.size();
    }
}
