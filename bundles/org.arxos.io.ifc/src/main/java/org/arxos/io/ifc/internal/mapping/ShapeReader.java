package org.arxos.io.ifc.internal.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.arxos.io.ifc.internal.step.StepEntity;
import org.arxos.io.ifc.internal.step.StepRef;
import org.arxos.io.ifc.internal.step.StepTyped;
import org.arxos.model.geometry.Bounds;
import org.arxos.model.geometry.ElevationRange;
import org.arxos.model.geometry.Footprint;
import org.arxos.model.geometry.Polygon;
import org.arxos.model.geometry.Polyline;

/**
 * Turns a product's representation into a footprint on its floor (world XY in metres) and an elevation range (world Z
 * in metres). Exact outlines come from a single vertically extruded polygonal profile (the body) or a closed
 * footprint curve; everything else gives the bounds of the representation's points. Not a geometry kernel: booleans
 * keep their first operand, curved edges are sampled, half spaces are ignored.
 */
final class ShapeReader {

    /**
     * Mapped items, booleans, composite curves and derived profiles may nest (a mapped item counts three: the item,
     * its representation map and the mapped representation); a cycle is refused at once, deeper nesting than this too.
     */
    static final int MAX_ITEM_DEPTH = 64;
    /**
     * The most items, curves and profiles one product's representation may expand to, and the most points: shared
     * items that use each other many times over (a mapped item whose representation maps the next one twice, 20
     * deep) expand exponentially without being a cycle.
     */
    static final long MAX_ITEMS = 100_000;
    static final long MAX_POINTS = 5_000_000;
    private static final int ARC_SEGMENTS_PER_TURN = 32;

    private final IfcModel model;
    private final Placements placements;
    private final IfcUnits units;
    private final Map<Long, double[]> pointCache = new HashMap<>();
    private final Map<Long, Curve> curveCache = new HashMap<>();
    private final Set<String> unsupported = new LinkedHashSet<>();
    private final ReferenceChain chain = new ReferenceChain("representation items", MAX_ITEM_DEPTH);
    private StepEntity product;
    private long items;
    private long points;

    ShapeReader(IfcModel model, Placements placements, IfcUnits units) {
        this.model = model;
        this.placements = placements;
        this.units = units;
    }

    /** Representation item types met but not understood, for the report's warnings. */
    Set<String> unsupportedItems() {
        return unsupported;
    }

    /** The shape of an IfcProduct (its Representation is argument 6) placed by {@code world}. */
    Shape read(StepEntity product, Transform world) throws IfcMappingException {
        StepEntity definition = model.ref(product, 6);
        if (definition == null) {
            return Shape.NONE;
        }
        this.product = product;
        this.items = 0;
        this.points = 0;
        List<StepEntity> body = new ArrayList<>();
        List<StepEntity> axis = new ArrayList<>();
        List<StepEntity> footprint = new ArrayList<>();
        List<StepEntity> other = new ArrayList<>();
        for (StepEntity rep : model.refs(definition, 2)) {
            String id = model.text(rep, 1);
            String key = id == null ? "" : id.toLowerCase(Locale.ROOT);
            switch (key) {
                case "body", "facetation", "body-fallback" -> body.add(rep);
                case "axis" -> axis.add(rep);
                case "footprint" -> footprint.add(rep);
                case "box" -> other.add(rep);
                default -> { }
            }
        }
        if (body.isEmpty()) {
            body = other;
        }
        Accumulator acc = new Accumulator();
        for (StepEntity rep : body) {
            for (StepEntity item : model.refs(rep, 3)) {
                item(item, world, acc, true);
            }
        }
        float[] polygon = acc.solids == 1 ? acc.polygon : null;
        if (polygon == null && !footprint.isEmpty()) {
            Accumulator curve = new Accumulator();
            for (StepEntity rep : footprint) {
                for (StepEntity item : model.refs(rep, 3)) {
                    item(item, world, curve, true);
                }
            }
            checkExtent(curve);
            polygon = curve.curves == 1 ? curve.polygon : null;
            if (!acc.hasPoints()) {
                acc = curve;
            }
        }
        checkExtent(acc);
        ElevationRange elevation = acc.hasPoints()
                ? new ElevationRange((float) (acc.minZ * units.length()), (float) (acc.maxZ * units.length())) : null;
        Footprint shape = null;
        if (polygon != null) {
            shape = new Polygon(polygon);
        } else if (acc.hasPoints()) {
            shape = new Bounds((float) (acc.minX * units.length()), (float) (acc.minY * units.length()),
                    (float) (acc.maxX * units.length()), (float) (acc.maxY * units.length()));
        }
        if (!acc.hasPoints() && !axis.isEmpty()) {
            Accumulator line = new Accumulator();
            line.keepPath = true;
            for (StepEntity rep : axis) {
                for (StepEntity item : model.refs(rep, 3)) {
                    item(item, world, line, false);
                }
            }
            if (line.hasPoints()) {
                checkExtent(line);
                float[] path = line.path();
                shape = path.length >= 4 ? new Polyline(path) : new Bounds((float) (line.minX * units.length()),
                        (float) (line.minY * units.length()), (float) (line.maxX * units.length()),
                        (float) (line.maxY * units.length()));
                elevation = new ElevationRange((float) (line.minZ * units.length()),
                        (float) (line.maxZ * units.length()));
            }
        }
        return new Shape(shape, elevation);
    }

