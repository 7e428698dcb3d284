package org.arxos.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.arxos.api.compress.CompressionLevel;
import org.junit.jupiter.api.Test;

class CodecChoiceTest {

    private static final CodecChoice CHOICE = CodecChoice.DEFAULT;

    @Test
    void levelsPickFastBalancedAndStrongCodecs() {
        assertEquals(Encoding.of(Algorithm.ZSTD, 1), CHOICE.choose("image/svg+xml", CompressionLevel.FAST, -1));
        assertEquals(Encoding.of(Algorithm.ZSTD, 9), CHOICE.choose("image/svg+xml", CompressionLevel.BALANCED, -1));
        assertEquals(Encoding.of(Algorithm.ZSTD, 9), CHOICE.choose(null, CompressionLevel.LOSSY, 1 << 20));
        Encoding max = CHOICE.choose("application/json", CompressionLevel.MAX, 100_000);
        assertEquals(Algorithm.XZ, max.algorithm());
        assertEquals(9, max.level());
    }

    @Test
    void compressedTypesAreStoredWhateverTheirParametersOrCase() {
        for (String type : new String[] {"image/png", "IMAGE/JPEG", "application/zip; foo=bar", "video/mp4",
            "audio/ogg"}) {
            assertEquals(Algorithm.STORED, CHOICE.choose(type, CompressionLevel.MAX, 1 << 20).algorithm(), type);
        }
        assertTrue(CHOICE.isCompressed("font/woff2"));
        assertFalse(CHOICE.isCompressed("image/svg+xml"));
        assertFalse(CHOICE.isCompressed("videos/x"));
    }

    @Test
    void tinyContentIsStoredAndSmallContentDeflated() {
        assertEquals(Algorithm.STORED, CHOICE.choose("text/plain", CompressionLevel.MAX, 10).algorithm());
        assertEquals(Encoding.of(Algorithm.DEFLATE, 9), CHOICE.choose("text/plain", CompressionLevel.MAX, 1000));
        assertEquals(Algorithm.XZ, CHOICE.choose("text/plain", CompressionLevel.MAX, 4096).algorithm());
    }
}
