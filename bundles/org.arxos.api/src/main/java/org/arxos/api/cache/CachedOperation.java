package org.arxos.api.cache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An operation whose results are cached: its name and how its values become bytes. Caching a computation is then
 * a decision made where the computation is:
 *
 * <pre>
 * static final CachedOperation&lt;Takeoff&gt; TAKEOFF = new CachedOperation&lt;&gt;("calc.takeoff", Takeoff.CODEC);
 *
 * Takeoff takeoff = TAKEOFF.get(selector.select(Cache.class),
 *         TAKEOFF.key(tenant, buildingId, revision.contentHash(), options),
 *         () -&gt; computeTakeoff(revision, options));
 * </pre>
 *
 * The inputs of a key are everything the result depends on, starting with the content hash of the revision, so a
 * new revision, another parameter or another implementation misses by construction. Without a cache the value is
 * simply computed.
 *
 * @param operation what is computed, e.g. {@code render.floor}; letters, digits and {@code . _ -}
 * @param codec     how values become bytes for the tiers
 * @param <V>       the values
 */
public record CachedOperation<V>(String operation, ValueCodec<V> codec) {

    /** Bytes of SHA-256 kept in an input hash: 128 bits, so that a collision is never to be expected. */
    private static final int HASH_BYTES = 16;
    private static final MessageDigest SHA_256 = newSha256();

    public CachedOperation {
        if (operation == null || operation.isEmpty() || operation.length() > 200
                || !CacheKey.part(operation).equals(operation)) {
            throw new IllegalArgumentException("a cached operation is named by 1 to 200 letters, digits or . _ -, "
                    + "e.g. render.floor, but was '" + operation + "'");
        }
        if (codec == null) {
            throw new IllegalArgumentException("the cached operation " + operation + " needs a value codec");
        }
    }

    /**
     * The key of this operation's result for a tenant's building and these inputs.
     *
     * @param building the building, or {@code null} for a result that belongs to none
     * @param inputs   see {@link #inputHash(Object...)}
     */
    public CacheKey key(String tenant, String building, Object... inputs) {
        return new CacheKey(CacheKey.part(tenant), building == null ? CacheKey.NO_BUILDING : CacheKey.part(building),
                operation, inputHash(inputs));
    }

    /** The cached value for the key, or the computed one (stored on the way) when it is missing or without a cache. */
    public V get(Optional<Cache> cache, CacheKey key, Supplier<V> compute) {
        return cache.isPresent() ? cache.get().get(key, codec, compute) : compute.get();
    }

    /** The cached value, when the cache holds it; empty without a cache. */
    public Optional<V> find(Optional<Cache> cache, CacheKey key) {
        return cache.flatMap(c -> c.find(key, codec));
    }

    /** Computes and stores the value unless the cache has it; without a cache nothing is computed. */
    public void warm(Optional<Cache> cache, CacheKey key, Supplier<V> compute) {
        cache.ifPresent(c -> c.warm(key, codec, compute));
    }

    /**
     * A hash of inputs, for {@link CacheKey#inputHash()}: 32 hex digits of SHA-256 over each input's
     * {@link String#valueOf(Object) text} with its length, so that no two different lists of texts hash alike by
     * construction. Records contribute every component through their {@code toString}; pass other objects by the
     * values that matter (ids, numbers, names).
     */
    public static String inputHash(Object... inputs) {
        MessageDigest digest = sha256();
        ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
        for (Object input : inputs) {
            if (input == null) {
                digest.update(length.putInt(0, -1).array());
            } else {
                byte[] text = String.valueOf(input).getBytes(StandardCharsets.UTF_8);
                digest.update(length.putInt(0, text.length).array());
                digest.update(text);
            }
        }
        return HexFormat.of().formatHex(digest.digest(), 0, HASH_BYTES);
    }

    /** A copy of one digest made once: looking the algorithm up among the providers costs more than hashing a key. */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
