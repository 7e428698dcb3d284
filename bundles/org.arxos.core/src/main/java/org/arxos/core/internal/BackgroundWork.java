package org.arxos.core.internal;

import java.util.ArrayDeque;
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
 *
 * <p>Tasks wait in a queue of their own that one drain empties: the thread is woken once for a burst of tasks, not
 * once for each, since offering happens on request threads (a tile's dozen neighbours) and a wake-up costs more than
 * the bookkeeping.
 */
final class BackgroundWork implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);

    private final String name;
    private final ThreadPoolExecutor executor;
    private record Task(Object identity, Runnable work) {
    }

    /** Identities of the tasks waiting or running; guards the fields below. */
    private final Set<Object> pending = new HashSet<>();
    private final ArrayDeque<Task> waiting = new ArrayDeque<>();
    /** Whether a drain is queued or running, which takes every task queued before it ends. */
    private boolean draining;
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
            if (pending.contains(identity) || executor.isShutdown()) {
                return false;
            }
            if (pending.size() >= limit) {
                dropped.increment();
                return false;
            }
            pending.add(identity);
            waiting.add(new Task(identity, task));
            if (draining) {
                return true;
            }
            draining = true;
        }
        try {
            executor.execute(this::drain);
            return true;
        } catch (RejectedExecutionException closed) {
            forgetWaiting();
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

    private void drain() {
        while (!executor.isShutdown()) {
            Task next;
            synchronized (pending) {
                next = waiting.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                next.work().run();
            } catch (RuntimeException e) {
                LOG.warn("{}: background task {} failed: {}", name, next.identity(), e.toString());
            } finally {
                synchronized (pending) {
                    pending.remove(next.identity());
                }
            }
        }
        forgetWaiting();
    }

    private void forgetWaiting() {
        synchronized (pending) {
            waiting.forEach(task -> pending.remove(task.identity()));
            waiting.clear();
            draining = false;
        }
    }
}
