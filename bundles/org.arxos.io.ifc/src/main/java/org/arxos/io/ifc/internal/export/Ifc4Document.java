package org.arxos.io.ifc.internal.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.arxos.io.ifc.internal.step.StepEnum;
import org.arxos.io.ifc.internal.step.StepHeader;
import org.arxos.io.ifc.internal.step.StepRef;
import org.arxos.io.ifc.internal.step.StepTyped;
import org.arxos.io.ifc.internal.step.StepValue;
import org.arxos.io.ifc.internal.step.StepWriter;
import org.arxos.model.BuildingObject;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.arxos.model.geometry.ElevationRange;
import org.arxos.model.geometry.Footprint;
import org.arxos.model.geometry.Polygon;
import org.arxos.model.geometry.Polyline;

/**
 * One revision written as IFC4, streaming: objects are written as the revision yields them (parents first), the
 * relationships that group many objects at the end.
 *
 * <ul>
 * <li>IfcProject (metres, square metres, cubic metres, radians) > IfcSite > IfcBuilding (IfcRelAggregates).</li>
 * <li>FLOOR: IfcBuildingStorey aggregated by the building; Elevation and its placement's z = the floor's elevation
 * bottom (0 without one).</li>
 * <li>SPACE: IfcSpace aggregated by its floor (the nearest floor ancestor); in a zone also assigned to it.</li>
 * <li>ZONE: IfcZone; IfcRelAssignsToGroup of its spaces and sub-zones.</li>
 * <li>SYSTEM: IfcDistributionSystem (electrical, mechanical, plumbing, life-safety, with a PredefinedType) or
 * IfcSystem (other disciplines); IfcRelAssignsToGroup of its components and sub-systems; IfcRelServicesBuildings for
 * systems whose parent is the building.</li>
 * <li>COMPONENT: the IFC4 class named by its kind when the kind is one ({@code ifcwall} → IfcWall), else
 * IfcBuildingElementProxy; contained (IfcRelContainedInSpatialStructure) in its nearest space or floor ancestor, else
 * in the building.</li>
 * <li>Geometry: placed with an IfcLocalPlacement relative to the floor's (the building's when there is no floor
 * ancestor) at (0, 0, bottom − floor elevation); the footprint in floor coordinates as the profile of an
 * IfcExtrudedAreaSolid of depth top − bottom: IfcRectangleProfileDef (centre and size) for bounds,
 * IfcArbitraryClosedProfileDef with a closed IfcPolyline (first point repeated) for polygons; polylines as an
 * IfcPolyline in an 'Axis' representation. Placements with the same base and height are shared.</li>
 * <li>{@code Pset_ArxosObject} on every object: {@code Id} (IfcIdentifier, the Arxos id), {@code Type} (IfcLabel:
 * building, floor, ...), {@code Kind} (IfcLabel), {@code Parent} (IfcIdentifier, absent for the building). Geometry
 * the IFC entity cannot carry is kept there too: {@code Footprint} (IfcText: {@code bounds minX minY maxX maxY},
 * {@code polygon x0 y0 x1 y1 ...} or {@code polyline ...}) and {@code ElevationBottom}/{@code ElevationTop}
 * (IfcLengthMeasure) — for zones, systems, the building, polylines, footprints without an elevation range or of
 * zero height or width, and (beside the profile) where the importer's double arithmetic on the profile and placement
 * would not give the same floats back (a -0.0; coordinates of very different magnitudes).</li>
 * <li>{@code Pset_Arxos}: the object's properties. Text → IfcLabel (IfcText above 255 characters); Number → IfcReal
 * whose unit, when it has one, is the IfcPropertySingleValue's Unit: an IfcContextDependentUnit (USERDEFINED) named
 * by the unit ({@code "W"}, {@code "m2"}); Flag → IfcBoolean. Identical property sets are written once.</li>
 * <li>Connections: IfcRelConnectsElements with Name = connection id and Description = kind. IFC cannot attach a
 * property set to a relationship, so {@code Pset_ArxosConnection} (Id, Kind, From, To and the connection's
 * properties) is written as a free-standing IfcPropertySet.</li>
 * <li>GlobalIds: from an MD5 of the Arxos id, so the same revision always gives the same file (the header's time
 * stamp is fixed for the same reason). Reals are written in their shortest exact form (floats as floats).</li>
 * </ul>
 */
