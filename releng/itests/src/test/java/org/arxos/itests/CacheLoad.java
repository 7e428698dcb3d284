package org.arxos.itests;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.arxos.api.cache.Cache;
import org.arxos.api.cache.CacheKey;

/**
 * Threads that keep asking the cache for the values of a working set, each answer checked against the value the key
 * stands for. A request while no cache is registered (it is being reactivated) computes, as a consumer with an
 * optional reference does; it counts as a request, not as a failure.
 */
final class CacheLoad {

    private final CacheRuntime runtime;
    private final String tenant;
    private final String[] values;
    private final int threads;
    private final AtomicBoolean running = new AtomicBoolean();
    private final LongAdder requests = new LongAdder();
    private final LongAdder withoutCache = new LongAdder();
    private final LongAdder computations = new LongAdder();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private CountDownLatch done;

    /** @param valueChars how long each value is */
    CacheLoad(CacheRuntime runtime, String tenant, int keys, int valueChars, int threads) {
        this.runtime = runtime;
        this.tenant = tenant;
        this.threads = threads;
        this.values = new String[keys];
        for (int i = 0; i < keys; i++) {
            String unit = "value " + i + " of " + tenant + "; ";
            values[i] = unit.repeat(valueChars / unit.length() + 1).substring(0, valueChars);
        }
    }

    void start() {
        running.set(true);
        done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            SplittableRandom random = new SplittableRandom(1000 + t);
            Thread caller = new Thread(() -> {
                try {
                    while (running.get()) {
                        request(random.nextInt(values.length));
                    }
                } finally {
                    done.countDown();
                }
            }, "cache-load-" + t);
            caller.start();
        }
    }

    /** Stops the callers and fails, with examples, if any request failed or answered a wrong value. */
    void stopAndAssertNoFailures() throws InterruptedException {
        running.set(false);
        assertTrue("the callers stop", done.await(30, TimeUnit.SECONDS));
        if (!failures.isEmpty()) {
            List<String> examples = new ArrayList<>(failures);
            fail(examples.size() + " of " + requests.sum() + " requests failed, e.g. "
                    + examples.subList(0, Math.min(5, examples.size())));
        }
    }

    long requests() {
        return requests.sum();
    }

    long withoutCache() {
        return withoutCache.sum();
    }

    long computations() {
        return computations.sum();
    }

    private void request(int i) {
        CacheKey key = new CacheKey(tenant, "b1", "itest.value", "h" + i);
        try {
            Cache cache = runtime.cache();
            String value;
            if (cache == null) {
                withoutCache.increment();
                value = compute(i);
            } else {
                value = cache.get(key, CacheRuntime.TEXT, () -> compute(i));
            }
            if (!values[i].equals(value)) {
                failures.add(key + " answered a wrong value of " + (value == null ? "null" : value.length()
                        + " chars starting '" + value.substring(0, Math.min(30, value.length())) + "'"));
            }
        } catch (Throwable e) {
            failures.add(key + ": " + e);
        } finally {
            requests.increment();
        }
    }

    /** Takes a millisecond, so that a request the cache answers costs less than one it computes. */
    private String compute(int i) {
        computations.increment();
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return values[i];
    }
}
