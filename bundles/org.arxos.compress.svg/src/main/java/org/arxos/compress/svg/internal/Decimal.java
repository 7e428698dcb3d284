package org.arxos.compress.svg.internal;

/**
 * An exact decimal number, {@code unscaled × 10^-scale}, in lowest terms: the unscaled value has no trailing zero, and
 * zero is {@code (0, 0)}. Up to 18 significant digits; a longer number is not a {@code Decimal} and stays text
 * wherever it appears. Arithmetic is exact or refuses ({@code null}) rather than round.
 */
record Decimal(long unscaled, int scale) implements Comparable<Decimal> {

    static final Decimal ZERO = new Decimal(0, 0);
    private static final int MAX_DIGITS = 18;
    private static final int MAX_SCALE = 400;
    private static final long[] POW10 = new long[MAX_DIGITS + 1];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    Decimal {
        if (unscaled == 0) {
            scale = 0;
        } else {
            while (unscaled % 10 == 0) {
                unscaled /= 10;
                scale--;
            }
        }
    }

    static Decimal of(long value) {
        return new Decimal(value, 0);
    }

    /**
     * The end of the number that starts at {@code from} in the SVG number grammar ({@code [+-]? (digits ('.'
     * digits?)? | '.' digits) ([eE] [+-]? digits)?}), or {@code from} when none starts there. An {@code e} that no
     * digit follows is not part of the number ({@code 1em}).
     */
    static int end(CharSequence s, int from) {
        int n = s.length();
        int i = from;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            int j = i + 1;
            int fraction = 0;
            while (j < n && isDigit(s.charAt(j))) {
                j++;
                fraction++;
            }
            if (digits + fraction > 0) {
                i = j;
                digits += fraction;
            }
        }
        if (digits == 0) {
            return from;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '-' || s.charAt(j) == '+')) {
                j++;
            }
            int exponentDigits = 0;
            while (j < n && isDigit(s.charAt(j))) {
                j++;
                exponentDigits++;
            }
            if (exponentDigits > 0) {
                i = j;
            }
        }
        return i;
    }

    /** The number {@code s[from, to)} (one whole number, see {@link #end}), or {@code null} if it has too many digits. */
    static Decimal parse(CharSequence s, int from, int to) {
        int i = from;
        boolean negative = false;
        if (s.charAt(i) == '-' || s.charAt(i) == '+') {
            negative = s.charAt(i) == '-';
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int pendingZeros = 0;
        int scale = 0;
        boolean fraction = false;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                fraction = true;
                continue;
            }
            if (!isDigit(c)) {
                break;
            }
            if (fraction) {
                scale++;
            }
            if (c == '0') {
                // Zeros wait until a digit follows them: trailing zeros never count against the digit limit.
                if (digits > 0) {
                    pendingZeros++;
                }
                continue;
            }
            if (digits + pendingZeros + 1 > MAX_DIGITS) {
                return null;
            }
            unscaled = unscaled * POW10[pendingZeros + 1] + (c - '0');
            digits += pendingZeros + 1;
            pendingZeros = 0;
        }
        scale -= pendingZeros;
        if (i < to) {
            i++; // the e
            boolean negativeExponent = false;
            if (s.charAt(i) == '-' || s.charAt(i) == '+') {
                negativeExponent = s.charAt(i) == '-';
                i++;
            }
            int exponent = 0;
            for (; i < to; i++) {
                exponent = exponent * 10 + (s.charAt(i) - '0');
                if (exponent > MAX_SCALE) {
                    return null;
                }
            }
            scale -= negativeExponent ? -exponent : exponent;
        }
        if (Math.abs(scale) > MAX_SCALE) {
            return unscaled == 0 ? ZERO : null;
        }
        return new Decimal(negative ? -unscaled : unscaled, scale);
    }

    /** The whole string as one number, or {@code null}. */
    static Decimal parse(String s) {
        int end = end(s, 0);
        return end > 0 && end == s.length() ? parse(s, 0, end) : null;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    int signum() {
        return Long.signum(unscaled);
    }

    Decimal negate() {
        return new Decimal(-unscaled, scale);
    }

    /** The exact sum, or {@code null} when it needs more than 18 digits. */
    Decimal add(Decimal other) {
        if (unscaled == 0) {
            return other;
        }
        if (other.unscaled == 0) {
            return this;
        }
        int common = Math.max(scale, other.scale);
        long a = rescaled(common);
        long b = other.rescaled(common);
        if (a == Long.MIN_VALUE || b == Long.MIN_VALUE) {
            return null;
        }
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0 || Math.abs(sum) >= POW10[MAX_DIGITS]) {
            return null;
        }
        return new Decimal(sum, common);
    }

    Decimal subtract(Decimal other) {
        return add(other.negate());
    }

    /** The unscaled value at a larger or equal scale, or {@code Long.MIN_VALUE} when it does not fit 18 digits. */
    long rescaled(int target) {
        int shift = target - scale;
        if (shift < 0) {
            throw new IllegalArgumentException("cannot rescale " + this + " down to " + target);
        }
        if (shift > MAX_DIGITS) {
            return unscaled == 0 ? 0 : Long.MIN_VALUE;
        }
        long factor = POW10[shift];
        if (Math.abs(unscaled) >= POW10[MAX_DIGITS] / factor) {
            return unscaled == 0 ? 0 : Long.MIN_VALUE;
        }
        return unscaled * factor;
    }

    /**
     * The nearest multiple of {@code step} (ties to even), or {@code null} when the result needs more than 18 digits.
     */
    Decimal roundTo(Decimal step) {
        int common = Math.max(scale, step.scale);
        long v = rescaled(common);
        long q = step.rescaled(common);
        if (v == Long.MIN_VALUE || q == Long.MIN_VALUE || q <= 0) {
            return null;
        }
        long n = Math.floorDiv(v, q);
        long rest = v - n * q;
        if (rest * 2 > q || (rest * 2 == q && (n & 1) != 0)) {
            n++;
        }
        return multiply(step, n);
    }

    private static Decimal multiply(Decimal step, long n) {
        long product;
        try {
            product = Math.multiplyExact(step.unscaled, n);
        } catch (ArithmeticException e) {
            return null;
        }
        return Math.abs(product) >= POW10[MAX_DIGITS] ? null : new Decimal(product, step.scale);
    }

    double doubleValue() {
        return scale >= 0 && scale < POW10.length ? unscaled / (double) POW10[scale]
                : Double.parseDouble(unscaled + "e" + (-scale));
    }

    @Override
    public int compareTo(Decimal other) {
        if (Long.signum(unscaled) != Long.signum(other.unscaled)) {
            return Integer.compare(Long.signum(unscaled), Long.signum(other.unscaled));
        }
        int common = Math.max(scale, other.scale);
        long a = rescaled(common);
        long b = other.rescaled(common);
        if (a != Long.MIN_VALUE && b != Long.MIN_VALUE) {
            return Long.compare(a, b);
        }
        return Double.compare(doubleValue(), other.doubleValue());
    }

    /**
     * The shortest text with this exact value: no sign for positives, no leading zero ({@code .5}), no trailing zeros,
     * and, where {@code exponent} allows, exponent notation when it is shorter ({@code 1e3}, {@code 15e-5}). Ties keep
     * the plain form.
     */
    String format(boolean exponent) {
        char[] out = new char[formatLength(exponent)];
        write(out, exponent);
        return new String(out);
    }

    /** Whether {@code s[from, to)} is this number's shortest text. */
    boolean isWrittenAs(CharSequence s, int from, int to, boolean exponent, char[] scratch) {
        int n = formatLength(exponent);
        if (n != to - from) {
            return false;
        }
        char[] out = n <= scratch.length ? scratch : new char[n];
        write(out, exponent);
        for (int i = 0; i < n; i++) {
            if (out[i] != s.charAt(from + i)) {
                return false;
            }
        }
        return true;
    }

    /** The length of the shortest text, {@link #format}'s. */
    int formatLength(boolean exponent) {
        if (unscaled == 0) {
            return 1;
        }
        int n = digitCount(Math.abs(unscaled));
        int plain = scale <= 0 ? n - scale : scale < n ? n + 1 : scale + 1;
        int sign = unscaled < 0 ? 1 : 0;
        return sign + (scientific(exponent, n, plain) ? n + 1 + exponentLength() : plain);
    }

    /** The first character of the shortest text. */
    char firstChar(boolean exponent) {
        if (unscaled < 0) {
            return '-';
        }
        if (unscaled == 0) {
            return '0';
        }
        int n = digitCount(unscaled);
        int plain = scale <= 0 ? n - scale : scale < n ? n + 1 : scale + 1;
        return scale >= n && !scientific(exponent, n, plain) ? '.' : (char) ('0' + unscaled / POW10[n - 1]);
    }

    /** Whether the shortest text holds a decimal point or an exponent. */
    boolean hasPointOrExponent(boolean exponent) {
        if (scale > 0) {
            return true;
        }
        int n = digitCount(Math.abs(unscaled));
        return scientific(exponent, n, n - scale);
    }

    private int exponentLength() {
        return digitCount(Math.abs((long) scale)) + (scale > 0 ? 1 : 0);
    }

    private boolean scientific(boolean exponent, int n, int plain) {
        return exponent && scale != 0 && n + 1 + exponentLength() < plain;
    }

    /** Writes the shortest text into {@code out} from its start; {@code out} holds at least {@link #length}. */
    private void write(char[] out, boolean exponent) {
        if (unscaled == 0) {
            out[0] = '0';
            return;
        }
        long magnitude = Math.abs(unscaled);
        int n = digitCount(magnitude);
        int plain = scale <= 0 ? n - scale : scale < n ? n + 1 : scale + 1;
        int at = 0;
        if (unscaled < 0) {
            out[at++] = '-';
        }
        if (scientific(exponent, n, plain)) {
            at = digits(magnitude, n, out, at, 0);
            out[at++] = 'e';
            if (scale > 0) {
                out[at++] = '-';
            }
            digits(Math.abs((long) scale), exponentLength() - (scale > 0 ? 1 : 0), out, at, 0);
        } else if (scale <= 0) {
            at = digits(magnitude, n, out, at, 0);
            for (int i = 0; i < -scale; i++) {
                out[at++] = '0';
            }
        } else if (scale < n) {
            digits(magnitude, n, out, at, scale);
        } else {
            out[at++] = '.';
            for (int i = n; i < scale; i++) {
                out[at++] = '0';
            }
            digits(magnitude, n, out, at, 0);
        }
    }

    /** 10 to the power {@code n}, {@code n} in [0, 18]. */
    static long pow10(int n) {
        return POW10[n];
    }

    /** How many digits the non-negative {@code v} has. */
    static int digitCount(long v) {
        int n = 1;
        while (n < POW10.length && v >= POW10[n]) {
            n++;
        }
        return n;
    }

    /** Writes the n digits of v from {@code at}, a point before the last {@code fraction} of them (none if 0). */
    private static int digits(long v, int n, char[] out, int at, int fraction) {
        int end = at + n + (fraction > 0 ? 1 : 0);
        int i = end;
        for (int k = 0; k < n; k++) {
            if (fraction > 0 && k == fraction) {
                out[--i] = '.';
            }
            out[--i] = (char) ('0' + v % 10);
            v /= 10;
        }
        return end;
    }

    @Override
    public String toString() {
        return format(false);
    }
}
