package org.arxos.compress.svg.internal;

/**
 * The current point and subpath start of a path in exact decimals, for turning relative segments into absolute ones
 * and back without rounding. A coordinate becomes unknown when it would need more than 18 digits; it is known again
 * after the next absolute segment that sets it.
 */
final class ExactPen {

    private Decimal x = Decimal.ZERO;
    private Decimal y = Decimal.ZERO;
    private Decimal startX = Decimal.ZERO;
    private Decimal startY = Decimal.ZERO;

    boolean known() {
        return x != null && y != null;
    }

    Decimal x() {
        return x;
    }

    Decimal y() {
        return y;
    }

    /** The segment with absolute coordinates, or {@code null} when a value is unknown or too long. */
    PathSegment absolute(PathSegment s) {
        return convert(s, true);
    }

    /** The segment with coordinates relative to the current point, or {@code null}. */
    PathSegment relative(PathSegment s) {
        return convert(s, false);
    }

    private PathSegment convert(PathSegment s, boolean toAbsolute) {
        char c = s.command();
        boolean relative = s.isRelative();
        PathNumber[] args = s.args();
        PathNumber[] out = new PathNumber[args.length];
        for (int k = 0; k < args.length; k++) {
            Decimal v = args[k].value();
            if (v == null) {
                return null;
            }
            int axis = PathSegment.axis(c, k);
            if (axis >= 0 && relative == toAbsolute) {
                Decimal origin = axis == 0 ? x : y;
                if (origin == null) {
                    return null;
                }
                v = toAbsolute ? v.add(origin) : v.subtract(origin);
                if (v == null) {
                    return null;
                }
            }
            out[k] = PathSegment.isFlag(c, k) ? args[k] : PathNumber.of(v);
        }
        return new PathSegment(toAbsolute ? Character.toUpperCase(c) : Character.toLowerCase(c), out);
    }

    /** Moves the pen past the segment. */
    void follow(PathSegment s) {
        char upper = Character.toUpperCase(s.command());
        if (upper == 'Z') {
            x = startX;
            y = startY;
            return;
        }
        PathNumber[] args = s.args();
        boolean relative = s.isRelative();
        if (upper == 'H') {
            x = moved(x, args[0].value(), relative);
        } else if (upper == 'V') {
            y = moved(y, args[0].value(), relative);
        } else {
            int[] end = PathSegment.endPoint(upper);
            x = moved(x, args[end[0]].value(), relative);
            y = moved(y, args[end[1]].value(), relative);
        }
        if (upper == 'M') {
            startX = x;
            startY = y;
        }
    }

    private static Decimal moved(Decimal from, Decimal by, boolean relative) {
        if (by == null) {
            return null;
        }
        if (!relative) {
            return by;
        }
        return from == null ? null : from.add(by);
    }
}