final class Ifc4Document {

    /** IFC4 element classes a component kind may name, with their number of attributes. */
    private static final Map<String, Integer> ELEMENT_CLASSES = elementClasses();

    private final Revision revision;
    private final StepWriter out;
    private final GlobalIds globalIds = new GlobalIds();
    private long nextId;

    private long originPoint3;
    private long originPlacement3;
    private long directionZ;
    private long bodyContext;
    private long axisContext;
    private long dimensionless;
    private long buildingPlacement;

    private final Map<String, Long> ifcIds = new HashMap<>();
    private final Map<String, Long> floorPlacements = new HashMap<>();
    private final Map<String, Double> floorElevations = new HashMap<>();
    private final Map<PlacementKey, Long> placements = new HashMap<>();
    private final Map<Double, Long> axisByZ = new HashMap<>();
    private final Map<PropertyKey, Long> sharedProperties = new HashMap<>();
    private final Map<String, Long> units = new HashMap<>();
    private final Map<Properties, Long> propertySets = new HashMap<>();

    // relationships written at the end; keyed by the Arxos id (or a bracketed name) of the relating object
    private final Map<String, List<Object>> aggregates = new LinkedHashMap<>();
    private final Map<String, List<Object>> contained = new LinkedHashMap<>();
    private final Map<String, List<Object>> groups = new LinkedHashMap<>();
    private final Map<String, List<Object>> services = new LinkedHashMap<>();
    private final Map<Long, List<Object>> propertySetObjects = new LinkedHashMap<>();

    private record PlacementKey(long relativeTo, double z) {
    }

    private record PropertyKey(String name, Object value) {
    }

    Ifc4Document(Revision revision, StepWriter out) {
        this.revision = revision;
        this.out = out;
    }

    void write() throws IOException {
        BuildingObject building = revision.root()
                .orElseThrow(() -> new IOException("revision " + revision.number() + " has no building to export"));
        out.begin(StepHeader.of(building.id() + ".ifc", "1970-01-01T00:00:00", "Arxos", "IFC4",
                "ReferenceView_V1.2"));
        long project = projectAndContexts(building);
        long sitePlacement = add("IFCLOCALPLACEMENT", StepValue.NULL, ref(originPlacement3));
        long site = add("IFCSITE", guid("site:" + building.id()), StepValue.NULL, "Site", StepValue.NULL,
                StepValue.NULL, ref(sitePlacement), StepValue.NULL, StepValue.NULL, new StepEnum("ELEMENT"),
                StepValue.NULL, StepValue.NULL, StepValue.NULL, StepValue.NULL, StepValue.NULL);
        relate(aggregates, "(project)", site);
        buildingPlacement = add("IFCLOCALPLACEMENT", ref(sitePlacement), ref(originPlacement3));
        long b = add("IFCBUILDING", guid(building.id()), StepValue.NULL, text(building.name()), StepValue.NULL,
                StepValue.NULL, ref(buildingPlacement), StepValue.NULL, StepValue.NULL, new StepEnum("ELEMENT"),
                StepValue.NULL, StepValue.NULL, StepValue.NULL);
        ifcIds.put(building.id(), b);
        relate(aggregates, "(site)", b);
        objectProperties(building, b, true);

        var objects = revision.objects().iterator();
        while (objects.hasNext()) {
            BuildingObject o = objects.next();
            if (o.type() != ObjectType.BUILDING) {
                object(o);
            }
        }
        var connections = revision.connections().iterator();
        while (connections.hasNext()) {
            connection(connections.next());
        }

        relationships(aggregates, "IFCRELAGGREGATES", project, site);
        relationships(contained, "IFCRELCONTAINEDINSPATIALSTRUCTURE", project, site);
        relationships(groups, "IFCRELASSIGNSTOGROUP", project, site);
        relationships(services, "IFCRELSERVICESBUILDINGS", project, site);
        for (Map.Entry<Long, List<Object>> e : propertySetObjects.entrySet()) {
            add("IFCRELDEFINESBYPROPERTIES", guid("rel:pset:" + e.getKey()), StepValue.NULL, StepValue.NULL,
                    StepValue.NULL, e.getValue(), ref(e.getKey()));
        }
        out.end();
    }

