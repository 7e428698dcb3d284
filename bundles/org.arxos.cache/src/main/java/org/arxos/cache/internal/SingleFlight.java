package org.arxos.cache.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import org.arxos.api.cache.CacheKey;
import org.arxos.cache.KeyPattern;

/**
 * Concurrent misses on one key share one computation: the first caller leads it, the others wait for its value or its
 * exception. Forgetting the computations of a pattern lets callers arriving after an invalidation start afresh.
 */
final class SingleFlight {

    /**
     * @param value  the value
     * @param shared whether another caller's computation produced it
     */
    record Outcome<V>(V value, boolean shared) {
    }

    private final ConcurrentMap<CacheKey, CompletableFuture<Object>> flights = new ConcurrentHashMap<>();

    /** The value of the computation running for the key, or of {@code lead} run now when none is. */
    @SuppressWarnings("unchecked")
    <V> Outcome<V> run(CacheKey key, Supplier<V> lead) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = flights.putIfAbsent(key, mine);
        if (running != null) {
            return new Outcome<>((V) await(running), true);
        }
        try {
            V value = lead.get();
            mine.complete(value);
            return new Outcome<>(value, false);
        } catch (Throwable e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            flights.remove(key, mine);
        }
    }

    void forget(KeyPattern pattern) {
        flights.keySet().removeIf(pattern::matches);
    }

    private static Object await(CompletableFuture<Object> flight) {
        try {
            return flight.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
