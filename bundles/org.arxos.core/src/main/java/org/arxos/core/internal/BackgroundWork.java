package org.arxos.core.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that may be skipped, done one task at a time by a thread of the lowest priority: a task offered while an equal
 * one waits or runs is dropped, and so is a task offered while the limit of tasks is reached, so a burst never piles
 * up work nobody waits for. The thread ends when idle.
 */
final class BackgroundWork implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);

    private final String name;
    private final ThreadPoolExecutor executor;
    /** Identities of the tasks waiting or running. */
    private final Set<Object> pending = new HashSet<>();
    private final LongAdder dropped = new LongAdder();
    private volatile int limit;

    /** @param limit tasks waiting or running at most */
    BackgroundWork(String name, int limit) {
        this.name = name;
        this.limit = limit;
        this.executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
        executor.allowCoreThreadTimeOut(true);
    }

    void limit(int tasks) {
        limit = tasks;
    }

    /**
     * Queues the task unless one of the same identity is pending or the limit is reached.
     *
     * @param identity equal for tasks that do the same work
     * @return whether the task was queued
     */
    boolean offer(Object identity, Runnable task) {
        synchronized (pending) {
            if (pending.contains(identity)) {
                return false;
            }
            if (pending.size() >= limit) {
                dropped.increment();
                return false;
            }
            pending.add(identity);
        }
        try {
            executor.execute(() -> run(identity, task));
            return true;
        } catch (RejectedExecutionException e) {
            done(identity);
            return false;
        }
    }

    /** Tasks dropped because the limit was reached. */
    long dropped() {
        return dropped.sum();
    }

    /** Tasks waiting or running. */
    int pending() {
        synchronized (pending) {
            return pending.size();
        }
    }

    /** Drops the waiting tasks and interrupts the running one. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    private void run(Object identity, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("{}: background task {} failed: {}", name, identity, e.toString());
        } finally {
            done(identity);
        }
    }

    private void done(Object identity) {
        synchronized (pending) {
            pending.remove(identity);
        }
    }
}