    private long projectAndContexts(BuildingObject building) throws IOException {
        originPoint3 = add("IFCCARTESIANPOINT", List.of(0.0, 0.0, 0.0));
        directionZ = add("IFCDIRECTION", List.of(0.0, 0.0, 1.0));
        originPlacement3 = add("IFCAXIS2PLACEMENT3D", ref(originPoint3), StepValue.NULL, StepValue.NULL);
        axisByZ.put(0.0, originPlacement3);
        long context = add("IFCGEOMETRICREPRESENTATIONCONTEXT", StepValue.NULL, "Model", 3L, 1.0E-5,
                ref(originPlacement3), StepValue.NULL);
        bodyContext = add("IFCGEOMETRICREPRESENTATIONSUBCONTEXT", "Body", "Model", StepValue.DERIVED,
                StepValue.DERIVED, StepValue.DERIVED, StepValue.DERIVED, ref(context), StepValue.NULL,
                new StepEnum("MODEL_VIEW"), StepValue.NULL);
        axisContext = add("IFCGEOMETRICREPRESENTATIONSUBCONTEXT", "Axis", "Model", StepValue.DERIVED,
                StepValue.DERIVED, StepValue.DERIVED, StepValue.DERIVED, ref(context), StepValue.NULL,
                new StepEnum("GRAPH_VIEW"), StepValue.NULL);
        List<Object> unitRefs = new ArrayList<>();
        for (String[] u : new String[][] {{"LENGTHUNIT", "METRE"}, {"AREAUNIT", "SQUARE_METRE"},
            {"VOLUMEUNIT", "CUBIC_METRE"}, {"PLANEANGLEUNIT", "RADIAN"}}) {
            unitRefs.add(ref(add("IFCSIUNIT", StepValue.DERIVED, new StepEnum(u[0]), StepValue.NULL,
                    new StepEnum(u[1]))));
        }
        long unitAssignment = add("IFCUNITASSIGNMENT", unitRefs);
        dimensionless = add("IFCDIMENSIONALEXPONENTS", 0L, 0L, 0L, 0L, 0L, 0L, 0L);
        String name = building.name() != null ? building.name() : building.id();
        return add("IFCPROJECT", guid("project:" + building.id()), StepValue.NULL, name, StepValue.NULL,
                StepValue.NULL, StepValue.NULL, StepValue.NULL, List.of(ref(context)), ref(unitAssignment));
    }

    private void object(BuildingObject o) throws IOException {
        switch (o.type()) {
            case FLOOR -> floor(o);
            case SPACE -> space(o);
            case ZONE -> zone(o);
            case SYSTEM -> system(o);
            case COMPONENT -> component(o);
            default -> throw new IllegalStateException("a revision has one building: " + o.id());
        }
    }

    private void floor(BuildingObject o) throws IOException {
        double elevation = o.elevation() != null ? o.elevation().bottom() : 0.0;
        long placement = add("IFCLOCALPLACEMENT", ref(buildingPlacement), ref(axisAt(elevation)));
        floorPlacements.put(o.id(), placement);
        floorElevations.put(o.id(), elevation);
        Geometry g = geometry(o, elevation);
        long storey = add("IFCBUILDINGSTOREY", guid(o.id()), StepValue.NULL, text(o.name()), StepValue.NULL,
                StepValue.NULL, ref(placement), g.representation, StepValue.NULL, new StepEnum("ELEMENT"),
                elevation);
        ifcIds.put(o.id(), storey);
        relate(aggregates, revision.get(o.parentId()).id(), storey);
        objectProperties(o, storey, g.fallback);
    }

