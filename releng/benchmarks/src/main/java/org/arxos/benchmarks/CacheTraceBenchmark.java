package org.arxos.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * Hit rates of the memory tiers' two eviction policies (Ehcache's heap store, Caffeine's W-TinyLFU) and a plain LRU at
 * the same capacity in entries, replaying public cache traces: the LIRS traces ({@code *.trace.gz}) and the cache2k
 * traces ({@code *.trace.xz}) that Caffeine's simulator ships (see README.md for where to get them). Every access is a
 * lookup and a miss stores the key, as the tiered cache does. Prints one table.
 *
 * <pre>
 * CacheTraceBenchmark [--traces=DIR] [--capacities=500,1000,2000] [trace ...]
 * </pre>
 * DIR defaults to the system property {@code arxos.traces.dir}; the traces default to every trace file in DIR.
 */
public final class CacheTraceBenchmark {

    private static final int[] DEFAULT_CAPACITIES = {500, 1000, 2000};

    private record Policy(String name, IntFunction<CacheTracePolicy> create) {
    }

    private static final List<Policy> POLICIES = List.of(new Policy("LRU", CacheTracePolicy::lru),
            new Policy("Ehcache heap", CacheTracePolicy::ehcacheHeap),
            new Policy("Caffeine W-TinyLFU", CacheTracePolicy::caffeine));

    public static void main(String[] args) throws IOException {
        String directory = System.getProperty("arxos.traces.dir");
        int[] capacities = DEFAULT_CAPACITIES;
        List<String> names = new ArrayList<>();
        // exec:exec passes all of -Dbenchmark.sizes as one argument
        for (String arg : args) {
            for (String part : arg.trim().split("\\s+")) {
                if (part.startsWith("--traces=")) {
                    directory = part.substring("--traces=".length());
                } else if (part.startsWith("--capacities=")) {
                    capacities = capacities(part.substring("--capacities=".length()));
                } else if (!part.isBlank()) {
                    names.add(part);
                }
            }
        }
        if (directory == null || !Files.isDirectory(Path.of(directory))) {
            System.err.println("No trace directory: pass --traces=DIR or -Darxos.traces.dir=DIR naming a folder of LIRS"
                    + " (*.trace.gz) and cache2k (*.trace.xz) traces; releng/benchmarks/README.md says where to get"
                    + " them." + (directory == null ? "" : " Not a directory: " + directory));
            System.exit(2);
        }
        List<Path> files = traceFiles(Path.of(directory), names);
        if (files.isEmpty()) {
            System.err.println("No trace files in " + directory + (names.isEmpty() ? "" : " named " + names));
            System.exit(2);
        }

        List<String> headers = new ArrayList<>(List.of("trace", "accesses", "distinct keys", "capacity"));
        POLICIES.forEach(policy -> headers.add(policy.name() + " %"));
        TextTable table = new TextTable("Hit rate (%) by policy, " + LocalDate.now() + ", Java "
                + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores",
                headers.toArray(String[]::new));
        for (Path file : files) {
            CacheTraceFile trace = CacheTraceFile.read(file);
            long distinct = trace.distinctKeys();
            for (int capacity : capacities) {
                List<Object> row = new ArrayList<>(List.of(trace.name(), trace.keys().length, distinct, capacity));
                for (Policy policy : POLICIES) {
                    row.add(String.format(Locale.ROOT, "%.2f", 100.0 * hitRate(trace, policy.create().apply(capacity))));
                }
                table.add(row.toArray());
            }
            System.err.println("replayed " + trace.name());
        }
        table.print(System.out);
    }

    private static double hitRate(CacheTraceFile trace, CacheTracePolicy policy) {
        try (policy) {
            long hits = 0;
            for (long key : trace.keys()) {
                if (policy.access(key)) {
                    hits++;
                }
            }
            return (double) hits / trace.keys().length;
        }
    }

    private static List<Path> traceFiles(Path directory, List<String> names) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(CacheTraceFile::isTrace)
                    .filter(file -> names.isEmpty() || names.stream().anyMatch(name -> file.getFileName().toString()
                            .startsWith(name + ".trace.")))
                    .sorted().toList();
        }
    }

    private static int[] capacities(String list) {
        try {
            int[] capacities = Arrays.stream(list.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
            if (capacities.length > 0 && Arrays.stream(capacities).allMatch(c -> c > 0)) {
                return capacities;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.err.println("--capacities takes entry counts above 0 separated by commas, e.g. 500,1000,2000, not '"
                + list + "'");
        System.exit(2);
        return null;
    }
}
