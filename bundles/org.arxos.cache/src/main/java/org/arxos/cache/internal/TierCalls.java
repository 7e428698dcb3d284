package org.arxos.cache.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tier calls under a time limit on threads of its own, so a hanging backend holds one of those threads, never
 * the request. A zero limit runs the call on the caller's thread: a heap tier answers faster than a thread hand-off.
 *
 * <p>A call past its limit is abandoned, never interrupted: it runs on to its end and its result is dropped. An
 * interrupt in the middle of file or socket I/O closes the channel ({@code ClosedByInterruptException}), which breaks
 * a disk store for every later call, and a blocked socket read ignores it anyway. The outage that a late call starts
 * keeps further calls away from the tier, so abandoned calls do not pile up.
 */
final class TierCalls implements AutoCloseable {

    private final ExecutorService threads;

    TierCalls() {
        AtomicInteger count = new AtomicInteger();
        threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "arxos-cache-tier-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @throws TimeoutException     when the call did not return within the limit (it runs on, its result dropped)
     * @throws InterruptedException when the caller was interrupted while waiting
     * @throws Exception            what the call threw
     */
    <T> T call(Callable<T> call, Duration timeout) throws Exception {
        if (timeout.isZero()) {
            return call.call();
        }
        Future<T> future = threads.submit(call);
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new TimeoutException("gave no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(false);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (Exception) e.getCause();
        }
    }

    /** Takes no more calls; those running end on their own, uninterrupted. */
    @Override
    public void close() {
        threads.shutdown();
    }
}