    /** Counts an item, curve or profile read for the current product; fails naming it beyond {@link #MAX_ITEMS}. */
    private void spendItem() throws IfcMappingException {
        if (++items > MAX_ITEMS) {
            throw IfcModel.problem(product, "its representation expands to more than " + MAX_ITEMS
                    + " items, curves and profiles (representation items shared over and over?)");
        }
    }

    /** Counts points produced for the current product; fails naming it beyond {@link #MAX_POINTS}. */
    private void spendPoints(long n) throws IfcMappingException {
        points += n;
        if (points > MAX_POINTS) {
            throw IfcModel.problem(product, "its representation expands to more than " + MAX_POINTS
                    + " points (representation items shared over and over?)");
        }
    }

    /**
     * Fails naming the product when its geometry reaches farther than {@link IfcModel#MAX_METRES}: coordinates and
     * lengths are checked where they are read, so this catches what placements, scales and sums make of them.
     */
    private void checkExtent(Accumulator acc) throws IfcMappingException {
        if (Double.isNaN(acc.minX) || Double.isNaN(acc.maxX) || Double.isNaN(acc.minY) || Double.isNaN(acc.maxY)
                || Double.isNaN(acc.minZ) || Double.isNaN(acc.maxZ)) {
            throw IfcModel.problem(product, "its geometry is not a number (a scale or direction out of range?)");
        }
        if (!acc.hasPoints()) {
            return;
        }
        double[][] extent = {{acc.minX, acc.maxX}, {acc.minY, acc.maxY}, {acc.minZ, acc.maxZ}};
        String[] axes = {"x", "y", "z"};
        for (int a = 0; a < 3; a++) {
            for (double v : extent[a]) {
                if (!model.inRange(v)) {
                    throw IfcModel.problem(product, "its geometry reaches " + axes[a] + " = " + v * units.length()
                            + " m, out of range" + IfcModel.range()
                            + " (placements, scales or dimensions that add up too far?)");
                }
            }
        }
    }

    private void item(StepEntity item, Transform t, Accumulator acc, boolean polygonAllowed)
            throws IfcMappingException {
        chain.enter(item);
        try {
            spendItem();
            readItem(item, t, acc, polygonAllowed);
        } finally {
            chain.leave();
        }
    }

