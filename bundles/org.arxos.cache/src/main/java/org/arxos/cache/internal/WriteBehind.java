package org.arxos.cache.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.arxos.api.cache.CacheKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writes queued for one slow tier and the thread that makes them in queue order, in batches: it takes what is
 * queued up to the batch size, waiting at most the linger time for a batch to fill. A full queue drops the write
 * rather than wait: the entry is then only in the other tiers, and the caller never blocks.
 */
final class WriteBehind {

    /** One queued write: the entry and the mark of the request that made it. */
    record Write(CacheKey key, byte[] entry, Duration timeToLive, long mark) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(WriteBehind.class);

    private final BlockingQueue<Write> queue;
    private final int batchSize;
    private final long lingerNanos;
    private final Consumer<List<Write>> store;
    private final Thread writer;
    private final LongAdder dropped = new LongAdder();
    private volatile boolean closing;
    private volatile boolean abandoned;

    /**
     * @param store makes one batch of writes; what it throws is logged and the batch is lost
     */
    WriteBehind(String tier, int capacity, int batchSize, Duration linger, Consumer<List<Write>> store) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.lingerNanos = linger.toNanos();
        this.store = store;
        this.writer = new Thread(this::run, "arxos-cache-write-behind-" + tier);
        writer.setDaemon(true);
        writer.start();
    }

    void submit(Write write) {
        if (closing || !queue.offer(write)) {
            dropped.increment();
        }
    }

    /** Writes waiting. */
    int queued() {
        return queue.size();
    }

    /** Writes dropped because the queue was full or the writer closed. */
    long dropped() {
        return dropped.sum();
    }

    /** Makes the queued writes within the grace period (none for zero), then drops the rest. */
    void close(Duration grace) {
        closing = true;
        try {
            writer.join(Math.max(1, grace.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            abandoned = true;
            List<Write> left = new ArrayList<>();
            queue.drainTo(left);
            dropped.add(left.size());
        }
    }

    private void run() {
        List<Write> batch = new ArrayList<>(batchSize);
        while (!abandoned) {
            try {
                Write first = queue.poll(closing ? 0 : 100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                fill(batch);
                store.accept(batch);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Cache write-behind of {} entries failed: {}", batch.size(), e.toString());
            } finally {
                batch.clear();
            }
        }
    }

    /** Adds what is queued up to the batch size, waiting for more until the linger time is up (not when closing). */
    private void fill(List<Write> batch) throws InterruptedException {
        long deadline = System.nanoTime() + lingerNanos;
        while (batch.size() < batchSize) {
            queue.drainTo(batch, batchSize - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= batchSize || closing || left <= 0) {
                return;
            }
            Write next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }
}
