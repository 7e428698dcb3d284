package org.arxos.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.Compressor;
import org.arxos.compress.Algorithm;
import org.arxos.compress.Encoding;
import org.arxos.compress.Frames;

/**
 * The SVG compressor of issue 6 against SVGO on the shared floor plans ({@code shared/data/svg}), SVGO run in the
 * same run ({@link SvgCompressionSvgo}). Prints three tables:
 * <ol>
 * <li>per file: the original, gzip -9 of it, SVGO's output and gzip -9 of that, Arxos lossless (BALANCED) and lossy
 * (LOSSY, tolerance 0.1), each with its saving;</li>
 * <li>the times: SVGO by its own CLI timing and through its API (warm median, wall clock and process CPU time), Arxos
 * lossless compression (warm median, wall and process CPU) and decompression, and SVGO's time over Arxos';</li>
 * <li>the entropy coders tried on the minified SVG (what decompression returns): deflate -9, zstd -19, zstd -19 with
 * the other plans as a dictionary, xz -9 (all in Arxos frames), and the tree coder the compressor uses.</li>
 * </ol>
 * Arguments: {@code --warmups=N} (default 10), {@code --warmup-seconds=S} (default 2) and {@code --runs=N} (default
 * 21), the same for SVGO's and Arxos' timings: each file is warmed up with at least N calls <em>and</em> until the
 * process has spent S seconds of CPU time on them. Ten calls of a fast compressor end before the JIT compiler is done
 * with it, so a count alone makes the faster side's "warm" time include compiling; CPU time rather than the clock,
 * because on a busy machine the compiler threads get little of a wall-clock second.
 */
public final class SvgCompressionBenchmark {

    private static final String SVG = "image/svg+xml";

    private SvgCompressionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "%s, %s %s, %d cores, Java %s%n", java.time.Instant.now(),
                System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        int warmUps = option(args, "--warmups=", 10);
        int warmUpSeconds = option(args, "--warmup-seconds=", 2);
        int runs = option(args, "--runs=", 21);
        List<Path> files = SharedData.files("svg", "svg");
        Compressor svg = DefaultComponent.create("org.arxos.compress.svg.internal.SvgCompressor", Compressor.class);
        // First calls, in file order in this fresh JVM, as SVGO's CLI meets the files in its fresh Node process.
        double[] first = new double[files.size()];
        for (int i = 0; i < files.size(); i++) {
            byte[] original = Files.readAllBytes(files.get(i));
            long t0 = System.nanoTime();
            compress(svg, original, CompressionLevel.BALANCED);
            first[i] = (System.nanoTime() - t0) / 1e6;
        }
        Map<String, SvgCompressionSvgo.Result> svgo = SvgCompressionSvgo.run(files, warmUps, warmUpSeconds, runs);