    private void readItem(StepEntity item, Transform t, Accumulator acc, boolean polygonAllowed)
            throws IfcMappingException {
        switch (item.type()) {
            case "IFCEXTRUDEDAREASOLID", "IFCEXTRUDEDAREASOLIDTAPERED" -> extrusion(item, t, acc, polygonAllowed);
            case "IFCSURFACEOFLINEAREXTRUSION" -> {
                // IfcSurfaceOfLinearExtrusion(SweptCurve, Position, ExtrudedDirection, Depth)
                Transform local = t.then(placements.axisPlacement(model.ref(item, 1)));
                Outline o = profile(model.ref(item, 0));
                double[] d = placements.direction(model.required(item, 2, "ExtrudedDirection"));
                double depthValue = model.length(item, 3, "Depth");
                addPrism(o.points, local, d, depthValue, acc);
                acc.solids++;
            }
            case "IFCREVOLVEDAREASOLID", "IFCREVOLVEDAREASOLIDTAPERED" -> {
                Transform local = t.then(placements.axisPlacement(model.ref(item, 1)));
                addPoints(profile(model.ref(item, 0)).points, local, acc);
                acc.solids++;
            }
            case "IFCSWEPTDISKSOLID", "IFCSWEPTDISKSOLIDPOLYGONAL" -> {
                // IfcSweptDiskSolid(Directrix, Radius, ...)
                double r = model.length(item, 1, "Radius");
                Curve c = curve(model.ref(item, 0));
                spendPoints(c.points.length / 3 * 8);
                for (int i = 0; i < c.points.length; i += 3) {
                    for (int k = 0; k < 8; k++) {
                        double[] p = t.apply(c.points[i] + ((k & 1) == 0 ? -r : r),
                                c.points[i + 1] + ((k & 2) == 0 ? -r : r), c.points[i + 2] + ((k & 4) == 0 ? -r : r));
                        acc.add(p);
                    }
                }
                acc.solids++;
            }
            case "IFCFACETEDBREP", "IFCFACETEDBREPWITHVOIDS", "IFCADVANCEDBREP", "IFCADVANCEDBREPWITHVOIDS",
                    "IFCSHELLBASEDSURFACEMODEL", "IFCFACEBASEDSURFACEMODEL", "IFCTRIANGULATEDFACESET",
                    "IFCPOLYGONALFACESET", "IFCTRIANGULATEDIRREGULARNETWORK" -> {
                addPoints(meshPoints(item), t, acc);
                acc.solids++;
            }
            case "IFCBOUNDINGBOX" -> {
                // IfcBoundingBox(Corner, XDim, YDim, ZDim)
                double[] c = placements.point3(model.ref(item, 0));
                double x = model.length(item, 1, "XDim"), y = model.length(item, 2, "YDim");
                double z = model.length(item, 3, "ZDim");
                addBox(c, x, y, z, t, acc);
                acc.solids++;
            }
            case "IFCBLOCK" -> {
                // IfcBlock(Position, XLength, YLength, ZLength)
                Transform local = t.then(placements.axisPlacement(model.ref(item, 0)));
                addBox(new double[3], model.length(item, 1, "XLength"), model.length(item, 2, "YLength"),
                        model.length(item, 3, "ZLength"), local, acc);
                acc.solids++;
            }
            case "IFCRIGHTCIRCULARCYLINDER" -> {
                // IfcRightCircularCylinder(Position, Height, Radius)
                Transform local = t.then(placements.axisPlacement(model.ref(item, 0)));
                double h = model.length(item, 1, "Height"), r = model.length(item, 2, "Radius");
                addBox(new double[] {-r, -r, 0}, 2 * r, 2 * r, h, local, acc);
                acc.solids++;
            }
            case "IFCCSGSOLID" -> item(model.required(item, 0, "TreeRootExpression"), t, acc, polygonAllowed);
            case "IFCBOOLEANRESULT", "IFCBOOLEANCLIPPINGRESULT" -> {
                // IfcBooleanResult(Operator, FirstOperand, SecondOperand): the first operand bounds a difference or
                // an intersection; a union adds the second.
                String operator = model.enumName(item, 0);
                item(model.required(item, 1, "FirstOperand"), t, acc, polygonAllowed);
                if ("UNION".equals(operator)) {
                    item(model.required(item, 2, "SecondOperand"), t, acc, false);
                }
            }
            case "IFCHALFSPACESOLID", "IFCPOLYGONALBOUNDEDHALFSPACE", "IFCBOXEDHALFSPACE" -> { }
            case "IFCMAPPEDITEM" -> {
                // IfcMappedItem(MappingSource: IfcRepresentationMap(MappingOrigin, MappedRepresentation), MappingTarget)
                StepEntity source = model.required(item, 0, "MappingSource", "IFCREPRESENTATIONMAP");
                Transform target = operator(model.ref(item, 1));
                Transform origin = placements.axisPlacement(model.ref(source, 0));
                Transform local = t.then(target).then(origin);
                StepEntity rep = model.required(source, 1, "MappedRepresentation", "IFCSHAPEREPRESENTATION",
                        "IFCTOPOLOGYREPRESENTATION", "IFCREPRESENTATION");
                chain.enter(source);
                chain.enter(rep);
                try {
                    List<StepEntity> items = model.refs(rep, 3);
                    for (StepEntity inner : items) {
                        item(inner, local, acc, polygonAllowed && items.size() == 1);
                    }
                } finally {
                    chain.leave();
                    chain.leave();
                }
            }
            case "IFCGEOMETRICCURVESET", "IFCGEOMETRICSET" -> {
                for (StepEntity element : model.refs(item, 0)) {
                    item(element, t, acc, polygonAllowed);
                }
            }
            case "IFCPOLYLINE", "IFCINDEXEDPOLYCURVE", "IFCCOMPOSITECURVE", "IFCTRIMMEDCURVE", "IFCCIRCLE",
                    "IFCELLIPSE", "IFCCOMPOSITECURVEONSURFACE" -> {
                Curve c = readCurve(item);
                addPoints(c.points, t, acc);
                acc.curves++;
                if (polygonAllowed && c.exact && c.closed()) {
                    acc.polygon = projected(c.points, t);
                }
                if (acc.keepPath) {
                    for (int i = 0; i < c.points.length; i += 3) {
                        acc.path.add(t.apply(c.points[i], c.points[i + 1], c.points[i + 2]));
                    }
                }
            }
            case "IFCCARTESIANPOINT" -> acc.add(t.apply(placements.point3(item)[0], placements.point3(item)[1],
                    placements.point3(item)[2]));
            default -> unsupported.add(item.type());
        }
    }

    private void extrusion(StepEntity item, Transform t, Accumulator acc, boolean polygonAllowed)
            throws IfcMappingException {
        // IfcExtrudedAreaSolid(SweptArea, Position, ExtrudedDirection, Depth)
        Transform local = t.then(placements.axisPlacement(model.ref(item, 1)));
        Outline o = profile(model.ref(item, 0));
        double[] d = placements.direction(model.required(item, 2, "ExtrudedDirection"));
        double depth = model.length(item, 3, "Depth");
        addPrism(o.points, local, d, depth, acc);
        acc.solids++;
        if (polygonAllowed && o.exact && o.points.length >= 9) {
            double[] v = local.linear(d[0] * depth, d[1] * depth, d[2] * depth);
            double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
            if (n > 0 && Math.abs(v[0]) <= 1e-9 * n && Math.abs(v[1]) <= 1e-9 * n) {
                acc.polygon = projected(o.points, local);
            }
        }
    }

