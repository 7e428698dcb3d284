package org.arxos.cache.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

import org.arxos.api.cache.CacheKey;

/**
 * The cache's configuration, checked once: every problem is reported with the PID and the setting's name.
 *
 * @param defaultTtl          time to live when neither the call nor the operation names one
 * @param operationTtls       time to live by operation
 * @param pins                the {@code arxos.impl} name of the tier that serves a level, by level
 * @param writeModes          how a level is written, by level; {@link WriteMode#THROUGH} when absent
 * @param writeBehindQueue    writes waiting for one write-behind tier at most
 * @param writeBehindBatch    writes given to a write-behind tier at once at most
 * @param writeBehindLinger   how long a write-behind tier's writer waits for a batch to fill
 * @param tierTimeouts        the time limit of one tier call, by level; zero calls on the request's thread
 * @param invalidationTimeout the time limit of one tier's removal of a pattern
 * @param compressionThreshold values whose encoded form is larger are compressed
 * @param maxValueSize        values whose encoded form is larger are not stored
 * @param backoffMin          how long a failed tier is bypassed at first
 * @param backoffMax          how long a failed tier is bypassed at most
 * @param admissionByCost     whether a level below the first stores and is asked for an operation's values only when
 *                            computing them takes longer than that level's mean get
 */
record CacheSettings(Duration defaultTtl, Map<String, Duration> operationTtls, Map<Integer, String> pins,
        Map<Integer, WriteMode> writeModes, int writeBehindQueue, int writeBehindBatch, Duration writeBehindLinger,
        Map<Integer, Duration> tierTimeouts, Duration invalidationTimeout, int compressionThreshold, int maxValueSize,
        Duration backoffMin, Duration backoffMax, boolean admissionByCost) {

    enum WriteMode {
        THROUGH, BEHIND
    }

    static final Duration UNLISTED_TIER_TIMEOUT = Duration.ofSeconds(1);

    CacheSettings {
        operationTtls = Map.copyOf(operationTtls);
        pins = Map.copyOf(pins);
        writeModes = Map.copyOf(writeModes);
        tierTimeouts = Map.copyOf(tierTimeouts);
        positive("default.ttl", defaultTtl);
        operationTtls.forEach((operation, ttl) -> positive("operation.ttls entry " + operation, ttl));
        tierTimeouts.forEach((level, timeout) -> notNegative("tier.timeouts entry " + level, timeout));
        positive("invalidation.timeout", invalidationTimeout);
        positive("outage.backoff.min", backoffMin);
        positive("outage.backoff.max", backoffMax);
        if (backoffMax.compareTo(backoffMin) < 0) {
            throw problem("outage.backoff.max (" + backoffMax + ") must not be shorter than outage.backoff.min ("
                    + backoffMin + ")");
        }
        atLeast("write.behind.queue", writeBehindQueue, 1);
        atLeast("write.behind.batch", writeBehindBatch, 1);
        notNegative("write.behind.linger", writeBehindLinger);
        atLeast("compression.threshold", compressionThreshold, 0);
        atLeast("max.value.size", maxValueSize, 1);
    }

    static CacheSettings of(CacheConfiguration c) {
        return new CacheSettings(duration("default.ttl", c.default_ttl()),
                entries("operation.ttls", "render.tile=PT24H", c.operation_ttls(), (name, operation) -> operation,
                        CacheSettings::duration),
                entries("tiers", "1=caffeine", c.tiers(), CacheSettings::level, (name, tier) -> tier),
                entries("write.modes", "4=behind", c.write_modes(), CacheSettings::level, CacheSettings::writeMode),
                c.write_behind_queue(), c.write_behind_batch(),
                duration("write.behind.linger", c.write_behind_linger()),
                entries("tier.timeouts", "2=PT0.25S", c.tier_timeouts(), CacheSettings::level,
                        CacheSettings::duration),
                duration("invalidation.timeout", c.invalidation_timeout()), c.compression_threshold(),
                c.max_value_size(), duration("outage.backoff.min", c.outage_backoff_min()),
                duration("outage.backoff.max", c.outage_backoff_max()), c.admission_by_cost());
    }

    /** The time to live of entries of the key's operation. */
    Duration ttlFor(CacheKey key) {
        return operationTtls.getOrDefault(key.operation(), defaultTtl);
    }

    WriteMode writeModeAt(int level) {
        return writeModes.getOrDefault(level, WriteMode.THROUGH);
    }

    Duration timeoutAt(int level) {
        return tierTimeouts.getOrDefault(level, UNLISTED_TIER_TIMEOUT);
    }

    private static <K, V> Map<K, V> entries(String setting, String example, String[] entries,
            BiFunction<String, String, K> key, BiFunction<String, String, V> value) {
        Map<K, V> parsed = new TreeMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            int equals = entry.lastIndexOf('=');
            if (equals <= 0 || equals == entry.length() - 1) {
                throw problem(setting + " entry '" + entry + "' must be key=value, e.g. " + example);
            }
            String name = setting + " entry '" + entry + "'";
            K k = key.apply(name, entry.substring(0, equals).trim());
            if (parsed.put(k, value.apply(name, entry.substring(equals + 1).trim())) != null) {
                throw problem(setting + " names " + k + " twice");
            }
        }
        return parsed;
    }

    private static Integer level(String setting, String text) {
        try {
            int level = Integer.parseInt(text);
            if (level >= 1) {
                return level;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw problem(setting + ": a level is a whole number from 1, was '" + text + "'");
    }

    private static WriteMode writeMode(String setting, String text) {
        for (WriteMode mode : WriteMode.values()) {
            if (mode.name().equalsIgnoreCase(text)) {
                return mode;
            }
        }
        throw problem(setting + ": the write mode is through or behind, was '" + text + "'");
    }

    private static Duration duration(String setting, String text) {
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw problem(setting + " must be an ISO-8601 duration such as PT1H or PT0.5S, was '" + text + "'");
        }
    }

    private static void positive(String setting, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw problem(setting + " must be longer than zero, was " + value);
        }
    }

    private static void notNegative(String setting, Duration value) {
        if (value.isNegative()) {
            throw problem(setting + " must not be negative, was " + value);
        }
    }

    private static void atLeast(String setting, int value, int least) {
        if (value < least) {
            throw problem(setting + " must be at least " + least + ", was " + value);
        }
    }

    private static IllegalArgumentException problem(String message) {
        return new IllegalArgumentException(CacheConfiguration.PID + ": " + message);
    }
}
