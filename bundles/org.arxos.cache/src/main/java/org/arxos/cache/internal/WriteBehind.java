package org.arxos.cache.internal;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The writes queued for one slow tier and the thread that makes them, one at a time in queue order. A full queue drops
 * the write rather than wait: the entry is then only in the other tiers, and the caller never blocks.
 */
final class WriteBehind {

    private final ThreadPoolExecutor writer;
    private final LongAdder dropped = new LongAdder();

    WriteBehind(String tier, int capacity) {
        writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity), task -> {
            Thread thread = new Thread(task, "arxos-cache-write-behind-" + tier);
            thread.setDaemon(true);
            return thread;
        }, (write, executor) -> dropped.increment());
    }

    void submit(Runnable write) {
        writer.execute(write);
    }

    /** Writes waiting. */
    int queued() {
        return writer.getQueue().size();
    }

    /** Writes dropped because the queue was full or the writer closed. */
    long dropped() {
        return dropped.sum();
    }

    /** Makes the queued writes within the grace period (none for zero), then drops the rest. */
    void close(Duration grace) {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                dropped.add(writer.shutdownNow().size());
            }
        } catch (InterruptedException e) {
            dropped.add(writer.shutdownNow().size());
            Thread.currentThread().interrupt();
        }
    }
}
