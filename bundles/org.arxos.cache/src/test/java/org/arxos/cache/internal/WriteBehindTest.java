package org.arxos.cache.internal;

import static org.arxos.cache.internal.CacheFixtures.TEXT;
import static org.arxos.cache.internal.CacheFixtures.key;
import static org.arxos.cache.internal.CacheFixtures.registration;
import static org.arxos.cache.internal.CacheFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.arxos.api.cache.CacheKey;
import org.arxos.cache.BatchingTier;
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
                "write.behind.batch", 1,
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

    @Test
    void aTierThatTakesBatchesGetsWhatQueuedUpInFewCalls() throws Exception {
        BatchingTestTier database = new BatchingTestTier();
        TieredCache batching = new TieredCache(settings("write.modes", new String[] {"4=behind"},
                "write.behind.batch", 64, "tier.timeouts", new String[] {"1=PT0S", "4=PT30S"}), new ManualClock());
        batching.bindTier(database, registration(4, "database", 0, 1));
        CountDownLatch held = database.holdPuts();
        try {
            for (int i = 0; i < 100; i++) {
                int n = i;
                batching.get(key("acme", "calc.takeoff", "h" + n), TEXT, () -> "takeoff " + n);
            }
            held.countDown();
            waitUntil(() -> database.entries.size() == 100);
        } finally {
            batching.deactivate();
        }
        assertTrue(database.batches.size() <= 3, "100 writes in at most 3 calls (the first may be alone), were "
                + database.batches);
        assertTrue(database.batches.stream().allMatch(size -> size <= 64), "no batch above 64: " + database.batches);
        assertEquals("takeoff 99", TEXT.decode(Envelope.of(database.entries.get(key("acme", "calc.takeoff", "h99")))
                .payload()));
    }

    @Test
    void aBatchSkipsTheWritesOfKeysInvalidatedAfterTheirRequestBegan() throws Exception {
        BatchingTestTier database = new BatchingTestTier();
        TieredCache batching = new TieredCache(settings("write.modes", new String[] {"4=behind"},
                "tier.timeouts", new String[] {"1=PT0S", "4=PT30S"}), new ManualClock());
        batching.bindTier(database, registration(4, "database", 0, 1));
        CountDownLatch held = database.holdPuts();
        try {
            batching.get(key("acme", "calc.takeoff", "first"), TEXT, () -> "first");
            batching.get(key("acme", "calc.takeoff", "kept"), TEXT, () -> "kept");
            batching.get(key("globex", "calc.takeoff", "gone"), TEXT, () -> "gone");
            batching.invalidate("globex:*");
            held.countDown();
            waitUntil(() -> database.entries.size() == 2);
            Thread.sleep(200);
        } finally {
            batching.deactivate();
        }
        assertEquals(2, database.entries.size());
        assertTrue(database.entries.keySet().stream().noneMatch(k -> k.tenant().equals("globex")));
    }

    /** Records the size of each batch it is given; a batch is stored entry by entry, as a transaction would. */
    private static final class BatchingTestTier extends TestTier implements BatchingTier {

        final List<Integer> batches = new CopyOnWriteArrayList<>();

        BatchingTestTier() {
            super("database");
        }

        @Override
        public void putAll(List<Entry> batch) {
            batches.add(batch.size());
            batch.forEach(entry -> put(entry.key(), entry.value(), entry.timeToLive()));
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited 10 s");
            Thread.sleep(5);
        }
    }
}