    private void space(BuildingObject o) throws IOException {
        String floor = ancestor(o, ObjectType.FLOOR);
        Geometry g = geometry(o, floor != null ? floorElevations.get(floor) : 0.0);
        long space = add("IFCSPACE", guid(o.id()), StepValue.NULL, text(o.name()), StepValue.NULL,
                StepValue.NULL, placement(floor, o), g.representation, StepValue.NULL, new StepEnum("ELEMENT"),
                StepValue.NULL, StepValue.NULL);
        ifcIds.put(o.id(), space);
        relate(aggregates, floor != null ? floor : revision.root().get().id(), space);
        if (revision.get(o.parentId()).type() == ObjectType.ZONE) {
            relate(groups, o.parentId(), space);
        }
        objectProperties(o, space, g.fallback);
    }

    private void zone(BuildingObject o) throws IOException {
        long zone = add("IFCZONE", guid(o.id()), StepValue.NULL, text(o.name()), StepValue.NULL, StepValue.NULL,
                StepValue.NULL);
        ifcIds.put(o.id(), zone);
        if (revision.get(o.parentId()).type() == ObjectType.ZONE) {
            relate(groups, o.parentId(), zone);
        }
        objectProperties(o, zone, true);
    }

    private void system(BuildingObject o) throws IOException {
        String predefined = switch (o.kind()) {
            case "electrical" -> "ELECTRICAL";
            case "mechanical" -> "VENTILATION";
            case "plumbing" -> "WATERSUPPLY";
            case "life-safety" -> "FIREPROTECTION";
            default -> null;
        };
        long system = predefined != null
                ? add("IFCDISTRIBUTIONSYSTEM", guid(o.id()), StepValue.NULL, text(o.name()), StepValue.NULL,
                        o.kind(), StepValue.NULL, new StepEnum(predefined))
                : add("IFCSYSTEM", guid(o.id()), StepValue.NULL, text(o.name()), StepValue.NULL, o.kind());
        ifcIds.put(o.id(), system);
        ObjectType parent = revision.get(o.parentId()).type();
        if (parent == ObjectType.BUILDING) {
            relate(services, o.parentId(), system);
        } else if (parent == ObjectType.SYSTEM) {
            relate(groups, o.parentId(), system);
        }
        objectProperties(o, system, true);
    }

    private void component(BuildingObject o) throws IOException {
        String floor = ancestor(o, ObjectType.FLOOR);
        Geometry g = geometry(o, floor != null ? floorElevations.get(floor) : 0.0);
        String type = o.kind().toUpperCase(Locale.ROOT);
        Integer attributes = ELEMENT_CLASSES.get(type);
        if (attributes == null) {
            type = "IFCBUILDINGELEMENTPROXY";
            attributes = 9;
        }
        Object[] args = new Object[attributes];
        java.util.Arrays.fill(args, StepValue.NULL);
        args[0] = guid(o.id());
        args[2] = text(o.name());
        args[5] = placement(floor, o);
        args[6] = g.representation;
        long element = add(type, args);
        ifcIds.put(o.id(), element);
        String container = spatialContainer(o);
        relate(contained, container, element);
        if (revision.get(o.parentId()).type() == ObjectType.SYSTEM) {
            relate(groups, o.parentId(), element);
        }
        objectProperties(o, element, g.fallback);
    }

