package org.arxos.cache.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.CacheTier;
import org.arxos.api.cache.TierStats;
import org.arxos.api.selection.CallFailure;
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
    private static final KeyPattern EVERYTHING = KeyPattern.of("*");

    private final CacheTier tier;
    private final int level;
    private final String name;
    private final Duration timeout;
    private final Duration invalidationTimeout;
    private final TierCalls calls;
    private final InvalidationLog invalidations;
    private final Outage outage;
    private final WriteBehind writeBehind;
    private final List<KeyPattern> pending = new ArrayList<>();
    private volatile TierStats lastStats;
    private volatile boolean retired;

    GuardedTier(CacheTier tier, int level, String name, CacheSettings settings, TierCalls calls,
            InvalidationLog invalidations, Clock clock) {
        this.tier = tier;
        this.level = level;
        this.name = name;
        this.timeout = settings.timeoutAt(level);
        this.invalidationTimeout = settings.invalidationTimeout();
        this.calls = calls;
        this.invalidations = invalidations;
        this.outage = new Outage(toString(), clock, settings.backoffMin(), settings.backoffMax());
        this.writeBehind = settings.writeModeAt(level) == CacheSettings.WriteMode.BEHIND
                ? new WriteBehind("L" + level + "-" + name, settings.writeBehindQueue()) : null;
        this.lastStats = new TierStats(name, 0, 0, 0, 0, 0, 0, true);
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
        Optional<byte[]> found = call("get", timeout, () -> tier.get(key), Optional.empty());
        return found == null ? Optional.empty() : found;
    }

    /**
     * Stores the entry now or through the write-behind queue, as the level is configured, unless an invalidation
     * matching the key begins after the mark before the write is made.
     */
    void store(CacheKey key, byte[] entry, Duration timeToLive, long mark) {
        Runnable write = () -> invalidations.storeUnlessInvalidated(mark, key,
                () -> call("put", timeout, () -> {
                    tier.put(key, entry, timeToLive);
                    return Boolean.TRUE;
                }, Boolean.FALSE));
        if (writeBehind == null) {
            write.run();
        } else {
            writeBehind.submit(write);
        }
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
        return writeBehind == null ? Optional.empty()
                : Optional.of(writeBehind.queued() + " queued, " + writeBehind.dropped() + " dropped");
    }

    /** The tier was unregistered: its queued writes are dropped and its failures from now on are expected. */
    void retire() {
        retired = true;
        close(Duration.ZERO);
    }

    /** Makes the queued writes within the grace period. */
    void close(Duration grace) {
        if (writeBehind != null) {
            writeBehind.close(grace);
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