        TextTable sizes = new TextTable("SVG floor plans: bytes (saving); SVGO 4.1.0, default preset; gzip -9 by"
                + " java.util.zip", "file", "original", "gzip -9", "SVGO", "SVGO+gzip -9", "Arxos lossless",
                "Arxos lossy 0.1");
        TextTable times = new TextTable("Times in ms (warm: medians after warm-up; cpu: the process's CPU time)",
                "file", "SVGO cli", "Arxos first", "SVGO warm", "SVGO cpu", "Arxos warm", "Arxos cpu", "Arxos decode",
                "x first", "x warm", "x cpu");
        TextTable coders = new TextTable("Entropy coders on the minified SVG (bytes; Arxos frames of ~38 bytes included)",
                "file", "minified", "deflate -9", "zstd -19", "zstd -19 +dict", "xz -9", "tree (BALANCED)",
                "zstd -3 (FAST)");
        long[] totalSizes = new long[6];
        double[] totalTimes = new double[7];
        List<byte[]> minified = new ArrayList<>();
        for (Path f : files) {
            minified.add(decompress(svg, compress(svg, Files.readAllBytes(f), CompressionLevel.BALANCED)));
        }
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            String name = f.getFileName().toString();
            byte[] original = Files.readAllBytes(f);
            SvgCompressionSvgo.Result s = svgo.get(name);
            byte[] lossless = compress(svg, original, CompressionLevel.BALANCED);
            byte[] lossy = compress(svg, original, CompressionLevel.LOSSY);
            long[] compressNanos = new long[runs];
            long[] compressCpu = new long[runs];
            long[] decompressNanos = new long[runs];
            long warmUntil = processCpuNanos() + warmUpSeconds * 1_000_000_000L;
            for (int w = 0; w < warmUps || processCpuNanos() < warmUntil; w++) {
                compress(svg, original, CompressionLevel.BALANCED);
                decompress(svg, lossless);
            }
            for (int r = 0; r < runs; r++) {
                long cpu = processCpuNanos();
                long t0 = System.nanoTime();
                compress(svg, original, CompressionLevel.BALANCED);
                long t1 = System.nanoTime();
                long cpu1 = processCpuNanos();
                decompress(svg, lossless);
                long t2 = System.nanoTime();
                compressNanos[r] = t1 - t0;
                compressCpu[r] = cpu1 - cpu;
                decompressNanos[r] = t2 - t1;
            }
            long[] row = {original.length, gzip9(original), s.optimized().length, gzip9(s.optimized()),
                lossless.length, lossy.length};
            double[] t = {s.cliMillis(), first[i], s.warmMillis(), s.cpuMillis(), new Samples(compressNanos).median(),
                new Samples(compressCpu).median(), new Samples(decompressNanos).median()};
            for (int k = 0; k < row.length; k++) {
                totalSizes[k] += row[k];
            }
            for (int k = 0; k < t.length; k++) {
                totalTimes[k] += t[k];
            }
            sizes.add(name, row[0], withSaving(row[1], row[0]), withSaving(row[2], row[0]),
                    withSaving(row[3], row[0]), withSaving(row[4], row[0]), withSaving(row[5], row[0]));
            times.add(name, t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[0] / t[1], t[2] / t[4], t[3] / t[5]);
            byte[] others = others(minified, i);
            byte[] m = minified.get(i);
            coders.add(name, m.length, Frames.encode(m, Encoding.of(Algorithm.DEFLATE, 9)).length,
                    Frames.encode(m, Encoding.of(Algorithm.ZSTD, 19)).length,
                    Frames.encode(m, Encoding.of(Algorithm.ZSTD, 19).withDictionary(others)).length,
                    Frames.encode(m, Encoding.of(Algorithm.XZ, 9)).length, lossless.length,
                    compress(svg, original, CompressionLevel.FAST).length);
        }
        long[] z = totalSizes;
        double[] t = totalTimes;
        sizes.add("total", z[0], withSaving(z[1], z[0]), withSaving(z[2], z[0]), withSaving(z[3], z[0]),
                withSaving(z[4], z[0]), withSaving(z[5], z[0]));
        times.add("total", t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[0] / t[1], t[2] / t[4], t[3] / t[5]);
        sizes.print(System.out);
        times.print(System.out);
        coders.print(System.out);
        System.out.printf(Locale.ROOT, "%nSVGO cli: the CLI's own 'Done in' per file, one Node process for all files"
                + " (start-up not counted; the first file also loads svgo). Arxos first: the first BALANCED compression"
                + " of each file in this JVM, in the same order. Warm: median of %d calls after at least %d warm-up calls"
                + " and %d s of process CPU time on them (SVGO: optimize() in one Node process; Arxos: BALANCED"
                + " compression, one thread;"
                + " decode: its decompression). x: SVGO's time over Arxos' (cli/first, warm/warm, cpu/cpu).%n", runs,
                warmUps, warmUpSeconds);
    }

    /** CPU time of the whole process, JIT and garbage collector included, as Node's process.cpuUsage() counts. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** An option's value; arguments may also come as one string (exec:exec passes benchmark.sizes so). */
    private static int option(String[] args, String prefix, int otherwise) {
        return Arrays.stream(args).flatMap(a -> Arrays.stream(a.trim().split("\\s+"))).filter(a -> a.startsWith(prefix))
                .map(a -> Integer.parseInt(a.substring(prefix.length()))).findFirst().orElse(otherwise);
    }

    private static byte[] compress(Compressor c, byte[] svg, CompressionLevel level) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        c.compress(new ByteArrayInputStream(svg), out, SVG, level);
        return out.toByteArray();
    }

    private static byte[] decompress(Compressor c, byte[] compressed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        c.decompress(new ByteArrayInputStream(compressed), out);
        return out.toByteArray();
    }

    /** gzip -9 as java.util.zip writes it, header and trailer included. */
    private static long gzip9(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(9);
            }
        }) {
            gzip.write(bytes);
        }
        return out.size();
    }

    private static String withSaving(long bytes, long original) {
        return String.format(Locale.ROOT, "%d (%.1f %%)", bytes, 100.0 * (1 - bytes / (double) original));
    }

    /** The other plans' minified SVG, the dictionary for one plan (leave-one-out). */
    private static byte[] others(List<byte[]> minified, int except) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < minified.size(); i++) {
            if (i != except) {
                out.writeBytes(minified.get(i));
            }
        }
        return out.toByteArray();
    }
}
