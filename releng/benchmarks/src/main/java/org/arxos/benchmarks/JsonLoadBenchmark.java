package org.arxos.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.arxos.api.io.ImportOptions;
import org.arxos.api.io.ImportResult;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.io.json.BuildingJson;
import org.arxos.model.Revision;

/**
 * Loading a native JSON building: generates a building of the given size (objects plus connections, default
 * 1 000 000, seed 42), writes it with {@link BuildingJson#writeBuilding} to {@code target/json-load-benchmark/}, then
 * reads it back several times (default 5) the way an import does: {@link BuildingJson#readBuilding} into a change set,
 * then {@code Revision.EMPTY.apply}. Prints one table: file size, parse and apply times and their sum (the target is
 * under 10 s for 1 000 000 items), throughput, and the heap the loaded revision retains per item and per object
 * (full collections before and after with the revision held; the change set is dropped first). The first run includes
 * JIT warm-up; the median of the others is the figure to quote.
 *
 * <p>Arguments: sizes and {@code --runs=N}, separated by spaces or commas.
 */
public final class JsonLoadBenchmark {

    /** CPU time of the loading thread: on a shared machine, steadier than the wall clock. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        int runs = 5;
        Path folder = Path.of("target", "json-load-benchmark");
        for (String arg : args) {
            for (String part : arg.trim().split("[,\\s]+")) {
                if (part.isBlank()) {
                    continue;
                }
                if (part.startsWith("--runs=")) {
                    runs = Integer.parseInt(part.substring("--runs=".length()));
                } else if (part.startsWith("--dir=")) {
                    folder = Path.of(part.substring("--dir=".length()));
                } else {
                    sizes.add(Integer.parseInt(part));
                }
            }
        }
        if (sizes.isEmpty()) {
            sizes.add(1_000_000);
        }
        Files.createDirectories(folder);
        System.out.printf(Locale.ROOT, "JsonLoadBenchmark: java %s, %d cpus, max heap %d MiB, %d runs per size%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, runs);
        List<String> rows = new ArrayList<>();
        for (int size : sizes) {
            rows.addAll(run(size, runs, folder.resolve("building-" + size + ".json")));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%9s %4s %9s %11s %9s %9s %9s %9s %9s %12s %11s %11s%n", "target", "run",
                "objects", "connections", "MB", "parse ms", "apply ms", "total ms", "cpu ms", "items/s", "heap B/item",
                "heap B/obj");
        rows.forEach(System.out::println);
    }

    private static List<String> run(int size, int runs, Path file) throws Exception {
        String hash;
        long t0 = System.nanoTime();
        {
            Revision generated = SyntheticBuilding.generateRevision(new GeneratorSettings(42, size, "bench",
                    "Benchmark"));
            hash = generated.contentHash();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                BuildingJson.writeBuilding(generated, out);
            }
        }
        long written = System.nanoTime() - t0;
        double megabytes = Files.size(file) / 1e6;
        System.out.printf(Locale.ROOT, "size %d: generated and wrote %s (%.1f MB) in %.0f ms%n", size, file,
                megabytes, written / 1e6);

        List<String> rows = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            long heapBefore = RetainedHeap.bytes();
            long cpu = THREADS.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            ImportResult read;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                read = BuildingJson.readBuilding(in, new ImportOptions(file.getFileName().toString(), null, "bench",
                        2_000_000));
            }
            long parsed = System.nanoTime();
            Revision revision = Revision.EMPTY.apply(read.content());
            long applied = System.nanoTime();
            long cpuMillis = (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            read = null;
            if (!revision.contentHash().equals(hash)) {
                throw new IllegalStateException("read back content hash " + revision.contentHash() + " != " + hash);
            }
            long heapAfter = RetainedHeap.bytes();
            int objects = revision.objectCount();
            int connections = revision.connectionCount();
            long retained = heapAfter - heapBefore;
            long total = applied - s;
            totals.add(total);
            String row = String.format(Locale.ROOT,
                    "%9d %4d %9d %11d %9.1f %9.0f %9.0f %9.0f %9d %12.0f %11.1f %11.1f", size, run, objects,
                    connections, megabytes, (parsed - s) / 1e6, (applied - parsed) / 1e6, total / 1e6, cpuMillis,
                    (objects + connections) / (total / 1e9), (double) retained / (objects + connections),
                    (double) retained / objects);
            System.out.println(row);
            rows.add(row);
            revision = null;
        }
        List<Long> sorted = new ArrayList<>(totals.subList(Math.min(1, totals.size() - 1), totals.size()));
        sorted.sort(null);
        System.out.printf(Locale.ROOT, "size %d: median parse+apply after warm-up %.0f ms%n", size,
                sorted.get(sorted.size() / 2) / 1e6);
        return rows;
    }
}
