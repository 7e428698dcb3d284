package org.arxos.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.arxos.api.cache.Cache;
import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.CacheStats;
import org.arxos.api.cache.CacheTier;
import org.arxos.api.cache.TierStats;
import org.arxos.api.render.TileAddress;
import org.arxos.cache.BatchingTier;
import org.arxos.core.internal.PrefetchSettings;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.model.Revision;

/**
 * The multi-tier cache on a seeded replay of realistic use of a generated building (default 189,000 items: about
 * 100,000 objects): viewers going to spaces and panning and zooming SVG tiles about them, opening hierarchy pages and
 * running the calculations of issue 7 through the job service (see {@link CacheReplayTrace}). The replay has two
 * periods of the same use: the first after the building's import, the second measured. In one run, the second period
 * is answered twice:
 * <ol>
 * <li><b>cold</b>, without a cache: every request computed (tiles drawn by the real renderer with the kept spatial
 * hierarchy, pages written from the kept hierarchies, calculations run by the job service on the local engine);
 * <li><b>warm</b>, through the real tiered cache with real tiers (Ehcache heap, the machine's Redis, Ehcache disk,
 * H2) and the codec compressor, which the warming after the import (zoom 0 to 2 tiles of every floor, the standard
 * calculations) and the first period have filled, as a running server's cache is.
 * </ol>
 * Every warm answer is checked against the cold one. Then: get latency per level as the cache saw it and through the
 * cache when a level answers, each tier's own get called directly, and the heap an entry of each memory tier retains.
 *
 * <pre>
 * CacheBenchmark [--items=189000] [--sessions=1000] [--seed=42] [--redis=127.0.0.1:6379] [--samples=2000]
 *                [--write-modes=4=behind]
 * </pre>
 * {@code --sessions} is per period; {@code --write-modes} is the cache's {@code write.modes} setting (its default: only
 * level 4 written behind), e.g. {@code 2=behind,3=behind,4=behind}.
 */
public final class CacheBenchmark {

    private static final double CUT_TARGET = 95;
    private static final double HIT_RATE_TARGET = 95;
    /** As core's warming after an import (org.arxos.warming maxZoom, formats): SVG tiles of zoom 0 to 2. */
    private static final int WARMED_ZOOM = 2;
    private static final int WARM_UP_REQUESTS = 300;
    private static final Duration WRITE_BEHIND_LIMIT = Duration.ofMinutes(3);
    private static final List<String> KINDS = List.of("tile", "page", "calculation");
    private static final int JDBC_WRITES = 4_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** What answering a trace one way cost, by kind of request and by the level that answered. */
    private static final class Run {

        final Map<String, Long> nanos = new LinkedHashMap<>();
        final Map<String, Long> bytes = new LinkedHashMap<>();
        final Map<String, Integer> counts = new LinkedHashMap<>();
        final Map<String, Integer> hits = new LinkedHashMap<>();
        final Map<Integer, List<Long>> byLevel = new LinkedHashMap<>();
        final long[] checksums;
        long total;
        /** CPU time of the replaying thread in its requests. */
        long foregroundCpu;
        /** CPU time of every other thread of the process meanwhile: background work, and the JVM's own (GC, JIT). */
        long backgroundCpu;

        Run(int requests) {
            checksums = new long[requests];
            KINDS.forEach(kind -> {
                nanos.put(kind, 0L);
                bytes.put(kind, 0L);
                counts.put(kind, 0);
                hits.put(kind, 0);
            });
        }

        /** @param level the level that answered, 0 when the answer was computed */
        void add(String kind, long elapsed, int level, int answerBytes) {
            nanos.merge(kind, elapsed, Long::sum);
            bytes.merge(kind, (long) answerBytes, Long::sum);
            counts.merge(kind, 1, Integer::sum);
            hits.merge(kind, level > 0 ? 1 : 0, Integer::sum);
            byLevel.computeIfAbsent(level, l -> new ArrayList<>()).add(elapsed);
            total += elapsed;
        }

        long hits() {
            return hits.values().stream().mapToLong(Integer::longValue).sum();
        }
    }