    private void connection(Connection c) throws IOException {
        Long from = ifcIds.get(c.fromId());
        Long to = ifcIds.get(c.toId());
        add("IFCRELCONNECTSELEMENTS", guid("connection:" + c.id()), StepValue.NULL, c.id(), c.kind(),
                StepValue.NULL, ref(from), ref(to));
        List<Object> props = new ArrayList<>();
        props.add(ref(property("Id", new StepTyped("IFCIDENTIFIER", List.of(c.id())), null)));
        props.add(ref(sharedProperty("Kind", new StepTyped("IFCLABEL", List.of(c.kind())))));
        props.add(ref(property("From", new StepTyped("IFCIDENTIFIER", List.of(c.fromId())), null)));
        props.add(ref(property("To", new StepTyped("IFCIDENTIFIER", List.of(c.toId())), null)));
        addProperties(c.properties(), props);
        add("IFCPROPERTYSET", guid("pset:connection:" + c.id()), StepValue.NULL, "Pset_ArxosConnection",
                StepValue.NULL, props);
    }

    // ------------------------------------------------------------------ geometry

    private record Geometry(Object representation, boolean fallback) {
    }

    /** The body or axis representation of the object's footprint, or $ with fallback when IFC cannot carry it. */
    private Geometry geometry(BuildingObject o, double baseZ) throws IOException {
        Footprint f = o.footprint();
        ElevationRange e = o.elevation();
        if (f instanceof Polyline p) {
            long curve = add("IFCPOLYLINE", points(p.coordinates(), false));
            long rep = add("IFCSHAPEREPRESENTATION", ref(axisContext), "Axis", "Curve2D", List.of(ref(curve)));
            return new Geometry(ref(add("IFCPRODUCTDEFINITIONSHAPE", StepValue.NULL, StepValue.NULL,
                    List.of(ref(rep)))), true);
        }
        if (f == null || e == null || !(e.height() > 0)) {
            return new Geometry(StepValue.NULL, f != null || e != null);
        }
        // The importer reads the profile and placement back in doubles; where that would not give the same floats
        // (a -0.0, coordinates of very different magnitudes), Pset_ArxosObject keeps the exact values as well.
        boolean exact = sameElevation(o, e, baseZ);
        long profile;
        if (f instanceof Polygon p) {
            long curve = add("IFCPOLYLINE", points(p.coordinates(), true));
            profile = add("IFCARBITRARYCLOSEDPROFILEDEF", new StepEnum("AREA"), StepValue.NULL, ref(curve));
        } else {
            Bounds r = (Bounds) f;
            double width = (double) r.maxX() - r.minX();
            double depth = (double) r.maxY() - r.minY();
            if (!(width > 0 && depth > 0)) {
                return new Geometry(StepValue.NULL, true);
            }
            double cx = ((double) r.minX() + r.maxX()) / 2;
            double cy = ((double) r.minY() + r.maxY()) / 2;
            exact &= same((float) (cx - width / 2), r.minX()) && same((float) (cx + width / 2), r.maxX())
                    && same((float) (cy - depth / 2), r.minY()) && same((float) (cy + depth / 2), r.maxY());
            long centre = add("IFCCARTESIANPOINT", List.of(cx, cy));
            long position = add("IFCAXIS2PLACEMENT2D", ref(centre), StepValue.NULL);
            profile = add("IFCRECTANGLEPROFILEDEF", new StepEnum("AREA"), StepValue.NULL, ref(position), width,
                    depth);
        }
        long solid = add("IFCEXTRUDEDAREASOLID", ref(profile), ref(originPlacement3), ref(directionZ),
                (double) e.top() - e.bottom());
        long rep = add("IFCSHAPEREPRESENTATION", ref(bodyContext), "Body", "SweptSolid", List.of(ref(solid)));
        return new Geometry(ref(add("IFCPRODUCTDEFINITIONSHAPE", StepValue.NULL, StepValue.NULL,
                List.of(ref(rep)))), !exact);
    }

    /**
     * Whether the placement chain gives the elevation back bit for bit, summed as the importer does: the object's
     * own z (bottom − floor elevation; a floor's own elevation), then its floor's, then the building's and the
     * site's (both 0).
     */
    private static boolean sameElevation(BuildingObject o, ElevationRange e, double baseZ) {
        double world = o.type() == ObjectType.FLOOR ? (double) e.bottom() + 0.0
                : ((double) e.bottom() - baseZ) + baseZ + 0.0;
        double depth = (double) e.top() - e.bottom();
        return same((float) world, e.bottom()) && same((float) (world + depth), e.top());
    }

