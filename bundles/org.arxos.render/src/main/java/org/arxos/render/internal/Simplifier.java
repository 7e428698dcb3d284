package org.arxos.render.internal;

import java.util.Arrays;

import org.arxos.model.geometry.Polygon;
import org.arxos.model.geometry.Polyline;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * Drops the vertices of outlines and paths that move them less than a tolerance (about a pixel), with JTS's
 * Douglas-Peucker simplifier. Validity is not restored afterwards: a simplified outline may cross itself where the
 * crossing is smaller than the tolerance, which no one can see, and repairing costs far more than drawing.
 */
final class Simplifier {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private Simplifier() {
    }

    /** The outline's vertices (not closed), or {@code null} when it collapses to less than a polygon. */
    static Coordinate[] outline(Polygon polygon, double tolerance) {
        int n = polygon.vertexCount();
        Coordinate[] ring = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            ring[i] = new Coordinate(polygon.x(i), polygon.y(i));
        }
        ring[n] = ring[0].copy();
        if (n <= 3) {
            return Arrays.copyOf(ring, n);
        }
        Geometry simplified = simplify(GEOMETRY.createPolygon(ring), tolerance);
        if (simplified.isEmpty() || !(simplified instanceof org.locationtech.jts.geom.Polygon p)) {
            return null;
        }
        Coordinate[] closed = p.getExteriorRing().getCoordinates();
        return closed.length < 4 ? null : Arrays.copyOf(closed, closed.length - 1);
    }

    /** The path's vertices, its ends always kept. */
    static Coordinate[] path(Polyline polyline, double tolerance) {
        int n = polyline.vertexCount();
        Coordinate[] points = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            points[i] = new Coordinate(polyline.x(i), polyline.y(i));
        }
        if (n <= 2) {
            return points;
        }
        Coordinate[] simplified = simplify(GEOMETRY.createLineString(points), tolerance).getCoordinates();
        // A closed path smaller than the tolerance collapses to nothing: its ends still show where it is.
        return simplified.length >= 2 ? simplified : new Coordinate[] {points[0], points[n - 1]};
    }

    private static Geometry simplify(Geometry geometry, double tolerance) {
        DouglasPeuckerSimplifier simplifier = new DouglasPeuckerSimplifier(geometry);
        simplifier.setDistanceTolerance(tolerance);
        simplifier.setEnsureValid(false);
        return simplifier.getResultGeometry();
    }
}
