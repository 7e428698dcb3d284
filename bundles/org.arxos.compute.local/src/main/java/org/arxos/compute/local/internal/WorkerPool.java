package org.arxos.compute.local.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed number of daemon threads taking tasks from one priority queue: the highest priority first, and within a
 * priority the task queued first.
 */
final class WorkerPool implements AutoCloseable {

    /** One queued task; {@code sequence} keeps FIFO order within a priority. */
    record QueuedTask(int priority, long sequence, Runnable work) implements Comparable<QueuedTask> {
        @Override
        public int compareTo(QueuedTask other) {
            int byPriority = Integer.compare(other.priority, priority);
            return byPriority != 0 ? byPriority : Long.compare(sequence, other.sequence);
        }
    }

    private final PriorityBlockingQueue<QueuedTask> queue = new PriorityBlockingQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;

    WorkerPool(String name, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("a worker pool needs at least one worker, not " + workers);
        }
        for (int i = 1; i <= workers; i++) {
            Thread thread = new Thread(this::work, name + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    void execute(int priority, Runnable work) {
        queue.add(new QueuedTask(priority, sequence.getAndIncrement(), work));
    }

    int workers() {
        return threads.size();
    }

    int queued() {
        return queue.size();
    }

    int running() {
        return running.get();
    }

    /** Stops the threads; queued tasks are dropped, so their owners must be failed by the caller. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        threads.forEach(Thread::interrupt);
    }

    private void work() {
        while (!closed) {
            QueuedTask task;
            try {
                task = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            running.incrementAndGet();
            try {
                task.work().run();
            } finally {
                running.decrementAndGet();
            }
        }
    }
}
