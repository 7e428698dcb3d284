package org.arxos.calculations.internal;

import org.arxos.model.geometry.Bounds;
import org.arxos.model.geometry.Footprint;
import org.arxos.model.geometry.Polygon;
import org.arxos.model.geometry.Polyline;

/** Measures of footprints and distances between outlines in plan, in metres; outlines are {@code x0, y0, x1, y1, ...}. */
final class PlanGeometry {

    private PlanGeometry() {
    }

    static double area(Footprint footprint) {
        if (footprint instanceof Polygon polygon) {
            return Math.abs(twiceSignedArea(polygon.coordinates())) / 2;
        }
        return footprint instanceof Polyline ? 0 : footprint.bounds().area();
    }

    /** A polyline's path length; the longer side of the bounds for anything else. */
    static double length(Footprint footprint) {
        if (footprint instanceof Polyline polyline) {
            float[] c = polyline.coordinates();
            double length = 0;
            for (int i = 2; i < c.length; i += 2) {
                length += Math.hypot(c[i] - c[i - 2], c[i + 1] - c[i - 1]);
            }
            return length;
        }
        Bounds b = footprint.bounds();
        return Math.max(b.width(), b.height());
    }

    /** The vertices of the exact outline, or {@code null} when the footprint is just its bounds. */
    static float[] outline(Footprint footprint) {
        if (footprint instanceof Polygon polygon) {
            return polygon.coordinates();
        }
        return footprint instanceof Polyline polyline ? polyline.coordinates() : null;
    }

    static float[] rectangle(float minX, float minY, float maxX, float maxY) {
        return new float[] {minX, minY, maxX, minY, maxX, maxY, minX, maxY};
    }

    /** The area centroid of a closed outline, or the mean of its vertices when its area is 0. */
    static double[] centroid(float[] c) {
        double twice = twiceSignedArea(c);
        int n = c.length / 2;
        if (Math.abs(twice) < 1e-9) {
            double x = 0;
            double y = 0;
            for (int i = 0; i < n; i++) {
                x += c[2 * i];
                y += c[2 * i + 1];
            }
            return new double[] {x / n, y / n};
        }
        double cx = 0;
        double cy = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            double cross = (double) c[2 * i] * c[2 * j + 1] - (double) c[2 * j] * c[2 * i + 1];
            cx += (c[2 * i] + c[2 * j]) * cross;
            cy += (c[2 * i + 1] + c[2 * j + 1]) * cross;
        }
        return new double[] {cx / (3 * twice), cy / (3 * twice)};
    }

    private static double twiceSignedArea(float[] c) {
        int n = c.length / 2;
        double twice = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            twice += (double) c[2 * i] * c[2 * j + 1] - (double) c[2 * j] * c[2 * i + 1];
        }
        return twice;
    }

    /**
     * The distance between two outlines: 0 when they cross or a closed one holds the other, else the shortest
     * distance between their edges.
     */
    static double distance(float[] a, boolean aClosed, float[] b, boolean bClosed) {
        if ((aClosed && inside(b[0], b[1], a)) || (bClosed && inside(a[0], a[1], b))) {
            return 0;
        }
        int na = segments(a, aClosed);
        int nb = segments(b, bClosed);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < na; i++) {
            int i2 = next(i, a);
            for (int j = 0; j < nb; j++) {
                int j2 = next(j, b);
                double d = segmentDistance(a[2 * i], a[2 * i + 1], a[2 * i2], a[2 * i2 + 1], b[2 * j], b[2 * j + 1],
                        b[2 * j2], b[2 * j2 + 1]);
                if (d < best) {
                    if (d == 0) {
                        return 0;
                    }
                    best = d;
                }
            }
        }
        return best;
    }

    private static int segments(float[] c, boolean closed) {
        int n = c.length / 2;
        return closed ? n : Math.max(1, n - 1);
    }

    private static int next(int i, float[] c) {
        return (i + 1) % (c.length / 2);
    }

    /** Even-odd rule; a point on the edge may go either way, which a distance of 0 from the edge test covers. */
    static boolean inside(double x, double y, float[] c) {
        int n = c.length / 2;
        boolean in = false;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = c[2 * i];
            double yi = c[2 * i + 1];
            double xj = c[2 * j];
            double yj = c[2 * j + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                in = !in;
            }
        }
        return in;
    }

    static double segmentDistance(double ax, double ay, double bx, double by, double cx, double cy, double dx,
            double dy) {
        if (crosses(ax, ay, bx, by, cx, cy, dx, dy)) {
            return 0;
        }
        return Math.min(Math.min(pointToSegment(ax, ay, cx, cy, dx, dy), pointToSegment(bx, by, cx, cy, dx, dy)),
                Math.min(pointToSegment(cx, cy, ax, ay, bx, by), pointToSegment(dx, dy, ax, ay, bx, by)));
    }

    private static boolean crosses(double ax, double ay, double bx, double by, double cx, double cy, double dx,
            double dy) {
        double d1 = cross(cx, cy, dx, dy, ax, ay);
        double d2 = cross(cx, cy, dx, dy, bx, by);
        double d3 = cross(ax, ay, bx, by, cx, cy);
        double d4 = cross(ax, ay, bx, by, dx, dy);
        return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
    }

    private static double cross(double ox, double oy, double ax, double ay, double bx, double by) {
        return (ax - ox) * (by - oy) - (ay - oy) * (bx - ox);
    }

    static double pointToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double vx = bx - ax;
        double vy = by - ay;
        double length2 = vx * vx + vy * vy;
        double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / length2));
        return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
    }
}
