package org.arxos.compress.svg.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Lossy path data: every point (end and control points alike) is made absolute in exact decimals, optionally
 * simplified, rounded to a grid step, and written in the shortest spelling. Because points are rounded where they
 * are, not as relative steps, errors never add up along the path.
 *
 * <p>What moves, in the path's own units: a rounded point at most {@code step/2} on each axis; a curve no more than
 * its control points (a Bézier curve is a weighted mean of them); a run of straight segments simplified by
 * Douglas-Peucker and a curve flat enough to become a line by at most {@code epsilon}. Arcs are left exact: their
 * centre can move far when an end point moves a little, so a path with an arc is only minified.
 */
final class PathQuantizer {

    private PathQuantizer() {
    }

    /**
     * @param step    the grid step
     * @param epsilon how far simplification may move the outline, in the path's units; 0 for none
     * @return the new path data, or {@code null} when the path must stay exact (arcs, numbers too long, grammar)
     */
    static String quantize(String d, Decimal step, double epsilon) {
        List<PathSegment> segments = PathData.parse(d);
        if (segments == null) {
            return null;
        }
        List<Segment> absolute = absolute(segments);
        if (absolute == null) {
            return null;
        }
        if (epsilon > 0) {
            absolute = simplify(absolute, epsilon);
        }
        return write(round(absolute, step));
    }

    /** An absolute segment: {@code M L C Q Z} and its points, the end point last. */
    record Segment(char type, Point... points) {

        Point end() {
            return points.length == 0 ? null : points[points.length - 1];
        }
    }

    /** A point in exact decimals. */
    record Point(Decimal x, Decimal y) {

        double dx() {
            return x.doubleValue();
        }

        double dy() {
            return y.doubleValue();
        }
    }

    /**
     * The segments with absolute points; smooth curves become full curves with their reflected control point, H and
     * V become L. {@code null} when a point is not known exactly or the path has an arc.
     */
    private static List<Segment> absolute(List<PathSegment> segments) {
        List<Segment> out = new ArrayList<>(segments.size());
        ExactPen pen = new ExactPen();
        Point lastControl = null;
        char lastType = 0;
        Point start = null;
        for (PathSegment s : segments) {
            char upper = Character.toUpperCase(s.command());
            if (upper == 'A') {
                return null;
            }
            Point current = pen.known() ? new Point(pen.x(), pen.y()) : null;
            if (upper != 'M' && current == null) {
                return null;
            }
            Point[] points;
            if (upper == 'Z') {
                points = new Point[0];
            } else {
                PathSegment abs = pen.absolute(s);
                if (abs == null) {
                    return null;
                }
                PathNumber[] a = abs.args();
                points = switch (upper) {
                    case 'M', 'L', 'T' -> new Point[] {point(a, 0)};
                    case 'H' -> new Point[] {new Point(a[0].value(), current.y())};
                    case 'V' -> new Point[] {new Point(current.x(), a[0].value())};
                    case 'C' -> new Point[] {point(a, 0), point(a, 2), point(a, 4)};
                    case 'S' -> new Point[] {null, point(a, 0), point(a, 2)};
                    case 'Q' -> new Point[] {point(a, 0), point(a, 2)};
                    default -> throw new IllegalStateException("unexpected command " + upper);
                };
                if (upper == 'S' || upper == 'T') {
                    boolean smooth = upper == 'S' ? lastType == 'C' : lastType == 'Q';
                    Point reflected = smooth ? reflect(lastControl, current) : current;
                    if (reflected == null) {
                        return null;
                    }
                    if (upper == 'S') {
                        points[0] = reflected;
                    } else {
                        points = new Point[] {reflected, points[0]};
                    }
                }
            }
            char type = switch (upper) {
                case 'H', 'V' -> 'L';
                case 'S' -> 'C';
                case 'T' -> 'Q';
                default -> upper;
            };
            out.add(new Segment(type, points));
            pen.follow(s);
            if (upper == 'M') {
                start = points[0];
            }
            lastType = type;
            lastControl = type == 'C' ? points[1] : type == 'Q' ? points[0] : null;
            if (type == 'Z' && start == null) {
                return null;
            }
        }
        return out;
    }

