package org.arxos.compute.ignite.internal;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;

/**
 * Admits at most a fixed number of map calls to the cluster at once; the others wait, the highest priority first and
 * in arrival order within a priority. Ignite's job queues have no priorities, so they are applied here, on the
 * submitting node.
 */
final class PriorityGate {

    private record Waiter(int priority, long arrival, int tasks, CompletableFuture<Void> admitted) {
    }

    private final int permits;
    private final PriorityQueue<Waiter> waiting = new PriorityQueue<>(
            Comparator.comparingInt(Waiter::priority).reversed().thenComparingLong(Waiter::arrival));
    private int inside;
    private long arrivals;
    private int waitingTasks;

    PriorityGate(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("a gate needs at least one permit, was " + permits);
        }
        this.permits = permits;
    }

    /**
     * Completes when the call may go to the cluster; then {@link #leave()} must follow. Cancelling the returned future
     * gives up the place in the queue.
     */
    synchronized CompletableFuture<Void> enter(int priority, int tasks) {
        CompletableFuture<Void> admitted = new CompletableFuture<>();
        if (inside < permits && waiting.isEmpty()) {
            inside++;
            admitted.complete(null);
        } else {
            waiting.add(new Waiter(priority, arrivals++, tasks, admitted));
            waitingTasks += tasks;
        }
        return admitted;
    }

    /** Lets the next waiting call in; admitted outside the lock, as admission runs the call's next step. */
    void leave() {
        Waiter next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                inside--;
                return;
            }
            waitingTasks -= next.tasks();
        }
        if (!next.admitted().complete(null)) {
            leave(); // it gave up its place while waiting: the permit goes to the one after it
        }
    }

    /** Tasks of the calls waiting to be admitted. */
    synchronized int waitingTasks() {
        return waitingTasks;
    }
}
