package org.arxos.benchmarks;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.io.ifc.internal.export.IfcBuildingExporter;
import org.arxos.io.ifc.internal.step.StepFile;
import org.arxos.io.ifc.internal.step.StepLimits;
import org.arxos.io.ifc.internal.step.StepReader;
import org.arxos.model.Revision;

/**
 * IFC-SPF parsing speed of {@link StepReader}: every file of {@code ../shared/data/ifc} (read from memory, so the disk
 * does not count), and a large file: the IFC4 exporter's output for a generated building (default 500 000 objects,
 * seed 42), written once to {@code target/ifc-parse-benchmark/} and parsed from disk (a plain file stream: the reader
 * buffers it itself, as an import does).
 *
 * <p>The JIT is warmed on all shared files first (at least 30 rounds and 5 seconds: a busy machine compiles slowly). Then each shared file is measured
 * in samples of at least 100 ms (parsed as often as that takes, so that a sample of a 0.1 MB file is not one
 * millisecond that a busy machine's scheduler can spoil): 3 warm-up samples, then several measured (default 7). The
 * large file is parsed once per sample: one warm-up run, then up to 3 measured. The table gives the median in MB/s
 * (10^6 bytes per second; the target is 20 MB/s), the range of the measured samples, the median MB per second of
 * the process's CPU time (all its threads, the garbage collector's included: what a busy machine does not change much),
 * entities per second, for the
 * large file the time its runs spent in garbage collection and the heap the parsed file retains (full collections
 * with the {@code StepFile} held) as a multiple of its size. The last lines give the shared files' overall speed
 * (their total size over the sum of their median times) and the slowest file against the target. The machine's load
 * average is printed before and after: on a busy machine the numbers are lower and spread wider.
 *
 * <p>Arguments: the large building's object count and {@code --runs=N}, separated by spaces or commas.
 */
public final class IfcParseBenchmark {

    private static final double TARGET_MB_S = 20;
    private static final long SAMPLE_NANOS = 100_000_000L;

