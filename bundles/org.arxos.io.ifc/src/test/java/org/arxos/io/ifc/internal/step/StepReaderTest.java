package org.arxos.io.ifc.internal.step;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class StepReaderTest {

    static final String HEAD = "ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION(('ViewDefinition [CoordinationView]'),'2;1');\n"
            + "FILE_NAME('t.ifc','2024-01-01T00:00:00',('a'),('o'),'pre','sys','');\nFILE_SCHEMA(('IFC4'));\n"
            + "ENDSEC;\nDATA;\n";
    static final String TAIL = "ENDSEC;\nEND-ISO-10303-21;\n";

    static StepFile parse(String text) throws IOException {
        return parse(text, StepLimits.DEFAULTS);
    }

    static StepFile parse(String text, StepLimits limits) throws IOException {
        return StepReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "t.ifc", limits);
    }

    static StepFormatException error(String text) {
        return error(text, StepLimits.DEFAULTS);
    }

    static StepFormatException error(String text, StepLimits limits) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(StepFormatException.class, () -> parse(text, limits)));
    }

    @Test
    void readsHeaderAndEveryKindOfValue() throws IOException {
        StepFile f = parse(HEAD
                + "#1=IFCCARTESIANPOINT((0.,1.5,-3.25E-7));\n"
                + "#2 = IFCWALL('2O2Fr$t4X7Zf8NOew3FLOH',#1,$,*,.ELEMENT.,.T.,(#1,#1),((1,2),(3)),IFCLABEL('x'),"
                + "\"0FF\",-42,1.E3,IFCLENGTHMEASURE(2.5));\n"
                + "/* a comment */ #3=(IFCA(1)IFCB('b'));\n" + TAIL);
        assertEquals(List.of("IFC4"), f.header().schemas());
        assertEquals("t.ifc", f.header().name());
        assertEquals("2;1", f.header().implementationLevel());
        assertEquals(List.of("ViewDefinition [CoordinationView]"), f.header().description());
        assertEquals("sys", f.header().originatingSystem());
        assertEquals(3, f.size());

        assertEquals(List.of(0.0, 1.5, -3.25E-7), f.entity(1).arguments().get(0));
        StepEntity wall = f.entity(2);
        assertSame("IFCWALL", wall.type());
        assertEquals(9, wall.line());
        assertEquals("2O2Fr$t4X7Zf8NOew3FLOH", wall.string(0));
        assertEquals(1, wall.ref(1));
        assertTrue(wall.isNull(2));
        assertSame(StepValue.DERIVED, wall.arg(3));
        assertEquals("ELEMENT", wall.enumName(4));
        assertSame(StepEnum.TRUE, wall.arg(5));
        assertArrayEquals(new long[] {1, 1}, wall.refs(6));
        assertEquals(List.of(List.of(1L, 2L), List.of(3L)), wall.arg(7));
        assertEquals(new StepTyped("IFCLABEL", List.of("x")), wall.arg(8));
        assertEquals("x", wall.string(8));
        assertEquals(new StepBinary("0FF"), wall.arg(9));
        assertEquals(-42L, wall.integer(10));
        assertEquals(1000.0, wall.real(11));
        assertEquals(2.5, wall.real(12));
        assertEquals(-42.0, wall.real(10));

        StepEntity complex = f.entity(3);
        assertSame(StepEntity.COMPLEX, complex.type());
        assertEquals(List.of(new StepTyped("IFCA", List.of(1L)), new StepTyped("IFCB", List.of("b"))),
                complex.arguments());

        assertEquals(List.of(wall), f.entitiesOfType("IFCWALL"));
        assertEquals(List.of(), f.entitiesOfType("IFCDOOR"));
        assertNull(f.entity(99));
        assertEquals(List.of(1L, 2L, 3L), f.entities().stream().map(StepEntity::id).toList());
        f.validate();
    }

    @Test
    void decodesEveryStringEscape() throws IOException {
        StepFile f = parse(HEAD
                + "#1=X('it''s','a\\\\b','\\X\\E4','\\X2\\00E400DF\\X0\\x','\\X4\\0001F600\\X0\\','\\S\\D',"
                + "'\\PE\\\\S\\D','C:\\Users','l\nine','caf\u00c3\u00a9','caf\u00e9','');\n" + TAIL);
        List<Object> a = f.entity(1).arguments();
        assertEquals("it's", a.get(0));
        assertEquals("a\\b", a.get(1));
        assertEquals("\u00e4", a.get(2));
        assertEquals("\u00e4\u00dfx", a.get(3));
        assertEquals("\ud83d\ude00", a.get(4));
        assertEquals("\u00c4", a.get(5)); // 'D' + 128 in ISO 8859-1
        assertEquals("\u0424", a.get(6)); // 'D' + 128 in ISO 8859-5 (Cyrillic)
        assertEquals("C:\\Users", a.get(7)); // not an escape: kept
        assertEquals("line", a.get(8)); // line breaks in strings are not part of them
        assertEquals("caf\u00e9", a.get(9)); // raw UTF-8 bytes, read as UTF-8
        assertEquals("caf\u00e9", a.get(10)); // raw ISO 8859-1 byte
        assertEquals("", a.get(11));
    }

    @Test
    void readsLowerCaseTypesAndEnumsAsUpperCase() throws IOException {
        StepFile f = parse(HEAD + "#1=ifcWall(.element.);\n" + TAIL);
        assertSame("IFCWALL", f.entity(1).type());
        assertEquals(new StepEnum("ELEMENT"), f.entity(1).arg(0));
    }

    @Test
    void acceptsIfc2x3AndIfc4x3AndRejectsOtherSchemas() throws IOException {
        assertEquals("IFC2X3", parse(HEAD.replace("IFC4", "IFC2X3") + TAIL).header().schema());
        assertEquals("IFC4X3_ADD2", parse(HEAD.replace("IFC4", "IFC4X3_ADD2") + TAIL).header().schema());
        StepFormatException e = error(HEAD.replace("IFC4", "IFC2X2_FINAL") + TAIL);
        assertEquals("t.ifc:5: unsupported schema 'IFC2X2_FINAL': Arxos reads IFC2X3, IFC4 and IFC4X3 files",
                e.getMessage());
        assertEquals("t.ifc:5: FILE_SCHEMA names no schema",
                error(HEAD.replace("('IFC4')", "()") + TAIL).getMessage());
        assertEquals("t.ifc:6:1: the HEADER has no FILE_SCHEMA",
                error(HEAD.replace("FILE_SCHEMA(('IFC4'));", "") + TAIL).getMessage());
    }

    @Test
    void namesPositionAndEntityOfSyntaxErrors() {
        StepFormatException e = error(HEAD + "#1=IFCA(1);\n#567=IFCWALL(#1 #2);\n" + TAIL);
        assertEquals("t.ifc:9:17: expected ',' or ')' in #567=IFCWALL(...) but found '#'", e.getMessage());
        assertEquals("t.ifc", e.sourceName());
        assertEquals(9, e.line());
        assertEquals(17, e.column());
        assertEquals("t.ifc:8:11: expected ';' after #1=IFCA(...) in #1=IFCA(...) but found '#'",
                error(HEAD + "#1=IFCA(1)#2=IFCB();\n" + TAIL).getMessage());
    }

    @Test
    void rejectsGarbage() {
        assertEquals("t.ifc:1:1: not an IFC-SPF file: expected ISO-10303-21; but found 'PK'",
                error("PK\u0003\u0004garbage").getMessage());
        assertEquals("t.ifc:1:1: not an IFC-SPF file: expected ISO-10303-21; but found the end of the file",
                error("").getMessage());
        assertEquals("t.ifc:8:1: expected an entity instance #id=... or ENDSEC; but found byte 0xFF",
                error(HEAD + "\u00ff\u00fe" + TAIL).getMessage());
        assertEquals("t.ifc:8:1: expected an entity instance #id=... or ENDSEC; but found 'HELLO'",
                error(HEAD + "HELLO WORLD;\n" + TAIL).getMessage());
    }

    @Test
    void rejectsTruncatedFiles() {
        assertEquals("t.ifc:9:1: unexpected end of file in the DATA section: ENDSEC; and END-ISO-10303-21; are"
                + " missing (the file is truncated)", error(HEAD + "#1=IFCA(1);\n").getMessage());
        assertEquals("t.ifc:8:10: unexpected end of file: expected ',' or ')' in #1=IFCA(...) (the file is truncated)",
                error(HEAD + "#1=IFCA(1").getMessage());
        assertEquals("t.ifc:8:9: unterminated string: the file ends inside it in #1=IFCA(...) (the file is truncated)",
                error(HEAD + "#1=IFCA('abc);\n" + TAIL).getMessage());
        assertEquals("t.ifc:10:1: unexpected end of file: END-ISO-10303-21; is missing (the file is truncated)",
                error(HEAD + "#1=IFCA(1);\nENDSEC;\n").getMessage());
        assertEquals("t.ifc:8:1: unterminated comment: the file ends inside it (the file is truncated)",
                error(HEAD + "/* #1=IFCA(1);\n" + TAIL).getMessage());
    }

    @Test
    void rejectsNonNumericNumbers() {
        assertEquals("t.ifc:8:23: malformed number '1.5abc' in #1=IFCCARTESIANPOINT(...)",
                error(HEAD + "#1=IFCCARTESIANPOINT((1.5abc,0.));\n" + TAIL).getMessage());
        assertEquals("t.ifc:8:23: expected a value but found 'NAN' in #1=IFCCARTESIANPOINT(...) (not a number,"
                + " string, reference, enumeration or typed value)",
                error(HEAD + "#1=IFCCARTESIANPOINT((NaN,0.));\n" + TAIL).getMessage());
        assertEquals("t.ifc:8:23: malformed number '-' in #1=IFCCARTESIANPOINT(...)",
                error(HEAD + "#1=IFCCARTESIANPOINT((-,0.));\n" + TAIL).getMessage());
        assertEquals("t.ifc:8:23: malformed number '1.E' in #1=IFCCARTESIANPOINT(...)",
                error(HEAD + "#1=IFCCARTESIANPOINT((1.E,0.));\n" + TAIL).getMessage());
        assertEquals("t.ifc:8:9: integer 99999999999999999999 is out of range in #1=IFCA(...)",
                error(HEAD + "#1=IFCA(99999999999999999999);\n" + TAIL).getMessage());
    }

    @Test
    void readsNumbersExactly() throws IOException {
        String[] reals = {"0.1", "1.7976931348623157E308", "4.9E-324", "123456789012345678901234567890.",
            "0.30000000000000004", "-0.", "2.2250738585072014E-308", "1.E22", "1.E23", "9007199254740993.",
            "0.000001234"};
        StringBuilder b = new StringBuilder(HEAD + "#1=X(");
        for (int i = 0; i < reals.length; i++) {
            b.append(i > 0 ? "," : "").append(reals[i]);
        }
        StepEntity e = parse(b.append(");\n").append(TAIL).toString()).entity(1);
        for (int i = 0; i < reals.length; i++) {
            assertEquals(Double.valueOf(reals[i]), e.arg(i), reals[i]);
        }
        assertEquals(Long.MIN_VALUE, parse(HEAD + "#1=X(" + Long.MIN_VALUE + ");\n" + TAIL).entity(1).integer(0));
    }

    @Test
    void rejectsDuplicateIds() {
        assertEquals("t.ifc:10:1: duplicate entity #5: already defined on line 8",
                error(HEAD + "#5=IFCA(1);\n#6=IFCA(2);\n#5=IFCB(3);\n" + TAIL).getMessage());
    }

    @Test
    void findsReferencesToMissingEntities() throws IOException {
        StepFile f = parse(HEAD + "#1=IFCA(#2,(#1,#3));\n#2=IFCB(#1);\n" + TAIL);
        assertEquals(f.entity(2), f.resolve(f.entity(1), 0));
        StepFormatException e = assertThrows(StepFormatException.class, f::validate);
        assertEquals("t.ifc:8: #1=IFCA argument 1 refers to #3, which the file does not define", e.getMessage());
        e = assertThrows(StepFormatException.class, () -> f.resolve(f.entity(1), 1, 3));
        assertEquals("t.ifc:8: #1=IFCA argument 1 refers to #3, which the file does not define", e.getMessage());
        e = assertThrows(StepFormatException.class, () -> f.resolve(f.entity(1), 1));
        assertEquals("t.ifc:8: #1=IFCA argument 1: expected a reference but found a list of 2", e.getMessage());
    }

    @Test
    void accessorsNameEntityLineAndArgument() throws IOException {
        StepEntity e = parse(HEAD + "#7=IFCWALL('x',#1,(1.,'y'));\n" + TAIL).entity(7);
        assertEquals("line 8: #7=IFCWALL argument 0: expected a reference but found 'x'",
                assertThrows(StepFormatException.class, () -> e.ref(0)).getMessage());
        assertEquals("line 8: #7=IFCWALL argument 1: expected a string but found #1",
                assertThrows(StepFormatException.class, () -> e.string(1)).getMessage());
        assertEquals("line 8: #7=IFCWALL argument 2: expected a list of numbers but found 'y'",
                assertThrows(StepFormatException.class, () -> e.reals(2)).getMessage());
        assertEquals("line 8: #7=IFCWALL argument 0: expected a number but found 'x'",
                assertThrows(StepFormatException.class, () -> e.real(0)).getMessage());
        assertEquals("line 8: #7=IFCWALL argument 5: missing: the entity has only 3 arguments",
                assertThrows(StepFormatException.class, () -> e.ref(5)).getMessage());
        StepFormatException s = assertThrows(StepFormatException.class, () -> e.refs(0)).withSource("w.ifc");
        assertEquals("w.ifc:8: #7=IFCWALL argument 0: expected a list of references but found 'x'", s.getMessage());
        assertTrue(e.isNull(9));
    }

    @Test
    void enforcesLimits() {
        String file = HEAD + "#1=IFCA('" + "x".repeat(40) + "',((((1)))));\n#2=IFCA(1);\n" + TAIL;
        assertEquals("t.ifc:8:9: string longer than 35 bytes, the limit (StepLimits.maxStringLength) in #1=IFCA(...)",
                error(file, StepLimits.DEFAULTS.withMaxStringLength(35)).getMessage());
        assertEquals("t.ifc:8:55: lists nest deeper than 3, the limit (StepLimits.maxNesting) in #1=IFCA(...)",
                error(file, StepLimits.DEFAULTS.withMaxNesting(3)).getMessage());
        assertEquals("t.ifc:9:1: the file has more than 1 entities, the limit (StepLimits.maxEntities)",
                error(file, StepLimits.DEFAULTS.withMaxEntities(1)).getMessage());
        assertTrue(error(file, StepLimits.DEFAULTS.withMaxBytes(100)).getMessage()
                .endsWith("the file is larger than 100 bytes, the limit (StepLimits.maxBytes)"));
    }

    @Test
    void deepNestingAndHugeTokensNeitherOverflowNorAllocate() {
        String deep = HEAD + "#1=IFCA(" + "(".repeat(100_000) + TAIL;
        assertTrue(error(deep).getMessage().contains("lists nest deeper than 64"));
        String typed = HEAD + "#1=IFCA(" + "A(".repeat(100_000) + TAIL;
        assertTrue(error(typed).getMessage().contains("lists nest deeper than 64"));
        assertTrue(error(HEAD + "#1=IFCA(" + "1".repeat(1_000_000) + ");\n" + TAIL).getMessage()
                .contains("number longer than 400 characters"));
        assertTrue(error(HEAD + "#" + "9".repeat(1000) + "=IFCA();\n" + TAIL).getMessage()
                .contains("entity id too long"));
        assertTrue(error(HEAD + "#1=" + "A".repeat(100_000) + "();\n" + TAIL).getMessage()
                .contains("type name longer than 256"));
    }

    @Test
    void endlessInputStopsAtTheByteLimit() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                return len;
            }
        };
        StepFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
                StepFormatException.class, () -> StepReader.read(endless, "x", StepLimits.DEFAULTS
                        .withMaxBytes(10_000_000))));
        assertTrue(e.getMessage().contains("StepLimits.maxBytes"), e.getMessage());
    }

    @Test
    void readsAcrossBufferBoundaries() throws IOException {
        StringBuilder b = new StringBuilder(HEAD);
        for (int i = 1; i <= 20_000; i++) {
            b.append('#').append(i).append("=IFCCARTESIANPOINT((").append(i).append(".5,-").append(i)
                    .append(".25,0.)); /* c */\r\n#").append(i + 100_000).append("=IFCLABEL('\\X2\\00E4\\X0\\''")
                    .append(i).append("');\n");
        }
        StepFile f = parse(b.append(TAIL).toString());
        assertEquals(40_000, f.size());
        assertEquals(List.of(12345.5, -12345.25, 0.0), f.entity(12345).arguments().get(0));
        assertEquals("\u00e4'12345", f.entity(112345).string(0));
        assertEquals(8 + 2 * (12345 - 1), f.entity(12345).line());
    }
}
