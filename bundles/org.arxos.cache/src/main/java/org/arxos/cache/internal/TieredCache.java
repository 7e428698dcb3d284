package org.arxos.cache.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.arxos.api.cache.Cache;
import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.CacheStats;
import org.arxos.api.cache.CacheTier;
import org.arxos.api.cache.ValueCodec;
import org.arxos.api.health.Health;
import org.arxos.api.health.HealthContributor;
import org.arxos.api.selection.CallFailure;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.cache.KeyPattern;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache over the registered tiers, fastest level first. A request reads the levels in order and copies what it
 * finds into the faster ones; on a miss it computes (once for all concurrent callers of the key) and stores into
 * every level. Entries carry their absolute expiry, so time to live holds across promotion whatever a tier keeps.
 * A failing tier is bypassed, an unreadable entry is a miss: only the computation itself can fail a request.
 */
@Component(service = {Cache.class, HealthContributor.class}, configurationPid = CacheConfiguration.PID,
        property = {"arxos.impl=tiered", "service.ranking:Integer=0", HealthContributor.NAME + "=cache"})
@Designate(ocd = CacheConfiguration.class)
public final class TieredCache implements Cache, HealthContributor {

    /** How long deactivation waits for write-behind queues to be written. */
    private static final Duration FLUSH_GRACE = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(TieredCache.class);

    /**
     * @param value    the value
     * @param computed whether it was computed rather than read from a tier
     */
    private record Resolved<V>(V value, boolean computed) {
    }

    private volatile CacheSettings settings;
    private final Clock clock;
    private final TierCalls calls = new TierCalls();
    private final InvalidationLog invalidations = new InvalidationLog();
    private final SingleFlight flights = new SingleFlight();
    private final TierLineup tiers;
    private final Compression compression;
    private final LongAdder requests = new LongAdder();
    private final LongAdder hits = new LongAdder();
    private final LongAdder computations = new LongAdder();

    @Activate
    public TieredCache(CacheConfiguration configuration) {
        this(CacheSettings.of(configuration), Clock.systemUTC());
    }

    TieredCache(CacheSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.tiers = new TierLineup(settings.pins(),
                (tier, level, name) -> new GuardedTier(tier, level, name, this.settings, calls, invalidations, clock));
        this.compression = new Compression(settings.compressionThreshold(), settings.maxValueSize());
    }

    /**
     * Applies a changed configuration in place, so the Cache service stays registered and answers throughout; an
     * invalid one is reported and the settings in force stay.
     */
    @Modified
    void modified(CacheConfiguration configuration) {
        CacheSettings next;
        try {
            next = CacheSettings.of(configuration);
        } catch (IllegalArgumentException e) {
            LOG.error("The cache configuration was not applied, the previous one stays in force: {}",
                    e.getMessage());
            return;
        }
        reconfigure(next);
    }

    void reconfigure(CacheSettings next) {
        compression.limits(next.compressionThreshold(), next.maxValueSize());
        settings = next;
        tiers.reconfigure(next.pins(), next, FLUSH_GRACE);
        LOG.info("The cache applied its changed configuration in place");
    }

    @Deactivate
    public void deactivate() {
        tiers.close(FLUSH_GRACE);
        calls.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "updatedTier")
    public void bindTier(CacheTier tier, Map<String, Object> properties) {
        tiers.add(tier, properties);
    }

    void updatedTier(CacheTier tier, Map<String, Object> properties) {
        tiers.update(tier, properties);
    }

    void unbindTier(CacheTier tier) {
        tiers.remove(tier);
    }

