package org.arxos.cache.internal;

import static org.arxos.cache.internal.CacheFixtures.TEXT;
import static org.arxos.cache.internal.CacheFixtures.key;
import static org.arxos.cache.internal.CacheFixtures.registration;
import static org.arxos.cache.internal.CacheFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.arxos.api.cache.CacheKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Single flight, and invalidations that race computations and promotions. */
class ConcurrentMissesTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final TestTier l1 = new TestTier("heap");
    private final TestTier l2 = new TestTier("redis");
    private final AtomicInteger computations = new AtomicInteger();
    private TieredCache cache;

    @BeforeEach
    void activate() {
        cache = new TieredCache(settings("tier.timeouts", new String[] {"1=PT0S", "2=PT10S"}), new ManualClock());
        cache.bindTier(l1, registration(1, "heap", 0, 1));
        cache.bindTier(l2, registration(2, "redis", 0, 2));
    }

    @AfterEach
    void deactivate() {
        threads.shutdownNow();
        cache.deactivate();
    }

    @Test
    void aHundredConcurrentMissesComputeOnceAndAllGetTheValue() throws Exception {
        CacheKey key = key("acme", "calc.takeoff", "h1");
        CountDownLatch started = new CountDownLatch(100);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            results.add(threads.submit(() -> {
                started.countDown();
                started.await();
                return cache.get(key, TEXT, () -> {
                    sleep(200);
                    return "takeoff " + computations.incrementAndGet();
                });
            }));
        }
        for (Future<String> result : results) {
            assertEquals("takeoff 1", result.get(10, TimeUnit.SECONDS));
        }
        assertEquals(1, computations.get());
        assertEquals(100, cache.stats().requests());
        assertEquals(99, cache.stats().hits());
    }

    @Test
    void whenTheComputationFailsEveryWaiterGetsItsExceptionAndNothingIsStored() throws Exception {
        CacheKey key = key("acme", "calc.takeoff", "h1");
        IllegalStateException failure = new IllegalStateException("the model has no floors");
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch fail = new CountDownLatch(1);
        Future<String> leader = threads.submit(() -> cache.get(key, TEXT, () -> {
            computations.incrementAndGet();
            computing.countDown();
            await(fail);
            throw failure;
        }));
        computing.await();
        List<Future<String>> waiters = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            waiters.add(threads.submit(() -> cache.get(key, TEXT, () -> "computed by a waiter")));
        }
        sleep(200);
        fail.countDown();

        assertSame(failure, thrownBy(leader));
        for (Future<String> waiter : waiters) {
            Throwable thrown = thrownBy(waiter);
            if (thrown != null) {
                assertSame(failure, thrown);
            } else {
                assertEquals("computed by a waiter", waiter.get(), "arrived after the failure: computed anew");
            }
        }
        assertEquals(1, computations.get());
        assertTrue(l1.entries.isEmpty() || "computed by a waiter".equals(TEXT.decode(
                Envelope.of(l1.entries.get(key)).payload())), "the failure stored nothing");
        assertEquals("fine", cache.get(key("acme", "calc.takeoff", "h2"), TEXT, () -> "fine"));
    }

    @Test
    void aComputationRunningWhenItsKeyIsInvalidatedReturnsItsValueButDoesNotStoreIt() throws Exception {
        CacheKey key = key("acme", "calc.takeoff", "h1");
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Future<String> before = threads.submit(() -> cache.get(key, TEXT, () -> {
            computing.countDown();
            await(finish);
            return "from the old inputs";
        }));
        computing.await();

        cache.invalidate("acme:*");
        String after = threads.submit(() -> cache.get(key, TEXT, () -> "from the new inputs"))
                .get(10, TimeUnit.SECONDS);
        finish.countDown();

        assertEquals("from the old inputs", before.get(10, TimeUnit.SECONDS), "its caller asked before");
        assertEquals("from the new inputs", after, "a caller after the invalidation does not wait for the old one");
        assertEquals("from the new inputs", cache.get(key, TEXT, () -> "computed again"));
        assertEquals("from the new inputs", TEXT.decode(Envelope.of(l2.entries.get(key)).payload()));
    }

    @Test
    void aValueReadBeforeAnInvalidationIsNotPromotedAfterIt() throws Exception {
        CacheKey key = key("acme", "calc.takeoff", "h1");
        cache.get(key, TEXT, () -> "old");
        l1.entries.clear();
        CountDownLatch release = l2.holdGets();
        int l2Calls = l2.calls.get();
        Future<String> reader = threads.submit(() -> cache.get(key, TEXT, () -> "not computed"));
        waitUntil(() -> l2.calls.get() > l2Calls);

        assertEquals(1, cache.invalidate("acme:*"), "the entry read is still in L2, the invalidation removes it");
        release.countDown();

        assertEquals("old", reader.get(10, TimeUnit.SECONDS), "read before the invalidation");
        assertFalse(l1.entries.containsKey(key), "but not copied into L1 after it");
        assertFalse(l2.entries.containsKey(key));
        assertEquals("new", cache.get(key, TEXT, () -> "new"));
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited 10 s");
            Thread.sleep(1);
        }
    }

    private static Throwable thrownBy(Future<?> future) throws Exception {
        try {
            future.get(10, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
