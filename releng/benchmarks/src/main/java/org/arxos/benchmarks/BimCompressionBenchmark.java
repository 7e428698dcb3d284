package org.arxos.benchmarks;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.io.ImportOptions;
import org.arxos.compress.bim.BimCodec;
import org.arxos.io.json.BuildingJson;
import org.arxos.model.BuildingObject;
import org.arxos.model.Connection;
import org.arxos.model.Revision;

/**
 * The BIM and delta compressors of issue 6 (bundles {@code org.arxos.compress.bim} and {@code .delta}) on every file
 * in {@code ../shared/data/ifc} and on generated buildings (seed 42, default 100 000 and 1 000 000 items). Prints:
 *
 * <ol>
 * <li><b>BIM form</b>: the IFC source (the shared file; for a generated building its IFC4 export), the native JSON, the
 * JSON gzip'd at level 9, the BIM form at {@code MAX} with its saving against JSON and IFC, and the most any lossless
 * form could save given the random IFC GlobalIds the content holds ({@link RandomGuids}). Rates are megabytes
 * of native JSON per second, so that encoding and decoding compare with reading the JSON: encoding a revision;
 * decoding the BIM bytes into a {@code Revision}; of that, {@code Revision.restore} of the same content alone (the
 * model's rule checks, index and content hash, which every load pays); the codec's own share (decode minus restore);
 * and, as the baseline, reading the JSON and applying it. Medians of {@code --runs} runs after a warm-up run, by the
 * wall clock and, in brackets, by the measuring thread's CPU time (steadier on a shared machine; it leaves out GC
 * threads); decoding also by the process's CPU time, GC threads included.</li>
 * <li><b>Deltas</b> ({@link DeltaCompressionSection}): an edit touching 1 % of each generated building, a 100-revision
 * history, and what the trained dictionary does for small change sets.</li>
 * </ol>
 *
 * <p>Arguments, by spaces or commas: sizes; {@code --runs=N} (default 3); {@code --history=SIZE} (default 100000,
 * 0 skips it); {@code --revisions=N} (default 100).
 */
public final class BimCompressionBenchmark {

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        int runs = 3;
        int historySize = 100_000;
        int revisions = 100;
        for (String arg : args) {
            for (String part : arg.trim().split("[,\\s]+")) {
                if (part.isBlank()) {
                    continue;
                }
                if (part.startsWith("--runs=")) {
                    runs = Integer.parseInt(part.substring("--runs=".length()));
                } else if (part.startsWith("--history=")) {
                    historySize = Integer.parseInt(part.substring("--history=".length()));
                } else if (part.startsWith("--revisions=")) {
                    revisions = Integer.parseInt(part.substring("--revisions=".length()));
                } else {
                    sizes.add(Integer.parseInt(part));
                }
            }
        }
        if (sizes.isEmpty()) {
            sizes.addAll(List.of(100_000, 1_000_000));
        }
        System.out.printf(Locale.ROOT, "BimCompressionBenchmark: java %s, %d cpus, max heap %d MiB, %d runs%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, runs);

        TextTable bim = new TextTable("BIM form (MAX); rates in MB of native JSON per second of wall time (of the "
                + "thread's CPU time)", "building", "objects", "connections", "IFC B", "JSON B", "gzip-9 B",
                "gzip saves %", "BIM B", "vs JSON %", "vs IFC %", "GUID floor %", "encode MB/s", "decode MB/s",
                "decode, process CPU MB/s", "restore MB/s", "codec MB/s", "JSON load MB/s");
        long[] totals = new long[3];
        for (Path file : SharedData.files("ifc", "ifc")) {
            BimCompressionSource source = BimCompressionSource.ifcFile(file);
            totals[0] += source.ifcBytes();
            totals[1] += source.json().length;
            totals[2] += measure(source, Math.max(runs, 5), bim);
        }
        bim.add("the six IFC files", "", "", totals[0], totals[1], "", "", totals[2],
                saving(totals[2], totals[1]), saving(totals[2], totals[0]), "", "", "", "", "", "", "");
        DeltaCompressionSection deltas = new DeltaCompressionSection();
        for (int size : sizes) {
            BimCompressionSource source = BimCompressionSource.generated(size);
            measure(source, runs, bim);
            deltas.onePercentEdit(source);
        }
        bim.print(System.out);
        deltas.printEdits(System.out);
        if (historySize > 0) {
            deltas.history(BimCompressionSource.generated(historySize), revisions, System.out);
        }
        deltas.dictionary(System.out);
    }

