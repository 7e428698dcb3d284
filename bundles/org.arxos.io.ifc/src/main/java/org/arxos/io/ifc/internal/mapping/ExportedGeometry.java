package org.arxos.io.ifc.internal.mapping;

import java.util.List;

import org.arxos.io.ifc.internal.step.StepEntity;
import org.arxos.model.geometry.Bounds;
import org.arxos.model.geometry.ElevationRange;
import org.arxos.model.geometry.Footprint;
import org.arxos.model.geometry.Polygon;
import org.arxos.model.geometry.Polyline;

/**
 * Reads back, exactly, the geometry the Arxos exporter writes ({@code Ifc4Document}): a placement chain of pure
 * vertical translations, and one item: an IfcExtrudedAreaSolid straight up from the origin of an
 * IfcRectangleProfileDef (→ {@link Bounds}) or of an IfcArbitraryClosedProfileDef of an IfcPolyline (→
 * {@link Polygon}, without the repeated first point), or an 'Axis' IfcPolyline (→ {@link Polyline}). Computed in
 * doubles in the order the exporter composed them, so the floats come back bit for bit. Anything else, such as a
 * representation another tool changed, gives {@code null} and is read by the general {@link ShapeReader}.
 */
final class ExportedGeometry {

    private static final int MAX_DEPTH = 256;

    private final IfcModel model;
    private final double unit;

    ExportedGeometry(IfcModel model, IfcUnits units) {
        this.model = model;
        this.unit = units.length();
    }

    /** The footprint and elevation range of a product in the exporter's form, or null. */
    Shape read(StepEntity product) throws IfcMappingException {
        if (product.argCount() <= 6) {
            return null;
        }
        StepEntity definition = model.ref(product, 6);
        if (definition == null || definition.type() != "IFCPRODUCTDEFINITIONSHAPE") {
            return null;
        }
        List<StepEntity> representations = model.refs(definition, 2);
        if (representations.size() != 1 || representations.get(0).type() != "IFCSHAPEREPRESENTATION") {
            return null;
        }
        StepEntity representation = representations.get(0);
        List<StepEntity> items = model.refs(representation, 3);
        if (items.size() != 1) {
            return null;
        }
        Double z = placementZ(model.ref(product, 5));
        if (z == null) {
            return null;
        }
        StepEntity item = items.get(0);
        String identifier = model.text(representation, 1);
        if ("Axis".equals(identifier) && item.type() == "IFCPOLYLINE") {
            float[] xy = points(item, false);
            if (xy == null || xy.length < 4) {
                return null;
            }
            float bottom = (float) (z * unit);
            return new Shape(new Polyline(xy), new ElevationRange(bottom, bottom));
        }
        if (!"Body".equals(identifier) || item.type() != "IFCEXTRUDEDAREASOLID") {
            return null;
        }
        // IfcExtrudedAreaSolid(SweptArea, Position, ExtrudedDirection, Depth)
        if (!isPlainAxis(model.ref(item, 1), true)) {
            return null;
        }
        StepEntity direction = model.ref(item, 2);
        if (direction == null || direction.type() != "IFCDIRECTION") {
            return null;
        }
        double[] d = model.reals(direction, 0);
        if (d.length != 3 || d[0] != 0 || d[1] != 0 || d[2] != 1) {
            return null;
        }
        double depth = model.length(item, 3, "Depth");
        if (!(depth > 0) || !model.inRange(z) || !model.inRange(z + depth)) {
            return null;
        }
        Footprint footprint = profile(model.ref(item, 0));
        if (footprint == null) {
            return null;
        }
        float bottom = (float) (z * unit);
        float top = (float) ((z + depth) * unit);
        if (!(bottom <= top)) {
            return null;
        }
        return new Shape(footprint, new ElevationRange(bottom, top));
    }

    private Footprint profile(StepEntity profile) throws IfcMappingException {
        if (profile == null) {
            return null;
        }
        switch (profile.type()) {
            case "IFCRECTANGLEPROFILEDEF" -> {
                // IfcRectangleProfileDef(ProfileType, ProfileName, Position, XDim, YDim)
                StepEntity position = model.ref(profile, 2);
                if (position == null || position.type() != "IFCAXIS2PLACEMENT2D" || !position.isNull(1)) {
                    return null;
                }
                double[] c = model.point(model.required(position, 0, "Location"));
                if (c.length != 2) {
                    return null;
                }
                double w = model.length(profile, 3, "XDim");
                double h = model.length(profile, 4, "YDim");
                float minX = (float) ((c[0] - w / 2) * unit);
                float minY = (float) ((c[1] - h / 2) * unit);
                float maxX = (float) ((c[0] + w / 2) * unit);
                float maxY = (float) ((c[1] + h / 2) * unit);
                if (!(minX <= maxX && minY <= maxY)) {
                    return null;
                }
                return new Bounds(minX, minY, maxX, maxY);
            }
            case "IFCARBITRARYCLOSEDPROFILEDEF" -> {
                // IfcArbitraryClosedProfileDef(ProfileType, ProfileName, OuterCurve)
                StepEntity curve = model.ref(profile, 2);
                if (curve == null || curve.type() != "IFCPOLYLINE") {
                    return null;
                }
                float[] xy = points(curve, true);
                return xy == null || xy.length < 6 ? null : new Polygon(xy);
            }
            default -> {
                return null;
            }
        }
    }

    /** The 2D points of an IfcPolyline; a closed one without its last point, which must repeat the first. */
    private float[] points(StepEntity polyline, boolean closed) throws IfcMappingException {
        List<StepEntity> points = model.refs(polyline, 0);
        int n = closed ? points.size() - 1 : points.size();
        if (n < 1 || (closed && !samePoint(points.get(0), points.get(n)))) {
            return null;
        }
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double[] p = model.point(points.get(i));
            if (p.length != 2) {
                return null;
            }
            xy[2 * i] = (float) (p[0] * unit);
            xy[2 * i + 1] = (float) (p[1] * unit);
        }
        return xy;
    }

    private boolean samePoint(StepEntity a, StepEntity b) throws IfcMappingException {
        return a.id() == b.id() || java.util.Arrays.equals(model.point(a), model.point(b));
    }

    /**
     * The world z of a chain of IfcLocalPlacements that only move up or down, summed from the innermost out as the
     * exporter's values were meant; null for any other placement.
     */
    private Double placementZ(StepEntity placement) throws IfcMappingException {
        double z = 0;
        boolean first = true;
        for (int depth = 0; placement != null; depth++) {
            if (depth > MAX_DEPTH || placement.type() != "IFCLOCALPLACEMENT") {
                return null;
            }
            // IfcLocalPlacement(PlacementRelTo, RelativePlacement)
            StepEntity axis = model.ref(placement, 1);
            if (!isPlainAxis(axis, false)) {
                return null;
            }
            double[] p = model.point(model.ref(axis, 0));
            z = first ? p[2] : z + p[2];
            first = false;
            placement = model.ref(placement, 0);
        }
        return first ? null : z;
    }

    /** An IfcAxis2Placement3D without axes at (0, 0, z) — at the origin when {@code origin}. */
    private boolean isPlainAxis(StepEntity axis, boolean origin) throws IfcMappingException {
        if (axis == null || axis.type() != "IFCAXIS2PLACEMENT3D" || !axis.isNull(1) || !axis.isNull(2)) {
            return false;
        }
        StepEntity location = model.ref(axis, 0);
        if (location == null) {
            return false;
        }
        double[] p = model.point(location);
        return p.length == 3 && p[0] == 0 && p[1] == 0 && (!origin || p[2] == 0);
    }
}
