package org.arxos.cache.internal;

import static org.arxos.cache.internal.CacheFixtures.TEXT;
import static org.arxos.cache.internal.CacheFixtures.key;
import static org.arxos.cache.internal.CacheFixtures.registration;
import static org.arxos.cache.internal.CacheFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.TierStats;
import org.arxos.api.health.Health;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tier that fails or hangs is bypassed, retried with backoff, and used again once it answers. */
class TierOutageTest {

    private final ManualClock clock = new ManualClock();
    private final TestTier l1 = new TestTier("heap");
    private final TestTier l2 = new TestTier("flaky").recording();
    private TieredCache cache;
    private int requests;

    @BeforeEach
    void activate() {
        cache = new TieredCache(settings("outage.backoff.min", "PT1S", "outage.backoff.max", "PT4S",
                "tier.timeouts", new String[] {"1=PT0S", "2=PT0.2S"}), clock);
        cache.bindTier(l1, registration(1, "heap", 0, 1));
        cache.bindTier(l2, registration(2, "flaky", 0, 2));
    }

    @AfterEach
    void deactivate() {
        cache.deactivate();
    }

    /** A request for a key not asked before: it reaches L2 unless L2 is bypassed. */
    private String newRequest() {
        int n = ++requests;
        return cache.get(key("acme", "calc.area", "h" + n), TEXT, () -> "value " + n);
    }

    @Test
    void aFailingTierIsBypassedWithOneWarningAndRetriedWithGrowingBackoff() {
        String log = capturedLog(() -> {
            l2.failWith(new IllegalStateException("connection refused"));
            for (int i = 1; i <= 20; i++) {
                assertEquals("value " + i, newRequest(), "computed, never failed");
            }
            assertEquals(1, l2.calls.get(), "asked once, then left alone");
            Health health = cache.check();
            assertEquals(Health.Status.DEGRADED, health.status());
            assertEquals("L2 'flaky' is bypassed since 2026-01-01T00:00:00Z (1 failed call, the last failed on get: "
                    + "threw IllegalStateException: connection refused); next try at 2026-01-01T00:00:01Z",
                    health.message());
            assertEquals("serving, bypassed", health.details().get("L2/flaky"));

            clock.advance(Duration.ofSeconds(1));
            newRequest();
            newRequest();
            assertEquals(2, l2.calls.get(), "one probe after the first second");
            clock.advance(Duration.ofSeconds(1));
            newRequest();
            assertEquals(2, l2.calls.get(), "the failed probe doubled the wait to 2 s");
            clock.advance(Duration.ofSeconds(1));
            newRequest();
            assertEquals(3, l2.calls.get());
            clock.advance(Duration.ofSeconds(3));
            newRequest();
            assertEquals(3, l2.calls.get(), "4 s now");
            clock.advance(Duration.ofSeconds(1));
            newRequest();
            assertEquals(4, l2.calls.get());
            clock.advance(Duration.ofSeconds(4));
            newRequest();
            assertEquals(5, l2.calls.get(), "4 s is the longest wait");

            l2.heal();
            clock.advance(Duration.ofSeconds(4));
            assertEquals("value 28", newRequest());
            assertEquals(List.of("get " + key("acme", "calc.area", "h28"), "put " + key("acme", "calc.area", "h28")),
                    l2.log.subList(5, 7), "the probe found it back: the value is stored in L2 too");
        });
        assertEquals(Health.Status.UP, cache.check().status());
        assertEquals(1, log.lines().filter(line -> line.contains("WARN") && line.contains("L2 'flaky'")).count(), log);
        assertTrue(log.contains("Cache tier L2 'flaky' is back after 15 s (5 failed calls)"), log);

        l1.entries.clear();
        int computed = requests;
        assertEquals("value 28", cache.get(key("acme", "calc.area", "h28"), TEXT, () -> "computed again"));
        assertEquals(computed, requests, "served by L2");
    }

