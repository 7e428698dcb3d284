package org.arxos.compress.svg.internal;

/**
 * Rewrites the numbers inside a value (a length, a list, a property value) in their shortest text of the same value
 * ({@link Decimal#format}); units, keywords and separators stay. A number that is part of a word ({@code h1},
 * {@code #f00}, {@code rect4137}) is left alone, and so is one whose new text Batik would read as another float.
 */
final class NumberText {

    private NumberText() {
    }

    static String rewrite(String value, boolean exponent) {
        StringBuilder out = null;
        int copied = 0;
        int n = value.length();
        int i = 0;
        int lastEnd = -1;
        while (i < n) {
            char c = value.charAt(i);
            boolean starts = Decimal.isDigit(c) || c == '.' || c == '-' || c == '+';
            int end = starts && (i == lastEnd || !partOfWord(value, i)) ? Decimal.end(value, i) : i;
            if (end == i) {
                i++;
                continue;
            }
            Decimal d = Decimal.parse(value, i, end);
            if (d != null) {
                String shortest = d.format(exponent);
                if (!shortest.contentEquals(value.subSequence(i, end))
                        && BatikFloat.read(shortest) == BatikFloat.read(value, i, end)) {
                    if (out == null) {
                        out = new StringBuilder(n);
                    }
                    out.append(value, copied, i).append(shortest);
                    copied = end;
                }
            }
            i = end;
            lastEnd = end;
        }
        if (out == null) {
            return value;
        }
        return out.append(value, copied, n).toString();
    }

    /**
     * Whether the character at {@code i}, which does not directly follow a number, continues a word, a hex color or
     * a hyphenated name ({@code tspan5095-4}).
     */
    private static boolean partOfWord(String value, int i) {
        if (i == 0) {
            return false;
        }
        char p = value.charAt(i - 1);
        return Character.isLetterOrDigit(p) || p == '#' || p == '_' || p == '.'
                || (p == '-' && i >= 2 && Character.isLetterOrDigit(value.charAt(i - 2)));
    }
}