    private static Point point(PathNumber[] a, int i) {
        return new Point(a[i].value(), a[i + 1].value());
    }

    /** {@code 2 × current − control}, exactly, or {@code null}. */
    private static Point reflect(Point control, Point current) {
        if (control == null) {
            return current;
        }
        Decimal x = current.x().add(current.x());
        Decimal y = current.y().add(current.y());
        x = x == null ? null : x.subtract(control.x());
        y = y == null ? null : y.subtract(control.y());
        return x == null || y == null ? null : new Point(x, y);
    }

    /**
     * Curves whose control points lie within epsilon of their chord become lines; runs of lines lose the points that
     * lie within epsilon of the simplified run (Douglas-Peucker, distances to segments). A run's ends stay.
     */
    private static List<Segment> simplify(List<Segment> segments, double epsilon) {
        List<Segment> flattened = new ArrayList<>(segments.size());
        Point current = null;
        Point start = null;
        for (Segment s : segments) {
            Segment out = s;
            if ((s.type() == 'C' || s.type() == 'Q') && current != null) {
                boolean flat = true;
                for (int i = 0; i < s.points().length - 1; i++) {
                    flat &= distanceToSegment(s.points()[i], current, s.end()) <= epsilon;
                }
                if (flat) {
                    out = new Segment('L', s.end());
                }
            }
            flattened.add(out);
            current = s.type() == 'Z' ? start : out.end();
            if (s.type() == 'M') {
                start = current;
            }
        }
        List<Segment> result = new ArrayList<>(flattened.size());
        int i = 0;
        while (i < flattened.size()) {
            if (flattened.get(i).type() != 'L' || i == 0) {
                result.add(flattened.get(i));
                i++;
                continue;
            }
            int j = i;
            while (j < flattened.size() && flattened.get(j).type() == 'L') {
                j++;
            }
            Point from = flattened.get(i - 1).end();
            if (from == null || j - i < 2) {
                result.addAll(flattened.subList(i, j));
            } else {
                List<Point> run = new ArrayList<>(j - i + 1);
                run.add(from);
                for (int k = i; k < j; k++) {
                    run.add(flattened.get(k).end());
                }
                List<Point> kept = simplifyPolyline(run, epsilon);
                for (int k = 1; k < kept.size(); k++) {
                    result.add(new Segment('L', kept.get(k)));
                }
            }
            i = j;
        }
        return result;
    }

    /**
     * The points of a polyline that Douglas-Peucker keeps: its ends, and every point farther than epsilon from the
     * simplified line between the points kept around it.
     */
    static List<Point> simplifyPolyline(List<Point> run, double epsilon) {
        if (run.size() < 3) {
            return run;
        }
        boolean[] keep = new boolean[run.size()];
        keep[0] = true;
        keep[run.size() - 1] = true;
        douglasPeucker(run, 0, run.size() - 1, epsilon, keep);
        List<Point> out = new ArrayList<>();
        for (int k = 0; k < run.size(); k++) {
            if (keep[k]) {
                out.add(run.get(k));
            }
        }
        return out;
    }

    private static void douglasPeucker(List<Point> run, int from, int to, double epsilon, boolean[] keep) {
        double worst = -1;
        int at = -1;
        for (int k = from + 1; k < to; k++) {
            double d = distanceToSegment(run.get(k), run.get(from), run.get(to));
            if (d > worst) {
                worst = d;
                at = k;
            }
        }
        if (at >= 0 && worst > epsilon) {
            keep[at] = true;
            douglasPeucker(run, from, at, epsilon, keep);
            douglasPeucker(run, at, to, epsilon, keep);
        }
    }

    static double distanceToSegment(Point p, Point a, Point b) {
        double ax = a.dx();
        double ay = a.dy();
        double bx = b.dx() - ax;
        double by = b.dy() - ay;
        double px = p.dx() - ax;
        double py = p.dy() - ay;
        double length = bx * bx + by * by;
        double t = length == 0 ? 0 : Math.max(0, Math.min(1, (px * bx + py * by) / length));
        return Math.hypot(px - t * bx, py - t * by);
    }

