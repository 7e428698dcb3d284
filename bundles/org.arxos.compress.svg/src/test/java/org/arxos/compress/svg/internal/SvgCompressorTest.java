package org.arxos.compress.svg.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.CompressionLimitException;
import org.arxos.api.compress.CorruptDataException;
import org.arxos.compress.Algorithm;
import org.arxos.compress.CodecChoice;
import org.arxos.compress.Decoding;
import org.arxos.compress.Encoding;
import org.arxos.compress.FrameLimits;
import org.arxos.compress.Frames;
import org.arxos.compress.internal.CodecCompressor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The compressor service: round trips, refusals with clear messages, and corrupt input that never decodes. */
class SvgCompressorTest {

    @ParameterizedTest
    @MethodSource("org.arxos.compress.svg.internal.SvgMinifierTest#samples")
    void everyLevelDecompressesToTheMinifiedSvg(String name) throws Exception {
        for (CompressionLevel level : new CompressionLevel[] {CompressionLevel.FAST, CompressionLevel.BALANCED,
            CompressionLevel.MAX}) {
            byte[] minified = SvgMinifierTest.minify(Samples.bytes(name), level == CompressionLevel.FAST);
            byte[] compressed = Compression.compress(Samples.bytes(name), level);
            assertTrue(level == CompressionLevel.FAST ? Frames.isFrame(compressed) : SvgStream.is(compressed),
                    name + " " + level);
            assertArrayEquals(minified, Compression.decompress(compressed), name + " " + level);
        }
        byte[] lossy = Compression.decompress(Compression.compress(Samples.bytes(name), CompressionLevel.LOSSY));
        assertArrayEquals(SvgQuantizerTest.lossy(Samples.bytes(name), 0.1, true), lossy, name);
    }

    @Test
    void takesSvgOnly() {
        assertTrue(Compression.COMPRESSOR.supports("image/svg+xml"));
        assertTrue(Compression.COMPRESSOR.supports("Image/SVG+XML; charset=utf-8"));
        assertFalse(Compression.COMPRESSOR.supports("application/json"));
        assertFalse(Compression.COMPRESSOR.supports(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Compression.COMPRESSOR.compress(
                new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), "text/plain",
                CompressionLevel.BALANCED));
        assertTrue(e.getMessage().contains("image/svg+xml"), e.getMessage());
    }

    private static String refusal(String svg) {
        return refusal(Compression.COMPRESSOR, svg);
    }

    private static String refusal(SvgCompressor compressor, String svg) {
        return assertThrows(IllegalArgumentException.class, () -> Compression.compress(compressor,
                svg.getBytes(StandardCharsets.UTF_8), CompressionLevel.BALANCED)).getMessage();
    }

    @Test
    void malformedSvgIsRefusedNamingLineAndColumn() {
        String m = refusal("<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <rect width=\"1\">\n</svg>");
        assertTrue(m.startsWith("invalid SVG at line 3, column 3: not well-formed XML"), m);
        m = refusal("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect width=\"1\" width=\"2\"/></svg>");
        assertTrue(m.contains("line 2"), m);
        m = refusal("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>");
        assertTrue(m.contains("not an SVG document: the root element is <html>"), m);
        m = refusal("");
        assertTrue(m.startsWith("invalid SVG"), m);
    }