    private final CacheReplayBuilding building;
    private final List<List<CacheReplayRequest>> fillSteps;
    private final List<List<CacheReplayRequest>> traceSteps;
    private final List<CacheReplayRequest> fill;
    private final List<CacheReplayRequest> trace;
    private final List<CacheReplayRequest> distinct;
    private final boolean thinkTime;
    private final int samples;
    private final TextTable traceTable = new TextTable("1. The replayed use, by period and kind of request; repeats = "
            + "requests asked before in the replay (either period), the hit rate of a cache that keeps everything and"
            + " was not warmed", "period", "kind", "requests", "distinct", "repeats %");
    private final TextTable timeTable = new TextTable("2. Processing time of the measured period, cold (computed) and "
            + "warm (through the tiered cache, filled by the import warming and the first period); cut = 1 - warm /"
            + " cold", "kind", "requests", "mean answer KiB", "cold ms", "cold ms/request", "warm ms",
            "warm ms/request", "cut %", "hits", "hit rate %");
    private final TextTable servedTable = new TextTable("3a. Cache.get latency during the measured period, by what "
            + "answered (the first level that had the entry, or the computation)", "answered by", "requests",
            "p50 ms", "p99 ms", "max ms");
    private final TextTable calledTable = new TextTable("3b. Tier get and put latency as the cache called each tier "
            + "during the measured period (gets: hits and misses, levels 2-4 only when the faster ones miss; puts: "
            + "stores of computed values and promotions; level 4 is written behind, off the request's path)",
            "level", "tier", "gets", "get p50 ms", "get p99 ms", "get max ms", "puts", "put p50 ms", "put p99 ms",
            "put max ms");
    private final TextTable levelTable = new TextTable("3c. Cache.get latency when a given level answers: the faster "
            + "levels emptied first (directly on the tiers), then the sample asked through the cache (includes "
            + "decompression and promotion to the faster levels)", "level", "tier", "asked", "answered there",
            "p50 ms", "p99 ms", "max ms");
    private final TextTable directTable = new TextTable("3d. Each tier's get called directly, not through the cache, "
            + "on the sample's keys", "level", "tier", "gets", "found", "mean entry KiB", "p50 ms", "p99 ms",
            "max ms");
    private final TextTable memoryTable = new TextTable("4. Heap retained per entry by each memory tier (default "
            + "settings) filled with the entries the cache stored in Redis (as the cache stores them: compressed above"
            + " 8 KiB), the other tiers closed: full collections with the tier holding them, less without",
            "tier", "entries", "mean entry bytes", "retained bytes/entry", "overhead bytes/entry");
    private final TextTable cpuTable = new TextTable("2b. Time and CPU of the measured period: request time (what "
            + "viewers wait for), the replaying thread's CPU in requests, and the CPU of every other thread meanwhile "
            + "(prefetch, write-behind, Redis client, GC, JIT; the replayer's waits for background work between steps "
            + "excluded). Cuts against cold", "run", "request ms", "request CPU ms", "background CPU ms",
            "all CPU ms", "request time cut %", "CPU cut incl. background %");
    private final List<String> verdicts = new ArrayList<>();
    private final TextTable jdbcTable = new TextTable("5. The L4 JDBC tier on an H2 file (its default), storing "
            + "entries of the run into a fresh database", "how", "entries", "ms", "puts/s");
    private long warmingCpu;