    @Test
    void aTierThatDoesNotAnswerInTimeIsBypassed() {
        CountDownLatch release = l2.holdGets();
        try {
            assertEquals("value 1", newRequest());
            assertEquals("value 2", newRequest());
            assertEquals(1, l2.calls.get());
            Health health = cache.check();
            assertEquals(Health.Status.DEGRADED, health.status());
            assertTrue(health.message().contains("failed on get: gave no answer within 200 ms"), health.message());
        } finally {
            release.countDown();
        }
    }

    @Test
    void statisticsAndHealthAgreeOnWhetherATierIsAvailable() {
        newRequest();
        TierStats up = statsOfL2();
        assertTrue(up.available());
        assertEquals(1, up.entries());

        l2.failWith(new IllegalStateException("connection refused"));
        newRequest();
        assertEquals(Health.Status.DEGRADED, cache.check().status());
        TierStats bypassed = statsOfL2();
        assertFalse(bypassed.available(), "bypassed in health, unavailable in the statistics");
        assertEquals(1, bypassed.entries(), "the counters it gave last, not zeros");

        l2.heal();
        clock.advance(Duration.ofSeconds(1));
        newRequest();
        assertEquals(Health.Status.UP, cache.check().status());
        assertTrue(statsOfL2().available());
    }

    @Test
    void aTierSlowToGiveItsStatisticsIsNeitherUnavailableNorBypassed() {
        newRequest();
        statsOfL2();
        CountDownLatch release = l2.holdStats();
        try {
            TierStats stats = statsOfL2();
            assertTrue(stats.available());
            assertEquals(1, stats.entries(), "the counters it gave last");
            assertEquals(Health.Status.UP, cache.check().status());
            int calls = l2.calls.get();
            newRequest();
            assertEquals(calls + 2, l2.calls.get(), "still asked: a get and a put");
        } finally {
            release.countDown();
        }
    }

    @Test
    void aPatternInvalidatedWhileATierIsDownIsRemovedFromItBeforeItServesAgain() {
        CacheKey key = key("acme", "calc.area", "h1");
        assertEquals("old", cache.get(key, TEXT, () -> "old"));
        l2.failWith(new IllegalStateException("connection refused"));

        assertEquals(1, cache.invalidate("acme:*"), "L1 removed it; L2 could not");
        l2.heal();
        assertTrue(l2.entries.containsKey(key), "L2 still holds the stale entry");
        clock.advance(Duration.ofSeconds(1));

        assertEquals("new", cache.get(key, TEXT, () -> "new"));
        List<String> calls = l2.log.subList(l2.log.size() - 3, l2.log.size());
        assertEquals(List.of("invalidate acme:*", "get " + key, "put " + key), calls);
        assertEquals(Health.Status.UP, cache.check().status());
    }

    @Test
    void aTierUnregisteredWhileARequestStillUsesItCausesNoOutage() throws Exception {
        CacheKey key = key("acme", "calc.area", "h1");
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<String> request = thread.submit(() -> cache.get(key, TEXT, () -> {
                computing.countDown();
                await(finish);
                return "value";
            }));
            computing.await();
            TestTier next = new TestTier("next");
            String log = capturedLog(() -> {
                cache.bindTier(next, registration(2, "next", 0, 3));
                cache.unbindTier(l2);
                l2.failWith(new IllegalStateException("closed"));
                finish.countDown();
                assertEquals("value", assertDoesNotThrow(() -> request.get(10, TimeUnit.SECONDS)));
            });

            assertTrue(l2.log.contains("put " + key), "the request stored into the tiers it started with");
            assertFalse(log.contains("WARN"), log);
            assertEquals(Health.Status.UP, cache.check().status());
            assertEquals(List.of("heap", "next"), cache.stats().tiers().stream().map(TierStats::tier).toList());
        } finally {
            thread.shutdownNow();
        }
    }

    private TierStats statsOfL2() {
        return cache.stats().tiers().stream().filter(tier -> tier.tier().equals("flaky")).findFirst().orElseThrow();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String capturedLog(Runnable run) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        original.print(log);
        return log;
    }
}
