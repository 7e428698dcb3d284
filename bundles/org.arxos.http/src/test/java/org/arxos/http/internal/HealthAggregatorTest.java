package org.arxos.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.arxos.api.health.Health;
import org.arxos.api.health.Health.Status;
import org.arxos.api.health.HealthContributor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthAggregatorTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final HealthAggregator aggregator = new HealthAggregator(Duration.ofMillis(200), executor);

    @AfterEach
    void stop() {
        release.countDown();
        executor.shutdownNow();
    }

    private static Map<String, HealthContributor> contributors(Object... namesAndContributors) {
        Map<String, HealthContributor> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndContributors.length; i += 2) {
            map.put((String) namesAndContributors[i], (HealthContributor) namesAndContributors[i + 1]);
        }
        return map;
    }

    private HealthContributor hanging(AtomicInteger calls) {
        return () -> {
            calls.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Health.up(Map.of());
        };
    }

    @Test
    void noContributorsIsUp() {
        HealthReport report = aggregator.check(Map.of());
        assertEquals(Status.UP, report.status());
        assertEquals(200, report.httpStatus());
    }

    @Test
    void theWorstStatusWins() {
        HealthContributor up = () -> Health.up(Map.of("buildings", 3));
        HealthContributor degraded = () -> new Health(Status.DEGRADED, "slow", Map.of());
        HealthReport report = aggregator.check(contributors("a", up, "b", degraded));
        assertEquals(Status.DEGRADED, report.status());
        assertEquals(200, report.httpStatus());
        assertEquals(List.of("a", "b"), List.copyOf(report.components().keySet()));
        assertEquals(503, aggregator.check(contributors("a", up, "c", (HealthContributor) () -> Health.down("gone")))
                .httpStatus());
    }

    @Test
    void aThrowingContributorIsDownWithAMessage() {
        HealthContributor throwing = () -> {
            throw new IllegalStateException("database unreachable");
        };
        HealthReport report = aggregator.check(contributors("db", throwing, "ok", (HealthContributor) () -> null));
        assertEquals(Status.DOWN, report.status());
        assertEquals("the check failed: IllegalStateException: database unreachable",
                report.components().get("db").message());
        assertEquals("the check returned no health", report.components().get("ok").message());
    }

    @Test
    void aSlowContributorIsDownAfterTheTimeoutAndIsNotStartedTwice() {
        AtomicInteger calls = new AtomicInteger();
        HealthContributor slow = hanging(calls);
        long start = System.nanoTime();
        HealthReport first = aggregator.check(contributors("slow", slow, "fast", (HealthContributor) () -> Health.up(Map.of())));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1000, "took " + millis + " ms");
        assertEquals(Status.DOWN, first.components().get("slow").status());
        assertEquals("no answer within 200 ms", first.components().get("slow").message());
        assertEquals(Status.UP, first.components().get("fast").status());

        aggregator.check(contributors("slow", slow));
        assertEquals(1, calls.get());
    }

    @Test
    void detailsAreReducedToJsonValues() {
        Object value = HealthReport.jsonValue(Map.of("n", 1, "list", List.of(Status.UP, new Object() {
            @Override
            public String toString() {
                return "custom";
            }
        })));
        assertEquals(Map.of("n", 1, "list", List.of("UP", "custom")), value);
    }

    @Test
    void theDocumentHasStatusAndComponents() {
        HealthReport report = aggregator.check(contributors("db", (HealthContributor) () -> Health.up(Map.of("n", 1))));
        assertEquals(Map.of("status", "UP", "components",
                Map.of("db", Map.of("status", "UP", "message", "", "details", Map.of("n", 1)))), report.document());
    }
}