    /** The XY projection of 3D points (x,y,z triples) in metres, without repeats; null when not a proper polygon. */
    private float[] projected(double[] points, Transform t) {
        List<float[]> vertices = new ArrayList<>();
        for (int i = 0; i < points.length; i += 3) {
            double[] p = t.apply(points[i], points[i + 1], points[i + 2]);
            float[] v = {(float) (p[0] * units.length()), (float) (p[1] * units.length())};
            if (!vertices.isEmpty()) {
                float[] last = vertices.get(vertices.size() - 1);
                if (last[0] == v[0] && last[1] == v[1]) {
                    continue;
                }
            }
            vertices.add(v);
        }
        while (vertices.size() > 1) {
            float[] first = vertices.get(0), last = vertices.get(vertices.size() - 1);
            if (first[0] == last[0] && first[1] == last[1]) {
                vertices.remove(vertices.size() - 1);
            } else {
                break;
            }
        }
        if (vertices.size() < 3) {
            return null;
        }
        float[] xy = new float[vertices.size() * 2];
        double area = 0;
        for (int i = 0; i < vertices.size(); i++) {
            float[] a = vertices.get(i), b = vertices.get((i + 1) % vertices.size());
            xy[2 * i] = a[0];
            xy[2 * i + 1] = a[1];
            area += (double) a[0] * b[1] - (double) b[0] * a[1];
        }
        return Math.abs(area) > 1e-12 ? xy : null;
    }

    private void addPrism(double[] points, Transform t, double[] d, double depth, Accumulator acc)
            throws IfcMappingException {
        spendPoints(points.length / 3 * 2);
        for (int i = 0; i < points.length; i += 3) {
            double x = points[i], y = points[i + 1], z = points[i + 2];
            acc.add(t.apply(x, y, z));
            acc.add(t.apply(x + d[0] * depth, y + d[1] * depth, z + d[2] * depth));
        }
    }

    private void addPoints(double[] points, Transform t, Accumulator acc) throws IfcMappingException {
        spendPoints(points.length / 3);
        for (int i = 0; i < points.length; i += 3) {
            acc.add(t.apply(points[i], points[i + 1], points[i + 2]));
        }
    }

    private static void addBox(double[] corner, double x, double y, double z, Transform t, Accumulator acc) {
        for (int k = 0; k < 8; k++) {
            acc.add(t.apply(corner[0] + ((k & 1) == 0 ? 0 : x), corner[1] + ((k & 2) == 0 ? 0 : y),
                    corner[2] + ((k & 4) == 0 ? 0 : z)));
        }
    }

    /** The distinct points of a mesh-like item (brep, surface model, face set), as x,y,z triples, cached. */
    private double[] meshPoints(StepEntity item) throws IfcMappingException {
        double[] cached = pointCache.get(item.id());
        if (cached != null) {
            return cached;
        }
        PointList out = new PointList();
        Set<Long> seen = new java.util.HashSet<>();
        switch (item.type()) {
            case "IFCTRIANGULATEDFACESET", "IFCPOLYGONALFACESET", "IFCTRIANGULATEDIRREGULARNETWORK" ->
                    pointList(model.ref(item, 0), out);
            case "IFCSHELLBASEDSURFACEMODEL", "IFCFACEBASEDSURFACEMODEL" -> {
                for (StepEntity shell : model.refs(item, 0)) {
                    shell(shell, out, seen);
                }
            }
            default -> shell(model.ref(item, 0), out, seen);
        }
        double[] points = out.toArray();
        pointCache.put(item.id(), points);
        return points;
    }

    private void shell(StepEntity shell, PointList out, Set<Long> seen) throws IfcMappingException {
        if (shell == null) {
            return;
        }
        // IfcClosedShell / IfcOpenShell / IfcConnectedFaceSet(CfsFaces)
        for (StepEntity face : model.refs(shell, 0)) {
            // IfcFace(Bounds) / IfcAdvancedFace(Bounds, FaceSurface, SameSense)
            for (StepEntity bound : model.refs(face, 0)) {
                // IfcFaceBound / IfcFaceOuterBound(Bound, Orientation)
                StepEntity loop = model.ref(bound, 0);
                if (loop == null) {
                    continue;
                }
                if (loop.type() == "IFCPOLYLOOP") {
                    for (StepEntity p : model.refs(loop, 0)) {
                        if (seen.add(p.id())) {
                            out.add(placements.point3(p));
                        }
                    }
                } else if (loop.type() == "IFCEDGELOOP") {
                    for (StepEntity oriented : model.refs(loop, 0)) {
                        StepEntity edge = model.ref(oriented, 2);
                        if (edge == null) {
                            continue;
                        }
                        for (int k = 0; k < 2; k++) {
                            StepEntity vertex = model.ref(edge, k);
                            StepEntity p = vertex == null ? null : model.ref(vertex, 0);
                            if (p != null && p.type() == "IFCCARTESIANPOINT" && seen.add(p.id())) {
                                out.add(placements.point3(p));
                            }
                        }
                    }
                } else {
                    unsupported.add(loop.type());
                }
            }
        }
    }

