package org.arxos.io.ifc.internal.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The reader's fast paths (number conversion, compact lists, shared values, the id index) against the plain ways. */
class StepReaderFastPathTest {

    /** Decimal strings of every kind a file may hold: shortest doubles, float expansions, random digits, near ties. */
    static List<String> randomDecimals(long seed, int count) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>();
        while (out.size() < count) {
            switch (r.nextInt(6)) {
                case 0 -> {
                    double d = Double.longBitsToDouble(r.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL);
                    out.add(Double.toString(r.nextBoolean() ? d : -d));
                }
                case 1 -> {
                    double d = r.nextDouble() * Math.pow(10, r.nextInt(16) - 8);
                    out.add(Double.toString(d));
                    out.add(new BigDecimal((float) d).toPlainString()); // exact float expansions, as exporters write
                }
                case 2 -> {
                    StringBuilder b = new StringBuilder(r.nextBoolean() ? "" : "-");
                    int digits = 1 + r.nextInt(18);
                    int point = r.nextInt(digits + 1);
                    for (int k = 0; k < digits; k++) {
                        if (k == point) {
                            b.append('.');
                        }
                        b.append((char) ('0' + r.nextInt(10)));
                    }
                    if (point == digits) {
                        b.append('.');
                    }
                    if (r.nextBoolean()) {
                        b.append('E').append(r.nextInt(700) - 350);
                    }
                    out.add(b.toString());
                }
                case 3 -> {
                    // Near the midpoint between two doubles: the hard cases of rounding.
                    double d = Double.longBitsToDouble(r.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL);
                    BigDecimal mid = new BigDecimal(d).add(new BigDecimal(Math.ulp(d)).divide(BigDecimal.valueOf(2)));
                    out.add(mid.round(new MathContext(1 + r.nextInt(18))).toString());
                    out.add(mid.round(new MathContext(17)).toString());
                }
                case 4 -> out.add(String.format(java.util.Locale.ROOT, "%." + r.nextInt(17) + "f",
                        (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(10))));
                default -> out.add((r.nextInt(2000) - 1000) / 8.0 + "E" + (r.nextInt(60) - 30));
            }
        }
        return out;
    }

    /** The reader's mantissa and exponent of a decimal string, as number() computes them; null past 18 digits. */
    static long[] decompose(String s) {
        String t = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        int e = Math.max(t.indexOf('E'), t.indexOf('e'));
        long exp = 0;
        if (e >= 0) {
            exp = Long.parseLong(t.substring(e + 1).replace("+", ""));
            t = t.substring(0, e);
        }
        int dot = t.indexOf('.');
        if (dot >= 0) {
            exp -= t.length() - dot - 1;
            t = t.substring(0, dot) + t.substring(dot + 1);
        }
        t = t.replaceFirst("^0+", "");
        if (t.length() > 18) {
            return null;
        }
        return new long[] {t.isEmpty() ? 0 : Long.parseLong(t), exp};
    }

    @Test
    void fastDoubleIsBitIdenticalToParseDouble() {
        int fast = 0;
        int total = 0;
        for (String s : randomDecimals(20240501L, 150_000)) {
            long[] me = decompose(s);
            if (me == null || Math.abs(me[1]) > 100_000) {
                continue;
            }
            total++;
            double got = FastDouble.toDouble(me[0], (int) me[1], s.startsWith("-"));
            if (!Double.isNaN(got)) {
                fast++;
                assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(got), s);
            }
        }
        assertTrue(fast > total * 9 / 10, "the fast path should take most numbers: " + fast + " of " + total);
    }

    @Test
    void fastDoubleGivesUpOnlyWhereItMust() {
        assertEquals(0.1, FastDouble.toDouble(1, -1, false));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(FastDouble.toDouble(0, 5, true)));
        assertEquals(48.040863037109375, FastDouble.toDouble(48040863037109375L, -15, false));
        double tie = FastDouble.toDouble(9007199254740993L, 0, false); // 2^53 + 1: exactly between two doubles
        assertTrue(Double.isNaN(tie) || tie == 9007199254740992.0, "ties round to even or are left to parseDouble");
        assertTrue(Double.isNaN(FastDouble.toDouble(49, -325, false)), "subnormal: left to parseDouble");
        assertTrue(Double.isNaN(FastDouble.toDouble(1, 400, false)), "infinite: left to parseDouble");
        assertTrue(Double.isNaN(FastDouble.toDouble(1, -400, false)), "zero: left to parseDouble");
    }

    @Test
    void readerParsesRealsExactlyAsParseDouble() throws IOException {
        List<String> numbers = new ArrayList<>();
        for (String s : randomDecimals(7L, 40_000)) {
            if (s.startsWith(".") || s.startsWith("-.")) {
                s = s.replace(".", "0."); // STEP wants a digit before the point
            }
            if (s.indexOf('.') < 0) {
                s = s.indexOf('E') >= 0 ? s.replace("E", ".E") : s + "."; // a real needs its point
            }
            numbers.add(s);
        }
        // Also the edges: signed zeros, subnormals, overflow, more than 18 digits, exponent forms.
        numbers.addAll(List.of("0.", "-0.", "+0.0", "-0.0E5", "4.9E-324", "2.2250738585072014E-308", "1.E400",
                "-1.E400", "1.E-400", "1.7976931348623157E308", "0.30000000000000000000000000001",
                "123456789012345678901234567890.", "1.e5", "+2.5E+3", "0.000000000000000000000000001"));
        StringBuilder text = new StringBuilder(StepReaderTest.HEAD);
        for (int i = 0; i < numbers.size(); i++) {
            text.append('#').append(i + 1).append("=IFCREAL(").append(numbers.get(i)).append(");\n");
        }
        StepFile f = StepReaderTest.parse(text.append(StepReaderTest.TAIL).toString());
        for (int i = 0; i < numbers.size(); i++) {
            Object v = f.entity(i + 1).arg(0);
            assertInstanceOf(Double.class, v, numbers.get(i));
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(numbers.get(i))),
                    Double.doubleToRawLongBits((Double) v), numbers.get(i));
        }
    }

    @Test
    void sharedValuesKeepTheirKindsAndBits() throws IOException {
        StepFile f = StepReaderTest.parse(StepReaderTest.HEAD
                + "#1=IFCX(IFCREAL(1),IFCREAL(1.),IFCREAL(1),IFCLABEL('1'),IFCTEXT('1'),0.,-0.,0.,-0.);\n"
                + "#2=IFCX('Body','Body','2O2Fr$t4X7Zf8NOew3FLOH','2O2Fr$t4X7Zf8NOew3FLOH','',#7,#7,#1048583);\n"
                + "#3=IFCX(.T.,.ELEMENT.,IFCBOOLEAN(.T.),IFCBOOLEAN(.F.),IFCBOOLEAN(.T.));\n"
                + StepReaderTest.TAIL);
        StepEntity e = f.entity(1);
        assertEquals(new StepTyped("IFCREAL", List.of(1L)), e.arg(0));
        assertEquals(new StepTyped("IFCREAL", List.of(1.0)), e.arg(1));
        assertEquals(e.arg(0), e.arg(2));
        assertNotEquals(e.arg(0), e.arg(1));
        assertEquals(new StepTyped("IFCLABEL", List.of("1")), e.arg(3));
        assertEquals(new StepTyped("IFCTEXT", List.of("1")), e.arg(4));
        assertEquals(0L, Double.doubleToRawLongBits((Double) e.arg(5)));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) e.arg(6)));
        assertEquals(0L, Double.doubleToRawLongBits((Double) e.arg(7)));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) e.arg(8)));
        StepEntity s = f.entity(2);
        assertEquals(List.of("Body", "Body", "2O2Fr$t4X7Zf8NOew3FLOH", "2O2Fr$t4X7Zf8NOew3FLOH", "",
                new StepRef(7), new StepRef(7), new StepRef(1048583)), s.arguments());
        assertEquals(1048583L, s.ref(7));
        StepEntity b = f.entity(3);
        assertEquals(List.of(StepEnum.TRUE, new StepEnum("ELEMENT"), new StepTyped("IFCBOOLEAN", List.of(StepEnum.TRUE)),
                new StepTyped("IFCBOOLEAN", List.of(StepEnum.FALSE)),
                new StepTyped("IFCBOOLEAN", List.of(StepEnum.TRUE))), b.arguments());
    }

    @Test
    void manyReferencesAndStringsStayDistinct() throws IOException {
        // More ids and strings than the caches hold: every value must still be its own.
        StringBuilder text = new StringBuilder(StepReaderTest.HEAD);
        int n = 300_000;
        for (int i = 1; i <= n; i++) {
            text.append('#').append(i).append("=IFCX(#").append(n - i + 1).append(",#").append((i * 7919L) % n + 1)
                    .append(",'s").append(i % 5000).append("',").append(i % 977).append(".5);\n");
        }
        StepFile f = StepReaderTest.parse(text.append(StepReaderTest.TAIL).toString());
        for (int i = 1; i <= n; i++) {
            StepEntity e = f.entity(i);
            assertEquals(n - i + 1, e.ref(0));
            assertEquals((i * 7919L) % n + 1, e.ref(1));
            assertEquals("s" + i % 5000, e.string(2));
            assertEquals(i % 977 + 0.5, e.real(3));
        }
    }

    @Test
    void argListsBehaveLikeListOf() {
        for (int size = 0; size <= 9; size++) {
            Object[] values = new Object[size + 2];
            List<Object> expected = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                values[i + 1] = i % 2 == 0 ? (Object) ("v" + i) : (Object) (long) i;
                expected.add(values[i + 1]);
            }
            List<Object> list = ArgList.of(values, 1, size + 1);
            assertEquals(List.copyOf(expected), list);
            assertEquals(list, List.copyOf(expected));
            assertEquals(list, new LinkedList<>(expected));
            assertEquals(expected.hashCode(), list.hashCode());
            assertEquals(expected.toString(), list.toString());
            assertEquals(size, list.size());
            assertEquals(size == 0, list.isEmpty());
            assertEquals(expected, List.of(list.toArray()));
            Iterator<Object> it = list.iterator();
            for (Object o : expected) {
                assertEquals(o, it.next());
            }
            assertFalse(it.hasNext());
            assertThrows(IndexOutOfBoundsException.class, () -> list.get(-1));
            assertThrows(IndexOutOfBoundsException.class, () -> list.get(values.length));
            assertThrows(UnsupportedOperationException.class, () -> list.add("x"));
            assertThrows(UnsupportedOperationException.class, () -> list.set(0, "x"));
            assertThrows(UnsupportedOperationException.class, () -> list.remove(0));
            assertThrows(UnsupportedOperationException.class, list::clear);
            assertThrows(NullPointerException.class, () -> list.indexOf(null));
            assertThrows(NullPointerException.class, () -> list.contains(null));
            if (size > 0) {
                assertTrue(list.contains(expected.get(size - 1)));
                assertEquals(size - 1, list.indexOf(expected.get(size - 1)));
                assertEquals(size - 1, list.lastIndexOf(expected.get(size - 1)));
                assertEquals(expected.subList(1, size), list.subList(1, size));
                assertEquals(expected.get(0), list.listIterator().next());
            }
            assertEquals(-1, list.indexOf("absent"));
            assertTrue(ArgList.immutable(list) == list);
            assertTrue(new StepEntity(1, "IFCX", list, 1).arguments() == list);
        }
    }

    @Test
    void idIndexIsAnArrayForDenseIdsAndAHashForSparseOnes() {
        LongIntIndex dense = new LongIntIndex(16);
        for (int i = 1; i <= 100_000; i++) {
            assertEquals(-1, dense.putIfAbsent(i, i - 1));
        }
        assertEquals(5, dense.putIfAbsent(6, 99));
        dense.trim();
        assertTrue(dense.isDense());
        assertEquals(99_999, dense.get(100_000));
        assertEquals(-1, dense.get(0));
        assertEquals(-1, dense.get(100_001));
        assertEquals(-1, dense.get(-5));
        assertEquals(-1, dense.get(Long.MAX_VALUE));

        LongIntIndex sparse = new LongIntIndex(16);
        for (int i = 0; i < 50_000; i++) {
            assertEquals(-1, sparse.putIfAbsent(i * 1_000_003L, i));
        }
        assertFalse(sparse.isDense());
        for (int i = 0; i < 50_000; i++) {
            assertEquals(i, sparse.get(i * 1_000_003L));
            assertEquals(-1, sparse.get(i * 1_000_003L + 1));
        }
        assertEquals(7, sparse.putIfAbsent(7 * 1_000_003L, 1));
        assertEquals(50_000, sparse.size());
    }

    @Test
    void sparseAndHugeIdsAndDuplicatesInAFile() throws IOException {
        StepFile f = StepReaderTest.parse(StepReaderTest.HEAD + "#5=IFCX(#999999999999999999);\n"
                + "#999999999999999999=IFCY(#5);\n#70000000=IFCZ($);\n" + StepReaderTest.TAIL);
        assertEquals("IFCY", f.entity(999_999_999_999_999_999L).type());
        assertEquals("IFCZ", f.entity(70_000_000).type());
        assertNull(f.entity(6));
        f.validate();
        StepFormatException e = StepReaderTest.error(StepReaderTest.HEAD + "#1=IFCX($);\n#900000000=IFCY($);\n"
                + "#900000000=IFCZ($);\n" + StepReaderTest.TAIL);
        assertEquals("t.ifc:10:1: duplicate entity #900000000: already defined on line 9", e.getMessage());
    }
}
