package org.arxos.api.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The calculation cache in front of rendering, grouping and calculations. Keys carry the content hash of their
 * inputs, so a new revision misses by construction; {@link #invalidate(String)} covers everything else.
 */
@ProviderType
public interface Cache {

    /**
     * The cached value for the key, or the computed one (stored before it is returned) kept for the time to live
     * configured for the key's operation. Concurrent misses on one key compute once. A tier that fails is bypassed:
     * the value is then computed, never an error.
     */
    <V> V get(CacheKey key, ValueCodec<V> codec, Supplier<V> compute);

    /** As {@link #get(CacheKey, ValueCodec, Supplier)}, with this entry's own time to live. */
    <V> V get(CacheKey key, ValueCodec<V> codec, Duration timeToLive, Supplier<V> compute);

    /**
     * The cached value for the key, when a tier holds it, without computing anything: for a caller that answers a hit
     * at once and queues the computation otherwise. A hit counts as a request; a miss does not (the computation that
     * follows is the request).
     */
    <V> Optional<V> find(CacheKey key, ValueCodec<V> codec);

    /**
     * Removes every entry whose key ({@link CacheKey#toString()}) matches the glob pattern ({@code *} any characters),
     * in every tier; returns how many were removed where tiers can tell.
     */
    long invalidate(String pattern);

    /** Computes and stores the value now unless present, so the first real request hits. */
    <V> void warm(CacheKey key, ValueCodec<V> codec, Supplier<V> compute);

    CacheStats stats();
}