    private void pointList(StepEntity list, PointList out) throws IfcMappingException {
        if (list == null) {
            return;
        }
        // IfcCartesianPointList3D(CoordList) / IfcCartesianPointList2D(CoordList)
        for (Object o : model.list(list, 0)) {
            out.add(coordinates(list, o));
        }
    }

    private double[] coordinates(StepEntity owner, Object o) throws IfcMappingException {
        if (!(o instanceof List<?> c) || c.isEmpty() || c.size() > 3) {
            throw IfcModel.problem(owner, "a coordinate list holds something that is not 1 to 3 numbers");
        }
        double[] p = new double[3];
        for (int i = 0; i < c.size(); i++) {
            Object v = c.get(i);
            if (v instanceof Double d && Double.isFinite(d)) {
                p[i] = d;
            } else if (v instanceof Long l) {
                p[i] = l;
            } else {
                throw IfcModel.problem(owner, "a coordinate is not a finite number: " + v);
            }
            if (!model.inRange(p[i])) {
                throw IfcModel.problem(owner, "coordinate " + p[i] + " is out of range" + IfcModel.range());
            }
        }
        return p;
    }

    /** A 2D outline as x,y,0 triples; {@code exact} when it is the true polygonal outline. */
    private record Outline(double[] points, boolean exact) {
    }

    private Outline profile(StepEntity profile) throws IfcMappingException {
        if (profile == null) {
            return new Outline(new double[0], false);
        }
        chain.enter(profile);
        try {
            spendItem();
            return readProfile(profile);
        } finally {
            chain.leave();
        }
    }

    private Outline readProfile(StepEntity profile) throws IfcMappingException {
        String type = profile.type();
        switch (type) {
            case "IFCRECTANGLEPROFILEDEF", "IFCRECTANGLEHOLLOWPROFILEDEF", "IFCROUNDEDRECTANGLEPROFILEDEF" -> {
                // (ProfileType, ProfileName, Position, XDim, YDim)
                double x = model.length(profile, 3, "XDim") / 2, y = model.length(profile, 4, "YDim") / 2;
                return new Outline(placed(profile, 2, new double[] {-x, -y, 0, x, -y, 0, x, y, 0, -x, y, 0}),
                        !type.equals("IFCROUNDEDRECTANGLEPROFILEDEF"));
            }
            case "IFCTRAPEZIUMPROFILEDEF" -> {
                // (ProfileType, ProfileName, Position, BottomXDim, TopXDim, YDim, TopXOffset)
                double b = model.length(profile, 3, "BottomXDim"), top = model.length(profile, 4, "TopXDim");
                double y = model.length(profile, 5, "YDim") / 2, off = model.length(profile, 6, "TopXOffset");
                return new Outline(placed(profile, 2,
                        new double[] {-b / 2, -y, 0, b / 2, -y, 0, -b / 2 + off + top, y, 0, -b / 2 + off, y, 0}), true);
            }
            case "IFCCIRCLEPROFILEDEF", "IFCCIRCLEHOLLOWPROFILEDEF" -> {
                double r = model.length(profile, 3, "Radius");
                return new Outline(placed(profile, 2, new double[] {-r, -r, 0, r, -r, 0, r, r, 0, -r, r, 0}), false);
            }
            case "IFCELLIPSEPROFILEDEF" -> {
                double a = model.length(profile, 3, "SemiAxis1"), b = model.length(profile, 4, "SemiAxis2");
                return new Outline(placed(profile, 2, new double[] {-a, -b, 0, a, -b, 0, a, b, 0, -a, b, 0}), false);
            }
            case "IFCISHAPEPROFILEDEF", "IFCASYMMETRICISHAPEPROFILEDEF" -> {
                double x = model.length(profile, 3, "OverallWidth") / 2, y = model.length(profile, 4, "OverallDepth") / 2;
                return new Outline(placed(profile, 2, new double[] {-x, -y, 0, x, -y, 0, x, y, 0, -x, y, 0}), false);
            }
            case "IFCLSHAPEPROFILEDEF", "IFCUSHAPEPROFILEDEF", "IFCCSHAPEPROFILEDEF", "IFCTSHAPEPROFILEDEF",
                    "IFCZSHAPEPROFILEDEF" -> {
                // (ProfileType, ProfileName, Position, Depth, Width or FlangeWidth, ...): Depth runs along y.
                double y = model.length(profile, 3, "Depth") / 2;
                double x = model.length(profile, 4, type.equals("IFCLSHAPEPROFILEDEF") || type.equals("IFCCSHAPEPROFILEDEF")
                        ? "Width" : "FlangeWidth") / 2;
                if (type.equals("IFCZSHAPEPROFILEDEF")) {
                    x *= 2;
                }
                return new Outline(placed(profile, 2, new double[] {-x, -y, 0, x, -y, 0, x, y, 0, -x, y, 0}), false);
            }
            case "IFCARBITRARYCLOSEDPROFILEDEF", "IFCARBITRARYPROFILEDEFWITHVOIDS" -> {
                // (ProfileType, ProfileName, OuterCurve[, InnerCurves]): the outer curve is the outline.
                Curve c = curve(model.ref(profile, 2));
                return new Outline(c.points, c.exact);
            }
            case "IFCARBITRARYOPENPROFILEDEF", "IFCCENTERLINEPROFILEDEF" -> {
                Curve c = curve(model.ref(profile, 2));
                return new Outline(c.points, false);
            }
            case "IFCDERIVEDPROFILEDEF" -> {
                // (ProfileType, ProfileName, ParentProfile, Operator, Label)
                Outline parent = profile(model.ref(profile, 2));
                Transform op = operator(model.ref(profile, 3));
                double[] p = parent.points.clone();
                for (int i = 0; i < p.length; i += 3) {
                    double[] q = op.apply(p[i], p[i + 1], p[i + 2]);
                    p[i] = q[0];
                    p[i + 1] = q[1];
                    p[i + 2] = q[2];
                }
                return new Outline(p, parent.exact);
            }
            case "IFCCOMPOSITEPROFILEDEF" -> {
                PointList all = new PointList();
                for (StepEntity inner : model.refs(profile, 2)) {
                    double[] p = profile(inner).points;
                    for (int i = 0; i < p.length; i += 3) {
                        all.add(new double[] {p[i], p[i + 1], p[i + 2]});
                    }
                }
                return new Outline(all.toArray(), false);
            }
            default -> {
                unsupported.add(type);
                return new Outline(new double[0], false);
            }
        }
    }