    @Test
    void externalEntitiesAndExpansionBombsAreRefused() {
        String m = refusal("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>");
        assertTrue(m.contains("external entity 'x' refused"), m);
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\">");
        bomb.append("<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&b;</svg>");
        m = refusal(bomb.toString());
        assertTrue(m.contains("entity 'b' refused"), m);
    }

    @Test
    void limitsAreEnforcedAndNamed() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><g/><g/><g/></svg>";
        String m = refusal(new SvgCompressor(Configuration.DEFAULTS.withMaxElements(3)), svg);
        assertTrue(m.contains("more than 3 elements (the element limit)"), m);
        m = refusal(new SvgCompressor(Configuration.DEFAULTS.withMaxBytes(20)), svg);
        assertTrue(m.contains("larger than 20 bytes (the size limit)"), m);
        assertThrows(IllegalArgumentException.class, () -> new SvgCompressor(Configuration.DEFAULTS.withTolerance(0)));
    }

    @Test
    void everyDamagedByteOfASmallContainerIsDetected() throws Exception {
        byte[] minified = SvgMinifierTest.minify(Samples.bytes("paths"));
        for (CompressionLevel level : new CompressionLevel[] {CompressionLevel.FAST, CompressionLevel.BALANCED}) {
            byte[] compressed = Compression.compress(Samples.bytes("paths"), level);
            for (int i = 0; i < compressed.length; i++) {
                for (int bit : new int[] {0x01, 0x80}) {
                    byte[] damaged = compressed.clone();
                    damaged[i] ^= bit;
                    assertNeverWrong(damaged, minified, level + " byte " + i);
                }
            }
            for (int length = 0; length < compressed.length; length++) {
                assertNeverWrong(Arrays.copyOf(compressed, length), minified, level + " cut at " + length);
            }
        }
    }

    private static void assertNeverWrong(byte[] damaged, byte[] right, String what) {
        try {
            byte[] out = Compression.decompress(damaged);
            assertArrayEquals(right, out, what + " decoded to wrong bytes");
        } catch (CorruptDataException expected) {
            // detected
        } catch (IOException e) {
            throw new AssertionError(what + ": not reported as corruption: " + e, e);
        }
    }

    @Test
    void aDamagedTreeStreamInsideAnIntactFrameIsDetected() throws Exception {
        byte[] minified = SvgMinifierTest.minify(Samples.bytes("text"));
        byte[] compressed = Compression.compress(Samples.bytes("text"), CompressionLevel.BALANCED);
        byte[] content = Frames.decode(Arrays.copyOfRange(compressed, SvgStream.FRAME_OFFSET, compressed.length),
                Decoding.DEFAULT);
        Random random = new Random(11);
        for (int i = 0; i < content.length; i++) {
            byte[] damaged = content.clone();
            damaged[i] ^= (byte) (1 + random.nextInt(255));
            assertNeverWrong(stream(damaged), minified, "stream byte " + i);
        }
    }

    /** An SVG stream around {@code content}, in an intact frame. */
    private static byte[] stream(byte[] content) {
        byte[] frame = Frames.encode(content, Encoding.of(Algorithm.STORED));
        byte[] stream = Arrays.copyOf(SvgStream.MAGIC, SvgStream.FRAME_OFFSET + frame.length);
        stream[SvgStream.MAGIC.length] = SvgStream.VERSION;
        System.arraycopy(frame, 0, stream, SvgStream.FRAME_OFFSET, frame.length);
        return stream;
    }

    @Test
    void aWrongMagicOrVersionIsNamed() throws Exception {
        byte[] compressed = Compression.compress(Samples.bytes("paths"), CompressionLevel.BALANCED);
        byte[] magic = compressed.clone();
        magic[1] ^= 1;
        String m = assertThrows(CorruptDataException.class, () -> Compression.decompress(magic)).getMessage();
        assertTrue(m.contains("neither with AXSV nor with an Arxos frame's magic"), m);
        byte[] version = compressed.clone();
        version[SvgStream.MAGIC.length] = SvgStream.VERSION + 1;
        m = assertThrows(CorruptDataException.class, () -> Compression.decompress(version)).getMessage();
        assertTrue(m.contains("unsupported SVG stream version 2"), m);
    }

    /**
     * When the SVG compressor is stopped, the platform hands its output to the next compressor, the general codec,
     * which reads any frame: the tree-coded levels must be refused there, never returned as if they were the SVG.
     */
    @Test
    void theCodecCompressorRefusesTheTreeCodedLevels() throws Exception {
        CodecCompressor codec = new CodecCompressor(CodecChoice.DEFAULT, FrameLimits.DEFAULT);
        for (CompressionLevel level : new CompressionLevel[] {CompressionLevel.BALANCED, CompressionLevel.MAX,
            CompressionLevel.LOSSY}) {
            byte[] compressed = Compression.compress(Samples.bytes("paths"), level);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CorruptDataException e = assertThrows(CorruptDataException.class,
                    () -> codec.decompress(new ByteArrayInputStream(compressed), out), level.toString());
            assertTrue(e.getMessage().contains("wrong magic"), e.getMessage());
            assertEquals(0, out.size(), level + " wrote bytes before refusing");
        }
        byte[] fast = Compression.compress(Samples.bytes("paths"), CompressionLevel.FAST);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.decompress(new ByteArrayInputStream(fast), out);
        assertArrayEquals(SvgMinifierTest.minify(Samples.bytes("paths"), true), out.toByteArray());
    }

    @Test
    void liesAboutSizesAreRefusedBeforeDecoding() throws Exception {
        byte[] coded = TreeCodec.encode(new SvgReader(SvgLimits.DEFAULT).read(new ByteArrayInputStream(
                Samples.bytes("paths"))), SvgLimits.DEFAULT);
        // A stream that says it decodes to 2 MiB - 1 bytes: its length varint is FF FF 7F.
        byte[] honest = SvgStream.content(new byte[0], coded);
        byte[] lie = new byte[honest.length + 2];
        lie[0] = (byte) 0xFF;
        lie[1] = (byte) 0xFF;
        lie[2] = (byte) 0x7F;
        System.arraycopy(honest, 1, lie, 3, honest.length - 1);
        CompressionLimitException e = assertThrows(CompressionLimitException.class,
                () -> Compression.decompress(stream(lie)));
        assertEquals("maxExpansionRatio", e.limit());
        SvgCompressor strict = new SvgCompressor(Configuration.DEFAULTS.withMaxExpansionRatio(2));
        byte[] compressed = Compression.compress(("<svg xmlns=\"http://www.w3.org/2000/svg\">"
                + "<rect width=\"10\" height=\"10\"/>".repeat(100) + "</svg>").getBytes(StandardCharsets.UTF_8),
                CompressionLevel.BALANCED);
        assertEquals("maxExpansionRatio", assertThrows(CompressionLimitException.class,
                () -> Compression.decompress(strict, compressed)).limit());
        SvgCompressor small = new SvgCompressor(Configuration.DEFAULTS.withMaxBytes(100));
        assertEquals("maxBytes", assertThrows(CompressionLimitException.class,
                () -> Compression.decompress(small, compressed)).limit());
    }

    @Test
    void garbageIsNotAFrame() {
        Random random = new Random(5);
        for (int n = 0; n < 200; n++) {
            byte[] garbage = new byte[random.nextInt(300)];
            random.nextBytes(garbage);
            assertThrows(CorruptDataException.class, () -> Compression.decompress(garbage));
        }
    }
}
