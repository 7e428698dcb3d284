package org.arxos.collab.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs tasks one at a time, in submission order, on a shared pool: a room's or a session's own thread. */
final class SerialExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor pool;
    private final Runnable whenIdle;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    SerialExecutor(Executor pool) {
        this(pool, () -> { });
    }

    /** @param whenIdle runs on this executor's thread each time it has run every task it was given */
    SerialExecutor(Executor pool, Runnable whenIdle) {
        this.pool = pool;
        this.whenIdle = whenIdle;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        schedule();
    }

    private void schedule() {
        if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
            try {
                pool.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // the host has stopped: what is left would go to sessions that are gone
                tasks.clear();
            }
        }
    }

    private void drain() {
        Runnable task;
        try {
            while ((task = tasks.poll()) != null) {
                run(task);
            }
            run(whenIdle);
        } finally {
            scheduled.set(false);
            schedule();
        }
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("A collaboration task failed", e);
        }
    }
}