    /** Points given in a profile's Position (argument {@code index}, optional in IFC4) in profile coordinates. */
    private double[] placed(StepEntity profile, int index, double[] points) throws IfcMappingException {
        StepEntity position = model.ref(profile, index);
        if (position == null) {
            return points;
        }
        Transform t = placements.axisPlacement(position);
        double[] out = new double[points.length];
        for (int i = 0; i < points.length; i += 3) {
            double[] q = t.apply(points[i], points[i + 1], points[i + 2]);
            out[i] = q[0];
            out[i + 1] = q[1];
            out[i + 2] = q[2];
        }
        return out;
    }

    /** A curve's points as x,y,z triples; {@code exact} when the curve is polygonal (no sampled arcs). */
    private record Curve(double[] points, boolean exact) {
        boolean closed() {
            int n = points.length;
            return n >= 12 && points[0] == points[n - 3] && points[1] == points[n - 2] && points[2] == points[n - 1];
        }
    }

    private Curve curve(StepEntity c) throws IfcMappingException {
        if (c == null) {
            return new Curve(new double[0], false);
        }
        chain.enter(c);
        try {
            return readCurve(c);
        } finally {
            chain.leave();
        }
    }

    /**
     * The points of a curve already on the chain (entered by {@link #curve} or as a representation item), cached: a
     * curve's points (in its own coordinates) depend on the curve alone, and composite curves share their parts.
     */
    private Curve readCurve(StepEntity c) throws IfcMappingException {
        spendItem();
        Curve cached = curveCache.get(c.id());
        if (cached == null) {
            cached = sample(c);
            curveCache.put(c.id(), cached);
        }
        return cached;
    }

    private Curve sample(StepEntity c) throws IfcMappingException {
        PointList out = new PointList();
        switch (c.type()) {
            case "IFCPOLYLINE" -> {
                List<StepEntity> vertices = model.refs(c, 0);
                spendPoints(vertices.size());
                for (StepEntity p : vertices) {
                    out.add(placements.point3(p));
                }
                return new Curve(out.toArray(), true);
            }
            case "IFCINDEXEDPOLYCURVE" -> {
                // IfcIndexedPolyCurve(Points, Segments, SelfIntersect)
                StepEntity list = model.ref(c, 0);
                PointList all = new PointList();
                pointList(list, all);
                double[] coords = all.toArray();
                int count = coords.length / 3;
                boolean exact = true;
                if (c.isNull(1)) {
                    return new Curve(coords, true);
                }
                for (Object segment : model.list(c, 1)) {
                    if (!(segment instanceof StepTyped typed) || typed.arguments().size() != 1
                            || !(typed.arguments().get(0) instanceof List<?> indices)) {
                        throw IfcModel.problem(c, "a segment is not an IFCLINEINDEX or IFCARCINDEX");
                    }
                    exact &= !typed.type().equals("IFCARCINDEX");
                    spendPoints(indices.size());
                    for (Object index : indices) {
                        if (!(index instanceof Long k) || k < 1 || k > count) {
                            throw IfcModel.problem(c, "segment index " + index + " is not between 1 and " + count);
                        }
                        int i = (int) (k - 1);
                        double[] p = {coords[3 * i], coords[3 * i + 1], coords[3 * i + 2]};
                        if (!out.endsWith(p)) {
                            out.add(p);
                        }
                    }
                }
                return new Curve(out.toArray(), exact);
            }
            case "IFCCOMPOSITECURVE", "IFCCOMPOSITECURVEONSURFACE" -> {
                boolean exact = true;
                for (StepEntity segment : model.refs(c, 0)) {
                    // IfcCompositeCurveSegment(Transition, SameSense, ParentCurve)
                    if (segment.type() != "IFCCOMPOSITECURVESEGMENT"
                            && segment.type() != "IFCREPARAMETRISEDCOMPOSITECURVESEGMENT") {
                        throw IfcModel.problem(c, "argument 0 (Segments) should hold IFCCOMPOSITECURVESEGMENT but #"
                                + segment.id() + " is " + segment.type());
                    }
                    Curve parent = curve(model.required(segment, 2, "ParentCurve"));
                    exact &= parent.exact;
                    boolean same = !"F".equals(model.enumName(segment, 1));
                    double[] p = parent.points;
                    spendPoints(p.length / 3);
                    for (int k = 0; k < p.length / 3; k++) {
                        int i = same ? k : p.length / 3 - 1 - k;
                        double[] q = {p[3 * i], p[3 * i + 1], p[3 * i + 2]};
                        if (!out.endsWith(q)) {
                            out.add(q);
                        }
                    }
                }
                return new Curve(out.toArray(), exact);
            }
            case "IFCTRIMMEDCURVE" -> {
                return trimmed(c);
            }
            case "IFCCIRCLE", "IFCELLIPSE" -> {
                conic(c, 0, 2 * Math.PI, true, out);
                return new Curve(out.toArray(), false);
            }
            case "IFCLINE" -> {
                out.add(placements.point3(model.ref(c, 0)));
                return new Curve(out.toArray(), false);
            }
            default -> {
                unsupported.add(c.type());
                return new Curve(new double[0], false);
            }
        }
    }

