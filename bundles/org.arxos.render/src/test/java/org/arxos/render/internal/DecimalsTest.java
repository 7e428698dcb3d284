package org.arxos.render.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DecimalsTest {

    private static String format(double scale, double value) {
        StringBuilder out = new StringBuilder();
        new Decimals(scale).append(out, value);
        return out.toString();
    }

    @Test
    void aTenthOfAPixelDecidesTheDecimals() {
        assertEquals("12.346", format(50, 12.3456));
        assertEquals("12.3", format(1, 12.3456));
        assertEquals("12.3456", format(5_000, 12.3456));
        assertEquals("12", format(0.05, 12.3456));
    }

    @Test
    void trailingZerosSignsAndLargeValues() {
        assertEquals("-0.05", format(100, -0.05));
        assertEquals("0", format(100, -0.0001));
        assertEquals("0.007", format(5_000, 0.007));
        assertEquals("-3", format(100, -3.0004));
        assertEquals("1.0E20", format(100, 1e20));
    }
}