    private static boolean same(float a, float b) {
        return Float.floatToIntBits(a) == Float.floatToIntBits(b);
    }

    /** One IfcCartesianPoint per vertex; a closed outline repeats the first point at the end, as IFC wants. */
    private List<Object> points(float[] xy, boolean close) throws IOException {
        List<Object> refs = new ArrayList<>(xy.length / 2 + 1);
        for (int i = 0; i < xy.length; i += 2) {
            refs.add(ref(add("IFCCARTESIANPOINT", List.of(xy[i], xy[i + 1]))));
        }
        if (close) {
            refs.add(refs.get(0));
        }
        return refs;
    }

    private StepRef placement(String floor, BuildingObject o) throws IOException {
        long relativeTo = floor != null ? floorPlacements.get(floor) : buildingPlacement;
        double base = floor != null ? floorElevations.get(floor) : 0.0;
        double z = o.elevation() != null ? (double) o.elevation().bottom() - base : 0.0;
        PlacementKey key = new PlacementKey(relativeTo, z);
        Long placement = placements.get(key);
        if (placement == null) {
            placement = add("IFCLOCALPLACEMENT", ref(relativeTo), ref(axisAt(z)));
            placements.put(key, placement);
        }
        return ref(placement);
    }

    private long axisAt(double z) throws IOException {
        Long axis = axisByZ.get(z);
        if (axis == null) {
            long point = add("IFCCARTESIANPOINT", List.of(0.0, 0.0, z));
            axis = add("IFCAXIS2PLACEMENT3D", ref(point), StepValue.NULL, StepValue.NULL);
            axisByZ.put(z, axis);
        }
        return axis;
    }

    // ------------------------------------------------------------------ properties

    private void objectProperties(BuildingObject o, long ifcId, boolean keepGeometry) throws IOException {
        List<Object> props = new ArrayList<>();
        props.add(ref(property("Id", new StepTyped("IFCIDENTIFIER", List.of(o.id())), null)));
        props.add(ref(sharedProperty("Type", new StepTyped("IFCLABEL", List.of(o.type().id())))));
        props.add(ref(sharedProperty("Kind", new StepTyped("IFCLABEL", List.of(o.kind())))));
        if (o.parentId() != null) {
            props.add(ref(sharedProperty("Parent", new StepTyped("IFCIDENTIFIER", List.of(o.parentId())))));
        }
        if (keepGeometry) {
            if (o.footprint() != null) {
                props.add(ref(property("Footprint", new StepTyped("IFCTEXT", List.of(footprintText(o.footprint()))),
                        null)));
            }
            if (o.elevation() != null) {
                props.add(ref(sharedProperty("ElevationBottom",
                        new StepTyped("IFCLENGTHMEASURE", List.of(o.elevation().bottom())))));
                props.add(ref(sharedProperty("ElevationTop",
                        new StepTyped("IFCLENGTHMEASURE", List.of(o.elevation().top())))));
            }
        }
        long pset = add("IFCPROPERTYSET", guid("pset:" + o.id()), StepValue.NULL, "Pset_ArxosObject",
                StepValue.NULL, props);
        add("IFCRELDEFINESBYPROPERTIES", guid("rel:pset:" + o.id()), StepValue.NULL, StepValue.NULL, StepValue.NULL,
                List.of(ref(ifcId)), ref(pset));
        if (!o.properties().isEmpty()) {
            Long shared = propertySets.get(o.properties());
            if (shared == null) {
                List<Object> values = new ArrayList<>();
                addProperties(o.properties(), values);
                shared = add("IFCPROPERTYSET", guid("pset:arxos:" + o.id()), StepValue.NULL, "Pset_Arxos",
                        StepValue.NULL, values);
                propertySets.put(o.properties(), shared);
            }
            propertySetObjects.computeIfAbsent(shared, k -> new ArrayList<>()).add(ref(ifcId));
        }
    }