    private Curve trimmed(StepEntity c) throws IfcMappingException {
        // IfcTrimmedCurve(BasisCurve, Trim1, Trim2, SenseAgreement, MasterRepresentation)
        StepEntity basis = model.ref(c, 0);
        boolean sense = !"F".equals(model.enumName(c, 3));
        PointList out = new PointList();
        if (basis != null && (basis.type() == "IFCCIRCLE" || basis.type() == "IFCELLIPSE")) {
            double a1 = trimAngle(c, 1, basis);
            double a2 = trimAngle(c, 2, basis);
            conic(basis, a1, a2, sense, out);
            return new Curve(out.toArray(), true);
        }
        double[] p1 = trimPoint(c, 1), p2 = trimPoint(c, 2);
        if (p1 != null && p2 != null) {
            out.add(p1);
            out.add(p2);
            return new Curve(out.toArray(), true);
        }
        return curve(basis);
    }

    /** The angle (radians) of a trim given as a parameter (in the file's plane angle unit) or as a point. */
    private double trimAngle(StepEntity c, int index, StepEntity conic) throws IfcMappingException {
        List<Object> trims = model.list(c, index);
        for (Object t : trims) {
            if (t instanceof StepTyped typed && typed.type().equals("IFCPARAMETERVALUE")
                    && typed.arguments().size() == 1) {
                Object v = typed.arguments().get(0);
                double d = v instanceof Double x ? x : v instanceof Long l ? l : Double.NaN;
                if (Double.isFinite(d)) {
                    double radians = d * units.planeAngle();
                    if (!Double.isFinite(radians)) {
                        throw IfcModel.problem(c, "trim " + index + " parameter " + d + " is out of range");
                    }
                    return radians;
                }
            }
        }
        double[] p = trimPoint(c, index);
        if (p == null) {
            throw IfcModel.problem(c, "trim " + index + " has neither a parameter nor a point");
        }
        Transform position = placements.axisPlacement(model.ref(conic, 0));
        double dx = p[0] - position.tx(), dy = p[1] - position.ty(), dz = p[2] - position.tz();
        double u = dx * position.xx() + dy * position.xy() + dz * position.xz();
        double v = dx * position.yx() + dy * position.yy() + dz * position.yz();
        return Math.atan2(v, u);
    }

    private double[] trimPoint(StepEntity c, int index) throws IfcMappingException {
        for (Object t : model.list(c, index)) {
            if (t instanceof StepRef r) {
                StepEntity p = model.get(r.id(), c);
                if (p.type() == "IFCCARTESIANPOINT") {
                    return placements.point3(p);
                }
            }
        }
        return null;
    }

