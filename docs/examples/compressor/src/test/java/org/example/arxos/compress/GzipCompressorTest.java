package org.example.arxos.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.CorruptDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GzipCompressorTest {

    private static final byte[] SVG = ("<svg xmlns=\"http://www.w3.org/2000/svg\">"
            + "<rect x=\"1\" y=\"2\" width=\"3\" height=\"4\"/>".repeat(500) + "</svg>")
            .getBytes(StandardCharsets.UTF_8);

    private final GzipCompressor compressor = new GzipCompressor();

    private byte[] compress(byte[] content, CompressionLevel level) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        compressor.compress(new ByteArrayInputStream(content), out, "image/svg+xml", level);
        return out.toByteArray();
    }

    private byte[] decompress(byte[] compressed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        compressor.decompress(new ByteArrayInputStream(compressed), out);
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(CompressionLevel.class)
    void everyLevelGivesTheContentBackAndShrinksRepetitiveSvg(CompressionLevel level) throws IOException {
        byte[] compressed = compress(SVG, level);

        assertTrue(compressed.length < SVG.length / 10, level + ": " + compressed.length + " of " + SVG.length);
        assertArrayEquals(SVG, decompress(compressed));
    }

    @Test
    void aChangedByteFails() throws IOException {
        byte[] compressed = compress(SVG, CompressionLevel.BALANCED);
        compressed[compressed.length - 6] ^= 0x55; // inside the CRC-32 of the trailer

        assertThrows(CorruptDataException.class, () -> decompress(compressed));
    }

    @Test
    void truncatedInputFails() throws IOException {
        byte[] compressed = compress(SVG, CompressionLevel.BALANCED);

        assertThrows(CorruptDataException.class, () -> decompress(Arrays.copyOf(compressed, compressed.length / 2)));
    }

    @Test
    void inputThatIsNotGzipFails() {
        assertThrows(CorruptDataException.class, () -> decompress(SVG));
    }
}