    private void addProperties(Properties properties, List<Object> refs) throws IOException {
        for (int i = 0; i < properties.size(); i++) {
            String name = properties.nameAt(i);
            PropertyValue v = properties.valueAt(i);
            if (v instanceof PropertyValue.Text t) {
                refs.add(ref(sharedProperty(name, new StepTyped(t.value().length() <= 255 ? "IFCLABEL" : "IFCTEXT",
                        List.of(t.value())))));
            } else if (v instanceof PropertyValue.Number n) {
                PropertyKey key = new PropertyKey(name, n);
                Long id = sharedProperties.get(key);
                if (id == null) {
                    id = property(name, new StepTyped("IFCREAL", List.of(n.value())), n.unit());
                    sharedProperties.put(key, id);
                }
                refs.add(ref(id));
            } else if (v instanceof PropertyValue.Flag f) {
                refs.add(ref(sharedProperty(name, new StepTyped("IFCBOOLEAN", List.of(StepEnum.of(f.value()))))));
            }
        }
    }

    private long sharedProperty(String name, StepTyped value) throws IOException {
        PropertyKey key = new PropertyKey(name, value);
        Long id = sharedProperties.get(key);
        if (id == null) {
            id = property(name, value, null);
            sharedProperties.put(key, id);
        }
        return id;
    }

    private long property(String name, StepTyped value, String unit) throws IOException {
        Object unitRef = StepValue.NULL;
        if (unit != null) {
            Long u = units.get(unit);
            if (u == null) {
                u = add("IFCCONTEXTDEPENDENTUNIT", ref(dimensionless), new StepEnum("USERDEFINED"), unit);
                units.put(unit, u);
            }
            unitRef = ref(u);
        }
        return add("IFCPROPERTYSINGLEVALUE", name, StepValue.NULL, value, unitRef);
    }