    /** Every point on the grid; {@code null} when a coordinate does not fit 18 digits. */
    private static List<Segment> round(List<Segment> segments, Decimal step) {
        List<Segment> out = new ArrayList<>(segments.size());
        for (Segment s : segments) {
            Point[] r = s.points().clone();
            for (int i = 0; i < r.length; i++) {
                Decimal x = r[i].x().roundTo(step);
                Decimal y = r[i].y().roundTo(step);
                if (x == null || y == null) {
                    return null;
                }
                r[i] = new Point(x, y);
            }
            out.add(new Segment(s.type(), r));
        }
        return out;
    }

    /** The shortest spelling of absolute segments: each absolute or relative, axis lines as H/V, smooth curves S/T. */
    private static String write(List<Segment> segments) {
        if (segments == null) {
            return null;
        }
        PathData.Writer writer = new PathData.Writer();
        Point current = new Point(Decimal.ZERO, Decimal.ZERO);
        Point start = current;
        Point lastControl = null;
        char lastType = 0;
        for (Segment segment : segments) {
            char type = segment.type();
            Point[] s = segment.points();
            List<PathSegment> candidates = new ArrayList<>(4);
            switch (type) {
                case 'Z' -> candidates.add(new PathSegment('z', new PathNumber[0]));
                case 'M' -> both(candidates, 'M', current, s[0]);
                case 'L' -> {
                    both(candidates, 'L', current, s[0]);
                    if (s[0].y().equals(current.y())) {
                        candidates.add(new PathSegment('H', numbers(s[0].x())));
                        candidates.add(new PathSegment('h', numbers(s[0].x().subtract(current.x()))));
                    } else if (s[0].x().equals(current.x())) {
                        candidates.add(new PathSegment('V', numbers(s[0].y())));
                        candidates.add(new PathSegment('v', numbers(s[0].y().subtract(current.y()))));
                    }
                }
                case 'C' -> {
                    both(candidates, 'C', current, s);
                    if (lastType == 'C' && s[0].equals(reflect(lastControl, current))) {
                        both(candidates, 'S', current, s[1], s[2]);
                    }
                }
                case 'Q' -> {
                    both(candidates, 'Q', current, s);
                    if (lastType == 'Q' && s[0].equals(reflect(lastControl, current))) {
                        both(candidates, 'T', current, s[1]);
                    }
                }
                default -> throw new IllegalStateException("unexpected segment " + type);
            }
            PathSegment best = null;
            int bestCost = Integer.MAX_VALUE;
            for (PathSegment c : candidates) {
                if (c != null && !hasNull(c)) {
                    int cost = writer.cost(c);
                    if (cost < bestCost) {
                        best = c;
                        bestCost = cost;
                    }
                }
            }
            if (best == null) {
                return null;
            }
            writer.append(best);
            current = type == 'Z' ? start : segment.end();
            if (type == 'M') {
                start = current;
            }
            lastType = type;
            lastControl = type == 'C' ? s[1] : type == 'Q' ? s[0] : null;
        }
        return writer.toString();
    }

    /** The segment spelled with absolute points, and with points relative to the current one. */
    private static void both(List<PathSegment> out, char command, Point current, Point... points) {
        PathNumber[] abs = new PathNumber[points.length * 2];
        PathNumber[] rel = new PathNumber[points.length * 2];
        for (int i = 0; i < points.length; i++) {
            abs[2 * i] = number(points[i].x());
            abs[2 * i + 1] = number(points[i].y());
            rel[2 * i] = number(points[i].x().subtract(current.x()));
            rel[2 * i + 1] = number(points[i].y().subtract(current.y()));
        }
        out.add(new PathSegment(command, abs));
        out.add(new PathSegment(Character.toLowerCase(command), rel));
    }

    private static PathNumber number(Decimal d) {
        return d == null ? null : PathNumber.of(d);
    }

    private static PathNumber[] numbers(Decimal d) {
        return new PathNumber[] {number(d)};
    }

    private static boolean hasNull(PathSegment s) {
        for (PathNumber n : s.args()) {
            if (n == null) {
                return true;
            }
        }
        return false;
    }
}
