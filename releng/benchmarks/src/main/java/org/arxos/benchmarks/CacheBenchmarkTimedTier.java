package org.arxos.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.CacheTier;
import org.arxos.api.cache.TierStats;
import org.arxos.cache.BatchingTier;
import org.arxos.cache.DecodedValueTier;

/**
 * A real tier as the cache calls it, timing every get and put (a batch is one put) and telling which level answered the
 * latest hit: the replay asks one thing at a time, so the level that last hit is the one that answered the request,
 * unless a tile drawn ahead in the background was looked up meanwhile.
 */
class CacheBenchmarkTimedTier implements CacheTier {

    /** The timed tier of one that takes batches, passing them on as batches. */
    private static final class Batching extends CacheBenchmarkTimedTier implements BatchingTier {

        Batching(BatchingTier tier, int level, AtomicInteger lastHit) {
            super(tier, level, lastHit);
        }

        @Override
        public void putAll(List<Entry> entries) {
            timedPut(entries.stream().map(Entry::key).toList(), () -> ((BatchingTier) tier()).putAll(entries));
        }
    }

    /** The timed tier of a memory tier that keeps decoded values, timing those gets and puts too. */
    private static final class Decoding extends CacheBenchmarkTimedTier implements DecodedValueTier {

        Decoding(DecodedValueTier tier, int level, AtomicInteger lastHit) {
            super(tier, level, lastHit);
        }

        @Override
        public Optional<Decoded> getDecoded(CacheKey key) {
            return timedGet(() -> ((DecodedValueTier) tier()).getDecoded(key));
        }

        @Override
        public void putDecoded(Decoded entry, Duration timeToLive) {
            timedPut(List.of(entry.key()), () -> ((DecodedValueTier) tier()).putDecoded(entry, timeToLive));
        }
    }

    private final CacheTier tier;
    private final int level;
    private final AtomicInteger lastHit;
    private final Timings gets = new Timings();
    private final Timings puts = new Timings();
    private final Set<CacheKey> stored = new LinkedHashSet<>();

    /** @param lastHit set to this tier's level on each hit, shared by the tiers of one cache */
    static CacheBenchmarkTimedTier of(CacheTier tier, int level, AtomicInteger lastHit) {
        if (tier instanceof BatchingTier batching) {
            return new Batching(batching, level, lastHit);
        }
        return tier instanceof DecodedValueTier decoding ? new Decoding(decoding, level, lastHit)
                : new CacheBenchmarkTimedTier(tier, level, lastHit);
    }

    private CacheBenchmarkTimedTier(CacheTier tier, int level, AtomicInteger lastHit) {
        this.tier = tier;
        this.level = level;
        this.lastHit = lastHit;
    }

    /** The tier itself, to call directly. */
    CacheTier tier() {
        return tier;
    }

    int level() {
        return level;
    }

    @Override
    public Optional<byte[]> get(CacheKey key) {
        return timedGet(() -> tier.get(key));
    }

    final <T> Optional<T> timedGet(Supplier<Optional<T>> get) {
        long start = System.nanoTime();
        Optional<T> value = get.get();
        gets.add(System.nanoTime() - start);
        if (value.isPresent()) {
            lastHit.set(level);
        }
        return value;
    }

    @Override
    public void put(CacheKey key, byte[] value, Duration timeToLive) {
        timedPut(List.of(key), () -> tier.put(key, value, timeToLive));
    }

    final void timedPut(List<CacheKey> keys, Runnable put) {
        long start = System.nanoTime();
        put.run();
        puts.add(System.nanoTime() - start);
        synchronized (stored) {
            stored.addAll(keys);
        }
    }

    /** The keys the cache has stored in this tier, first stored first. */
    List<CacheKey> stored() {
        synchronized (stored) {
            return List.copyOf(stored);
        }
    }

    @Override
    public void remove(CacheKey key) {
        tier.remove(key);
    }

    @Override
    public long invalidate(String pattern) {
        return tier.invalidate(pattern);
    }

    @Override
    public TierStats stats() {
        return tier.stats();
    }

    /** The gets timed since the last call, in nanoseconds; empty when there were none. */
    long[] takeGets() {
        return gets.take();
    }

    /** The puts timed since the last call, in nanoseconds; empty when there were none. */
    long[] takePuts() {
        return puts.take();
    }

    /** Durations of calls that may come from several threads (the cache's tier-call and write-behind threads). */
    private static final class Timings {

        private long[] nanos = new long[1 << 12];
        private int count;

        synchronized void add(long elapsed) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = elapsed;
        }

        synchronized long[] take() {
            long[] taken = Arrays.copyOf(nanos, count);
            count = 0;
            return taken;
        }
    }
}