    static String footprintText(Footprint f) {
        StringBuilder b = new StringBuilder();
        float[] xy;
        if (f instanceof Bounds r) {
            b.append("bounds");
            xy = new float[] {r.minX(), r.minY(), r.maxX(), r.maxY()};
        } else if (f instanceof Polygon p) {
            b.append("polygon");
            xy = p.coordinates();
        } else {
            b.append("polyline");
            xy = ((Polyline) f).coordinates();
        }
        for (float v : xy) {
            b.append(' ').append(v);
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ structure helpers

    /** The nearest ancestor of the type, or null. */
    private String ancestor(BuildingObject o, ObjectType type) {
        String id = o.parentId();
        while (id != null) {
            BuildingObject p = revision.get(id);
            if (p.type() == type) {
                return id;
            }
            id = p.parentId();
        }
        return null;
    }

    /** The nearest space or floor ancestor, else the building. */
    private String spatialContainer(BuildingObject o) {
        String id = o.parentId();
        String last = id;
        while (id != null) {
            BuildingObject p = revision.get(id);
            if (p.type() == ObjectType.SPACE || p.type() == ObjectType.FLOOR || p.type() == ObjectType.BUILDING) {
                return id;
            }
            last = id;
            id = p.parentId();
        }
        return last;
    }

    private static void relate(Map<String, List<Object>> relation, String relating, long related) {
        relation.computeIfAbsent(relating, k -> new ArrayList<>()).add(new StepRef(related));
    }

    private void relationships(Map<String, List<Object>> relation, String type, long project, long site)
            throws IOException {
        for (Map.Entry<String, List<Object>> e : relation.entrySet()) {
            String key = e.getKey();
            long relating = key.equals("(project)") ? project : key.equals("(site)") ? site : ifcIds.get(key);
            Object guid = guid("rel:" + type + ":" + key);
            switch (type) {
                case "IFCRELAGGREGATES" -> add(type, guid, StepValue.NULL, StepValue.NULL, StepValue.NULL,
                        ref(relating), e.getValue());
                case "IFCRELCONTAINEDINSPATIALSTRUCTURE" -> add(type, guid, StepValue.NULL, StepValue.NULL,
                        StepValue.NULL, e.getValue(), ref(relating));
                case "IFCRELASSIGNSTOGROUP" -> add(type, guid, StepValue.NULL, StepValue.NULL, StepValue.NULL,
                        e.getValue(), StepValue.NULL, ref(relating));
                case "IFCRELSERVICESBUILDINGS" -> {
                    // the key is the building; one relationship per system
                    for (Object system : e.getValue()) {
                        add(type, guid("rel:" + type + ":" + system), StepValue.NULL, StepValue.NULL,
                                StepValue.NULL, system, List.of(ref(relating)));
                    }
                }
                default -> throw new IllegalStateException(type);
            }
        }
    }

    private long add(String type, Object... args) throws IOException {
        long id = ++nextId;
        out.entity(id, type, args);
        return id;
    }

    private String guid(String name) {
        return globalIds.of(name);
    }

    private static StepRef ref(long id) {
        return new StepRef(id);
    }

    private static Object text(String s) {
        return s == null ? StepValue.NULL : s;
    }

    private static Map<String, Integer> elementClasses() {
        Map<String, Integer> m = new HashMap<>();
        for (String t : new String[] {"IFCFLOWTERMINAL", "IFCFLOWSEGMENT", "IFCFLOWFITTING", "IFCFLOWCONTROLLER",
            "IFCFLOWMOVINGDEVICE", "IFCFLOWSTORAGEDEVICE", "IFCFLOWTREATMENTDEVICE", "IFCENERGYCONVERSIONDEVICE",
            "IFCDISTRIBUTIONELEMENT", "IFCDISTRIBUTIONFLOWELEMENT", "IFCDISTRIBUTIONCONTROLELEMENT",
            "IFCFURNISHINGELEMENT"}) {
            m.put(t, 8);
        }
        for (String t : new String[] {"IFCWALL", "IFCWALLSTANDARDCASE", "IFCSLAB", "IFCCOLUMN", "IFCBEAM", "IFCROOF",
            "IFCSTAIR", "IFCRAMP", "IFCRAMPFLIGHT", "IFCRAILING", "IFCCOVERING", "IFCPLATE", "IFCMEMBER",
            "IFCFOOTING", "IFCCURTAINWALL", "IFCBUILDINGELEMENTPROXY", "IFCFURNITURE", "IFCCHIMNEY",
            "IFCSHADINGDEVICE", "IFCAIRTERMINAL", "IFCAIRTERMINALBOX", "IFCLIGHTFIXTURE", "IFCLAMP",
            "IFCSANITARYTERMINAL", "IFCWASTETERMINAL", "IFCFIRESUPPRESSIONTERMINAL", "IFCSPACEHEATER",
            "IFCPIPESEGMENT", "IFCDUCTSEGMENT", "IFCCABLESEGMENT", "IFCCABLECARRIERSEGMENT", "IFCPIPEFITTING",
            "IFCDUCTFITTING", "IFCCABLEFITTING", "IFCCABLECARRIERFITTING", "IFCJUNCTIONBOX", "IFCVALVE", "IFCDAMPER",
            "IFCPUMP", "IFCFAN", "IFCBOILER", "IFCCHILLER", "IFCTANK", "IFCUNITARYEQUIPMENT", "IFCOUTLET",
            "IFCSWITCHINGDEVICE", "IFCPROTECTIVEDEVICE", "IFCELECTRICDISTRIBUTIONBOARD", "IFCELECTRICAPPLIANCE",
            "IFCCOMMUNICATIONSAPPLIANCE", "IFCAUDIOVISUALAPPLIANCE", "IFCSENSOR", "IFCALARM", "IFCCONTROLLER",
            "IFCACTUATOR", "IFCFLOWMETER", "IFCTRANSFORMER", "IFCELECTRICGENERATOR", "IFCELECTRICMOTOR"}) {
            m.put(t, 9);
        }
        m.put("IFCDOOR", 13);
        m.put("IFCWINDOW", 13);
        return Map.copyOf(m);
    }
}
