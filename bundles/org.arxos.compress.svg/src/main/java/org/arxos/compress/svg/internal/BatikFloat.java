package org.arxos.compress.svg.internal;

/**
 * The float Batik reads from a number in SVG micro-syntax (path data, points, transforms, lengths): its
 * {@code NumberParser} keeps the first 9 significant digits (truncating the rest), at most 3 exponent digits, and
 * builds the float through a double, nudging large positive mantissas up by one. Two texts of the same decimal value
 * can therefore read as different floats (a long run of trailing zeros does it); the minifier rewrites a number only
 * when Batik reads the same float from the new text, so that Batik draws the output exactly as the input.
 */
final class BatikFloat {

    private static final int MANTISSA_DIGITS = 9;
    private static final int EXPONENT_DIGITS = 3;
    private static final double[] POW10 = new double[128];

    static {
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = Math.pow(10, i);
        }
    }

    private BatikFloat() {
    }

    /** The float Batik reads from {@code s[from, to)}, one whole number (see {@link Decimal#end}). */
    static float read(CharSequence s, int from, int to) {
        int i = from;
        boolean negative = false;
        if (s.charAt(i) == '-' || s.charAt(i) == '+') {
            negative = s.charAt(i) == '-';
            i++;
        }
        int mantissa = 0;
        int digits = 0;
        int exponentAdjust = 0;
        boolean fraction = false;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                fraction = true;
                continue;
            }
            if (!Decimal.isDigit(c)) {
                break;
            }
            if (digits == 0 && c == '0') {
                if (fraction) {
                    exponentAdjust--;
                }
                continue;
            }
            if (digits < MANTISSA_DIGITS) {
                digits++;
                mantissa = mantissa * 10 + (c - '0');
                if (fraction) {
                    exponentAdjust--;
                }
            } else if (!fraction) {
                exponentAdjust++;
            }
        }
        int exponent = 0;
        if (i < to) {
            i++; // the e
            boolean negativeExponent = false;
            if (s.charAt(i) == '-' || s.charAt(i) == '+') {
                negativeExponent = s.charAt(i) == '-';
                i++;
            }
            for (int n = 0; i < to; i++) {
                if (n++ < EXPONENT_DIGITS) {
                    exponent = exponent * 10 + (s.charAt(i) - '0');
                }
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        return build(negative ? -mantissa : mantissa, exponent + exponentAdjust);
    }

    static float read(String s) {
        return read(s, 0, s.length());
    }

    /**
     * The float Batik reads from the number's shortest text ({@link Decimal#format format(true)}), without writing
     * it: the text's significant digits are the unscaled value's, followed by the zeros a plain integer ends in.
     */
    static float of(Decimal d) {
        long magnitude = Math.abs(d.unscaled());
        if (magnitude == 0) {
            return 0f;
        }
        int digits = Decimal.digitCount(magnitude);
        int zeros = d.scale() < 0 && !d.hasPointOrExponent(true) ? -d.scale() : 0;
        int dropped = Math.max(0, digits + zeros - MANTISSA_DIGITS);
        int m = (int) (dropped >= zeros ? magnitude / Decimal.pow10(dropped - zeros)
                : magnitude * Decimal.pow10(zeros - dropped));
        return build(d.unscaled() < 0 ? -m : m, -d.scale() - zeros + dropped);
    }

    private static float build(int mantissa, int exponent) {
        if (exponent < -125 || mantissa == 0) {
            return 0f;
        }
        if (exponent >= 128) {
            return mantissa > 0 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
        }
        if (exponent == 0) {
            return mantissa;
        }
        if (mantissa >= 1 << 26) {
            mantissa++;
        }
        return (float) (exponent > 0 ? mantissa * POW10[exponent] : mantissa / POW10[-exponent]);
    }
}
