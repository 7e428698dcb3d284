package org.arxos.compress.svg.internal;

/**
 * A number of path data, points or transforms: its text and, when it has at most 18 significant digits, its exact
 * value. A parsed number keeps its place in the text it came from and a number made from a value gets its (shortest)
 * text only when the text is asked for; each reads its Batik float once: the minifier weighs several spellings of
 * every segment by their length, and writes and checks only the one it keeps.
 */
final class PathNumber {

    private final Decimal value;
    /** The text is {@code source[from, to)}; no source yet for a number made from a value. */
    private String source;
    private int from;
    private int to;
    private float batik;
    private boolean batikRead;

    PathNumber(String text, Decimal value) {
        this(text, 0, text.length(), value);
    }

    /** The number written at {@code source[from, to)}. */
    PathNumber(String source, int from, int to, Decimal value) {
        this.source = source;
        this.from = from;
        this.to = to;
        this.value = value;
    }

    /** The value in its shortest text. */
    static PathNumber of(Decimal value) {
        return new PathNumber(null, 0, 0, value);
    }

    String text() {
        if (source == null) {
            source = value.format(true);
            to = source.length();
        } else if (from != 0 || to != source.length()) {
            source = source.substring(from, to);
            from = 0;
            to = source.length();
        }
        return source;
    }

    /** The exact value, or {@code null} for a number of more than 18 significant digits. */
    Decimal value() {
        return value;
    }

    /** The length of the text, without writing it. */
    int length() {
        return source != null ? to - from : value.formatLength(true);
    }

    /** Whether the number needs no separator after a previous one ({@link PathData#joins}). */
    boolean joins(PathNumber previous) {
        return PathData.joins(source != null ? source.charAt(from) : value.firstChar(true),
                previous.hasPointOrExponent());
    }

    private boolean hasPointOrExponent() {
        if (source == null) {
            return value.hasPointOrExponent(true);
        }
        for (int i = from; i < to; i++) {
            char c = source.charAt(i);
            if (c == '.' || c == 'e') {
                return true;
            }
        }
        return false;
    }

    /** The same value in its shortest text, or this one when its text is the shortest or its value is unknown. */
    PathNumber shortest() {
        return value == null || (source != null && to - from == value.formatLength(true)
                && value.isWrittenAs(source, from, to, true, new char[to - from])) ? this : of(value);
    }

    /** Whether {@link #shortest} is shorter. */
    boolean canShrink() {
        return value != null && source != null && to - from > value.formatLength(true);
    }

    float batik() {
        if (!batikRead) {
            batik = source != null ? BatikFloat.read(source, from, to) : BatikFloat.of(value);
            batikRead = true;
        }
        return batik;
    }
}
