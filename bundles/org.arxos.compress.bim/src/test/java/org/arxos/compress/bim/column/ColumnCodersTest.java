package org.arxos.compress.bim.column;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Each coder gives back exactly what it was given, including the values that are easy to get wrong. */
class ColumnCodersTest {

    @Test
    void floatsComeBackBitForBit() {
        float[] odd = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE,
            0.1f, 0.01f, 1e-30f, 3.3333333f, 104.56434f, -33.602325f, 16777216f, 16777217f, 1e10f, 12.34f,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.intBitsToFloat(0x7fc00001)};
        List<float[]> cases = new ArrayList<>();
        cases.add(odd);
        SplittableRandom random = new SplittableRandom(3);
        float[] grid = new float[5_000];
        float[] any = new float[5_000];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = Math.round((float) random.nextDouble() * 20_000) / 100f;
            any[i] = Float.intBitsToFloat(random.nextInt());
        }
        cases.add(grid);
        cases.add(any);
        for (float[] values : cases) {
            ColumnSet.Writer writer = new ColumnSet.Writer();
            FloatColumn.Writer column = new FloatColumn.Writer(writer);
            for (int i = 0; i < values.length; i++) {
                column.write(values[i], i == 0 ? 0f : values[i - 1] + 0.5f);
            }
            ColumnSet.Reader reader = reader(writer);
            FloatColumn.Reader back = new FloatColumn.Reader(reader, "test");
            for (int i = 0; i < values.length; i++) {
                float v = back.read(i == 0 ? 0f : values[i - 1] + 0.5f);
                assertEquals(Float.floatToRawIntBits(values[i]), Float.floatToRawIntBits(v), "value " + i);
            }
            reader.expectEnd();
        }
    }

    /** Centimetre values in steps of up to a metre: one byte each on the grid, where float places would take three. */
    @Test
    void shortDecimalsAreCodedOnTheirGrid() {
        ColumnSet.Writer writer = new ColumnSet.Writer();
        FloatColumn.Writer column = new FloatColumn.Writer(writer);
        SplittableRandom random = new SplittableRandom(4);
        int cents = 123_456;
        for (int i = 0; i < 1_000; i++) {
            int next = cents + random.nextInt(-60, 61);
            column.write(next / 100f, cents / 100f);
            cents = next;
        }
        ByteSink out = new ByteSink();
        writer.writeTo(out);
        assertTrue(out.size() < 2_020, "1000 values took " + out.size() + " bytes (a size byte and a value byte each)");
    }

    @Test
    void doublesComeBackBitForBit() {
        double[] values = {0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 0.1, 1.0 / 3, 241.497955958,
            9_007_199_254_740_993.0, 1e22, 1e-300, 123456789012345.6, -2.5, 1e15, Math.PI};
        ColumnSet.Writer writer = new ColumnSet.Writer();
        NumberColumn.Writer column = new NumberColumn.Writer(writer);
        for (double v : values) {
            column.write(v);
        }
        ColumnSet.Reader reader = reader(writer);
        NumberColumn.Reader back = new NumberColumn.Reader(reader, "test");
        for (double v : values) {
            assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(back.read()), "value " + v);
        }
        reader.expectEnd();
    }

    @Test
    void idsComeBackAgainstTheirReference() {
        String[][] pairs = {{"f3z2e-c17", "f3z2e-c16"}, {"f3z2e-c1", "f3z2e-c99"}, {"f3z2e", "f3z2"},
            {"f3z2", ""}, {"c007", "c006"}, {"c7", "c006"}, {"c0", "c1"}, {"x9223372036854775807", "x1"},
            {"2hQBAVPOr5VxhS3Jl0O47h", "2eyxpyOx95m90jmsXLOuR0"},
            {"0c-N1CTon2BB2Sp89385G8.site", "0c-N1CTon2BB2Sp89385G8"},
            {"3___________________--", ""}, {"zzzzzzzzzzzzzzzzzzzzzz", "z"}, {"a", "abc"}, {"abc", "abc"}};
        ColumnSet.Writer writer = new ColumnSet.Writer();
        IdColumn.Writer column = new IdColumn.Writer(writer);
        for (String[] pair : pairs) {
            column.write(pair[0], pair[1]);
        }
        ColumnSet.Reader reader = reader(writer);
        IdColumn.Reader back = new IdColumn.Reader(reader, "test");
        for (String[] pair : pairs) {
            assertEquals(pair[0], back.read(pair[1]));
        }
        reader.expectEnd();
    }

    @Test
    void idsSteppedFromTheIdReadBeforeComeBackAcrossDigitCounts() {
        String[][] chains = {{"c8", "c9", "c10", "c11", "c99", "c100", "c99", "c9", "c0"},
            {"x999999999999999998", "x999999999999999999", "x1"},
            {"caf\u00e9-1", "caf\u00e9-2", "caf\u00e9-10"}, {"\u03a9-1", "\u03a9-2", "\u03a9-10"},
            {"1", "2", "10", "99999", "100000"}};
        ColumnSet.Writer writer = new ColumnSet.Writer();
        IdColumn.Writer column = new IdColumn.Writer(writer);
        for (String[] chain : chains) {
            for (int i = 1; i < chain.length; i++) {
                column.write(chain[i], chain[i - 1]);
            }
        }
        ColumnSet.Reader reader = reader(writer);
        IdColumn.Reader back = new IdColumn.Reader(reader, "test");
        for (String[] chain : chains) {
            String previous = chain[0];
            for (int i = 1; i < chain.length; i++) {
                previous = back.read(previous);
                assertEquals(chain[i], previous);
            }
        }
        reader.expectEnd();
    }

    @Test
    void everyGlobalIdBitPatternRoundTrips() {
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 1_000; i++) {
            ByteSink sink = new ByteSink();
            sink.writeLong(random.nextLong());
            sink.writeLong(random.nextLong());
            byte[] bits = sink.toByteArray();
            String id = GlobalId.read(new ByteSource("guid", bits));
            assertTrue(GlobalId.matches(id), id);
            ByteSink again = new ByteSink();
            GlobalId.write(id, again);
            assertTrue(Arrays.equals(bits, again.toByteArray()), id);
        }
    }

    @Test
    void stringsComeBackWithTheirDictionaryAndSeed() {
        String[] values = {"", null, "\u00e9\u4e2d\ud83d\ude80", "a".repeat(100_000), "", "seeded", null, "x", "x"};
        List<String> seed = List.of("seeded", "other", "seeded");
        ColumnSet.Writer writer = new ColumnSet.Writer();
        StringColumn.Writer column = new StringColumn.Writer(writer, seed);
        for (String v : values) {
            column.write(v);
        }
        ColumnSet.Reader reader = reader(writer);
        StringColumn.Reader back = new StringColumn.Reader(reader, "test", seed);
        for (String v : values) {
            assertEquals(v, back.read());
        }
        reader.expectEnd();
    }

    @Test
    void readingPastAColumnFailsNamingIt() {
        ColumnSet.Writer writer = new ColumnSet.Writer();
        writer.add().writeVarInt(300);
        ColumnSet.Reader reader = reader(writer);
        ByteSource column = reader.next("widgets");
        assertEquals(300, column.readVarInt(1_000));
        MalformedDataException e = assertThrows(MalformedDataException.class, column::read);
        assertTrue(e.getMessage().contains("widgets"), e.getMessage());
        assertThrows(MalformedDataException.class, () -> reader.next("missing"));
    }

    private static ColumnSet.Reader reader(ColumnSet.Writer writer) {
        ByteSink out = new ByteSink();
        writer.writeTo(out);
        return new ColumnSet.Reader(new ByteSource("columns", out.toByteArray()));
    }
}
