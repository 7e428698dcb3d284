package org.arxos.cache.internal;

import static org.arxos.cache.internal.CacheFixtures.TEXT;
import static org.arxos.cache.internal.CacheFixtures.key;
import static org.arxos.cache.internal.CacheFixtures.registration;
import static org.arxos.cache.internal.CacheFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.TierStats;
import org.arxos.api.health.Health;
import org.junit.jupiter.api.Test;

/** L1 implementations come and go while requests run: no request fails or gets a wrong value. */
class TierSwapTest {

    /** An L1 that, once unregistered, fails every call still made to it, as a stopped heap cache would. */
    private static final class ClosingTier extends TestTier {

        ClosingTier(String name) {
            super(name);
        }

        void close() {
            failWith(new IllegalStateException(name + " is closed"));
            entries.clear();
        }

        @Override
        public Optional<byte[]> get(CacheKey key) {
            if (ThreadLocalRandom.current().nextInt(50) == 0) {
                Thread.yield();
            }
            return super.get(key);
        }
    }

    @Test
    void swappingTheL1TierWhileEightThreadsHammerTheCacheFailsNoRequest() throws Exception {
        TieredCache cache = new TieredCache(settings("tier.timeouts", new String[] {"1=PT0S", "2=PT5S"}),
                Clock.systemUTC());
        TestTier l2 = new TestTier("redis");
        cache.bindTier(l2, registration(2, "redis", 0, 1));
        ClosingTier l1 = new ClosingTier("heap-0");
        cache.bindTier(l1, registration(1, l1.name, 0, 2));

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong requests = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> hammers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            hammers.add(threads.submit(() -> {
                while (running.get()) {
                    int n = ThreadLocalRandom.current().nextInt(500);
                    try {
                        String value = cache.get(key("acme", "render.tile", "t" + n), TEXT, () -> "tile " + n);
                        if (!value.equals("tile " + n)) {
                            failures.add("t" + n + " returned " + value);
                        }
                    } catch (RuntimeException e) {
                        failures.add(e.toString());
                    }
                    requests.incrementAndGet();
                }
            }));
        }

        int swaps = 0;
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
        while (System.nanoTime() < end) {
            Thread.sleep(5);
            swaps++;
            ClosingTier next = new ClosingTier("heap-" + swaps);
            cache.bindTier(next, registration(1, next.name, swaps, 2L + swaps));
            cache.unbindTier(l1);
            l1.close();
            l1 = next;
        }
        running.set(false);
        for (Future<?> hammer : hammers) {
            hammer.get(10, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertEquals(List.of(), List.copyOf(failures));
        assertTrue(swaps >= 50, swaps + " swaps");
        assertTrue(requests.get() > 1000, requests.get() + " requests");
        assertEquals(Health.Status.UP, cache.check().status(), cache.check().message());
        assertEquals(List.of(l1.name, "redis"), cache.stats().tiers().stream().map(TierStats::tier).toList());
        assertTrue(cache.stats().computations() <= 500, "L2 kept the values across the swaps");
        cache.deactivate();
    }
}
