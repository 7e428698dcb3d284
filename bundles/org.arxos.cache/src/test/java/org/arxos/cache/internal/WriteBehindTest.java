package org.arxos.cache.internal;

import static org.arxos.cache.internal.CacheFixtures.TEXT;
import static org.arxos.cache.internal.CacheFixtures.key;
import static org.arxos.cache.internal.CacheFixtures.registration;
import static org.arxos.cache.internal.CacheFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.arxos.api.cache.CacheKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A write-behind level is written by its own thread: the request never waits for it, not even when it is full. */
class WriteBehindTest {

    private final TestTier l1 = new TestTier("heap");
    private final TestTier l4 = new TestTier("database");
    private TieredCache cache;

    @BeforeEach
    void activate() {
        cache = new TieredCache(settings("write.modes", new String[] {"4=behind"}, "write.behind.queue", 2,
                "tier.timeouts", new String[] {"1=PT0S", "4=PT30S"}), new ManualClock());
        cache.bindTier(l1, registration(1, "heap", 0, 1));
        cache.bindTier(l4, registration(4, "database", 0, 2));
    }

    @AfterEach
    void deactivate() {
        cache.deactivate();
    }

    @Test
    void aWriteBehindTierIsWrittenAfterTheRequestReturned() throws Exception {
        CountDownLatch database = l4.holdPuts();
        CacheKey key = key("acme", "calc.takeoff", "h1");

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> cache.get(key, TEXT, () -> "takeoff"),
                "the request does not wait for the database");
        assertTrue(l1.entries.containsKey(key));
        assertTrue(l4.entries.isEmpty());

        database.countDown();
        waitUntil(() -> l4.entries.containsKey(key));
        assertEquals("takeoff", TEXT.decode(Envelope.of(l4.entries.get(key)).payload()));
    }

    @Test
    void aFullQueueDropsWritesRatherThanMakeTheRequestWait() throws Exception {
        CountDownLatch database = l4.holdPuts();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int i = 1; i <= 10; i++) {
                int n = i;
                cache.get(key("acme", "calc.takeoff", "h" + n), TEXT, () -> "takeoff " + n);
            }
        });
        assertEquals(10, l1.entries.size());
        assertEquals("serving, up, write-behind 2 queued, 7 dropped", cache.check().details().get("L4/database"),
                "one write in progress, two queued");

        database.countDown();
        waitUntil(() -> l4.entries.size() == 3);
        waitUntil(() -> "serving, up, write-behind 0 queued, 7 dropped".equals(
                cache.check().details().get("L4/database")));
    }

    @Test
    void deactivationWritesWhatIsQueued() throws Exception {
        cache.get(key("acme", "calc.takeoff", "h1"), TEXT, () -> "one");
        cache.get(key("acme", "calc.takeoff", "h2"), TEXT, () -> "two");
        cache.deactivate();
        assertEquals(2, l4.entries.size());
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited 10 s");
            Thread.sleep(5);
        }
    }
}
