package org.arxos.io.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.arxos.api.io.ImportException;
import org.arxos.api.io.ImportOptions;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Regression tests for the findings of the importer fuzzer ({@code releng/fuzz}), one per finding class. */
class SvgFuzzFindingsTest {

    private static final Duration QUICK = Duration.ofSeconds(5);
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" "
            + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"100\" height=\"100\">\n";

    /** Batik's first use loads and initialises hundreds of classes: not what the time limits are about. */
    @BeforeAll
    static void warmUp() throws Exception {
        imported(SVG + "<path d=\"M0 0 L1 1\"/><text x=\"1\" y=\"1\">A</text></svg>");
    }

    private static Revision imported(String svg) throws Exception {
        return Revision.EMPTY.apply(SvgFloorPlans.read(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)),
                ImportOptions.of("plan.svg")).content());
    }

    /** Refused with an ImportException (not an IOException, not a runtime exception), quickly. */
    private static ImportException refused(byte[] svg) {
        return assertTimeoutPreemptively(QUICK, () -> assertThrows(ImportException.class,
                () -> SvgFloorPlans.read(new ByteArrayInputStream(svg), ImportOptions.of("bad.svg"))));
    }

    private static ImportException refused(String svg) {
        return refused(svg.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertNoJavaException(ImportException e) {
        assertFalse(e.getMessage().matches("(?s).*\\b(java\\.|[A-Z]\\w*(Exception|Error)\\b).*"), e.getMessage());
    }

    // ------------------------------------------------------------------ HANG in IdAllocator.allocate

    /**
     * Fuzz finding: an element copied 10,000 times took seconds to get its ids (quadratic suffix search; {@code
     * IdAllocatorTest} pins the algorithm down), and elements without ids counted their previous siblings each.
     */
    @Test
    void thousandsOfElementsSharingAnIdOrHavingNoneImportQuickly() throws Exception {
        int n = 5_000;
        String svg = SVG + "<g id=\"grp\">\n" + "<rect id=\"r-3\" width=\"1\" height=\"1\"/>\n"
                + "<rect id=\"r\" x=\"1\" y=\"1\" width=\"2\" height=\"2\"/>\n".repeat(n)
                + "<rect x=\"1\" y=\"1\" width=\"2\" height=\"2\"/>\n".repeat(n) + "</g></svg>";
        Revision r = assertTimeoutPreemptively(QUICK, () -> imported(svg));
        assertEquals(2 * n + 1, r.objects().filter(o -> o.type() == ObjectType.COMPONENT).count());
        assertTrue(r.find("r").isPresent());
        assertTrue(r.find("r-2").isPresent());
        assertTrue(r.find("r-3").isPresent());
        assertTrue(r.find("r-" + (n + 1)).isPresent()); // -3 was taken, so the last copy is one further
        assertFalse(r.find("r-" + (n + 2)).isPresent());
        assertTrue(r.find("grp.rect" + (2 * n + 1)).isPresent()); // element paths count all rect siblings
    }

    // ------------------------------------------------------------------ MASKED UnsupportedEncodingException

    /** Fuzz finding: an unknown encoding escaped as a bare IOException("FOO"), as if the stream had failed. */
    @Test
    void unknownEncodingInTheXmlDeclarationIsBadInputOnLineOne() {
        ImportException e = refused("<?xml version=\"1.0\" encoding=\"FOO\"?>\n" + SVG
                + "<rect width=\"1\" height=\"1\"/></svg>");
        assertEquals(1, e.line(), e.getMessage());
        assertTrue(e.getMessage().endsWith("unsupported encoding 'FOO' in the XML declaration"), e.getMessage());
        assertNoJavaException(e);
    }

    // ------------------------------------------------------------------ MASKED NullPointerException in Batik

    /**
     * Fuzz finding: path data without a leading moveto ({@code d="Z Z Z"}) made Batik throw a NullPointerException
     * ({@code L...} an IllegalPathStateException) reported as "Batik cannot lay out the SVG: java.lang...".
     */
    @Test
    void pathDataWithoutAMovetoNamesThePathAndItsLine() {
        ImportException e = refused(SVG + "<g id=\"walls\">\n<path id=\"p4\" d=\"Z Z Z\"/>\n</g></svg>");
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("(<path id=\"p4\">)"), e.getMessage());
        assertTrue(e.getMessage().contains("Batik cannot compute this shape's geometry"), e.getMessage());
        assertNoJavaException(e);

        ImportException line = refused(SVG + "<path id=\"p5\" d=\"  L 10 10\"/></svg>");
        assertEquals(2, line.line(), line.getMessage());
        assertTrue(line.getMessage().contains("moveto"), line.getMessage());
        assertNoJavaException(line);
    }

    /** The same path, only referenced (marker, clip path, use, textPath): still the path's own line. */
    @Test
    void referencedPathDataWithoutAMovetoNamesThePath() {
        String[] uses = {
            "<marker id=\"m\"><path id=\"bad\" d=\"z\"/></marker></defs><path d=\"M0 0 L1 1\" marker-end=\"url(#m)\"/>",
            "<clipPath id=\"c\"><path id=\"bad\" d=\"z\"/></clipPath></defs><rect width=\"1\" height=\"1\" "
                    + "clip-path=\"url(#c)\"/>",
            "<path id=\"bad\" d=\"z\"/></defs><use xlink:href=\"#bad\"/>",
            "<path id=\"bad\" d=\"z\"/></defs><text><textPath xlink:href=\"#bad\">Hall</textPath></text>"};
        for (String use : uses) {
            ImportException e = refused(SVG + "<defs>\n" + use.replace("<path id=\"bad\"", "\n<path id=\"bad\"")
                    + "</svg>");
            assertEquals(4, e.line(), e.getMessage());
            assertTrue(e.getMessage().contains("(<path id=\"bad\">)"), e.getMessage());
            assertNoJavaException(e);
        }
    }

    /** Path data that is empty or starts with a moveto after white space is still imported. */
    @Test
    void wellFormedAndEmptyPathDataStillImport() throws Exception {
        Revision r = assertTimeoutPreemptively(QUICK, () -> imported(SVG
                + "<path id=\"a\" d=\"\n  m 0 0 l 10 0 l 0 10 z z\"/><path id=\"empty\" d=\" \"/></svg>"));
        assertTrue(r.find("a").isPresent());
        assertFalse(r.find("empty").isPresent());
    }
}