    private CacheBenchmark(CacheReplayBuilding building, List<List<CacheReplayRequest>> fillSteps,
            List<List<CacheReplayRequest>> traceSteps, int samples, boolean thinkTime) {
        this.building = building;
        this.thinkTime = thinkTime;
        this.fillSteps = fillSteps;
        this.traceSteps = traceSteps;
        this.fill = fillSteps.stream().flatMap(List::stream).toList();
        this.trace = traceSteps.stream().flatMap(List::stream).toList();
        this.distinct = List.copyOf(new LinkedHashSet<>(trace));
        this.samples = Math.min(samples, distinct.size());
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        int items = 189_000;
        int sessions = 1_000;
        long seed = 42;
        String redis = "127.0.0.1:6379";
        int samples = 2_000;
        String[] writeModes = {"4=behind"};
        boolean prefetch = true;
        boolean thinkTime = true;
        // exec:exec passes all of -Dbenchmark.sizes as one argument
        for (String arg : args) {
            for (String part : arg.trim().split("\\s+")) {
                if (part.startsWith("--items=")) {
                    items = Integer.parseInt(part.substring("--items=".length()));
                } else if (part.startsWith("--sessions=")) {
                    sessions = Integer.parseInt(part.substring("--sessions=".length()));
                } else if (part.startsWith("--seed=")) {
                    seed = Long.parseLong(part.substring("--seed=".length()));
                } else if (part.startsWith("--redis=")) {
                    redis = part.substring("--redis=".length());
                } else if (part.startsWith("--write-modes=")) {
                    writeModes = part.substring("--write-modes=".length()).split(",");
                } else if (part.startsWith("--samples=")) {
                    samples = Integer.parseInt(part.substring("--samples=".length()));
                } else if (part.equals("--prefetch=off")) {
                    prefetch = false;
                } else if (part.equals("--think-time=off")) {
                    thinkTime = false;
                } else if (!part.isBlank()) {
                    System.err.println("Unknown argument '" + part + "'; CacheBenchmark [--items=189000]"
                            + " [--sessions=1000] [--seed=42] [--redis=host:port] [--samples=2000]"
                            + " [--write-modes=4=behind] [--prefetch=off] [--think-time=off]");
                    System.exit(2);
                }
            }
        }
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "CacheBenchmark %s: %d cores, load %.2f; %s %s, max heap %d MiB%n",
                LocalDate.now(), runtime.availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                runtime.maxMemory() >> 20);

