package org.arxos.io.ifc.internal.step;

import java.math.BigInteger;

/**
 * Decimal to double conversion with the result of {@link Double#parseDouble} (correctly rounded, round half to even),
 * without a string: the Eisel-Lemire algorithm (D. Lemire, "Number Parsing at a Gigabyte per Second", 2021; as in Go's
 * {@code strconv} and {@code fast_float}). It multiplies the normalised decimal mantissa by a 128-bit approximation of
 * the power of ten and gives up, returning {@link Double#NaN}, whenever the approximation could round either way,
 * the result would be subnormal, infinite or zero, or the exponent lies outside the table: callers then fall back to
 * {@link Double#parseDouble}.
 */
final class FastDouble {

    static final int MIN_EXP10 = -342;
    static final int MAX_EXP10 = 308;
    /** High and low 64 bits of the normalised 128-bit mantissa of 10^q, at 2 * (q - MIN_EXP10). */
    private static final long[] POW10_128 = table();
    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private FastDouble() {
    }

    /**
     * The double nearest to {@code (negative ? -1 : 1) * mantissa * 10^exp10}, or NaN when this cannot tell it cheaply.
     *
     * @param mantissa the decimal digits as an integer, not negative (at most 19 digits: all significant digits)
     */
    static double toDouble(long mantissa, int exp10, boolean negative) {
        if (mantissa == 0) {
            return negative ? -0.0 : 0.0;
        }
        if (mantissa > 0 && mantissa < (1L << 53) && exp10 >= -22 && exp10 <= 22) {
            // Clinger's fast path: the mantissa and the power of ten are exact doubles, one IEEE rounding.
            double v = exp10 >= 0 ? mantissa * POW10[exp10] : mantissa / POW10[-exp10];
            return negative ? -v : v;
        }
        return eiselLemire(mantissa, exp10, negative);
    }

    static double eiselLemire(long man, int exp10, boolean negative) {
        if (man == 0 || exp10 < MIN_EXP10 || exp10 > MAX_EXP10) {
            return Double.NaN;
        }
        // Normalisation.
        int clz = Long.numberOfLeadingZeros(man);
        man <<= clz;
        long retExp2 = ((217706L * exp10) >> 16) + 64 + 1023 - clz;
        int row = 2 * (exp10 - MIN_EXP10);
        long powHi = POW10_128[row];
        long powLo = POW10_128[row + 1];
        // Multiplication.
        long xHi = unsignedMultiplyHigh(man, powHi);
        long xLo = man * powHi;
        // Wider approximation.
        if ((xHi & 0x1FF) == 0x1FF && Long.compareUnsigned(xLo + man, man) < 0) {
            long yHi = unsignedMultiplyHigh(man, powLo);
            long yLo = man * powLo;
            long mergedHi = xHi;
            long mergedLo = xLo + yHi;
            if (Long.compareUnsigned(mergedLo, xLo) < 0) {
                mergedHi++;
            }
            if ((mergedHi & 0x1FF) == 0x1FF && mergedLo + 1 == 0 && Long.compareUnsigned(yLo + man, man) < 0) {
                return Double.NaN;
            }
            xHi = mergedHi;
            xLo = mergedLo;
        }
        // Shifting to 54 bits.
        long msb = xHi >>> 63;
        long retMantissa = xHi >>> (msb + 9);
        retExp2 -= 1 ^ msb;
        // Half-way ambiguity.
        if (xLo == 0 && (xHi & 0x1FF) == 0 && (retMantissa & 3) == 1) {
            return Double.NaN;
        }
        // From 54 to 53 bits.
        retMantissa += retMantissa & 1;
        retMantissa >>>= 1;
        if ((retMantissa >>> 53) > 0) {
            retMantissa >>>= 1;
            retExp2 += 1;
        }
        if (retExp2 <= 0 || retExp2 >= 0x7FF) {
            return Double.NaN; // subnormal, zero or infinite: leave it to Double.parseDouble
        }
        long bits = retExp2 << 52 | retMantissa & 0x000F_FFFF_FFFF_FFFFL;
        if (negative) {
            bits |= 0x8000_0000_0000_0000L;
        }
        return Double.longBitsToDouble(bits);
    }

    /** The high 64 bits of the unsigned 128-bit product (Math.unsignedMultiplyHigh is Java 18). */
    static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /**
     * The 128-bit mantissas of the powers of ten: truncated for q >= 0, for q < 0 the quotient 2^b / 5^-q plus one,
     * then truncated to 128 bits (as {@code fast_float}'s table generator computes them).
     */
    private static long[] table() {
        long[] t = new long[2 * (MAX_EXP10 - MIN_EXP10 + 1)];
        BigInteger five = BigInteger.valueOf(5);
        BigInteger top = BigInteger.ONE.shiftLeft(128);
        for (int q = MIN_EXP10; q <= MAX_EXP10; q++) {
            BigInteger c;
            if (q < 0) {
                BigInteger power5 = five.pow(-q);
                int z = power5.bitLength(); // least z with 2^z >= 5^-q (never a power of two)
                int b = q >= -27 ? z + 127 : 2 * z + 128;
                c = BigInteger.ONE.shiftLeft(b).divide(power5).add(BigInteger.ONE);
                if (c.compareTo(top) >= 0) {
                    c = c.shiftRight(c.bitLength() - 128);
                }
            } else {
                BigInteger power5 = five.pow(q);
                int shift = power5.bitLength() - 128;
                c = shift >= 0 ? power5.shiftRight(shift) : power5.shiftLeft(-shift);
            }
            int i = 2 * (q - MIN_EXP10);
            t[i] = c.shiftRight(64).longValue();
            t[i + 1] = c.longValue();
        }
        return t;
    }
}
