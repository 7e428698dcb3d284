package org.arxos.cache.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.CacheTier;
import org.arxos.api.cache.TierStats;
import org.arxos.cache.KeyPattern;

/**
 * A map that can be told to fail or to hold calls, and that keeps entries past their time to live (so only the
 * cache's own expiry check keeps expired values out). Counts its calls; records them as "get key" when asked to.
 */
class TestTier implements CacheTier {

    final String name;
    final Map<CacheKey, byte[]> entries = new ConcurrentHashMap<>();
    final Map<CacheKey, Duration> timesToLive = new ConcurrentHashMap<>();
    final List<String> log = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    private volatile boolean recording;
    private volatile RuntimeException failure;
    private volatile CountDownLatch getGate;
    private volatile CountDownLatch putGate;
    private volatile CountDownLatch statsGate;
    private volatile long getDelayMillis;

    TestTier(String name) {
        this.name = name;
    }

    TestTier recording() {
        recording = true;
        return this;
    }

    /** Every call throws this until {@link #heal()}; null heals. */
    void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    void heal() {
        failure = null;
    }

    /** Gets take at least this long from now on: a slow backend. */
    TestTier slowGets(long millis) {
        getDelayMillis = millis;
        return this;
    }

    /** Gets read their entry, then wait until the returned latch is opened. */
    CountDownLatch holdGets() {
        getGate = new CountDownLatch(1);
        return getGate;
    }

    /** Puts wait until the returned latch is opened, then write. */
    CountDownLatch holdPuts() {
        putGate = new CountDownLatch(1);
        return putGate;
    }

    /** Statistics wait until the returned latch is opened. */
    CountDownLatch holdStats() {
        statsGate = new CountDownLatch(1);
        return statsGate;
    }

    @Override
    public Optional<byte[]> get(CacheKey key) {
        enter("get " + key);
        byte[] entry = entries.get(key);
        await(getGate);
        pause(getDelayMillis);
        return Optional.ofNullable(entry);
    }

    @Override
    public void put(CacheKey key, byte[] value, Duration timeToLive) {
        enter("put " + key);
        await(putGate);
        entries.put(key, value.clone());
        timesToLive.put(key, timeToLive);
    }

    @Override
    public void remove(CacheKey key) {
        enter("remove " + key);
        entries.remove(key);
    }

    @Override
    public long invalidate(String pattern) {
        enter("invalidate " + pattern);
        KeyPattern keys = KeyPattern.of(pattern);
        long before = entries.size();
        entries.keySet().removeIf(keys::matches);
        return before - entries.size();
    }

    @Override
    public TierStats stats() {
        enter("stats");
        await(statsGate);
        return new TierStats(name, 0, 0, 0, entries.size(), 0, 0, true);
    }

    void enter(String call) {
        calls.incrementAndGet();
        if (recording) {
            log.add(call);
        }
        RuntimeException current = failure;
        if (current != null) {
            throw current;
        }
    }

    static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted in a slow call", e);
            }
        }
    }

    private static void await(CountDownLatch gate) {
        if (gate == null) {
            return;
        }
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at the gate", e);
        }
    }
}
