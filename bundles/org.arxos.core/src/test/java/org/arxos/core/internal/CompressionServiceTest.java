package org.arxos.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.CompressionLimitException;
import org.arxos.api.compress.CompressionRequest;
import org.arxos.api.compress.CompressionResult;
import org.arxos.api.compress.Compressor;
import org.arxos.api.compress.CompressorStatistics;
import org.arxos.api.compress.ContentRefusedException;
import org.arxos.api.compress.DecompressionRequest;
import org.arxos.api.selection.ImplementationsFailedException;
import org.arxos.api.selection.NoImplementationException;
import org.arxos.core.internal.TestCompressors.Hooked;
import org.arxos.core.internal.TestCompressors.StandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compression service over stand-in compressors, with content held in memory up to 1 KiB, so the 16 KiB plan
 * and the compressors' outputs go through temporary files.
 */
class CompressionServiceTest {

    private static final byte[] SVG = ("<svg xmlns=\"http://www.w3.org/2000/svg\">"
            + "<rect x=\"1\" y=\"2\" width=\"3\" height=\"4\"/>".repeat(400) + "</svg>")
            .getBytes(StandardCharsets.UTF_8);
    private static final String SVG_TYPE = "image/svg+xml";

    @TempDir
    Path spool;

    private final TestSelector selector = new TestSelector();
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private CompressionService service(Compressor... compressors) {
        String[] names = {"first", "second", "third"};
        for (int i = 0; i < compressors.length; i++) {
            selector.add(Compressor.class, names[i], compressors[i]);
        }
        return new CompressionService(selector, new CompressionSettings(1024, spool));
    }

    @Test
    void theCallerGetsOnlyWhatTheCompressorThatDidTheJobWrote() throws IOException {
        CompressionService service = service(TestCompressors.failing(), new StandIn("GENZ", null));
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        CompressionResult done = service.compress(new ByteArrayInputStream(SVG), compressed,
                new CompressionRequest(SVG_TYPE, CompressionLevel.MAX, null));

        assertEquals("second", done.implementation().name());
        assertEquals(SVG.length, done.originalBytes());
        assertEquals(compressed.size(), done.compressedBytes());
        assertTrue(done.ratio() < 0.05, "ratio " + done.ratio());
        assertArrayEquals(SVG, StandIn.inflate(compressed.toByteArray()), "not a byte of the failed attempt");
        assertEquals(1, service.statistics("first").failures());
        assertEquals(0, service.statistics("first").compressions());
        CompressorStatistics second = service.statistics("second");
        assertEquals(1, second.compressions());
        assertEquals(SVG.length, second.originalBytes());
        assertEquals(compressed.size(), second.compressedBytes());
        assertEquals(done.ratio(), second.ratio(), 1e-9);
        assertEquals(List.of(), spoolFiles(), "no temporary file outlives the call");
    }

    @Test
    void aCompressorThatRefusesIsPassedOverWithoutBlame() throws IOException {
        CompressionService service = service(new StandIn("SVGZ", SVG_TYPE), new StandIn("GENZ", null));
        byte[] json = "{\"rows\":[1,2,3]}".repeat(300).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        assertEquals("second", service.compress(new ByteArrayInputStream(json), compressed,
                CompressionRequest.of("application/json")).implementation().name());

        // the serving first is asked first and does not recognise the second's data
        ByteArrayOutputStream original = new ByteArrayOutputStream();
        CompressionResult done = service.decompress(new ByteArrayInputStream(compressed.toByteArray()), original,
                DecompressionRequest.of(null));
        assertEquals("second", done.implementation().name());
        assertEquals(json.length, done.originalBytes());
        assertEquals(compressed.size(), done.compressedBytes());
        assertArrayEquals(json, original.toByteArray());

        CompressorStatistics first = service.statistics("first");
        assertEquals(2, first.refusals(), "its type and its data: " + first);
        assertEquals(0, first.failures());
        CompressorStatistics second = service.statistics("second");
        assertEquals(1, second.compressions());
        assertEquals(1, second.decompressions());
        assertEquals(2L * json.length, second.originalBytes());
        assertEquals(0, second.refusals());
        assertTrue(second.compressMillis() > 0 && second.decompressMillis() > 0, second.toString());
    }

