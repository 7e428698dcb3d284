package org.arxos.render.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.arxos.model.BuildingObject;
import org.arxos.model.Revision;
import org.junit.jupiter.api.Test;

class FloorIndexCacheTest {

    private final Revision revision = TestBuildings.generated(20_000);
    private final List<BuildingObject> floors = TestBuildings.floors(revision);

    @Test
    void concurrentRequestsForOneFloorShareOneBuild() throws Exception {
        FloorIndexCache cache = new FloorIndexCache(4);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<FloorIndex>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return cache.get(revision, floors.get(0));
                }));
            }
            start.countDown();
            FloorIndex first = results.get(0).get();
            for (Future<FloorIndex> result : results) {
                assertSame(first, result.get());
            }
            assertEquals(1, cache.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLeastRecentlyUsedFloorGoesFirstAndRevisionsWithTheSameContentShare() throws Exception {
        FloorIndexCache cache = new FloorIndexCache(2);
        FloorIndex a = cache.get(revision, floors.get(0));
        FloorIndex b = cache.get(revision, floors.get(1));
        assertSame(a, cache.get(revision, floors.get(0)));
        cache.get(revision, floors.get(2));
        assertEquals(2, cache.size());
        assertSame(a, cache.get(revision, floors.get(0)));
        assertNotSame(b, cache.get(revision, floors.get(1)));

        Revision sameContent = revision.apply(new org.arxos.model.ChangeSet("test", "nothing", List.of()));
        assertSame(cache.get(revision, floors.get(1)), cache.get(sameContent, floors.get(1)));
        cache.resize(1);
        assertEquals(1, cache.size());
    }
}