        long t = System.nanoTime();
        Revision revision = SyntheticBuilding.generateRevision(new GeneratorSettings(seed, items, "b",
                "Synthetic building"));
        try (CacheReplayBuilding building = new CacheReplayBuilding(revision, prefetch ? PrefetchSettings.defaults()
                : new PrefetchSettings(false, false, 1))) {
            List<List<List<CacheReplayRequest>>> periods = CacheReplayTrace.generate(building, 2, sessions, seed);
            System.out.printf(Locale.ROOT, "Building: %,d objects, %,d connections, %d floors with something to "
                    + "draw, %,d spaces; hierarchies grouped and kept; two periods of %,d sessions (seed %d): %,d and "
                    + "%,d steps of %,d and %,d requests; %.1f s%n", revision.objectCount(),
                    revision.connectionCount(), building.extents().size(), building.spaces().size(), sessions, seed,
                    periods.get(0).size(), periods.get(1).size(), periods.get(0).stream().mapToInt(List::size).sum(),
                    periods.get(1).stream().mapToInt(List::size).sum(), (System.nanoTime() - t) / 1e9);
            System.out.println("Tile prefetch: " + (prefetch ? PrefetchSettings.defaults() : "off")
                    + "; think time (background work finishes between a viewer's steps): " + (thinkTime ? "on"
                    : "off"));

            String[] address = redis.split(":");
            new CacheBenchmark(building, periods.get(0), periods.get(1), samples, thinkTime).run(address[0],
                    Integer.parseInt(address[1]), writeModes);
        }
    }

    private void run(String redisHost, int redisPort, String[] writeModes) throws Exception {
        System.out.println("Cache write modes: " + String.join(", ", writeModes));
        describeTrace();
        traceTable.print(System.out);
        warmUp();
        building.useCache(null);
        Run cold = replay(traceSteps, null, null, null);
        System.out.printf(Locale.ROOT, "cold, measured period: %.1f s%n", cold.total / 1e9);
        Map<CacheKey, byte[]> entries = new LinkedHashMap<>();
        try (CacheBenchmarkTiers tiers = new CacheBenchmarkTiers(redisHost, redisPort, writeModes,
                building.selector().asBound())) {
            Cache cache = tiers.cache();
            building.useCache(cache);
            long t = System.nanoTime();
            long cpu = processCpu();
            List<CacheReplayRequest> warming = warming();
            warming.forEach(building::warm);
            awaitBackground(tiers);
            long warmingNanos = System.nanoTime() - t;
            warmingCpu = processCpu() - cpu;
            System.out.printf(Locale.ROOT, "warming after the import: %d tiles and %d calculations in %.1f s, %.1f s "
                    + "of CPU%n", warming.stream().filter(r -> r.kind().equals("tile")).count(),
                    warming.stream().filter(r -> r.kind().equals("calculation")).count(), warmingNanos / 1e9,
                    warmingCpu / 1e9);
            Run first = replay(fillSteps, tiers.lastHit(), null, tiers);
            CacheStats filled = cache.stats();
            System.out.printf(Locale.ROOT, "warm, first period: %.1f s, %d hits of %d requests (%.1f %%)%n",
                    first.total / 1e9, first.hits(), fill.size(), percent(first.hits(), fill.size()));
            tiers.tiers().forEach(tier -> {
                tier.takeGets();
                tier.takePuts();
            });
            Run warm = replay(traceSteps, tiers.lastHit(), cold, tiers);
            CacheStats stats = cache.stats();
            System.out.printf(Locale.ROOT, "warm, measured period: %.1f s; %s%n", warm.total / 1e9, stats);
            System.out.printf(Locale.ROOT, "background: %d tiles not drawn ahead (prefetch queue full); cache health "
                    + "%s%n", building.prefetchDropped(), tiers.health());
            times(cold, warm, stats.requests() - filled.requests(), stats.hits() - filled.hits());
            cpu(cold, warm);
            latencies(tiers, warm);
            building.drawAhead(false);

            awaitWriteBehind(tiers.tiers().get(tiers.tiers().size() - 1).tier());
            List<CacheKey> stored = tiers.tiers().get(1).stored();
            List<CacheKey> sample = stored.subList(0, Math.min(samples, stored.size()));
            tiers.tiers().forEach(tier -> direct(tier, sample));
            CacheTier redis = tiers.tiers().get(1).tier();
            stored.forEach(key -> redis.get(key).ifPresent(entry -> entries.put(key, entry)));
            for (int level = 2; level <= tiers.tiers().size(); level++) {
                answeredBy(tiers, level);
            }
        }
        building.useCache(null);
        jdbcWrites(entries);
        memory("org.arxos.cache.ehcache.internal.EhcacheHeapTier", entries);
        memory("org.arxos.cache.caffeine.internal.CaffeineTier", entries);
        timeTable.print(System.out);
        cpuTable.print(System.out);
        servedTable.print(System.out);
        calledTable.print(System.out);
        levelTable.print(System.out);
        directTable.print(System.out);
        memoryTable.print(System.out);
        jdbcTable.print(System.out);
        System.out.println();
        verdicts.forEach(System.out::println);
    }

    private void describeTrace() {
        Set<CacheReplayRequest> asked = new HashSet<>();
        describe("1 (fills)", fill, asked);
        describe("2 (measured)", trace, asked);
    }

    private void describe(String period, List<CacheReplayRequest> requests, Set<CacheReplayRequest> asked) {
        Map<String, int[]> byKind = new LinkedHashMap<>();
        KINDS.forEach(kind -> byKind.put(kind, new int[2]));
        for (CacheReplayRequest request : requests) {
            int[] counts = byKind.get(request.kind());
            counts[0]++;
            counts[1] += asked.add(request) ? 0 : 1;
        }
        byKind.forEach((kind, counts) -> traceTable.add(period, kind, counts[0],
                requests.stream().filter(r -> r.kind().equals(kind)).distinct().count(),
                percent(counts[1], counts[0])));
        int repeats = byKind.values().stream().mapToInt(c -> c[1]).sum();
        traceTable.add(period, "all", requests.size(), new HashSet<>(requests).size(),
                percent(repeats, requests.size()));
    }

    /** Draws every floor once (the renderer builds its index of the floor) and answers some requests, untimed. */
    private void warmUp() {
        building.extents().keySet().forEach(floor -> building.answer(
                new CacheReplayRequest.Tile(new TileAddress(floor, 0, 0, 0))));
        fill.stream().limit(WARM_UP_REQUESTS).forEach(building::answer);
    }

    /**
     * Answers the steps' requests as the building is set up (with or without a cache); checks each answer against
     * {@code expected}'s when given. Through a cache and with think time, the background work (tiles drawn ahead,
     * writes behind) finishes after each step, as it does while a person looks at the answer; the time waited for it
     * is no request's, and the replaying thread's CPU while it waits counts nowhere.
     *
     * @param lastHit the level of the latest hit, when through a cache; null when computed
     * @param tiers   the cache's tiers, whose write-behind queues are waited for; null without a cache
     */
    private Run replay(List<List<CacheReplayRequest>> steps, AtomicInteger lastHit, Run expected,
            CacheBenchmarkTiers tiers) {
        int requests = steps.stream().mapToInt(List::size).sum();
        Run run = new Run(requests);
        int wrong = 0;
        int i = 0;
        long processStart = processCpu();
        long threadStart = THREADS.getCurrentThreadCpuTime();
        for (List<CacheReplayRequest> step : steps) {
            for (CacheReplayRequest request : step) {
                if (lastHit != null) {
                    lastHit.set(0);
                    building.computedAndReset();
                }
                long cpu = THREADS.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                Object answered = building.answer(request);
                long elapsed = System.nanoTime() - t;
                run.foregroundCpu += THREADS.getCurrentThreadCpuTime() - cpu;
                byte[] answer = CacheReplayBuilding.bytes(answered);
                // A hit joined to a flight of a tile being drawn ahead read no tier: it counts as answered from memory
                int level = lastHit == null || building.computedAndReset() ? 0 : Math.max(1, lastHit.get());
                run.add(request.kind(), elapsed, level, answer.length);
                run.checksums[i] = checksum(answer);
                wrong += expected == null || run.checksums[i] == expected.checksums[i] ? 0 : 1;
                i++;
            }
            if (tiers != null && thinkTime) {
                awaitBackground(tiers);
            }
        }
        if (tiers != null) {
            awaitBackground(tiers);
        }
        run.backgroundCpu = processCpu() - processStart - (THREADS.getCurrentThreadCpuTime() - threadStart);
        if (expected != null) {
            verdicts.add(String.format(Locale.ROOT, "Every warm answer equals the cold one: %s (%d of %d differ)",
                    wrong == 0 ? "yes" : "NO", wrong, requests));
        }
        return run;
    }

    /** Waits until no tile waits to be drawn ahead and no write waits behind. */
    private void awaitBackground(CacheBenchmarkTiers tiers) {
        while (building.prefetchPending() > 0 || tiers.writeBehindQueued() > 0) {
            LockSupport.parkNanos(500_000);
        }
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private void cpu(Run cold, Run warm) {
        double coldAll = cold.foregroundCpu + cold.backgroundCpu;
        double warmAll = warm.foregroundCpu + warm.backgroundCpu;
        cpuTable.add("cold (computed)", cold.total / 1e6, cold.foregroundCpu / 1e6, cold.backgroundCpu / 1e6,
                coldAll / 1e6, "", "");
        cpuTable.add("warm (through the cache)", warm.total / 1e6, warm.foregroundCpu / 1e6,
                warm.backgroundCpu / 1e6, warmAll / 1e6, 100 - percent(warm.total, cold.total),
                100 - percent(warmAll, coldAll));
        cpuTable.add("warm, with the import warming charged to it", warm.total / 1e6, warm.foregroundCpu / 1e6,
                (warm.backgroundCpu + warmingCpu) / 1e6, (warmAll + warmingCpu) / 1e6,
                100 - percent(warm.total, cold.total), 100 - percent(warmAll + warmingCpu, coldAll));
        verdicts.add(String.format(Locale.ROOT, "CPU cut including background work (prefetch, write-behind, GC and "
                + "JIT): %.1f %%; with the import warming charged to the period: %.1f %%",
                100 - percent(warmAll, coldAll), 100 - percent(warmAll + warmingCpu, coldAll)));
    }

    private void times(Run cold, Run warm, long requests, long hits) {
        for (String kind : KINDS) {
            int n = cold.counts.get(kind);
            if (n > 0) {
                timeTable.add(kind, n, cold.bytes.get(kind) / 1024.0 / n, cold.nanos.get(kind) / 1e6,
                        cold.nanos.get(kind) / 1e6 / n,
                        warm.nanos.get(kind) / 1e6, warm.nanos.get(kind) / 1e6 / n,
                        100 - percent(warm.nanos.get(kind), cold.nanos.get(kind)), warm.hits.get(kind),
                        percent(warm.hits.get(kind), n));
            }
        }
        double cut = 100 - percent(warm.total, cold.total);
        timeTable.add("all", trace.size(), cold.bytes.values().stream().mapToLong(Long::longValue).sum() / 1024.0
                / trace.size(), cold.total / 1e6, cold.total / 1e6 / trace.size(), warm.total / 1e6,
                warm.total / 1e6 / trace.size(), cut, warm.hits(), percent(warm.hits(), trace.size()));
        verdicts.add(String.format(Locale.ROOT, "Processing time cut, warm against cold: %.1f %%; target >= %.0f %%:"
                + " %s", cut, CUT_TARGET, cut >= CUT_TARGET ? "met" : "NOT MET"));
        double hitRate = percent(hits, requests);
        verdicts.add(String.format(Locale.ROOT, "Hit rate (the cache's own count: %d hits of %d requests): %.2f %%;"
                + " target >= %.0f %%: %s", hits, requests, hitRate, HIT_RATE_TARGET,
                hitRate >= HIT_RATE_TARGET ? "met" : "NOT MET"));
    }

    private void latencies(CacheBenchmarkTiers tiers, Run warm) {
        warm.byLevel.keySet().stream().sorted().forEach(level -> {
            Samples s = new Samples(warm.byLevel.get(level).stream().mapToLong(Long::longValue).toArray());
            servedTable.add(level == 0 ? "computed" : "L" + level + " " + tiers.tiers().get(level - 1).stats().tier(),
                    s.count(), s.median(), s.percentile(99), s.max());
        });
        for (CacheBenchmarkTimedTier tier : tiers.tiers()) {
            long[] gets = tier.takeGets();
            long[] puts = tier.takePuts();
            Samples g = gets.length == 0 ? null : new Samples(gets);
            Samples p = puts.length == 0 ? null : new Samples(puts);
            calledTable.add("L" + tier.level(), tier.stats().tier(), gets.length, median(g), p99(g), max(g),
                    puts.length, median(p), p99(p), max(p));
        }
    }

    /**
     * What is warmed after an import: every floor's zoom 0 to {@value #WARMED_ZOOM} tiles that show it (as core's
     * BuildingWarming draws them), and the standard calculations: each calculation with its default parameters.
     */
    private List<CacheReplayRequest> warming() {
        List<CacheReplayRequest> warmed = new ArrayList<>();
        building.extents().forEach((floor, extent) -> {
            for (int zoom = 0; zoom <= WARMED_ZOOM; zoom++) {
                for (int y = 0; y < 1 << zoom; y++) {
                    for (int x = 0; x < 1 << zoom; x++) {
                        TileAddress address = new TileAddress(floor, zoom, x, y);
                        if (address.viewport(extent).intersects(extent)) {
                            warmed.add(new CacheReplayRequest.Tile(address));
                        }
                    }
                }
            }
        });
        warmed.addAll(CacheReplayTrace.STANDARD_CALCULATIONS);
        return warmed;
    }

    /** Waits until the write-behind level stops growing: its queue is written. */
    private static void awaitWriteBehind(CacheTier tier) throws InterruptedException {
        long deadline = System.nanoTime() + WRITE_BEHIND_LIMIT.toNanos();
        long entries = -1;
        while (System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            long now = tier.stats().entries();
            if (now == entries) {
                return;
            }
            entries = now;
        }
        System.out.println("The write-behind level was still being written after " + WRITE_BEHIND_LIMIT);
    }

    private void direct(CacheBenchmarkTimedTier timed, List<CacheKey> keys) {
        CacheTier tier = timed.tier();
        long[] nanos = new long[keys.size()];
        long bytes = 0;
        int found = 0;
        for (int i = 0; i < keys.size(); i++) {
            long t = System.nanoTime();
            Optional<byte[]> entry = tier.get(keys.get(i));
            nanos[i] = System.nanoTime() - t;
            if (entry.isPresent()) {
                found++;
                bytes += entry.get().length;
            }
        }
        Samples s = new Samples(nanos);
        directTable.add("L" + timed.level(), tier.stats().tier(), keys.size(), found,
                found == 0 ? Double.NaN : bytes / 1024.0 / found, s.median(), s.percentile(99), s.max());
    }

    /**
     * Stores the entries into a fresh JDBC tier on an H2 file, one per call (a transaction each) and then, into another,
     * in batches as the write-behind queue hands them over (one transaction each).
     */
    private void jdbcWrites(Map<CacheKey, byte[]> entries) throws Exception {
        List<BatchingTier.Entry> writes = entries.entrySet().stream().limit(JDBC_WRITES)
                .map(e -> new BatchingTier.Entry(e.getKey(), e.getValue(), Duration.ofHours(1))).toList();
        for (int batch : List.of(1, 256)) {
            Path folder = Files.createTempDirectory("arxos-cache-benchmark-jdbc");
            BatchingTier tier = CacheBenchmarkTiers.h2Tier(folder);
            try {
                long t = System.nanoTime();
                for (int from = 0; from < writes.size(); from += batch) {
                    List<BatchingTier.Entry> part = writes.subList(from, Math.min(writes.size(), from + batch));
                    if (batch == 1) {
                        tier.put(part.get(0).key(), part.get(0).value(), part.get(0).timeToLive());
                    } else {
                        tier.putAll(part);
                    }
                }
                double seconds = (System.nanoTime() - t) / 1e9;
                jdbcTable.add(batch == 1 ? "put: one entry a transaction" : "putAll: batches of " + batch,
                        writes.size(), seconds * 1e3, writes.size() / seconds);
            } finally {
                ((AutoCloseable) tier).close();
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
        }
    }

    /** A memory tier made with its default configuration, filled with copies of the entries (so it holds its own). */
    private void memory(String tierClass, Map<CacheKey, byte[]> entries) {
        CacheTier tier = DefaultComponent.create(tierClass, CacheTier.class);
        long retained = RetainedHeap.retainedBy(() -> {
            entries.forEach((key, entry) -> tier.put(key, entry.clone(), Duration.ofHours(1)));
            return tier;
        });
        TierStats stats = tier.stats();
        double mean = stats.entries() == 0 ? Double.NaN : (double) stats.bytes() / stats.entries();
        double perEntry = stats.entries() == 0 ? Double.NaN : (double) retained / stats.entries();
        memoryTable.add(stats.tier(), stats.entries(), mean, perEntry, perEntry - mean);
    }

    /** Empties the levels above {@code level} directly, then asks the sample through the cache. */
    private void answeredBy(CacheBenchmarkTiers tiers, int level) {
        for (CacheBenchmarkTimedTier faster : tiers.tiers().subList(0, level - 1)) {
            faster.tier().invalidate("*");
        }
        long[] nanos = new long[samples];
        int there = 0;
        for (int i = 0; i < samples; i++) {
            tiers.lastHit().set(0);
            long t = System.nanoTime();
            building.answer(distinct.get(i));
            nanos[i] = System.nanoTime() - t;
            there += tiers.lastHit().get() == level ? 1 : 0;
        }
        Samples s = new Samples(nanos);
        levelTable.add("L" + level, tiers.tiers().get(level - 1).stats().tier(), samples, there, s.median(),
                s.percentile(99), s.max());
    }

    private static double median(Samples samples) {
        return samples == null ? Double.NaN : samples.median();
    }

    private static double p99(Samples samples) {
        return samples == null ? Double.NaN : samples.percentile(99);
    }

    private static double max(Samples samples) {
        return samples == null ? Double.NaN : samples.max();
    }

    private static long checksum(byte[] answer) {
        CRC32C crc = new CRC32C();
        crc.update(answer);
        return (long) answer.length << 32 | crc.getValue();
    }

    private static double percent(double part, double whole) {
        return whole == 0 ? Double.NaN : 100 * part / whole;
    }
}
