package org.arxos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.Compressor;
import org.arxos.api.selection.CallGuard;
import org.arxos.api.selection.CallRecord;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.api.selection.Served;
import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The acceptance test of swapping the SVG compressor under load: 8 threads compress the shared SVG floor plans and
 * decompress what they got, each call through the selector as the REST API and the shell make it (the serving
 * compressor, the next one when it fails), while {@code org.arxos.compress.svg} is stopped and started, uninstalled and
 * installed again, twice over. No call may fail; every plan must come back as the compressor that made it promises
 * (svg: its minified plan; codec: the very bytes); svg and codec must both have served.
 *
 * <p>The level is FAST, the request path's: svg writes it as a zstd frame of the minified plan, which the codec
 * compressor reads too, so a plan that svg compressed comes back while svg is away. (svg's BALANCED and MAX output is
 * its own tree coding, which only svg reads.) The runtime holds these two compressors only: both take SVG and read
 * each other's FAST frames, so no call is ever refused, and any failure the selector counts is a real one. (With the
 * BIM compressor beside them, plain guarded calls would ask it too and count its refusals of SVG as failures; the REST
 * API and the shell pass over such refusals without blame.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CompressorSwapUnderLoadTest {

    private static final int THREADS = 8;
    private static final long PHASE_MILLIS = 1_200;
    private static final int CYCLES = 2;
    private static final String SVG = "image/svg+xml";
    private static final String SVG_BUNDLE = "org.arxos.compress.svg";
    private static final Path PLANS = Path.of(System.getProperty("arxos.shared.dir", "../../../shared"), "data",
            "svg");

    @Inject
    private BundleContext context;

    @Inject
    private ImplementationSelector selector;

    @Configuration
    public Option[] config() {
        return ArxosRuntime.withExtraBundles(ArxosRuntime.COMPRESSION);
    }

    /** One plan compressed and decompressed: by which compressors, or why it failed. */
    private record RoundTrip(long startNanos, String compressedBy, String decompressedBy, String failure) {
    }

    /** A plan as it goes in, and as svg gives it back. */
    private record Plan(String name, byte[] original, byte[] minified) {
    }

    @Test
    public void noCallFailsWhileTheSvgCompressorIsReplaced() throws Exception {
        Assume.assumeTrue("the shared SVG plans are at " + PLANS.toAbsolutePath(), Files.isDirectory(PLANS));
        awaitServing("svg");
        Compressor svg = selector.select(Compressor.class, "svg").orElseThrow();
        List<Plan> plans = new ArrayList<>();
        try (var files = Files.list(PLANS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".svg")).sorted().toList()) {
                byte[] original = Files.readAllBytes(file);
                plans.add(new Plan(file.getFileName().toString(), original,
                        decompress(svg, compress(svg, original))));
            }
        }
        assertEquals("the shared plans", 3, plans.size());

        Queue<RoundTrip> roundTrips = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(THREADS);
        for (int i = 0; i < THREADS; i++) {
            SplittableRandom random = new SplittableRandom(200 + i);
            new Thread(() -> {
                try {
                    while (running.get()) {
                        roundTrips.add(roundTrip(plans.get(random.nextInt(plans.size()))));
                    }
                } finally {
                    done.countDown();
                }
            }, "compress-caller-" + i).start();
        }
        List<long[]> away = new ArrayList<>();
        Bundle bundle = bundle(SVG_BUNDLE);
        Thread.sleep(PHASE_MILLIS);
        long back = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            long stopped = System.nanoTime();
            bundle.stop();
            Thread.sleep(PHASE_MILLIS);
            away.add(new long[] {stopped, System.nanoTime()});
            bundle.start();
            awaitServing("svg");
            Thread.sleep(PHASE_MILLIS);

            long uninstalled = System.nanoTime();
            bundle.uninstall();
            Thread.sleep(PHASE_MILLIS);
            away.add(new long[] {uninstalled, System.nanoTime()});
            bundle = context.installBundle(ArxosRuntime.bundleFile(SVG_BUNDLE).toURI().toString());
            bundle.start();
            awaitServing("svg");
            back = System.nanoTime();
            Thread.sleep(PHASE_MILLIS);
        }
        // an svg round trip of the largest plan takes a second or more on a busy machine
        Thread.sleep(2 * PHASE_MILLIS);
        running.set(false);
        assertTrue("callers stop", done.await(60, TimeUnit.SECONDS));

        List<RoundTrip> all = new ArrayList<>(roundTrips);
        List<RoundTrip> failed = all.stream().filter(r -> r.failure() != null).toList();
        Map<String, Long> byCompressor = all.stream().filter(r -> r.failure() == null)
                .collect(Collectors.groupingBy(RoundTrip::compressedBy, Collectors.counting()));
        System.out.printf("CompressorSwapUnderLoadTest: %d round trips by %d threads over %d swaps, %d failed; "
                + "compressed by %s%n", all.size(), THREADS, 2 * CYCLES, failed.size(), byCompressor);
        if (!failed.isEmpty()) {
            fail(failed.size() + " of " + all.size() + " round trips failed, e.g. "
                    + failed.stream().limit(5).map(RoundTrip::failure).toList());
        }
        assertTrue("codec served while svg was away", all.stream().anyMatch(r -> r.compressedBy().equals("codec")
                && away.stream().anyMatch(w -> r.startNanos() > w[0] && r.startNanos() < w[1])));
        long reinstalled = back;
        assertTrue("svg served again once it was back", all.stream().anyMatch(r -> r.startNanos() > reinstalled
                && r.compressedBy().equals("svg")));
        for (CallRecord record : selector.calls(Capability.COMPRESSOR)) {
            assertEquals(record.implementation().name() + " never failed", 0, record.failures());
        }
    }

    private RoundTrip roundTrip(Plan plan) {
        long start = System.nanoTime();
        try {
            Served<byte[]> compressed = selector.call(Compressor.class, (compressor, implementation) ->
                    compress(compressor, plan.original()));
            String by = compressed.implementation().name();
            Served<byte[]> decompressed = selector.call(Compressor.class, by, (compressor, implementation) ->
                    decompress(compressor, compressed.value()), CallGuard.any());
            String back = decompressed.implementation().name();
            if (!compressed.failures().isEmpty() || !decompressed.failures().isEmpty()) {
                return new RoundTrip(start, by, back, plan.name() + ": calls failed on the way: "
                        + compressed.failures() + " " + decompressed.failures());
            }
            byte[] expected = by.equals("svg") ? plan.minified() : plan.original();
            if (!Arrays.equals(expected, decompressed.value())) {
                return new RoundTrip(start, by, back, plan.name() + " compressed by " + by + ", decompressed by "
                        + back + ": " + decompressed.value().length + " bytes, not the " + expected.length
                        + " expected");
            }
            return new RoundTrip(start, by, back, null);
        } catch (RuntimeException e) {
            return new RoundTrip(start, null, null, plan.name() + ": " + e);
        }
    }

    private static byte[] compress(Compressor compressor, byte[] original) throws IOException {
        return through(out -> compressor.compress(new ByteArrayInputStream(original), out, SVG,
                CompressionLevel.FAST));
    }

    private static byte[] decompress(Compressor compressor, byte[] compressed) throws IOException {
        return through(out -> compressor.decompress(new ByteArrayInputStream(compressed), out));
    }

    @FunctionalInterface
    private interface Writing {
        void to(ByteArrayOutputStream out) throws IOException;
    }

    private static byte[] through(Writing writing) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writing.to(out);
        return out.toByteArray();
    }

    private void awaitServing(String name) throws InterruptedException {
        Awaits.until(name + " serves compression", 10_000,
                () -> selector.capability(Capability.COMPRESSOR).serving(), name::equals);
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError(symbolicName + " is not installed"));
    }
}
