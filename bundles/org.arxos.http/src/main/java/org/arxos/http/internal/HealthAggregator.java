package org.arxos.http.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.arxos.api.health.Health;
import org.arxos.api.health.HealthContributor;

/**
 * Asks every contributor at once and waits at most the timeout for all of them. A contributor that throws or does
 * not answer in time is DOWN with a message. A check still running from an earlier request is waited on again instead
 * of started anew, so a hung contributor ties up one thread, not one per request.
 */
final class HealthAggregator {

    private final Duration timeout;
    private final ExecutorService executor;
    private final Map<HealthContributor, Future<Health>> running = new ConcurrentHashMap<>();

    HealthAggregator(Duration timeout, ExecutorService executor) {
        this.timeout = timeout;
        this.executor = executor;
    }

    HealthReport check(Map<String, HealthContributor> contributors) {
        Map<String, Future<Health>> checks = new LinkedHashMap<>();
        Map<String, Health> results = new LinkedHashMap<>();
        contributors.forEach((name, contributor) -> {
            try {
                checks.put(name, running.compute(contributor,
                        (c, earlier) -> earlier == null || earlier.isDone() ? executor.submit(c::check) : earlier));
            } catch (RejectedExecutionException e) {
                results.put(name, Health.down("health checks are shutting down"));
            }
        });
        long deadline = System.nanoTime() + timeout.toNanos();
        checks.forEach((name, check) -> results.put(name, await(check, deadline)));
        running.values().removeIf(Future::isDone);
        return HealthReport.of(results);
    }

    private Health await(Future<Health> check, long deadline) {
        try {
            Health health = check.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return health != null ? health : Health.down("the check returned no health");
        } catch (TimeoutException e) {
            return Health.down("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Health.down("the check failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down("interrupted while waiting for the check");
        }
    }
}
