package org.arxos.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.CacheTier;
import org.arxos.api.cache.ValueCodec;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A memory tier that keeps an entry as the value it decodes to, so that a hit hands out that very value: no entry
 * bytes read, nothing decompressed, decoded or copied. The cache's values are immutable (a caller never changes what
 * it gets), so one value serves every caller of its key. The entry's bytes are made again only when asked for through
 * {@link CacheTier#get}, which the cache itself does not do for such a tier.
 */
@ConsumerType
public interface DecodedValueTier extends CacheTier {

    /**
     * An entry as a decoded value.
     *
     * @param key       the key it belongs to
     * @param value     the value, shared by everyone who gets it
     * @param codec     the codec the value is encoded with; a caller with a codec of another class decodes the bytes
     * @param expiresAt when it expires, epoch milliseconds
     * @param size      the value's encoded size uncompressed (about what it takes on the heap), which the tier bounds its
     *                  memory by
     * @param entry     makes the entry's bytes (as {@link CacheTier#put} takes them) for {@link CacheTier#get}
     */
    record Decoded(CacheKey key, Object value, ValueCodec<?> codec, long expiresAt, int size, Supplier<byte[]> entry) {

        public Decoded {
            if (key == null || value == null || codec == null || entry == null) {
                throw new IllegalArgumentException("a decoded cache entry needs its key, value, codec and bytes");
            }
            if (size < 0) {
                throw new IllegalArgumentException("a decoded cache entry's size cannot be negative: " + size);
            }
        }
    }

    /**
     * The decoded entry of the key; empty when there is none, or when the entry was stored as bytes (through
     * {@link CacheTier#put}), which {@link CacheTier#get} then returns.
     */
    Optional<Decoded> getDecoded(CacheKey key);

    /** Stores the entry for the time to live; replaces what the key had, bytes or decoded. */
    void putDecoded(Decoded entry, Duration timeToLive);
}
