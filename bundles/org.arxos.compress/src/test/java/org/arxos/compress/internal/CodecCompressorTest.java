package org.arxos.compress.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.CompressionLimitException;
import org.arxos.api.compress.CorruptDataException;
import org.arxos.compress.Algorithm;
import org.arxos.compress.Decoding;
import org.arxos.compress.FrameHeader;
import org.arxos.compress.FrameInputStream;
import org.junit.jupiter.api.Test;

class CodecCompressorTest {

    private static final Path SVG = Path.of(System.getProperty("arxos.shared.dir", "../../../shared"), "data", "svg");

    private final CodecCompressor compressor = new CodecCompressor(configuration(Map.of()));

    @Test
    void everyLevelAndTypeComesBackWithTheCodecItCalledFor() throws IOException {
        byte[] text = text(300_000);
        assertCodec(Algorithm.ZSTD, 1, text, "application/json", CompressionLevel.FAST);
        assertCodec(Algorithm.ZSTD, 9, text, "application/json", CompressionLevel.BALANCED);
        assertCodec(Algorithm.XZ, 9, text, "application/json", CompressionLevel.MAX);
        assertCodec(Algorithm.STORED, 0, text, "image/png", CompressionLevel.MAX);
        CodecCompressor more = new CodecCompressor(configuration(Map.of("moreStoredTypes",
                new String[] {"application/x-arxos-frame"})));
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        more.compress(new ByteArrayInputStream(text), frame, "application/x-arxos-frame", CompressionLevel.MAX);
        assertEquals(Algorithm.STORED, headerOf(frame.toByteArray()).algorithm());
        assertCodec(Algorithm.DEFLATE, 9, new byte[2000], null, CompressionLevel.FAST);
        assertCodec(Algorithm.STORED, 0, new byte[10], "text/plain", CompressionLevel.MAX);
        assertCodec(Algorithm.STORED, 0, new byte[0], "text/plain", CompressionLevel.BALANCED);
    }

    @Test
    void configurationChangesTheChoiceAndTheLimits() throws IOException {
        CodecCompressor configured = new CodecCompressor(configuration(Map.of("maxAlgorithm", Algorithm.ZSTD,
                "maxLevel", 12, "maxExpansionRatio", 100)));
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        configured.compress(new ByteArrayInputStream(new byte[5 << 20]), frame, "application/octet-stream",
                CompressionLevel.MAX);
        assertEquals(Algorithm.ZSTD, headerOf(frame.toByteArray()).algorithm());
        assertEquals(12, headerOf(frame.toByteArray()).level());
        CompressionLimitException e = assertThrows(CompressionLimitException.class,
                () -> configured.decompress(new ByteArrayInputStream(frame.toByteArray()), new ByteArrayOutputStream()));
        assertEquals("maxExpansionRatio", e.limit());
        CodecCompressor lenient = new CodecCompressor(configuration(Map.of("maxExpansionRatio", 100_000)));
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        lenient.decompress(new ByteArrayInputStream(frame.toByteArray()), decoded);
        assertEquals(5 << 20, decoded.size());
    }

    @Test
    void decompressionRefusesWhatIsNotAnIntactFrame() throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        compressor.compress(new ByteArrayInputStream(text(5000)), frame, "text/plain", CompressionLevel.BALANCED);
        byte[] corrupted = frame.toByteArray();
        corrupted[corrupted.length / 2] ^= 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(CorruptDataException.class, () -> compressor.decompress(new ByteArrayInputStream(corrupted), out));
        assertEquals(0, out.size());
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (DeflaterOutputStream foreign = new DeflaterOutputStream(gzip)) {
            foreign.write(text(5000));
        }
        assertThrows(CorruptDataException.class,
                () -> compressor.decompress(new ByteArrayInputStream(gzip.toByteArray()), new ByteArrayOutputStream()));
    }

    /** The shared floor plans (when present): every level round-trips, and MAX beats gzip -9 on every plan. */
    @Test
    void sharedFloorPlansBeatGzipAtMax() throws IOException {
        if (!Files.isDirectory(SVG)) {
            return;
        }
        try (Stream<Path> files = Files.list(SVG)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".svg")).sorted().toList()) {
                byte[] plan = Files.readAllBytes(file);
                StringBuilder sizes = new StringBuilder(file.getFileName() + " " + plan.length);
                for (CompressionLevel level : CompressionLevel.values()) {
                    sizes.append(' ').append(level).append(' ').append(roundTrip(compressor, plan, level).length);
                }
                int gzip = gzip9(plan);
                int max = roundTrip(compressor, plan, CompressionLevel.MAX).length;
                System.out.println(sizes + " gzip-9 " + gzip);
                assertTrue(max < gzip, file + ": " + max + " against gzip -9 " + gzip);
            }
        }
    }

    private void assertCodec(Algorithm algorithm, int level, byte[] original, String type, CompressionLevel at)
            throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        compressor.compress(new ByteArrayInputStream(original), frame, type, at);
        FrameHeader header = headerOf(frame.toByteArray());
        assertEquals(algorithm, header.algorithm(), type + " at " + at);
        assertEquals(level, header.level(), type + " at " + at);
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        compressor.decompress(new ByteArrayInputStream(frame.toByteArray()), decoded);
        assertArrayEquals(original, decoded.toByteArray());
    }

    private static byte[] roundTrip(CodecCompressor compressor, byte[] original, CompressionLevel level)
            throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        compressor.compress(new ByteArrayInputStream(original), frame, "image/svg+xml", level);
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        compressor.decompress(new ByteArrayInputStream(frame.toByteArray()), decoded);
        assertArrayEquals(original, decoded.toByteArray());
        return frame.toByteArray();
    }

    private static FrameHeader headerOf(byte[] frame) throws IOException {
        return new FrameInputStream(new ByteArrayInputStream(frame), Decoding.DEFAULT).header();
    }

    private static int gzip9(byte[] original) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream gzip = new DeflaterOutputStream(out, new Deflater(9, true))) {
            gzip.write(original);
        }
        return out.size() + 18; // the gzip header and trailer around the deflate stream
    }

    private static byte[] text(int length) {
        StringBuilder text = new StringBuilder();
        Random random = new Random(50);
        while (text.length() < length) {
            text.append("{\"id\":").append(random.nextInt(100_000)).append(",\"x\":").append(random.nextInt(1000))
                    .append("}\n");
        }
        return text.substring(0, length).getBytes();
    }

    /** The configuration's defaults, with some values replaced, as DS would pass it. */
    private static CodecConfiguration configuration(Map<String, Object> values) {
        return (CodecConfiguration) Proxy.newProxyInstance(CodecConfiguration.class.getClassLoader(),
                new Class<?>[] {CodecConfiguration.class},
                (proxy, method, arguments) -> values.getOrDefault(method.getName(), method.getDefaultValue()));
    }
}
