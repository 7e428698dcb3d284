package org.arxos.cache.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

import org.arxos.api.cache.CacheKey;
import org.arxos.cache.KeyPattern;

/**
 * Keeps what a request read before an invalidation out of the tiers after it. A request {@linkplain #mark() marks}
 * when it starts; each of its stores (a computed value, a promotion, a write-behind) happens only if no invalidation
 * matching its key has begun since. Stores run under the read lock and invalidations begin under the write lock, so
 * a store either finishes before the invalidation begins (and the tiers' removal takes its entry) or sees it. Marking
 * takes no lock, so a request that hits never waits for an invalidation.
 *
 * <p>Invalidations still running count as begun after every mark, since a request may read a tier they have not
 * reached yet. Only the most recent invalidations are remembered; a store older than all of them is skipped.
 */
final class InvalidationLog {

    private record Invalidation(long sequence, KeyPattern pattern) {
    }

    private static final int REMEMBERED = 1024;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Deque<Invalidation> recent = new ArrayDeque<>();
    private final TreeSet<Long> running = new TreeSet<>();
    private long forgotten;
    // Written under the write lock, oldest running first, so that mark() can read them without it: a request reading
    // a sequence number then finds that invalidation's number (or a lower one) as the oldest running.
    private volatile long oldestRunning = Long.MAX_VALUE;
    private volatile long sequence;

    /** The point after which invalidations hold against the caller's stores. */
    long mark() {
        long begun = sequence;
        return Math.min(begun, oldestRunning - 1);
    }

    /** Records an invalidation as begun; {@link #end(long)} it with the number returned once the tiers are done. */
    long begin(KeyPattern pattern) {
        lock.writeLock().lock();
        try {
            long next = sequence + 1;
            running.add(next);
            oldestRunning = running.first();
            recent.addLast(new Invalidation(next, pattern));
            if (recent.size() > REMEMBERED) {
                forgotten = recent.removeFirst().sequence();
            }
            sequence = next;
            return next;
        } finally {
            lock.writeLock().unlock();
        }
    }

    void end(long invalidation) {
        lock.writeLock().lock();
        try {
            running.remove(invalidation);
            oldestRunning = running.isEmpty() ? Long.MAX_VALUE : running.first();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Runs the store unless an invalidation matching the key began after the mark; answers whether it ran. */
    boolean storeUnlessInvalidated(long mark, CacheKey key, Runnable store) {
        lock.readLock().lock();
        try {
            if (invalidatedSince(mark, key)) {
                return false;
            }
            store.run();
            return true;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Runs the store with those of the writes that no invalidation matching their key began after their mark, unless
     * none is left.
     */
    void storeUnlessInvalidated(List<WriteBehind.Write> writes, Consumer<List<WriteBehind.Write>> store) {
        lock.readLock().lock();
        try {
            List<WriteBehind.Write> kept = writes.stream()
                    .filter(write -> !invalidatedSince(write.mark(), write.key())).toList();
            if (!kept.isEmpty()) {
                store.accept(kept);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    private boolean invalidatedSince(long mark, CacheKey key) {
        if (mark < forgotten) {
            return true;
        }
        for (Iterator<Invalidation> i = recent.descendingIterator(); i.hasNext();) {
            Invalidation invalidation = i.next();
            if (invalidation.sequence() <= mark) {
                return false;
            }
            if (invalidation.pattern().matches(key)) {
                return true;
            }
        }
        return false;
    }
}