    @Test
    void theNamedCompressorIsAskedFirstAndAnUnknownNameMeansTheServingOne() throws IOException {
        CompressionService service = service(new StandIn("SVGZ", SVG_TYPE), new StandIn("GENZ", null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals("second", service.compress(new ByteArrayInputStream(SVG), out,
                new CompressionRequest(SVG_TYPE, CompressionLevel.FAST, "second")).implementation().name());
        assertEquals("first", service.compress(new ByteArrayInputStream(SVG), out,
                new CompressionRequest(SVG_TYPE, CompressionLevel.FAST, "missing")).implementation().name());
        assertEquals(0, service.statistics("missing").refusals());
    }

    @Test
    void contentEveryCompressorRefusesIsRefusedWithEachReason() {
        CompressionService service = service(new StandIn("SVGZ", SVG_TYPE), new StandIn("GENZ", "text/plain"));
        ContentRefusedException type = assertThrows(ContentRefusedException.class, () -> service.compress(
                new ByteArrayInputStream(SVG), OutputStream.nullOutputStream(), CompressionRequest.of("image/png")));
        assertTrue(type.mediaTypeRefused());
        assertEquals(Map.of("first", "does not take image/png", "second", "does not take image/png"), type.reasons());
        assertEquals("no running compressor compresses image/png content (first: does not take image/png; second: "
                + "does not take image/png)", type.getMessage());

        ByteArrayOutputStream original = new ByteArrayOutputStream();
        ContentRefusedException corrupt = assertThrows(ContentRefusedException.class, () -> service.decompress(
                new ByteArrayInputStream(SVG), original, DecompressionRequest.of("second")));
        assertFalse(corrupt.mediaTypeRefused());
        assertEquals(List.of("second", "first"), List.copyOf(corrupt.reasons().keySet()), "in the order asked");
        assertEquals("not a GENZ stream", corrupt.reasons().get("second"));
        assertEquals(0, original.size());
        assertEquals(2, service.statistics("first").refusals());
        assertEquals(0, service.statistics("first").failures());
    }

    @Test
    void anOriginalLargerThanTheCallerTakesIsRefusedNamingTheCallersLimit() throws IOException {
        CompressionService service = service(new StandIn("GENZ", null));
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        service.compress(new ByteArrayInputStream(SVG), compressed, CompressionRequest.of(SVG_TYPE));

        ByteArrayOutputStream original = new ByteArrayOutputStream();
        CompressionLimitException limit = assertThrows(CompressionLimitException.class, () -> service.decompress(
                new ByteArrayInputStream(compressed.toByteArray()), original,
                new DecompressionRequest(null, SVG.length - 1, "maxBodyBytes")));
        assertEquals("maxBodyBytes", limit.limit());
        assertTrue(limit.getMessage().contains(Integer.toString(SVG.length - 1)), limit.getMessage());
        assertEquals(0, original.size());

        service.decompress(new ByteArrayInputStream(compressed.toByteArray()), original,
                new DecompressionRequest(null, SVG.length, "maxBodyBytes"));
        assertArrayEquals(SVG, original.toByteArray(), "exactly the limit is within it");
    }

    @Test
    void failuresAreCountedAlsoWhenEveryCompressorFails() {
        CompressionService service = service(TestCompressors.failing(), TestCompressors.failing());
        assertThrows(ImplementationsFailedException.class, () -> service.compress(new ByteArrayInputStream(SVG),
                OutputStream.nullOutputStream(), CompressionRequest.of(SVG_TYPE)));
        assertEquals(1, service.statistics("first").failures());
        assertEquals(1, service.statistics("second").failures());

        CompressionService none = new CompressionService(new TestSelector(), CompressionSettings.defaults());
        NoImplementationException missing = assertThrows(NoImplementationException.class, () -> none.decompress(
                new ByteArrayInputStream(SVG), OutputStream.nullOutputStream(), DecompressionRequest.of(null)));
        assertEquals("no implementation of compressor is running", missing.getMessage());
    }

    /**
     * The selector gives up on a compressor after its time limit and interrupts it; the compressor goes on reading the
     * content (beyond what its stream buffers) with its thread interrupted, and writing, and the next one still reads
     * the same temporary file.
     */
    @Test
    void aCompressorLeftBehindAfterItsTimeLimitDisturbsNeitherTheNextNorTheCaller() throws Exception {
        byte[] plan = ("<svg>" + "<rect x=\"1\" y=\"2\" width=\"3\" height=\"4\"/>".repeat(6000) + "</svg>")
                .getBytes(StandardCharsets.UTF_8);
        CountDownLatch readWhileInterrupted = new CountDownLatch(1);
        Compressor overrunning = new Hooked((in, out) -> {
            in.read();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                in.readNBytes(100_000);
                readWhileInterrupted.countDown();
            }
        }, new StandIn("SLOW", null));
        Compressor afterIt = new Hooked((in, out) -> {
            try {
                assertTrue(readWhileInterrupted.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, new StandIn("GENZ", null));
        selector.guardedBy(new GuardedCalls(executor, new CallSettings(Duration.ofSeconds(1), 0)));
        CompressionService service = service(overrunning, afterIt);

        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        CompressionResult done = service.compress(new ByteArrayInputStream(plan), compressed,
                CompressionRequest.of(SVG_TYPE));
        assertEquals("second", done.implementation().name());
        assertEquals("GENZ", new String(compressed.toByteArray(), 0, 4, StandardCharsets.US_ASCII));
        assertArrayEquals(plan, StandIn.inflate(compressed.toByteArray()));
        assertEquals(1, service.statistics("first").failures());
        assertEquals(List.of(), spoolFiles());
    }

    private List<Path> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.toList();
        }
    }
}
