package org.arxos.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.arxos.api.cache.CacheKey;
import org.arxos.cache.KeyPattern;
import org.junit.jupiter.api.Test;

class InvalidationLogTest {

    private static final CacheKey OF_ACME = new CacheKey("acme", "b1", "render.tile", "h1");
    private static final CacheKey OF_GLOBEX = new CacheKey("globex", "b1", "render.tile", "h1");

    private final InvalidationLog log = new InvalidationLog();
    private final AtomicInteger stores = new AtomicInteger();

    private boolean store(long mark, CacheKey key) {
        return log.storeUnlessInvalidated(mark, key, stores::incrementAndGet);
    }

    @Test
    void aStoreIsSkippedOnlyWhenAMatchingInvalidationBeganAfterItsMark() {
        long before = log.mark();
        log.end(log.begin(KeyPattern.of("acme:*")));
        long after = log.mark();

        assertFalse(store(before, OF_ACME));
        assertTrue(store(before, OF_GLOBEX));
        assertTrue(store(after, OF_ACME));
        assertEquals(2, stores.get());
    }

    @Test
    void anInvalidationStillRunningHoldsAgainstMarksTakenDuringIt() {
        long invalidation = log.begin(KeyPattern.of("acme:*"));
        long during = log.mark();
        assertFalse(store(during, OF_ACME), "the request may have read a tier not yet invalidated");
        log.end(invalidation);
        assertFalse(store(during, OF_ACME));
        assertTrue(store(log.mark(), OF_ACME));
    }

    @Test
    void aStoreOlderThanEveryRememberedInvalidationIsSkipped() {
        long old = log.mark();
        for (int i = 0; i < 2000; i++) {
            log.end(log.begin(KeyPattern.of("tenant-" + i + ":*")));
        }
        assertFalse(store(old, OF_ACME), "what happened in between is forgotten");
        assertTrue(store(log.mark(), OF_ACME));
    }
}
