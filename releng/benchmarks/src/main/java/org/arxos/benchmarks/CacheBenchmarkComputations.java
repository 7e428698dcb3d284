package org.arxos.benchmarks;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.arxos.api.cache.Cache;
import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.CacheStats;
import org.arxos.api.cache.ValueCodec;

/**
 * The cache as the replay's requests call it, telling whether the latest request of the calling thread was computed:
 * the cache runs a miss's computation on the caller's thread, while the tiles drawn ahead in the background call the
 * tiers too, so which tier was called last does not tell whether a request hit.
 */
final class CacheBenchmarkComputations implements Cache {

    private final Cache cache;
    private final ThreadLocal<Boolean> computed = ThreadLocal.withInitial(() -> false);

    CacheBenchmarkComputations(Cache cache) {
        this.cache = cache;
    }

    /** Whether a request of this thread computed since the last call, which starts counting again. */
    boolean computedAndReset() {
        boolean was = computed.get();
        computed.set(false);
        return was;
    }

    @Override
    public <V> V get(CacheKey key, ValueCodec<V> codec, Supplier<V> compute) {
        return cache.get(key, codec, counted(compute));
    }

    @Override
    public <V> V get(CacheKey key, ValueCodec<V> codec, Duration timeToLive, Supplier<V> compute) {
        return cache.get(key, codec, timeToLive, counted(compute));
    }

    @Override
    public <V> Optional<V> find(CacheKey key, ValueCodec<V> codec) {
        return cache.find(key, codec);
    }

    @Override
    public long invalidate(String pattern) {
        return cache.invalidate(pattern);
    }

    @Override
    public <V> void warm(CacheKey key, ValueCodec<V> codec, Supplier<V> compute) {
        cache.warm(key, codec, compute);
    }

    @Override
    public CacheStats stats() {
        return cache.stats();
    }

    private <V> Supplier<V> counted(Supplier<V> compute) {
        return () -> {
            computed.set(true);
            return compute.get();
        };
    }
}
