package org.arxos.cache.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.arxos.api.cache.CacheTier;
import org.arxos.api.selection.Capability;
import org.osgi.framework.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered tiers and, for each level, the one that serves it: the pinned one while it is registered, else the
 * highest ranked (then the lowest service id). A request takes the {@linkplain #serving() serving tiers} once and keeps
 * them to its end, so a tier that arrives or leaves changes only the requests that start after.
 */
final class TierLineup {

    /** Wraps a tier arriving at a level. */
    @FunctionalInterface
    interface Guard {
        GuardedTier guard(CacheTier tier, int level, String name);
    }

    private record Registered(GuardedTier tier, int ranking, long serviceId) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(TierLineup.class);
    private static final Comparator<Registered> PREFERRED = Comparator.comparingInt(Registered::ranking).reversed()
            .thenComparingLong(Registered::serviceId);

    private final Guard guard;
    private Map<Integer, String> pins;
    private final Map<CacheTier, Registered> registered = new IdentityHashMap<>();
    private volatile List<GuardedTier> serving = List.of();

    TierLineup(Map<Integer, String> pins, Guard guard) {
        this.pins = Map.copyOf(pins);
        this.guard = guard;
    }

    /**
     * Applies new pins and settings in place: the tiers stay registered, requests that started keep the tiers they
     * took, the next ones get the newly chosen tiers.
     */
    synchronized void reconfigure(Map<Integer, String> newPins, CacheSettings settings, Duration grace) {
        pins = Map.copyOf(newPins);
        registered.values().forEach(r -> r.tier().reconfigure(settings, grace));
        rechoose();
    }

    /** The tier serving each level, fastest first. */
    List<GuardedTier> serving() {
        return serving;
    }

    /** Every registered tier, serving or not. */
    synchronized List<GuardedTier> all() {
        return registered.values().stream().map(Registered::tier).toList();
    }

    synchronized void add(CacheTier tier, Map<String, Object> properties) {
        Optional<Integer> level = levelOf(properties);
        String name = nameOf(properties);
        if (level.isEmpty()) {
            LOG.warn("Cache tier '{}' is not used: its {} property is {}, not a level from 1", name, CacheTier.LEVEL,
                    properties.get(CacheTier.LEVEL));
            return;
        }
        registered.put(tier, new Registered(guard.guard(tier, level.get(), name), rankingOf(properties),
                serviceIdOf(properties)));
        rechoose();
    }

    /** A tier's properties changed: a new ranking may change the choice, a new level or name makes it a new tier. */
    synchronized void update(CacheTier tier, Map<String, Object> properties) {
        Registered known = registered.get(tier);
        if (known != null && levelOf(properties).equals(Optional.of(known.tier().level()))
                && known.tier().name().equals(nameOf(properties))) {
            registered.put(tier, new Registered(known.tier(), rankingOf(properties), known.serviceId()));
            rechoose();
        } else {
            remove(tier);
            add(tier, properties);
        }
    }

    synchronized void remove(CacheTier tier) {
        Registered gone = registered.remove(tier);
        if (gone != null) {
            rechoose();
            gone.tier().retire();
        }
    }

    /** Makes the tiers' queued writes within the grace period; the lineup is empty afterwards. */
    synchronized void close(Duration grace) {
        serving = List.of();
        registered.values().forEach(r -> r.tier().close(grace));
        registered.clear();
    }

    private void rechoose() {
        Map<Integer, List<Registered>> byLevel = new TreeMap<>();
        registered.values().forEach(r -> byLevel.computeIfAbsent(r.tier().level(), l -> new ArrayList<>()).add(r));
        List<GuardedTier> chosen = new ArrayList<>();
        byLevel.forEach((level, candidates) -> {
            String pin = pins.get(level);
            chosen.add(candidates.stream()
                    .min(Comparator.comparing((Registered r) -> !r.tier().name().equals(pin)).thenComparing(PREFERRED))
                    .orElseThrow().tier());
        });
        serving = List.copyOf(chosen);
    }

    private static Optional<Integer> levelOf(Map<String, Object> properties) {
        Object level = properties.get(CacheTier.LEVEL);
        try {
            int value = level instanceof Number number ? number.intValue() : Integer.parseInt(String.valueOf(level).trim());
            return value >= 1 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String nameOf(Map<String, Object> properties) {
        Object name = properties.get(Capability.IMPL);
        return name != null ? name.toString() : "service " + serviceIdOf(properties);
    }

    private static int rankingOf(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0;
    }

    private static long serviceIdOf(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_ID) instanceof Long id ? id : 0;
    }
}
