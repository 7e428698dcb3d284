package org.arxos.compress.svg.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses and writes SVG path data. Parsing makes every implicit command explicit (numbers after a moveto are linetos);
 * writing leaves out what the grammar implies: a command letter that repeats the previous one, separators a sign or a
 * second decimal point already make, the separator after an arc flag.
 */
final class PathData {

    private PathData() {
    }

    /**
     * The segments of {@code d}, or {@code null} when it does not follow the grammar throughout: a renderer draws such
     * a path up to the error, so it is kept as it is.
     */
    static List<PathSegment> parse(String d) {
        List<PathSegment> out = new ArrayList<>();
        int n = d.length();
        int i = skipSpace(d, 0);
        char command = 0;
        while (i < n) {
            char c = d.charAt(i);
            int arity = PathSegment.arity(c);
            if (arity >= 0) {
                if (out.isEmpty() && c != 'M' && c != 'm') {
                    return null;
                }
                command = c;
                i = skipSpace(d, i + 1);
                if (arity == 0) {
                    out.add(new PathSegment(command, new PathNumber[0]));
                    continue;
                }
            } else if (command == 0 || PathSegment.arity(command) == 0) {
                return null; // a number where a command letter must be
            }
            int arity2 = PathSegment.arity(command);
            PathNumber[] args = new PathNumber[arity2];
            for (int k = 0; k < arity2; k++) {
                if (k > 0) {
                    i = skipSeparator(d, i);
                }
                if (PathSegment.isFlag(command, k)) {
                    if (i >= n || (d.charAt(i) != '0' && d.charAt(i) != '1')) {
                        return null;
                    }
                    args[k] = new PathNumber(d, i, i + 1, Decimal.of(d.charAt(i) - '0'));
                    i++;
                    continue;
                }
                int end = Decimal.end(d, i);
                if (end == i) {
                    return null;
                }
                args[k] = new PathNumber(d, i, end, Decimal.parse(d, i, end));
                i = end;
            }
            out.add(new PathSegment(command, args));
            // After a moveto, further pairs are linetos of the same kind.
            if (command == 'M') {
                command = 'L';
            } else if (command == 'm') {
                command = 'l';
            }
            int next = skipSpace(d, i);
            if (next < n && d.charAt(next) == ',') {
                next = skipSpace(d, next + 1);
                if (next >= n || PathSegment.arity(d.charAt(next)) >= 0) {
                    return null; // a comma before a command letter or the end
                }
            }
            i = next;
        }
        return out;
    }

    private static int skipSpace(String d, int i) {
        while (i < d.length() && isSpace(d.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSeparator(String d, int i) {
        i = skipSpace(d, i);
        if (i < d.length() && d.charAt(i) == ',') {
            i = skipSpace(d, i + 1);
        }
        return i;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    /** The separator two numbers need so that they read back as two: none before a sign or a second point. */
    static String separator(String previous, String next) {
        return joins(next.charAt(0), previous.indexOf('.') >= 0 || previous.indexOf('e') >= 0) ? "" : " ";
    }

    /**
     * Whether a number starting with {@code first} reads as a number of its own right after the previous one: after a
     * sign, or after a point when the previous number has a point or an exponent already.
     */
    static boolean joins(char first, boolean previousHasPointOrExponent) {
        return first == '-' || (first == '.' && previousHasPointOrExponent);
    }

    /** Writes segments one at a time, leaving out implied letters and separators. */
    static final class Writer {
        private final StringBuilder out = new StringBuilder();
        /** The command a bare number would continue, or 0. */
        private char implied;
        /** The last number written, or {@code null} after a letter or a flag. */
        private PathNumber lastNumber;

        /** How many characters {@link #append} would add. */
        int cost(PathSegment s) {
            int length = implied == s.command() ? 0 : 1;
            PathNumber last = implied == s.command() ? lastNumber : null;
            PathNumber[] args = s.args();
            for (int k = 0; k < args.length; k++) {
                if (PathSegment.isFlag(s.command(), k)) {
                    length += (last != null ? 1 : 0) + 1;
                    last = null;
                } else {
                    length += (last != null && !args[k].joins(last) ? 1 : 0) + args[k].length();
                    last = args[k];
                }
            }
            return length;
        }

        void append(PathSegment s) {
            char c = s.command();
            if (implied != c) {
                out.append(c);
                lastNumber = null;
            }
            PathNumber[] args = s.args();
            for (int k = 0; k < args.length; k++) {
                if (PathSegment.isFlag(c, k)) {
                    if (lastNumber != null) {
                        out.append(' ');
                    }
                    out.append(args[k].text());
                    lastNumber = null;
                } else {
                    if (lastNumber != null && !args[k].joins(lastNumber)) {
                        out.append(' ');
                    }
                    out.append(args[k].text());
                    lastNumber = args[k];
                }
            }
            implied = switch (c) {
                case 'M' -> 'L';
                case 'm' -> 'l';
                case 'Z', 'z' -> 0;
                default -> c;
            };
        }

        /** The command a bare number would continue now, or 0. */
        char implied() {
            return implied;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    static String write(List<PathSegment> segments) {
        Writer w = new Writer();
        for (PathSegment s : segments) {
            w.append(s);
        }
        return w.toString();
    }
}
