package org.arxos.cache.testing;

import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.ValueCodec;
import org.arxos.cache.DecodedValueTier;

/** Decoded entries for the tests of tiers that keep them. */
public final class DecodedEntries {

    private DecodedEntries() {
    }

    /**
     * An entry kept as the value, whose bytes are the given ones.
     *
     * @param size what the value weighs
     */
    public static DecodedValueTier.Decoded of(CacheKey key, Object value, byte[] entry, int size) {
        ValueCodec<Object> codec = new ValueCodec<>() {
            @Override
            public byte[] encode(Object encoded) {
                return entry;
            }

            @Override
            public Object decode(byte[] bytes) {
                return value;
            }
        };
        return new DecodedValueTier.Decoded(key, value, codec, Long.MAX_VALUE, size, () -> entry);
    }
}
