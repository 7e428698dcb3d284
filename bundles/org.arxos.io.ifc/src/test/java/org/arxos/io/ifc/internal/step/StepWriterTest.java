package org.arxos.io.ifc.internal.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class StepWriterTest {

    @Test
    void formatsRealsInShortestRoundTripFormWithAPoint() {
        assertEquals("1.5", StepWriter.formatReal(1.5));
        assertEquals("0.", StepWriter.formatReal(0.0));
        assertEquals("-0.", StepWriter.formatReal(-0.0));
        assertEquals("-3.25E-7", StepWriter.formatReal(-3.25E-7));
        assertEquals("1.E-7", StepWriter.formatReal(1E-7));
        assertEquals("1.E10", StepWriter.formatReal(1E10));
        assertEquals("100.", StepWriter.formatReal(100));
        assertEquals("0.1", StepWriter.formatReal(0.1f));
        assertEquals("3.3", StepWriter.formatReal(3.3f));
        assertThrows(IllegalArgumentException.class, () -> StepWriter.formatReal(Double.NaN));
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                assertEquals(d, Double.parseDouble(StepWriter.formatReal(d)));
            }
            float f = Float.intBitsToFloat(random.nextInt());
            if (Float.isFinite(f)) {
                assertEquals(f, (float) Double.parseDouble(StepWriter.formatReal(f)));
            }
        }
    }

    @Test
    void writtenEntitiesReadBackEqual() throws IOException {
        Random random = new Random(42);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StepWriter w = new StepWriter(out);
        w.begin(StepHeader.of("r\u00e9v.ifc", "2024-01-01T00:00:00", "Arxos", "IFC4", "ReferenceView"));
        String[] strings = {"", "it's", "a\\b", "\u00e4\u00df\u20ac", "\ud83d\ude00 ok", "tab\there", "\\X2\\"};
        for (int i = 1; i <= 5000; i++) {
            double d = random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
            w.entity(i, "IFCTHING", new StepRef(1 + random.nextInt(5000)), strings[i % strings.length], d,
                    (long) random.nextInt(), new StepEnum("ELEMENT"), StepValue.NULL, StepValue.DERIVED,
                    List.of(new StepRef(1), List.of(1.5, -0.0, 1e300)), new StepTyped("IFCLABEL", List.of("x")),
                    new StepBinary("0AF"), true, 3.3f, 7);
        }
        w.end();
        StepFile f = StepReader.read(new ByteArrayInputStream(out.toByteArray()), "w.ifc");
        f.validate();
        assertEquals("r\u00e9v.ifc", f.header().name());
        assertEquals(List.of("IFC4"), f.header().schemas());
        assertEquals(5000, f.size());
        random = new Random(42);
        for (int i = 1; i <= 5000; i++) {
            double d = random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
            List<Object> expected = List.of(new StepRef(1 + random.nextInt(5000)), strings[i % strings.length], d,
                    (long) random.nextInt(), new StepEnum("ELEMENT"), StepValue.NULL, StepValue.DERIVED,
                    List.of(new StepRef(1), List.of(1.5, -0.0, 1e300)), new StepTyped("IFCLABEL", List.of("x")),
                    new StepBinary("0AF"), StepEnum.TRUE, 3.3, 7L);
            assertEquals(expected, f.entity(i).arguments(), "#" + i);
        }
    }

    @Test
    void sharedFilesSurviveWriteAndReread() throws IOException {
        for (Path file : SharedIfcFiles.files()) {
            StepFile original;
            try (InputStream in = Files.newInputStream(file)) {
                original = StepReader.read(in, file.getFileName().toString());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StepWriter w = new StepWriter(out);
            w.begin(original.header());
            for (StepEntity e : original.entities()) {
                w.entity(e);
            }
            w.end();
            StepFile copy = StepReader.read(new ByteArrayInputStream(out.toByteArray()), "copy");
            assertEquals(original.header(), copy.header(), file.toString());
            assertEquals(original.size(), copy.size());
            for (int i = 0; i < original.size(); i++) {
                StepEntity a = original.entities().get(i);
                StepEntity b = copy.entities().get(i);
                assertEquals(a.id(), b.id());
                assertEquals(a.type(), b.type());
                assertEquals(a.arguments(), b.arguments(), file + " #" + a.id());
            }
        }
    }

    @Test
    void escapesStringsAsAscii() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StepWriter w = new StepWriter(out);
        w.entity(1, "IFCLABEL", "it's a\\b \u00e4\u00e4 x\n");
        w.flush();
        assertEquals("#1=IFCLABEL('it''s a\\\\b \\X2\\00E400E4\\X0\\ x\\X2\\000A\\X0\\');\n",
                out.toString(StandardCharsets.US_ASCII));
    }
}