    public static void main(String[] args) throws Exception {
        int objects = 500_000;
        int runs = 7;
        for (String arg : args) {
            for (String part : arg.trim().split("[,\\s]+")) {
                if (part.startsWith("--runs=")) {
                    runs = Integer.parseInt(part.substring(7));
                } else if (!part.isBlank()) {
                    objects = Integer.parseInt(part);
                }
            }
        }
        runs = Math.max(1, runs);
        System.out.printf(Locale.ROOT, "Java %s, %d processors, max heap %.0f MB, load average %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1e6, loadAverage());
        System.out.printf(Locale.ROOT, "%-34s %8s %10s %10s %15s %10s %12s %8s %14s%n", "file", "MB", "entities",
                "MB/s", "range MB/s", "MB/cpu-s", "entities/s", "GC s", "heap/MB");
        List<Path> files = SharedData.files("ifc", "ifc");
        List<byte[]> contents = new ArrayList<>();
        for (Path file : files) {
            contents.add(Files.readAllBytes(file));
        }
        // Warm the JIT on all files first: the small ones alone would be measured half interpreted.
        long warmStart = System.nanoTime();
        for (int round = 0; round < 30 || System.nanoTime() - warmStart < 5_000_000_000L; round++) {
            for (byte[] bytes : contents) {
                StepReader.read(new ByteArrayInputStream(bytes), "warm-up", StepLimits.DEFAULTS);
            }
        }
        double sharedBytes = 0;
        double sharedSeconds = 0;
        String slowest = null;
        double slowestRate = Double.MAX_VALUE;
        for (int f = 0; f < files.size(); f++) {
            byte[] bytes = contents.get(f);
            String name = files.get(f).getFileName().toString();
            double[] rates = new double[3 + runs];
            double[] cpuRates = new double[3 + runs];
            StepFile parsed = null;
            for (int i = 0; i < rates.length; i++) {
                long cpu = processCpuNanos();
                long start = System.nanoTime();
                long elapsed;
                int count = 0;
                do {
                    parsed = StepReader.read(new ByteArrayInputStream(bytes), name, StepLimits.DEFAULTS);
                    count++;
                    elapsed = System.nanoTime() - start;
                } while (elapsed < SAMPLE_NANOS);
                rates[i] = (double) bytes.length * count / elapsed * 1e3; // MB/s
                cpuRates[i] = (double) bytes.length * count / Math.max(1, processCpuNanos() - cpu) * 1e3;
            }
            double[] measured = Arrays.copyOfRange(rates, 3, rates.length);
            double rate = median(measured);
            row(name, bytes.length, parsed.size(), measured, Arrays.copyOfRange(cpuRates, 3, cpuRates.length), "", "");
            sharedBytes += bytes.length;
            sharedSeconds += bytes.length / 1e6 / rate;
            if (rate < slowestRate) {
                slowestRate = rate;
                slowest = name;
            }
        }

        Path large = Path.of("target", "ifc-parse-benchmark", "generated-" + objects + ".ifc");
        if (!Files.exists(large)) {
            Files.createDirectories(large.getParent());
            long start = System.nanoTime();
            Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(42, objects));
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(large), 1 << 16)) {
                new IfcBuildingExporter().write(revision, out);
            }
            System.out.printf(Locale.ROOT, "(generated and exported %d objects to %s in %.1f s)%n", objects, large,
                    (System.nanoTime() - start) / 1e9);
        }
        long size = Files.size(large);
        int largeRuns = Math.max(1, Math.min(runs, 3));
        double[] rates = new double[1 + largeRuns];
        double[] gcSeconds = new double[1 + largeRuns];
        double[] cpuRates = new double[1 + largeRuns];
        int entities = 0;
        for (int i = 0; i < rates.length; i++) {
            long gcBefore = gcMillis();
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(large)) {
                entities = StepReader.read(in, large.getFileName().toString(), StepLimits.DEFAULTS).size();
            }
            rates[i] = size / 1e6 / ((System.nanoTime() - start) / 1e9);
            gcSeconds[i] = (gcMillis() - gcBefore) / 1e3;
            cpuRates[i] = size / 1e6 / (Math.max(1, processCpuNanos() - cpu) / 1e9);
        }
        long before = usedHeap();
        StepFile held;
        try (InputStream in = Files.newInputStream(large)) {
            held = StepReader.read(in, large.getFileName().toString(), StepLimits.DEFAULTS);
        }
        long retained = usedHeap() - before;
        double[] measured = Arrays.copyOfRange(rates, 1, rates.length);
        row(large.getFileName().toString(), size, held.size(), measured,
                Arrays.copyOfRange(cpuRates, 1, cpuRates.length),
                String.format(Locale.ROOT, "%.1f", median(Arrays.copyOfRange(gcSeconds, 1, gcSeconds.length))),
                String.format(Locale.ROOT, "%.0f (%.1fx)", retained / 1e6, (double) retained / size));
        if (held.size() != entities) {
            throw new IllegalStateException("runs disagree");
        }
        double largeRate = median(measured);
        if (largeRate < slowestRate) {
            slowestRate = largeRate;
            slowest = large.getFileName().toString();
        }
        System.out.printf(Locale.ROOT, "%-34s %8.1f %10s %10.1f%n", "shared files overall", sharedBytes / 1e6, "",
                sharedBytes / 1e6 / sharedSeconds);
        System.out.printf(Locale.ROOT, "slowest: %s at %.1f MB/s, target %.0f MB/s: %s; load average %s%n", slowest,
                slowestRate, TARGET_MB_S, slowestRate >= TARGET_MB_S ? "met" : "NOT met", loadAverage());
    }

    private static void row(String name, long bytes, int entities, double[] rates, double[] cpuRates, String gc,
            String heap) {
        double rate = median(rates);
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double cpuRate = median(cpuRates);
        System.out.printf(Locale.ROOT, "%-34s %8.1f %10d %10.1f %15s %10s %12.0f %8s %14s%n", name, bytes / 1e6,
                entities, rate, String.format(Locale.ROOT, "%.0f-%.0f", sorted[0], sorted[sorted.length - 1]),
                cpuRate > 0 ? String.format(Locale.ROOT, "%.1f", cpuRate) : "?", entities * rate * 1e6 / bytes, gc,
                heap);
    }

    /** The CPU time of the whole process (-1 when the platform does not tell). */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", load);
    }

    private static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
