package org.arxos.cache.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.CacheTier;
import org.arxos.api.cache.TierStats;
import org.arxos.api.selection.CallFailure;
import org.arxos.cache.BatchingTier;
import org.arxos.cache.DecodedValueTier;
import org.arxos.cache.KeyPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registered tier as the cache calls it: under the level's time limit, bypassed during an outage, written through
 * or behind. It never throws: a failed call is a miss (or a store not made) and starts or prolongs the outage.
 *
 * <p>A tier that is down when a pattern is invalidated keeps stale entries; the pattern is remembered and removed
 * from the tier before it serves again. A tier that was unregistered (retired) still serves the requests that started
 * with it, but its failures are expected and start no outage.
 */
final class GuardedTier {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedTier.class);
    private static final int MAX_PENDING_INVALIDATIONS = 1000;
    private static final int ENTRIES_PER_TIME_LIMIT = 64;
    private static final int ASK_ANYWAY_EVERY = 64;
    private static final KeyPattern EVERYTHING = KeyPattern.of("*");

    private final CacheTier tier;
    private final int level;
    private final String name;
    private final TierCalls calls;
    private final InvalidationLog invalidations;
    private final Outage outage;
    private volatile CacheSettings settings;
    private volatile Duration timeout;
    private volatile Duration invalidationTimeout;
    private volatile WriteBehind writeBehind;
    private final List<KeyPattern> pending = new ArrayList<>();
    private volatile TierStats lastStats;
    private volatile boolean retired;
    /** The time of a get, hits and misses, over the latest gets. */
    private final MovingMean getTime = new MovingMean();
    private final AtomicLong skippedGets = new AtomicLong();

    GuardedTier(CacheTier tier, int level, String name, CacheSettings settings, TierCalls calls,
            InvalidationLog invalidations, Clock clock) {
        this.tier = tier;
        this.level = level;
        this.name = name;
        this.calls = calls;
        this.invalidations = invalidations;
        this.outage = new Outage(toString(), clock, settings.backoffMin(), settings.backoffMax());
        this.settings = settings;
        this.timeout = settings.timeoutAt(level);
        this.invalidationTimeout = settings.invalidationTimeout();
        this.writeBehind = writeBehindFor(settings);
        this.lastStats = new TierStats(name, 0, 0, 0, 0, 0, 0, true);
    }

    /**
     * Applies new settings in place, keeping the outage and the invalidations to replay. A new way of writing the
     * level starts a new write-behind queue at once; the old one is written within the grace period.
     */
    void reconfigure(CacheSettings next, Duration grace) {
        CacheSettings previous = settings;
        settings = next;
        timeout = next.timeoutAt(level);
        invalidationTimeout = next.invalidationTimeout();
        outage.backoff(next.backoffMin(), next.backoffMax());
        if (next.writeModeAt(level) != previous.writeModeAt(level)
                || next.writeBehindQueue() != previous.writeBehindQueue()
                || next.writeBehindBatch() != previous.writeBehindBatch()
                || !next.writeBehindLinger().equals(previous.writeBehindLinger())) {
            WriteBehind old = writeBehind;
            writeBehind = writeBehindFor(next);
            if (old != null) {
                old.close(grace);
            }
        }
    }

    private WriteBehind writeBehindFor(CacheSettings s) {
        return s.writeModeAt(level) == CacheSettings.WriteMode.BEHIND
                ? new WriteBehind("L" + level + "-" + name, s.writeBehindQueue(), s.writeBehindBatch(),
                        s.writeBehindLinger(), this::storeBatch)
                : null;
    }

    CacheTier tier() {
        return tier;
    }

    int level() {
        return level;
    }

    String name() {
        return name;
    }

    Optional<byte[]> get(CacheKey key) {
        long start = System.nanoTime();
        Optional<byte[]> found = call("get", timeout, () -> tier.get(key), Optional.empty());
        getTime.add(System.nanoTime() - start);
        return found == null ? Optional.empty() : found;
    }

    /** Whether the tier keeps entries as decoded values: the cache then reads and stores it only through those. */
    boolean keepsDecoded() {
        return tier instanceof DecodedValueTier;
    }

    /** For a tier that {@linkplain #keepsDecoded() keeps decoded values}. */
    Optional<DecodedValueTier.Decoded> getDecoded(CacheKey key) {
        long start = System.nanoTime();
        Optional<DecodedValueTier.Decoded> found = call("get", timeout, () -> ((DecodedValueTier) tier)
                .getDecoded(key), Optional.empty());
        getTime.add(System.nanoTime() - start);
        return found == null ? Optional.empty() : found;
    }

    /**
     * Whether a value that takes this long to compute is worth keeping here: it is unless fetching it back (the tier's
     * mean get) takes as long as computing it again.
     */
    boolean worthKeeping(long computeNanos) {
        return computeNanos > getTime.nanos();
    }

    /**
     * Whether to ask the tier for a value that takes this long to compute: when it is {@linkplain #worthKeeping worth
     * keeping} here, and one time in {@value #ASK_ANYWAY_EVERY} all the same, so that the mean get follows the tier
     * when it gets faster again.
     */
    boolean worthAsking(long computeNanos) {
        return worthKeeping(computeNanos) || skippedGets.incrementAndGet() % ASK_ANYWAY_EVERY == 0;
    }

    /**
     * Stores the entry now or through the write-behind queue, as the level is configured, unless an invalidation
     * matching the key begins after the mark before the write is made.
     */
    void store(CacheKey key, byte[] entry, Duration timeToLive, long mark) {
        WriteBehind behind = writeBehind;
        if (behind == null) {
            invalidations.storeUnlessInvalidated(mark, key, () -> put(key, entry, timeToLive));
        } else {
            behind.submit(new WriteBehind.Write(key, entry, timeToLive, mark));
        }
    }

    /**
     * As {@link #store}, for a tier that {@linkplain #keepsDecoded() keeps decoded values}: always written through, as
     * a memory tier's put costs less than queueing it would.
     */
    void storeDecoded(DecodedValueTier.Decoded entry, Duration timeToLive, long mark) {
        invalidations.storeUnlessInvalidated(mark, entry.key(), () -> call("put", timeout, () -> {
            ((DecodedValueTier) tier).putDecoded(entry, timeToLive);
            return Boolean.TRUE;
        }, Boolean.FALSE));
    }

    /**
     * Stores a batch of the write-behind queue: in one call when the tier takes batches, else one by one. A batch may
     * take the level's time limit for every {@value #ENTRIES_PER_TIME_LIMIT} entries: the limit guards against a
     * backend that hangs, and a batch writes many entries for one commit.
     */
    private void storeBatch(List<WriteBehind.Write> writes) {
        invalidations.storeUnlessInvalidated(writes, kept -> {
            if (kept.size() > 1 && tier instanceof BatchingTier batching) {
                List<BatchingTier.Entry> entries = kept.stream()
                        .map(write -> new BatchingTier.Entry(write.key(), write.entry(), write.timeToLive())).toList();
                Duration limit = timeout.multipliedBy(Math.max(1, (entries.size() + ENTRIES_PER_TIME_LIMIT - 1)
                        / ENTRIES_PER_TIME_LIMIT));
                call("put of " + entries.size() + " entries", limit, () -> {
                    batching.putAll(entries);
                    return Boolean.TRUE;
                }, Boolean.FALSE);
            } else {
                kept.forEach(write -> put(write.key(), write.entry(), write.timeToLive()));
            }
        });
    }

    private void put(CacheKey key, byte[] entry, Duration timeToLive) {
        call("put", timeout, () -> {
            tier.put(key, entry, timeToLive);
            return Boolean.TRUE;
        }, Boolean.FALSE);
    }

    void remove(CacheKey key) {
        call("remove", timeout, () -> {
            tier.remove(key);
            return Boolean.TRUE;
        }, Boolean.FALSE);
    }

    /** Removes the pattern's entries now, or remembers them for when the tier is back; -1 when it cannot count. */
    long invalidate(KeyPattern pattern) {
        while (true) {
            Long removed = call("invalidate " + pattern, invalidationTimeout, () -> tier.invalidate(pattern.toString()),
                    null);
            if (removed != null) {
                return removed;
            }
            if (retired) {
                return -1;
            }
            synchronized (pending) {
                if (!outage.down() && Thread.currentThread().isInterrupted()) {
                    // Whether the entries are gone is unknown: the tier must not serve before they are.
                    outage.failed(Outage.Admission.USE, "was interrupted removing " + pattern);
                }
                if (outage.down()) {
                    remember(pattern);
                    return -1;
                }
            }
            // The tier came back between the call and now, before the pattern was remembered: ask it again.
        }
    }

    /**
     * The tier's counters, available unless the tier is bypassed: the same state {@link #problem()} reports to health.
     * A tier answers from counters it keeps in memory; one that does not answer within the level's time limit gives
     * the counters it gave last, and that neither starts nor ends an outage.
     */
    TierStats stats() {
        try {
            TierStats reported = calls.call(tier::stats, timeout);
            if (reported != null) {
                lastStats = reported;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            LOG.debug("Cache tier {} gave no statistics: {}", this, e instanceof TimeoutException
                    ? e.getMessage() : CallFailure.describe(e));
        }
        TierStats counters = lastStats;
        return new TierStats(name, counters.hits(), counters.misses(), counters.evictions(), counters.entries(),
                counters.bytes(), counters.meanLatencyMicros(), !outage.down());
    }

    /** While the tier is bypassed, why, for an operator. */
    Optional<String> problem() {
        return outage.problem();
    }

    /** Writes queued for a write-behind tier, and writes dropped since it was registered. */
    Optional<String> writeBehindState() {
        WriteBehind behind = writeBehind;
        return behind == null ? Optional.empty()
                : Optional.of(behind.queued() + " queued, " + behind.dropped() + " dropped");
    }

    /** The tier was unregistered: its queued writes are dropped and its failures from now on are expected. */
    void retire() {
        retired = true;
        close(Duration.ZERO);
    }

    /** Makes the queued writes within the grace period. */
    void close(Duration grace) {
        WriteBehind behind = writeBehind;
        if (behind != null) {
            behind.close(grace);
        }
    }

    @Override
    public String toString() {
        return "L" + level + " '" + name + "'";
    }

    private <T> T call(String operation, Duration limit, Callable<T> call, T otherwise) {
        Outage.Admission admission = outage.admit();
        if (admission == Outage.Admission.BYPASS
                || admission == Outage.Admission.PROBE && !replayInvalidations()) {
            return otherwise;
        }
        try {
            T result = calls.call(call, limit);
            return admission != Outage.Admission.PROBE || recovered() ? result : otherwise;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outage.abandoned(admission);
            return otherwise;
        } catch (Exception | LinkageError e) {
            failed(admission, operation, e);
            return otherwise;
        }
    }

    /** Removes, first of all when a probe finds the tier back, the entries of patterns invalidated while it was down. */
    private boolean replayInvalidations() {
        List<KeyPattern> replay;
        synchronized (pending) {
            replay = List.copyOf(pending);
        }
        for (KeyPattern pattern : replay) {
            try {
                calls.call(() -> tier.invalidate(pattern.toString()), invalidationTimeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outage.abandoned(Outage.Admission.PROBE);
                return false;
            } catch (Exception | LinkageError e) {
                failed(Outage.Admission.PROBE, "invalidate " + pattern, e);
                return false;
            }
            synchronized (pending) {
                pending.remove(pattern);
            }
        }
        return true;
    }

    /** Ends the outage after a successful probe, unless a pattern was remembered meanwhile: the next probe removes it. */
    private boolean recovered() {
        synchronized (pending) {
            if (pending.isEmpty()) {
                outage.recovered();
                return true;
            }
            outage.abandoned(Outage.Admission.PROBE);
            return false;
        }
    }

    private void remember(KeyPattern pattern) {
        if (pending.size() >= MAX_PENDING_INVALIDATIONS) {
            LOG.warn("Cache tier {} missed {} invalidations while down; all its entries are removed when it is back",
                    this, pending.size());
            pending.clear();
            pending.add(EVERYTHING);
        }
        pending.add(pattern);
    }

    private void failed(Outage.Admission admission, String operation, Throwable failure) {
        String what = "failed on " + operation + ": " + (failure instanceof TimeoutException ? failure.getMessage()
                : CallFailure.describe(failure));
        if (retired) {
            LOG.debug("Cache tier {} (unregistered) {}", this, what);
            outage.abandoned(admission);
        } else {
            outage.failed(admission, what);
        }
    }
}