    /** Samples a circle or ellipse from angle a1 to a2 (counter-clockwise when {@code sense}). */
    private void conic(StepEntity conic, double a1, double a2, boolean sense, PointList out)
            throws IfcMappingException {
        // IfcCircle(Position, Radius) / IfcEllipse(Position, SemiAxis1, SemiAxis2)
        Transform position = placements.axisPlacement(model.ref(conic, 0));
        boolean ellipse = conic.type() == "IFCELLIPSE";
        double r1 = model.length(conic, 1, ellipse ? "SemiAxis1" : "Radius");
        double r2 = ellipse ? model.length(conic, 2, "SemiAxis2") : r1;
        // The sweep from a1 to a2 in the sense's direction, at most a turn: computed with a remainder, not by adding
        // turns, which never ends for angles so large that adding a turn changes nothing. A difference too large for
        // a double is more than a turn.
        double turn = 2 * Math.PI;
        double sweep = a2 - a1;
        if (Double.isInfinite(sweep)) {
            sweep = sense ? turn : -turn;
        } else if (sense && sweep <= 0) {
            sweep = sweep % turn + turn;
        } else if (!sense && sweep >= 0) {
            sweep = sweep % turn - turn;
        }
        if (Math.abs(sweep) > turn) {
            sweep = Math.copySign(turn, sweep);
        }
        int n = Math.max(2, (int) Math.ceil(Math.abs(sweep) / (2 * Math.PI) * ARC_SEGMENTS_PER_TURN));
        double start = a1 % turn; // exact, and the same angle: keeps the samples apart when a1 is huge
        for (int i = 0; i <= n; i++) {
            double a = start + sweep * i / n;
            out.add(position.apply(r1 * Math.cos(a), r2 * Math.sin(a), 0));
        }
    }

    /** An IfcCartesianTransformationOperator (2D or 3D, uniform or not) as a transformation; identity for null. */
    private Transform operator(StepEntity op) throws IfcMappingException {
        if (op == null) {
            return Transform.IDENTITY;
        }
        if (!op.type().startsWith("IFCCARTESIANTRANSFORMATIONOPERATOR")) {
            throw IfcModel.problem(op, "expected an IFCCARTESIANTRANSFORMATIONOPERATOR");
        }
        // (Axis1, Axis2, LocalOrigin, Scale[, Axis3 | Scale2[, Scale3]])
        StepEntity a1 = model.ref(op, 0), a2 = model.ref(op, 1);
        double[] origin = placements.point3(model.ref(op, 2));
        double scale = model.real(op, 3, 1);
        boolean threeD = op.type().startsWith("IFCCARTESIANTRANSFORMATIONOPERATOR3D");
        boolean nonUniform = op.type().endsWith("NONUNIFORM");
        StepEntity a3 = threeD ? model.ref(op, 4) : null;
        double scale2 = scale, scale3 = scale;
        if (nonUniform) {
            scale2 = model.real(op, threeD ? 5 : 4, scale);
            scale3 = threeD ? model.real(op, 6, scale) : scale;
        }
        double[] z = a3 == null ? new double[] {0, 0, 1} : placements.direction(a3);
        double[] x = a1 == null ? new double[] {1, 0, 0} : placements.direction(a1);
        Transform frame = Transform.frame(origin, x, z);
        if (a2 != null && !threeD) {
            // a 2D operator's y axis is its own; keep the frame but honour a mirrored y
            double[] y = placements.direction(a2);
            if (y[0] * frame.yx() + y[1] * frame.yy() < 0) {
                frame = new Transform(frame.xx(), frame.xy(), frame.xz(), -frame.yx(), -frame.yy(), -frame.yz(),
                        frame.zx(), frame.zy(), frame.zz(), frame.tx(), frame.ty(), frame.tz());
            }
        }
        if (scale == 1 && scale2 == 1 && scale3 == 1) {
            return frame;
        }
        return new Transform(frame.xx() * scale, frame.xy() * scale, frame.xz() * scale,
                frame.yx() * scale2, frame.yy() * scale2, frame.yz() * scale2,
                frame.zx() * scale3, frame.zy() * scale3, frame.zz() * scale3, frame.tx(), frame.ty(), frame.tz());
    }

    /** World-space extent of what was read, in the file's length unit, with the exact outline when one was found. */
    private final class Accumulator {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY, minZ = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY, maxZ = Double.NEGATIVE_INFINITY;
        int solids;
        int curves;
        float[] polygon;
        boolean keepPath;
        final List<double[]> path = new ArrayList<>();

        void add(double[] p) {
            minX = Math.min(minX, p[0]);
            minY = Math.min(minY, p[1]);
            minZ = Math.min(minZ, p[2]);
            maxX = Math.max(maxX, p[0]);
            maxY = Math.max(maxY, p[1]);
            maxZ = Math.max(maxZ, p[2]);
        }

        boolean hasPoints() {
            return minX <= maxX;
        }

        float[] path() {
            List<Float> xy = new ArrayList<>();
            float lastX = Float.NaN, lastY = Float.NaN;
            for (double[] p : path) {
                float x = (float) (p[0] * units.length()), y = (float) (p[1] * units.length());
                if (x != lastX || y != lastY) {
                    xy.add(x);
                    xy.add(y);
                    lastX = x;
                    lastY = y;
                }
            }
            float[] out = new float[xy.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = xy.get(i);
            }
            return out;
        }
    }

    /** A growable list of x,y,z triples. */
    private static final class PointList {
        private double[] values = new double[48];
        private int size;

        void add(double[] p) {
            if (size + 3 > values.length) {
                values = java.util.Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = p[0];
            values[size++] = p.length > 1 ? p[1] : 0;
            values[size++] = p.length > 2 ? p[2] : 0;
        }

        boolean endsWith(double[] p) {
            return size >= 3 && values[size - 3] == p[0] && values[size - 2] == p[1] && values[size - 1] == p[2];
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
