package org.arxos.compress.svg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The lossy step on hand-made SVGs: within the tolerance through nested transforms, exact where it must be. */
class SvgQuantizerTest {

    static byte[] lossy(byte[] svg, double tolerance, boolean simplify) throws Exception {
        XmlDocument document = new SvgReader(SvgLimits.DEFAULT).read(new ByteArrayInputStream(svg));
        SvgMinifier.minify(document);
        SvgQuantizer.quantize(document, tolerance, simplify);
        return SvgWriter.write(document);
    }

    @ParameterizedTest
    @MethodSource("org.arxos.compress.svg.internal.SvgMinifierTest#samples")
    void everySampleStaysWithinTheTolerance(String name) throws Exception {
        byte[] exact = SvgMinifierTest.minify(Samples.bytes(name));
        for (double tolerance : new double[] {0.1, 0.5, 2}) {
            for (boolean simplify : new boolean[] {false, true}) {
                Tolerance.assertWithin(exact, lossy(Samples.bytes(name), tolerance, simplify), tolerance,
                        name + " at " + tolerance + (simplify ? " simplified" : ""));
            }
        }
    }

    @Test
    void theStepFollowsTheStretchOfNestedTransforms() throws Exception {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">"
                + "<path d=\"M1.23456 1.23456L9.87654 1.23456\"/>"
                + "<g transform=\"scale(10)\"><path d=\"M1.23456 1.23456L9.87654 1.23456\"/>"
                + "<g transform=\"rotate(30) scale(.1 100)\"><path d=\"M1.23456 1.23456L9.87654 1.23456\"/></g></g></svg>";
        String out = new String(lossy(svg.getBytes(StandardCharsets.UTF_8), 0.1, false), StandardCharsets.UTF_8);
        // Stretch 1: a step of .1 (a point moves at most .0707); stretch 10: .01; stretch 1000: .0001.
        assertTrue(out.contains("<path d=\"M1.2 1.2H9.9\"/>"), out);
        assertTrue(out.contains("<path d=\"M1.23 1.23H9.88\"/>"), out);
        assertTrue(out.contains("<path d=\"M1.2346 1.2346H9.8765\"/>"), out);
    }

    @Test
    void reusedContentAndArcsStayExact() throws Exception {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                + "<defs><path id=\"p\" d=\"M1.23456 1.23456H9.87654\"/></defs>"
                + "<path id=\"q\" d=\"M1.23456 1.23456H9.87654\"/><use xlink:href=\"#q\" x=\"1.23456\"/>"
                + "<path d=\"M1.23456 1.23456A5 5 0 0 1 9.87654 1.23456\"/>"
                + "<rect x=\"1.23456\" y=\"1\" width=\"0.01\" height=\"5\"/></svg>";
        String out = new String(lossy(svg.getBytes(StandardCharsets.UTF_8), 0.1, true), StandardCharsets.UTF_8);
        assertEquals(3, out.split("M1\\.23456 1\\.23456", -1).length - 1, out);
        assertTrue(out.contains("<use xlink:href=\"#q\" x=\"1.2\"/>"), out);
        // A rect that would lose its width keeps it.
        assertTrue(out.contains("<rect x=\"1.23456\" y=\"1\" width=\".01\" height=\"5\"/>"), out);
    }

    @Test
    void simplificationDropsPointsWithinTheTolerance() throws Exception {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M0 0L10 .01 20 -.01 30 0 40 .02 50 0"
                + "C60 .01 70 -.01 80 0\" fill=\"none\" stroke=\"#000\"/></svg>";
        String out = new String(lossy(svg.getBytes(StandardCharsets.UTF_8), 0.1, true), StandardCharsets.UTF_8);
        assertTrue(out.contains("d=\"M0 0H80\""), out);
        String kept = new String(lossy(svg.replace("stroke=", "marker-mid=\"url(#m)\" stroke=")
                .getBytes(StandardCharsets.UTF_8), 0.1, true), StandardCharsets.UTF_8);
        assertNotEquals(-1, kept.indexOf("H10"), "markers keep every vertex: " + kept);
    }

    @Test
    void theToleranceMustBePositive() {
        XmlDocument document = new XmlDocument(List.of(), new XmlElement("svg", XmlElement.SVG, "svg"));
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> SvgQuantizer.quantize(document, bad, true));
        }
    }
}
