package org.arxos.benchmarks;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

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
 * seed 42), written once to {@code target/ifc-parse-benchmark/} and parsed from disk (a buffered stream, as an import
 * does). All shared files are parsed 10 times to warm the JIT, then each 3 more times, then measured several times
 * (default 7; 3 for the large file, after one warm-up run); the table
 * gives the median in MB/s (10^6 bytes per second; the target is 20 MB/s), entities per second, and for the large
 * file the heap the parsed file retains (full collections with the {@code StepFile} held) as a multiple of its size.
 *
 * <p>Arguments: the large building's object count and {@code --runs=N}, separated by spaces or commas.
 */
public final class IfcParseBenchmark {

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
        System.out.printf(Locale.ROOT, "%-34s %10s %10s %10s %12s %8s%n", "file", "MB", "entities", "MB/s",
                "entities/s", "heap/MB");
        List<Path> files = sharedFiles();
        // Warm the JIT on all files first: the small ones alone would be measured half interpreted.
        for (int round = 0; round < 10; round++) {
            for (Path file : files) {
                StepReader.read(new ByteArrayInputStream(Files.readAllBytes(file)), "warm-up", StepLimits.DEFAULTS);
            }
        }
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            double[] seconds = new double[3 + runs];
            StepFile parsed = null;
            for (int i = 0; i < seconds.length; i++) {
                long start = System.nanoTime();
                parsed = StepReader.read(new ByteArrayInputStream(bytes), file.getFileName().toString(),
                        StepLimits.DEFAULTS);
                seconds[i] = (System.nanoTime() - start) / 1e9;
            }
            row(file.getFileName().toString(), bytes.length, parsed.size(), median(seconds, 3), "");
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
        double[] seconds = new double[1 + largeRuns];
        int entities = 0;
        for (int i = 0; i < seconds.length; i++) {
            long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(large)) {
                entities = StepReader.read(in, large.getFileName().toString(), StepLimits.DEFAULTS).size();
            }
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        long before = usedHeap();
        StepFile held;
        try (InputStream in = Files.newInputStream(large)) {
            held = StepReader.read(in, large.getFileName().toString(), StepLimits.DEFAULTS);
        }
        long retained = usedHeap() - before;
        row(large.getFileName().toString(), size, held.size(), median(seconds, 1),
                String.format(Locale.ROOT, "%.0f (%.1fx)", retained / 1e6, (double) retained / size));
        if (held.size() != entities) {
            throw new IllegalStateException("runs disagree");
        }
    }

    private static void row(String name, long bytes, int entities, double seconds, String heap) {
        System.out.printf(Locale.ROOT, "%-34s %10.1f %10d %10.1f %12.0f %8s%n", name, bytes / 1e6, entities,
                bytes / 1e6 / seconds, entities / seconds, heap);
    }

    private static double median(double[] seconds, int warmUp) {
        double[] measured = Arrays.copyOfRange(seconds, warmUp, seconds.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }

    private static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** {@code shared/data/ifc} beside the project: found from the working directory upwards. */
    private static List<Path> sharedFiles() throws Exception {
        String dir = System.getProperty("arxos.shared.dir");
        Path folder = dir != null ? Path.of(dir, "data", "ifc") : null;
        for (Path p = Path.of("").toAbsolutePath(); folder == null && p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/data/ifc"))) {
                folder = p.resolve("shared/data/ifc");
            }
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalStateException("no shared/data/ifc folder above " + Path.of("").toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.filter(f -> f.toString().toLowerCase(Locale.ROOT).endsWith(".ifc"))
                    .sorted().toList());
        }
    }
}