    /**
     * Bound without getting the service, which the first compression does: the selector tracks every capability, this
     * cache among them, so activating the selector activates this cache, and getting the selector from here then
     * closes a cycle that SCR breaks with "Could not get service from ref ImplementationSelector".
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSelector(ComponentServiceObjects<ImplementationSelector> selector) {
        compression.selector(selector);
    }

    void unbindSelector(ComponentServiceObjects<ImplementationSelector> selector) {
        compression.selectorGone(selector);
    }

    @Override
    public <V> V get(CacheKey key, ValueCodec<V> codec, Supplier<V> compute) {
        return get(key, codec, settings.ttlFor(required("key", key)), compute);
    }

    @Override
    public <V> V get(CacheKey key, ValueCodec<V> codec, Duration timeToLive, Supplier<V> compute) {
        check(key, codec, timeToLive, compute);
        requests.increment();
        Resolved<V> resolved = resolve(key, codec, timeToLive, compute);
        if (!resolved.computed()) {
            hits.increment();
        }
        return resolved.value();
    }

    /** Resolves like a request, without counting as one. */
    @Override
    public <V> void warm(CacheKey key, ValueCodec<V> codec, Supplier<V> compute) {
        Duration timeToLive = settings.ttlFor(required("key", key));
        check(key, codec, timeToLive, compute);
        resolve(key, codec, timeToLive, compute);
    }

    /**
     * Removes the pattern's entries from every registered tier (a tier that is down does so before it serves again)
     * and keeps computations running for matching keys from storing their results.
     *
     * @return the most entries any one tier removed (an entry usually sits in several), 0 when no tier can count
     */
    @Override
    public long invalidate(String pattern) {
        KeyPattern keys = KeyPattern.of(pattern);
        long invalidation = invalidations.begin(keys);
        try {
            flights.forget(keys);
            long removed = 0;
            for (GuardedTier tier : tiers.all()) {
                removed = Math.max(removed, tier.invalidate(keys));
            }
            return removed;
        } finally {
            invalidations.end(invalidation);
        }
    }

    @Override
    public CacheStats stats() {
        return new CacheStats(requests.sum(), hits.sum(), computations.sum(),
                tiers.serving().stream().map(GuardedTier::stats).toList());
    }

