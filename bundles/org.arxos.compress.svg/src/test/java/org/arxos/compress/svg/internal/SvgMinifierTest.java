package org.arxos.compress.svg.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The lossless minification of hand-made SVGs: Batik draws the result pixel for pixel as the input. */
class SvgMinifierTest {

    static String minified(String name) throws Exception {
        return new String(minify(Samples.bytes(name)), StandardCharsets.UTF_8);
    }

    static byte[] minify(byte[] svg) throws Exception {
        return minify(svg, false);
    }

    static byte[] minify(byte[] svg, boolean mergeStyles) throws Exception {
        XmlDocument document = new SvgReader(SvgLimits.DEFAULT).read(new ByteArrayInputStream(svg));
        SvgMinifier.minify(document, mergeStyles);
        return SvgWriter.write(document);
    }

    static java.util.stream.Stream<String> samples() {
        return Samples.ALL.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleRendersPixelForPixelAsItsInput(String name) throws Exception {
        byte[] original = Samples.bytes(name);
        byte[] minified = minify(original);
        assertTrue(minified.length < original.length, name);
        int[] pixels = Raster.pixels(original, 400);
        assertArrayEquals(pixels, Raster.pixels(minified, 400), name);
        // A second pass finds nothing more to do.
        assertArrayEquals(minified, minify(minified), name);
        byte[] merged = minify(original, true);
        assertArrayEquals(pixels, Raster.pixels(merged, 400), name + " with styles merged");
        assertArrayEquals(merged, minify(merged, true), name + " with styles merged");
    }

    @Test
    void repeatedTextAndStopStylesBecomeClasses() throws Exception {
        String svg = new String(minify(Samples.bytes("classes"), true), StandardCharsets.UTF_8);
        assertTrue(svg.contains("><style>.b{stop-color:red;stop-opacity:.8}.c{font-size:7px;fill:#00f}"
                + ".d{font-weight:bold;fill:green}</style>"), svg);
        assertTrue(svg.contains("<stop offset=\"0\" class=\"b\"/>"), svg);
        assertTrue(svg.contains("<text x=\"5\" y=\"60\" class=\"label c\"><tspan class=\"d\">three</tspan>"), svg);
        assertTrue(svg.contains("<rect width=\"100\" height=\"20\" fill=\"url(#h)\" class=\"a\"/>"),
                "a shape's class stays as it is, and the generated names avoid it: " + svg);
    }

    @Test
    void editorDataGoesButNamesAndOtherNamespacesStay() throws Exception {
        String svg = minified("namespaces");
        assertFalse(svg.contains("<?xml") || svg.contains("<!--") || svg.contains("metadata"), svg);
        assertFalse(svg.contains("namedview") || svg.contains("pgf") || svg.contains("i:layer"), svg);
        assertFalse(svg.contains("inkscape:collect") || svg.contains("xmlns:i=") || svg.contains("xmlns:xlink="), svg);
        assertTrue(svg.contains("inkscape:label=\"Room 101\""), svg);
        assertTrue(svg.contains("sodipodi:docname=\"sample.svg\""), svg);
        assertTrue(svg.contains("<a:data key=\"value\"> kept  </a:data>") && svg.contains("a:room=\"101\""), svg);
        assertTrue(svg.contains("<svg:rect") && svg.contains("xmlns:svg="), "a prefix in use keeps its declaration: " + svg);
    }

    @Test
    void propertiesGoOnlyWhenTheyChangeNothing() throws Exception {
        String svg = minified("styles");
        // The parent sets fill-opacity .5: the child's 1 is not redundant; its stroke and width are.
        assertTrue(svg.contains("<rect x=\"5\" y=\"5\" width=\"20\" height=\"20\" style=\"fill:red;fill-opacity:1\"/>"),
                svg);
        assertTrue(svg.contains("<rect x=\"30\" y=\"5\" width=\"20\" height=\"20\" fill=\"red\"/>"), svg);
        // A declaration overrides the attribute, so removing it would change the colour: both stay.
        assertTrue(svg.contains("style=\"fill:red\" fill=\"#00f\""), svg);
        assertTrue(svg.contains("<g opacity=\".5\"><rect x=\"5\" y=\"40\" width=\"30\" height=\"30\"/></g>"), svg);
        assertFalse(svg.contains("-inkscape") || svg.contains("display:inline") || svg.contains("miterlimit"), svg);
    }

    @Test
    void aStyleSheetKeepsEveryPropertyAsWritten() throws Exception {
        String svg = minified("stylesheet");
        assertTrue(svg.contains("stroke-width=\"1\"") && svg.contains("display:inline"), svg);
        assertTrue(svg.contains("<style>.wall { fill: #333333; } rect { stroke-width: 3; }</style>"), svg);
    }

    @Test
    void textKeepsItsCharactersAndSpaces() throws Exception {
        String svg = minified("text");
        assertTrue(svg.contains(">Room   101</tspan><tspan x=\"10\" y=\"30\" style=\"font-weight:bold\"> and  more </tspan>"),
                svg);
        assertTrue(svg.contains(">  spaced\n    words &amp; &lt;signs> </text>"), svg);
        assertTrue(svg.contains("<title>Floor   plan</title><desc> A sample </desc>"), svg);
        assertTrue(svg.contains(">B\u00fcro \u2192 \ud83d\ude00 \u00e9</text>"), "UTF-8 both ways: " + svg);
        assertFalse(svg.contains("sodipodi:role"), svg);
    }

    @Test
    void entitiesAreExpandedAndTheDoctypeGoes() throws Exception {
        assertEquals("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\"><rect width=\"50\""
                + " height=\"50\" fill=\"#0f0\"/> raw </svg>", minified("entities"));
    }

    @Test
    void numbersColorsAndTransformsTakeTheirShortestForm() throws Exception {
        String paths = minified("paths");
        assertTrue(paths.contains("d=\"M10 10H30.5V25.25H10Z\""), paths);
        assertTrue(paths.contains("style=\"fill:red;stroke:#000;stroke-width:.5\""), paths);
        assertTrue(paths.contains("points=\"80 50 85 55 90 50 95 55\"") && paths.contains("fill=\"#ff8000\""), paths);
        assertTrue(paths.contains("viewBox=\"0 0 100 80\"") && !paths.contains("version="), paths);
        String transforms = minified("transforms");
        assertTrue(transforms.contains("transform=\"translate(10) scale(.5)\""), transforms);
        assertTrue(transforms.contains("transform=\"translate(50 10) skewX(10)\""), transforms);
        assertTrue(transforms.contains("<rect width=\"40\" height=\"20\" fill=\"teal\"/>"), transforms);
        assertFalse(transforms.contains("preserveAspectRatio"), transforms);
    }

    @Test
    void referencedContentKeepsWhatItsReferrersMayNeed() throws Exception {
        String svg = minified("reuse");
        // Used elsewhere: its fill-opacity would otherwise come from the use element's 0.3.
        assertTrue(svg.contains("id=\"target\" x=\"60\" y=\"10\" width=\"10\" height=\"10\" fill=\"#000\" fill-opacity=\"1\""),
                svg);
        assertTrue(svg.contains("<path d=\"M0 0H10V10z\" fill-opacity=\"1\"/>"), svg);
    }
}