    /** Adds the source's row; returns the size of its BIM form. */
    private static int measure(BimCompressionSource source, int runs, TextTable table) throws Exception {
        BimCodec codec = new BimCodec();
        Revision revision = source.revision();
        byte[] encoded = codec.encode(revision, CompressionLevel.MAX);
        BuildingObject[] objects = revision.objects().toArray(BuildingObject[]::new);
        Connection[] connections = revision.connections().toArray(Connection[]::new);
        Timings encode = new Timings(runs);
        Timings decode = new Timings(runs);
        Timings restore = new Timings(runs);
        Timings jsonLoad = new Timings(runs);
        for (int run = -1; run < runs; run++) {
            encode.start();
            codec.encode(revision, CompressionLevel.MAX);
            encode.stop(run);
            decode.start();
            Revision decoded = codec.decode(encoded);
            decode.stop(run);
            restore.start();
            Revision.restore(revision.number(), Arrays.stream(objects), Arrays.stream(connections));
            restore.stop(run);
            jsonLoad.start();
            Revision loaded = Revision.EMPTY.apply(BuildingJson.readBuilding(new ByteArrayInputStream(source.json()),
                    ImportOptions.of(source.name())).content());
            jsonLoad.stop(run);
            if (!decoded.contentHash().equals(revision.contentHash())
                    || !loaded.contentHash().equals(revision.contentHash())) {
                throw new IllegalStateException(source.name() + " did not come back with its content hash");
            }
        }
        double megabytes = source.json().length / 1e6;
        Timing codecOnly = new Timing(decode.median().millis() - restore.median().millis(),
                decode.median().cpuMillis() - restore.median().cpuMillis());
        table.add(source.name(), revision.objectCount(), revision.connectionCount(), source.ifcBytes(),
                source.json().length, source.gzipBytes(), saving(source.gzipBytes(), source.json().length),
                encoded.length, saving(encoded.length, source.json().length), saving(encoded.length, source.ifcBytes()),
                saving(RandomGuids.floorBytes(revision), source.json().length),
                rates(megabytes, encode.median()), rates(megabytes, decode.median()),
                TextTable.number(rate(megabytes, decode.processCpuMedian())),
                rates(megabytes, restore.median()), rates(megabytes, codecOnly), rates(megabytes, jsonLoad.median()));
        System.out.printf(Locale.ROOT, "(measured %s; load average %.1f)%n", source.name(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return encoded.length;
    }

    static double saving(long compressed, long original) {
        return 100.0 * (1 - (double) compressed / original);
    }

    /** "wall (cpu)" in MB/s. */
    private static String rates(double megabytes, Timing timing) {
        return TextTable.number(rate(megabytes, timing.millis())) + " (" + TextTable.number(rate(megabytes,
                timing.cpuMillis())) + ")";
    }

    private static double rate(double megabytes, double millis) {
        return millis > 0 ? megabytes / (millis / 1e3) : Double.NaN;
    }

    /**
     * Wall, thread CPU and process CPU times of the runs of one step; run -1 is the warm-up and not kept. The process
     * CPU time adds what the garbage collector and the JIT compiler spent meanwhile (and anything else the process
     * did, which here is nothing).
     */
    private static final class Timings {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private static final com.sun.management.OperatingSystemMXBean PROCESS =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        private final long[] wall;
        private final long[] cpu;
        private final long[] processCpu;
        private long wallStart;
        private long cpuStart;
        private long processCpuStart;

        Timings(int runs) {
            wall = new long[runs];
            cpu = new long[runs];
            processCpu = new long[runs];
        }

        void start() {
            wallStart = System.nanoTime();
            cpuStart = THREADS.getCurrentThreadCpuTime();
            processCpuStart = PROCESS.getProcessCpuTime();
        }

        void stop(int run) {
            if (run >= 0) {
                wall[run] = System.nanoTime() - wallStart;
                cpu[run] = THREADS.getCurrentThreadCpuTime() - cpuStart;
                processCpu[run] = PROCESS.getProcessCpuTime() - processCpuStart;
            }
        }

        Timing median() {
            return new Timing(new Samples(wall).median(), new Samples(cpu).median());
        }

        double processCpuMedian() {
            return new Samples(processCpu).median();
        }
    }
}