    /** UP; DEGRADED while a tier is bypassed (naming it) or no tier is registered. Asks no tier anything. */
    @Override
    public Health check() {
        List<GuardedTier> serving = tiers.serving();
        List<String> problems = new ArrayList<>();
        if (serving.isEmpty()) {
            problems.add("no cache tier is registered: every request is computed");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requests", requests.sum());
        details.put("hits", hits.sum());
        details.put("computations", computations.sum());
        for (GuardedTier tier : tiers.all()) {
            Optional<String> problem = tier.problem();
            problem.ifPresent(problems::add);
            details.put("L" + tier.level() + "/" + tier.name(), (serving.contains(tier) ? "serving" : "standing by")
                    + (problem.isPresent() ? ", bypassed" : ", up")
                    + tier.writeBehindState().map(state -> ", write-behind " + state).orElse(""));
        }
        return problems.isEmpty() ? Health.up(details)
                : new Health(Health.Status.DEGRADED, String.join("; ", problems), details);
    }

    private <V> Resolved<V> resolve(CacheKey key, ValueCodec<V> codec, Duration timeToLive, Supplier<V> compute) {
        List<GuardedTier> lineup = tiers.serving();
        long mark = invalidations.mark();
        // A hit in the fastest tier needs no coordination. Below it, concurrent callers of a key share one read of
        // the slower tiers and one computation. The leader starts again from the fastest tier: a flight that ended
        // after the read above has stored the value there.
        Optional<V> cached = readThrough(lineup.subList(0, Math.min(1, lineup.size())), key, codec, mark);
        if (cached.isPresent()) {
            return new Resolved<>(cached.get(), false);
        }
        SingleFlight.Outcome<Resolved<V>> outcome = flights.run(key, () -> readThrough(lineup, key, codec, mark)
                .map(stored -> new Resolved<>(stored, false))
                .orElseGet(() -> computeAndStore(lineup, key, codec, timeToLive, compute, mark)));
        return outcome.shared() ? new Resolved<>(outcome.value().value(), false) : outcome.value();
    }

    private <V> Optional<V> readThrough(List<GuardedTier> lineup, CacheKey key, ValueCodec<V> codec, long mark) {
        for (int i = 0; i < lineup.size(); i++) {
            GuardedTier tier = lineup.get(i);
            Optional<byte[]> entry = tier.get(key);
            if (entry.isEmpty()) {
                continue;
            }
            try {
                Envelope envelope = Envelope.of(entry.get());
                if (!envelope.key().equals(key.toString())) {
                    throw new CorruptEntryException("it is the entry of " + envelope.key());
                }
                if (envelope.expiredAt(clock.millis())) {
                    tier.remove(key);
                    continue;
                }
                Optional<byte[]> payload = envelope.compressed()
                        ? compression.decompress(envelope.compressor(), envelope.payload())
                        : Optional.of(envelope.payload());
                if (payload.isPresent()) {
                    V value = decode(codec, payload.get());
                    promote(lineup.subList(0, i), key, entry.get(), envelope.expiresAt(), mark);
                    return Optional.of(value);
                }
            } catch (CorruptEntryException e) {
                LOG.warn("Cache tier {} returned an unreadable entry for {}; it is removed and counts as a miss: {}",
                        tier, key, e.getMessage());
                tier.remove(key);
            }
        }
        return Optional.empty();
    }

    /** Copies an entry found in a slower tier into the faster ones, with the time it has left. */
    private void promote(List<GuardedTier> faster, CacheKey key, byte[] entry, long expiresAt, long mark) {
        Duration left = Duration.ofMillis(expiresAt - clock.millis());
        if (!left.isNegative() && !left.isZero()) {
            faster.forEach(tier -> tier.store(key, entry, left, mark));
        }
    }

    private <V> Resolved<V> computeAndStore(List<GuardedTier> lineup, CacheKey key, ValueCodec<V> codec,
            Duration timeToLive, Supplier<V> compute, long mark) {
        V value = compute.get();
        computations.increment();
        if (value != null && !lineup.isEmpty()) {
            entryOf(key, codec, value, timeToLive)
                    .ifPresent(entry -> lineup.forEach(tier -> tier.store(key, entry, timeToLive, mark)));
        }
        return new Resolved<>(value, true);
    }

    /** The envelope of a computed value, or empty when the value cannot or should not be stored. */
    private <V> Optional<byte[]> entryOf(CacheKey key, ValueCodec<V> codec, V value, Duration timeToLive) {
        byte[] payload;
        try {
            payload = codec.encode(value);
        } catch (RuntimeException e) {
            LOG.warn("A value for {} is not cached: its codec cannot encode it ({})", key, CallFailure.describe(e));
            return Optional.empty();
        }
        if (payload.length > settings.maxValueSize()) {
            LOG.debug("A value for {} is not cached: {} bytes is more than max.value.size", key, payload.length);
            return Optional.empty();
        }
        long expiresAt = expiryAfter(timeToLive);
        Envelope envelope = compression.compress(payload)
                .map(c -> new Envelope(key.toString(), expiresAt, c.compressor(), c.bytes()))
                .orElseGet(() -> new Envelope(key.toString(), expiresAt, null, payload));
        return Optional.of(envelope.toBytes());
    }

    private long expiryAfter(Duration timeToLive) {
        try {
            return Math.addExact(clock.millis(), timeToLive.toMillis());
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static <V> V decode(ValueCodec<V> codec, byte[] payload) {
        try {
            return codec.decode(payload);
        } catch (RuntimeException e) {
            throw new CorruptEntryException("its codec cannot decode it (" + CallFailure.describe(e) + ")", e);
        }
    }

    private static void check(CacheKey key, ValueCodec<?> codec, Duration timeToLive, Supplier<?> compute) {
        required("key", key);
        required("codec", codec);
        required("computation", compute);
        if (required("time to live", timeToLive).isZero() || timeToLive.isNegative()) {
            throw new IllegalArgumentException("the time to live of a cache entry must be longer than zero, was "
                    + timeToLive);
        }
    }

    private static <T> T required(String what, T value) {
        if (value == null) {
            throw new IllegalArgumentException("a cache request needs a " + what + ", but it was missing");
        }
        return value;
    }
}
