package org.arxos.compress.svg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.Random;

import org.junit.jupiter.api.Test;

class DecimalTest {

    @Test
    void shortestTextOfTheSameValue() {
        String[][] cases = {
            {"0.30000001", ".30000001", ".30000001"}, {"-0.5", "-.5", "-.5"}, {"1.500", "1.5", "1.5"},
            {"+3", "3", "3"}, {"1000", "1000", "1e3"}, {"100", "100", "100"}, {"0.0001", ".0001", "1e-4"},
            {"0.00015", ".00015", "15e-5"}, {"1e3", "1000", "1e3"}, {"-0", "0", "0"}, {"0.000", "0", "0"},
            {"12.5E-1", "1.25", "1.25"}, {"007.50", "7.5", "7.5"}, {"123456789012345678", "123456789012345678",
                "123456789012345678"}};
        for (String[] c : cases) {
            Decimal d = Decimal.parse(c[0]);
            assertEquals(c[1], d.format(false), c[0]);
            assertEquals(c[2], d.format(true), c[0]);
        }
        assertNull(Decimal.parse("1234567890123456789"), "19 significant digits");
        assertEquals(new Decimal(12, 1), Decimal.parse("1.2000000000000000000000000"));
        assertNull(Decimal.parse("1.2.3"));
        assertNull(Decimal.parse("e5"));
    }

    @Test
    void arithmeticIsExact() {
        Random random = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            BigDecimal a = BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000, random.nextInt(8));
            BigDecimal b = BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000, random.nextInt(8));
            Decimal x = Decimal.parse(a.toPlainString());
            Decimal y = Decimal.parse(b.toPlainString());
            assertEquals(0, a.add(b).compareTo(new BigDecimal(x.add(y).toString())), a + " + " + b);
            assertEquals(0, a.subtract(b).compareTo(new BigDecimal(x.subtract(y).toString())), a + " - " + b);
            assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(x.compareTo(y)), a + " <> " + b);
        }
        assertNull(Decimal.parse("999999999999999999").add(Decimal.parse("1")), "past 18 digits");
    }

    @Test
    void roundingGoesToTheNearestStepTiesToEven() {
        Decimal step = Decimal.parse("0.05");
        assertEquals("1.25", Decimal.parse("1.2345").roundTo(step).toString());
        assertEquals("1.2", Decimal.parse("1.225").roundTo(step).toString());
        assertEquals("1.3", Decimal.parse("1.275").roundTo(step).toString());
        assertEquals("-1.25", Decimal.parse("-1.2345").roundTo(step).toString());
        assertEquals("200", Decimal.parse("237").roundTo(Decimal.parse("200")).toString());
    }
}
