package org.arxos.cache.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
import org.arxos.cache.DecodedValueTier;
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
    /** How long each operation takes to compute, over its latest computations. */
    private final Map<String, MovingMean> computeTimes = new ConcurrentHashMap<>();

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

    @Override
    public <V> Optional<V> find(CacheKey key, ValueCodec<V> codec) {
        required("key", key);
        required("codec", codec);
        Optional<V> found = readThrough(tiers.serving(), key, codec, invalidations.mark());
        if (found.isPresent()) {
            requests.increment();
            hits.increment();
        }
        return found;
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

    /**
     * What a tier had for a key.
     *
     * @param entry     the entry's bytes, or null when the tier keeps decoded values (made only when a slower kind of
     *                  tier is to have them)
     * @param valueSize the value's encoded size, uncompressed
     * @param decoded   what a decoded-value tier kept, or null
     */
    private record Found<V>(V value, long expiresAt, byte[] entry, int valueSize, DecodedValueTier.Decoded decoded) {

        byte[] bytes() {
            return entry != null ? entry : bytesOf(decoded);
        }
    }

    private <V> Optional<V> readThrough(List<GuardedTier> lineup, CacheKey key, ValueCodec<V> codec, long mark) {
        long cost = settings.admissionByCost() ? computeTime(key) : 0;
        for (int i = 0; i < lineup.size(); i++) {
            GuardedTier tier = lineup.get(i);
            if (i > 0 && cost > 0 && !tier.worthAsking(cost)) {
                // the operation's values are not stored there: asking would only add the tier's latency to a miss
                continue;
            }
            Optional<Found<V>> found;
            try {
                found = tier.keepsDecoded() ? decodedIn(tier, key, codec) : tier.get(key).flatMap(
                        entry -> decode(tier, key, codec, entry));
            } catch (CorruptEntryException e) {
                LOG.warn("Cache tier {} returned an unreadable entry for {}; it is removed and counts as a miss: {}",
                        tier, key, e.getMessage());
                tier.remove(key);
                continue;
            }
            if (found.isPresent()) {
                promote(lineup.subList(0, i), key, codec, found.get(), mark);
                return Optional.of(found.get().value());
            }
        }
        return Optional.empty();
    }

    /**
     * The value a decoded-value tier keeps, as it is: its codec made it (or one of the same class, as the cached
     * operation of a key always has), so decoding its bytes again would give an equal value.
     */
    @SuppressWarnings("unchecked")
    private <V> Optional<Found<V>> decodedIn(GuardedTier tier, CacheKey key, ValueCodec<V> codec) {
        Optional<DecodedValueTier.Decoded> kept = tier.getDecoded(key);
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        DecodedValueTier.Decoded decoded = kept.get();
        if (!decoded.key().equals(key)) {
            throw new CorruptEntryException("it is the entry of " + decoded.key());
        }
        if (clock.millis() >= decoded.expiresAt()) {
            tier.remove(key);
            return Optional.empty();
        }
        if (decoded.codec() == codec || decoded.codec().getClass() == codec.getClass()) {
            return Optional.of(new Found<>((V) decoded.value(), decoded.expiresAt(), null, decoded.size(), decoded));
        }
        return decode(tier, key, codec, bytesOf(decoded));
    }

    /** The bytes of a decoded entry, made again from its value. */
    private static byte[] bytesOf(DecodedValueTier.Decoded decoded) {
        try {
            return decoded.entry().get();
        } catch (RuntimeException e) {
            throw new CorruptEntryException("its bytes cannot be made from its value (" + CallFailure.describe(e) + ")",
                    e);
        }
    }

    /** The value of an entry's bytes; empty when it expired (it is then removed from the tier). */
    private <V> Optional<Found<V>> decode(GuardedTier tier, CacheKey key, ValueCodec<V> codec, byte[] entry) {
        Envelope envelope = Envelope.of(entry);
        if (!envelope.key().equals(key.toString())) {
            throw new CorruptEntryException("it is the entry of " + envelope.key());
        }
        if (envelope.expiredAt(clock.millis())) {
            tier.remove(key);
            return Optional.empty();
        }
        Optional<byte[]> payload = envelope.compressed()
                ? compression.decompress(envelope.compressor(), envelope.payload())
                : Optional.of(envelope.payload());
        return payload.map(bytes -> new Found<>(decode(codec, bytes), envelope.expiresAt(), entry, bytes.length, null));
    }

    /** Copies an entry found in a slower tier into the faster ones, with the time it has left. */
    private <V> void promote(List<GuardedTier> faster, CacheKey key, ValueCodec<V> codec, Found<V> found, long mark) {
        Duration left = Duration.ofMillis(found.expiresAt() - clock.millis());
        if (faster.isEmpty() || left.isNegative() || left.isZero()) {
            return;
        }
        byte[] entry;
        try {
            entry = faster.stream().allMatch(GuardedTier::keepsDecoded) ? null : found.bytes();
        } catch (CorruptEntryException e) {
            LOG.warn("An entry of {} found in a slower tier is not copied into the faster ones: {}", key,
                    e.getMessage());
            return;
        }
        for (GuardedTier tier : faster) {
            if (tier.keepsDecoded()) {
                tier.storeDecoded(found.decoded() != null ? found.decoded()
                        : decoded(key, codec, found.value(), found.expiresAt(), found.valueSize()), left, mark);
            } else {
                tier.store(key, entry, left, mark);
            }
        }
    }

    private <V> Resolved<V> computeAndStore(List<GuardedTier> lineup, CacheKey key, ValueCodec<V> codec,
            Duration timeToLive, Supplier<V> compute, long mark) {
        long start = System.nanoTime();
        V value = compute.get();
        MovingMean computeTime = computeTimes.computeIfAbsent(key.operation(), operation -> new MovingMean());
        computeTime.add(System.nanoTime() - start);
        computations.increment();
        if (value != null && !lineup.isEmpty()) {
            boolean byCost = settings.admissionByCost();
            List<GuardedTier> storing = new ArrayList<>(lineup.size());
            for (int i = 0; i < lineup.size(); i++) {
                if (i == 0 || !byCost || lineup.get(i).worthKeeping(computeTime.nanos())) {
                    storing.add(lineup.get(i));
                }
            }
            long expiresAt = expiryAfter(timeToLive);
            payloadOf(key, codec, value).ifPresent(payload -> {
                // compressed and enveloped only for tiers that keep bytes
                byte[] entry = storing.stream().allMatch(GuardedTier::keepsDecoded) ? null
                        : entryOf(key, payload, expiresAt);
                for (GuardedTier tier : storing) {
                    if (tier.keepsDecoded()) {
                        tier.storeDecoded(decoded(key, codec, value, expiresAt, payload.length), timeToLive, mark);
                    } else {
                        tier.store(key, entry, timeToLive, mark);
                    }
                }
            });
        }
        return new Resolved<>(value, true);
    }

    /** How long the key's operation takes to compute, over its latest computations here; 0 when not known yet. */
    private long computeTime(CacheKey key) {
        MovingMean time = computeTimes.get(key.operation());
        return time == null ? 0 : time.nanos();
    }

    /**
     * A value as a decoded-value tier keeps it, weighed by its encoded size uncompressed (about what it takes on the
     * heap); its entry is made again only when a tier's bytes are asked for.
     */
    private <V> DecodedValueTier.Decoded decoded(CacheKey key, ValueCodec<V> codec, V value, long expiresAt,
            int valueSize) {
        return new DecodedValueTier.Decoded(key, value, codec, expiresAt, valueSize, () -> payloadOf(key, codec, value)
                .map(payload -> entryOf(key, payload, expiresAt)).orElseThrow(() -> new IllegalStateException(
                        "the value of " + key + " was stored but cannot be encoded again")));
    }

    /** The value as its codec encodes it, or empty when it cannot or should not be stored. */
    private <V> Optional<byte[]> payloadOf(CacheKey key, ValueCodec<V> codec, V value) {
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
        return Optional.of(payload);
    }

    /** The entry a tier keeps as bytes: the envelope of the payload, compressed when it is large. */
    private byte[] entryOf(CacheKey key, byte[] payload, long expiresAt) {
        return compression.compress(payload)
                .map(c -> new Envelope(key.toString(), expiresAt, c.compressor(), c.bytes()))
                .orElseGet(() -> new Envelope(key.toString(), expiresAt, null, payload))
                .toBytes();
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
