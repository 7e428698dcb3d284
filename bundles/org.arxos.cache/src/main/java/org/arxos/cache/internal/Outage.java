package org.arxos.cache.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether one tier is bypassed. The first failure starts an outage (one warning); while it lasts the tier is left
 * alone, except for one call (the probe) each time the backoff has passed. A failed probe doubles the backoff up to
 * its maximum; a successful one ends the outage.
 */
final class Outage {

    enum Admission {
        /** The tier is up. */
        USE,
        /** The tier is down and this call is the one that tries it again. */
        PROBE,
        /** The tier is down: leave it alone. */
        BYPASS
    }

    private static final Logger LOG = LoggerFactory.getLogger(Outage.class);

    private final String tier;
    private final Clock clock;
    private volatile Duration backoffMin;
    private volatile Duration backoffMax;
    private volatile boolean down;
    private Instant since;
    private Instant retryAt;
    private Duration backoff;
    private boolean probing;
    private long failures;
    private String lastFailure;

    Outage(String tier, Clock clock, Duration backoffMin, Duration backoffMax) {
        this.tier = tier;
        this.clock = clock;
        this.backoffMin = backoffMin;
        this.backoffMax = backoffMax;
    }

    /** Waits of outages from now on; a running one goes on with its current wait. */
    void backoff(Duration min, Duration max) {
        backoffMin = min;
        backoffMax = max;
    }

    Admission admit() {
        if (!down) {
            return Admission.USE;
        }
        synchronized (this) {
            if (!down) {
                return Admission.USE;
            }
            if (probing || clock.instant().isBefore(retryAt)) {
                return Admission.BYPASS;
            }
            probing = true;
            return Admission.PROBE;
        }
    }

    /** The probe succeeded: the outage ends. */
    void recovered() {
        synchronized (this) {
            down = false;
            probing = false;
            LOG.info("Cache tier {} is back after {} s ({}); it serves again", tier,
                    Duration.between(since, clock.instant()).toSeconds(), failedCalls());
        }
    }

    /** A call admitted as given did not tell whether the tier is up; a probe is then made again by the next call. */
    void abandoned(Admission admission) {
        if (admission == Admission.PROBE) {
            synchronized (this) {
                probing = false;
            }
        }
    }

    void failed(Admission admission, String failure) {
        synchronized (this) {
            Instant now = clock.instant();
            lastFailure = failure;
            if (!down) {
                down = true;
                since = now;
                failures = 1;
                backoff = backoffMin;
                retryAt = now.plus(backoff);
                LOG.warn("Cache tier {} {}; it is bypassed (requests are served by the other tiers or computed) and "
                        + "tried again after {} ms, then with a growing wait up to {} ms", tier, failure,
                        backoff.toMillis(), backoffMax.toMillis());
                return;
            }
            failures++;
            if (admission == Admission.PROBE) {
                probing = false;
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(backoffMax) > 0 ? backoffMax : doubled;
                retryAt = now.plus(backoff);
            }
        }
    }

    boolean down() {
        return down;
    }

    /** While bypassed, a sentence for an operator: since when, why, and when the tier is tried next. */
    synchronized Optional<String> problem() {
        if (!down) {
            return Optional.empty();
        }
        return Optional.of(tier + " is bypassed since " + since + " (" + failedCalls() + ", the last " + lastFailure
                + "); next try at " + retryAt);
    }

    private String failedCalls() {
        return failures == 1 ? "1 failed call" : failures + " failed calls";
    }
}
