package org.arxos.messaging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.arxos.api.event.BuildingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalEventBusTest {

    final LocalEventBus bus = new LocalEventBus(3, 64);

    @AfterEach
    void stop() throws InterruptedException {
        bus.stop();
    }

    static BuildingEvent event(String topic, String building, long revision) {
        return new BuildingEvent(topic, "t", building, revision, Map.of(), Instant.now());
    }

    @Test
    void eachSubscriberSeesABuildingsEventsInPublicationOrderFromConcurrentBuildings() throws Exception {
        int buildings = 8;
        int perBuilding = 2_000;
        Map<String, List<Long>> seen = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(buildings * perBuilding);
        bus.subscribe("revision/*", e -> {
            seen.computeIfAbsent(e.buildingId(), b -> Collections.synchronizedList(new ArrayList<>()))
                    .add(e.revision());
            all.countDown();
        });
        List<Thread> publishers = new ArrayList<>();
        for (int b = 0; b < buildings; b++) {
            String building = "b" + b;
            Thread publisher = new Thread(() -> {
                for (long r = 1; r <= perBuilding; r++) {
                    bus.publish(event(BuildingEvent.REVISION_APPLIED, building, r));
                }
            });
            publisher.start();
            publishers.add(publisher);
        }
        for (Thread publisher : publishers) {
            publisher.join();
        }
        assertTrue(all.await(30, TimeUnit.SECONDS), "delivered: " + (buildings * perBuilding - all.getCount()));
        assertEquals(buildings, seen.size());
        seen.forEach((building, revisions) -> {
            for (int i = 0; i < revisions.size(); i++) {
                assertEquals(i + 1, revisions.get(i), building + " out of order at " + i);
            }
        });
    }

    @Test
    void aFailingSubscriberDoesNotKeepTheEventFromTheOthers() throws Exception {
        CountDownLatch delivered = new CountDownLatch(2);
        bus.subscribe("*", e -> {
            throw new IllegalStateException("a broken subscriber");
        });
        bus.subscribe(BuildingEvent.BUILDING_CREATED, e -> delivered.countDown());
        bus.publish(event(BuildingEvent.BUILDING_CREATED, "b", 1));
        bus.publish(event(BuildingEvent.BUILDING_CREATED, "b", 2));
        assertTrue(delivered.await(10, TimeUnit.SECONDS));
    }

    @Test
    void patternsSelectTopicsAndAClosedSubscriptionGetsNothingMore() throws Exception {
        AtomicInteger revisions = new AtomicInteger();
        AtomicInteger everything = new AtomicInteger();
        AutoCloseable subscription = bus.subscribe("revision/*", e -> revisions.incrementAndGet());
        bus.subscribe("*", e -> everything.incrementAndGet());
        bus.publish(event(BuildingEvent.REVISION_APPLIED, "b", 1));
        bus.publish(event(BuildingEvent.BUILDING_DELETED, "b", 1));
        awaitCount(everything, 2);
        assertEquals(1, revisions.get());
        subscription.close();
        bus.publish(event(BuildingEvent.REVISION_APPLIED, "b", 2));
        awaitCount(everything, 3);
        assertEquals(1, revisions.get(), "closed subscriptions receive nothing");
    }

    @Test
    void stoppingDeliversWhatWasPublished() throws Exception {
        LocalEventBus stopping = new LocalEventBus(1, 16);
        AtomicInteger delivered = new AtomicInteger();
        stopping.subscribe("*", e -> delivered.incrementAndGet());
        for (int i = 0; i < 10; i++) {
            stopping.publish(event("x", "b", i));
        }
        stopping.stop();
        assertEquals(10, delivered.get());
    }

    @Test
    void aPatternWithAStarInsideIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bus.subscribe("rev*/applied", x -> { }));
        assertTrue(e.getMessage().contains("rev*/applied"), e.getMessage());
    }

    private static void awaitCount(AtomicInteger count, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (count.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(expected, count.get());
    }
}
