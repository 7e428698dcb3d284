package org.arxos.compress.svg.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.io.ImportOptions;
import org.arxos.io.svg.SvgFloorPlans;
import org.arxos.model.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The acceptance points on the shared floor plans: the lossless level renders pixel for pixel as the input in
 * Batik and re-imports to the same building; the lossy level moves nothing more than the tolerance; both beat the
 * bars, which are computed here from the input and gzip -9 (SVGO itself runs only in the benchmark).
 */
class SharedPlansTest {

    /** Lossless output at most this share of gzip -9's: SVGO + gzip reaches 0.56 to 0.72 of it on these files. */
    private static final double OF_GZIP = 0.66;

    @ParameterizedTest
    @MethodSource("org.arxos.compress.svg.internal.SharedPlans#files")
    void losslessRendersPixelForPixelAsTheInput(String file) throws Exception {
        byte[] original = SharedPlans.read(file);
        byte[] minified = Compression.decompress(Compression.compress(original, CompressionLevel.BALANCED));
        assertArrayEquals(Raster.pixels(original, 1024), Raster.pixels(minified, 1024), file);
    }

    @ParameterizedTest
    @MethodSource("org.arxos.compress.svg.internal.SharedPlans#files")
    void losslessReimportsToTheSameBuilding(String file) throws Exception {
        byte[] original = SharedPlans.read(file);
        byte[] minified = Compression.decompress(Compression.compress(original, CompressionLevel.BALANCED));
        assertArrayEquals(minified, Compression.decompress(Compression.compress(original, CompressionLevel.MAX)), file);
        byte[] fast = Compression.decompress(Compression.compress(original, CompressionLevel.FAST));
        Revision before = building(original, file);
        for (byte[] output : List.of(minified, fast)) {
            Revision after = building(output, file);
            assertEquals(before.objectCount(), after.objectCount(), file);
            assertEquals(before.contentHash(), after.contentHash(), file);
        }
    }

    private static Revision building(byte[] svg, String name) throws Exception {
        return Revision.EMPTY.apply(SvgFloorPlans.read(new ByteArrayInputStream(svg), ImportOptions.of(name))
                .content());
    }

    @ParameterizedTest
    @MethodSource("org.arxos.compress.svg.internal.SharedPlans#files")
    void lossyMovesNothingMoreThanTheTolerance(String file) throws Exception {
        byte[] original = SharedPlans.read(file);
        byte[] lossless = Compression.decompress(Compression.compress(original, CompressionLevel.BALANCED));
        byte[] lossy = Compression.decompress(Compression.compress(original, CompressionLevel.LOSSY));
        Tolerance.assertWithin(lossless, lossy, Configuration.DEFAULTS.tolerance(), file);
    }

    @Test
    void sizesBeatTheBars() throws Exception {
        long input = 0;
        long lossless = 0;
        long lossy = 0;
        for (String file : SharedPlans.FILES) {
            byte[] original = SharedPlans.read(file);
            int gzip = Compression.gzip9(original);
            int balanced = Compression.compress(original, CompressionLevel.BALANCED).length;
            int max = Compression.compress(original, CompressionLevel.MAX).length;
            int rounded = Compression.compress(original, CompressionLevel.LOSSY).length;
            assertTrue(balanced <= OF_GZIP * gzip, file + ": " + balanced + " bytes, gzip -9 " + gzip);
            assertTrue(max <= balanced && rounded < balanced, file + ": max " + max + ", lossy " + rounded);
            input += original.length;
            lossless += balanced;
            lossy += rounded;
        }
        assertTrue(lossless <= input * 0.10, "lossless saves " + saving(lossless, input) + ", needs 90 %");
        assertTrue(lossy <= input * 0.07, "lossy saves " + saving(lossy, input) + ", needs 93 %");
    }

    private static String saving(long compressed, long input) {
        return String.format(Locale.ROOT, "%.2f %%", 100.0 * (1 - compressed / (double) input));
    }
}
