package org.arxos.io.ifc.internal.mapping;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.arxos.api.io.ImportOptions;
import org.arxos.api.io.ImportReport;
import org.arxos.api.io.ImportResult;
import org.arxos.io.ifc.internal.step.StepEntity;
import org.arxos.io.ifc.internal.step.StepFile;
import org.arxos.io.ifc.internal.step.StepRef;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.Connection;
import org.arxos.model.Discipline;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;
import org.arxos.model.geometry.ElevationRange;
import org.arxos.model.geometry.Footprint;

/**
 * Maps a parsed IFC2X3/IFC4 file to the change set that creates its building. The decisions are documented in
 * {@code docs/formats/ifc.md}; in short: IfcBuilding → BUILDING, IfcBuildingStorey → FLOOR, IfcZone → ZONE,
 * IfcSpace → SPACE, IfcSystem and subtypes → SYSTEM, elements → COMPONENT of kind {@code ifc<class>}, relationships
 * between elements → connections. One instance maps one file.
 */
public final class IfcMapper {

    /** The property set the exporter writes so that ids survive a round trip. */
    public static final String ARXOS_PSET = "Pset_ArxosObject";
    /** The exporter's property set of an object's properties, under their own names. */
    public static final String ARXOS_PROPERTIES = "Pset_Arxos";
    /** The exporter's free-standing property set of one connection. */
    public static final String ARXOS_CONNECTION = "Pset_ArxosConnection";
    /** Kind of the floor made for elements that no storey contains (site furniture, roofs on the building). */
    public static final String SITE_FLOOR_KIND = "site";

    private final IfcModel model;
    private final ImportOptions options;
    private final List<String> warnings = new ArrayList<>();
    private final Placements placements;
    /** Material definitions nest (usage, layer set, layer, list); a cycle or deeper nesting than this is refused. */
    private final ReferenceChain materials = new ReferenceChain("material definitions", 16);
    private IfcUnits units = IfcUnits.SI;
    private ShapeReader shapes;
    private PropertyReader properties;

    // relationship indexes, by entity id
    private final Map<Long, Long> decomposes = new HashMap<>();        // part -> whole (IfcRelAggregates)
    private final Map<Long, Long> nestedIn = new HashMap<>();          // nested -> host (IfcRelNests)
    private final Map<Long, Long> containedIn = new HashMap<>();       // element -> spatial structure
    private final Map<Long, List<Long>> groupMembers = new LinkedHashMap<>();
    private final Map<Long, List<Long>> groupsOf = new HashMap<>();
    private final Set<Long> servicesBuildings = new HashSet<>();
    private final Map<Long, List<Long>> definitionsOf = new HashMap<>(); // object -> property sets
    private final Map<Long, Long> typeOf = new HashMap<>();
    private final Map<Long, Long> portElement = new HashMap<>();
    private final Map<Long, Long> voidedBy = new HashMap<>();          // opening -> voided element
    private final Map<Long, String> materialOf = new HashMap<>();
    private final Map<Long, String> classificationOf = new HashMap<>();
    private final List<StepEntity> connectionRelations = new ArrayList<>();

    // result
    private final Map<Long, Node> nodes = new LinkedHashMap<>();      // entity id -> node
    private final Map<String, Node> byId = new HashMap<>();
    private final List<Connection> connections = new ArrayList<>();
    private final Map<String, Integer> mapped = new TreeMap<>();
    private final Map<String, Integer> kept = new TreeMap<>();
    private final Map<String, Integer> skipped = new TreeMap<>();
    private final Set<Long> accounted = new HashSet<>();
    private final Map<Long, String> idCache = new HashMap<>();
    private Node root;
    private Node siteFloor;

    // what the Arxos exporter wrote: the object of each IFC entity carrying a complete Pset_ArxosObject, and the
    // connections of Pset_ArxosConnection by id
    private final Map<Long, ArxosObject> arxos = new HashMap<>();
    private final Map<String, ArxosConnection> arxosConnections = new HashMap<>();
    private String arxosRootId; // the building's recorded id, which ImportOptions.buildingId may have replaced

    private IfcMapper(StepFile file, ImportOptions options) {
        this.model = new IfcModel(file);
        this.options = options;
        this.placements = new Placements(model, warnings);
    }

    /** Maps a parsed file; throws naming the entity and line of the first problem that stops the import. */
    public static ImportResult map(StepFile file, ImportOptions options) throws IfcMappingException {
        return new IfcMapper(file, options).run();
    }

    /** One object being built; becomes a BuildingObject when the tree is complete. */
    private static final class Node {
        final String id;
        final ObjectType type;
        final StepEntity entity; // null for synthesized objects
        String kind;
        Node parent;
        String name;
        Footprint footprint;
        ElevationRange elevation;
        final Map<String, PropertyValue> props = new TreeMap<>();
        final List<Node> children = new ArrayList<>();
        /** Restored from Pset_ArxosObject: the name is kept as written, even when empty. */
        boolean restored;

        Node(String id, ObjectType type, String kind, StepEntity entity) {
            this.id = id;
            this.type = type;
            this.kind = kind;
            this.entity = entity;
        }
    }

    private ImportResult run() throws IfcMappingException {
        index();
        units = IfcUnits.of(model);
        model.lengthUnit(units.length());
        shapes = new ShapeReader(model, placements, units);
        properties = new PropertyReader(model, units, warnings);
        readArxos();
        mapBuilding();
        mapStoreys();
        mapSpaces();
        mapZones();
        mapSystems();
        mapElements();
        finishStoreys();
        restoreArxos();
        mapConnections();
        return emit();
    }

    // ---------------------------------------------------------------------------------------------------- index

    private void index() throws IfcMappingException {
        for (StepEntity e : model.file().entities()) {
            switch (e.type()) {
                case "IFCRELAGGREGATES" -> relate(e, 4, 5, decomposes);
                case "IFCRELNESTS" -> relate(e, 4, 5, nestedIn);
                case "IFCRELCONTAINEDINSPATIALSTRUCTURE" -> {
                    long structure = refId(e, 5);
                    for (long element : refIds(e, 4)) {
                        containedIn.putIfAbsent(element, structure);
                    }
                }
                case "IFCRELASSIGNSTOGROUP", "IFCRELASSIGNSTOGROUPBYFACTOR" -> {
                    long group = refId(e, 6);
                    for (long member : refIds(e, 4)) {
                        groupMembers.computeIfAbsent(group, k -> new ArrayList<>()).add(member);
                        groupsOf.computeIfAbsent(member, k -> new ArrayList<>()).add(group);
                    }
                }
                case "IFCRELSERVICESBUILDINGS" -> servicesBuildings.add(refId(e, 4));
                case "IFCRELDEFINESBYPROPERTIES" -> {
                    List<Long> definitions = lenientIds(e, 5);
                    for (long object : lenientIds(e, 4)) {
                        definitionsOf.computeIfAbsent(object, k -> new ArrayList<>()).addAll(definitions);
                    }
                }
                case "IFCRELDEFINESBYTYPE" -> {
                    long type = e.arguments().size() > 5 && e.arguments().get(5) instanceof StepRef r ? r.id() : -1;
                    for (long object : lenientIds(e, 4)) {
                        typeOf.putIfAbsent(object, type);
                    }
                }
                case "IFCRELCONNECTSPORTTOELEMENT" -> portElement.put(refId(e, 4), refId(e, 5));
                case "IFCRELVOIDSELEMENT" -> voidedBy.put(refId(e, 5), refId(e, 4));
                case "IFCRELASSOCIATESMATERIAL" -> {
                    List<StepEntity> materials = model.refsLenient(e, 5, warnings);
                    String material = materials.isEmpty() ? null : materialName(materials.get(0));
                    if (material != null) {
                        for (long object : lenientIds(e, 4)) {
                            materialOf.putIfAbsent(object, material);
                        }
                    }
                }
                case "IFCRELASSOCIATESCLASSIFICATION" -> {
                    List<StepEntity> references = model.refsLenient(e, 5, warnings);
                    String classification = references.isEmpty() ? null : classificationName(references.get(0));
                    if (classification != null) {
                        for (long object : lenientIds(e, 4)) {
                            classificationOf.putIfAbsent(object, classification);
                        }
                    }
                }
                case "IFCRELCONNECTSPORTS", "IFCRELCONNECTSELEMENTS", "IFCRELCONNECTSPATHELEMENTS",
                        "IFCRELCONNECTSWITHREALIZINGELEMENTS", "IFCRELFILLSELEMENT" -> connectionRelations.add(e);
                default -> {
                    continue;
                }
            }
            model.markUsed(e);
        }
        // Ports nested in their element (IFC4) count as the element's ports.
        for (Map.Entry<Long, Long> n : nestedIn.entrySet()) {
            StepEntity nested = model.file().entity(n.getKey());
            if (nested != null && (nested.type() == "IFCDISTRIBUTIONPORT" || nested.type() == "IFCPORT")) {
                portElement.putIfAbsent(n.getKey(), n.getValue());
            }
        }
    }

    private void relate(StepEntity rel, int wholeIndex, int partsIndex, Map<Long, Long> into)
            throws IfcMappingException {
        long whole = refId(rel, wholeIndex);
        for (long part : refIds(rel, partsIndex)) {
            into.putIfAbsent(part, whole);
        }
    }

    private long refId(StepEntity e, int i) throws IfcMappingException {
        StepEntity target = model.ref(e, i);
        if (target == null) {
            throw IfcModel.problem(e, "argument " + i + " must refer to an entity but is unset");
        }
        return target.id();
    }

    private List<Long> refIds(StepEntity e, int i) throws IfcMappingException {
        List<Long> ids = new ArrayList<>();
        for (StepEntity t : model.refs(e, i)) {
            ids.add(t.id());
        }
        return ids;
    }

    private List<Long> lenientIds(StepEntity e, int i) throws IfcMappingException {
        List<Long> ids = new ArrayList<>();
        for (StepEntity t : model.refsLenient(e, i, warnings)) {
            ids.add(t.id());
        }
        return ids;
    }

    private String materialName(StepEntity m) throws IfcMappingException {
        if (m == null) {
            return null;
        }
        materials.enter(m);
        try {
            return readMaterialName(m);
        } finally {
            materials.leave();
        }
    }

    private String readMaterialName(StepEntity m) throws IfcMappingException {
        return switch (m.type()) {
            case "IFCMATERIAL" -> model.text(m, 0);
            // IfcMaterialLayerSetUsage(ForLayerSet, ...), IfcMaterialLayer(Material, LayerThickness, ...)
            case "IFCMATERIALLAYERSETUSAGE", "IFCMATERIALLAYER", "IFCMATERIALLAYERWITHOFFSETS" ->
                    materialName(model.ref(m, 0));
            case "IFCMATERIALLAYERSET" -> {
                StringBuilder b = new StringBuilder();
                for (StepEntity layer : model.refs(m, 0)) {
                    String n = materialName(layer);
                    if (n != null) {
                        b.append(b.length() == 0 ? "" : ", ").append(n);
                    }
                }
                yield b.length() == 0 ? model.text(m, 1) : b.toString();
            }
            case "IFCMATERIALLIST" -> {
                StringBuilder b = new StringBuilder();
                for (StepEntity inner : model.refs(m, 0)) {
                    String n = materialName(inner);
                    if (n != null) {
                        b.append(b.length() == 0 ? "" : ", ").append(n);
                    }
                }
                yield b.length() == 0 ? null : b.toString();
            }
            case "IFCMATERIALCONSTITUENTSET", "IFCMATERIALPROFILESET", "IFCMATERIALLAYERSETWITHOFFSETS" ->
                    model.text(m, 0);
            default -> null;
        };
    }

    private String classificationName(StepEntity c) throws IfcMappingException {
        if (c == null) {
            return null;
        }
        return switch (c.type()) {
            // IFC4: (Location, Identification, Name, ReferencedSource, ...); IFC2X3: (Location, ItemReference, Name, ...)
            case "IFCCLASSIFICATIONREFERENCE" -> {
                String code = model.text(c, 1);
                yield code != null ? code : model.text(c, 2);
            }
            case "IFCCLASSIFICATIONNOTATION" -> null;
            default -> null;
        };
    }

    // --------------------------------------------------------------------------------------- Arxos exports

    /** What Pset_ArxosObject says of one object. Footprint and elevation are set only when the set carries them. */
    private record ArxosObject(String id, ObjectType type, String kind, String parent, boolean hasGeometry,
            Footprint footprint, ElevationRange elevation) {
    }

    private record ArxosConnection(String id, String kind, String from, String to, Map<String, PropertyValue> props) {
    }

    /**
     * Finds what the Arxos exporter wrote: a Pset_ArxosObject with a valid Id, a known Type and a Kind makes its
     * object a restored one; a Pset_ArxosConnection with Id, Kind, From and To a restored connection. Files without
     * them (every other exporter's) are mapped as before.
     */
    private void readArxos() throws IfcMappingException {
        for (Map.Entry<Long, List<Long>> e : definitionsOf.entrySet()) {
            StepEntity object = model.file().entity(e.getKey());
            if (object == null) {
                continue;
            }
            for (Long d : e.getValue()) {
                StepEntity set = model.file().entity(d);
                if (set != null && set.type() == "IFCPROPERTYSET" && ARXOS_PSET.equals(model.text(set, 2))) {
                    ArxosObject record = arxosObject(object, set);
                    if (record != null) {
                        arxos.put(object.id(), record);
                    }
                }
            }
        }
        for (StepEntity set : model.file().entitiesOfType("IFCPROPERTYSET")) {
            if (!ARXOS_CONNECTION.equals(model.text(set, 2))) {
                continue;
            }
            model.markUsed(set);
            Map<String, String> fields = new HashMap<>();
            Map<String, PropertyValue> props = new TreeMap<>();
            for (StepEntity p : model.refsLenient(set, 4, warnings)) {
                model.markUsed(p);
                String name = model.text(p, 0);
                // the first Id, Kind, From and To are the connection's; a property of the same name comes later
                if (name != null && Set.of("Id", "Kind", "From", "To").contains(name) && !fields.containsKey(name)) {
                    fields.put(name, arxosText(p));
                } else {
                    arxosProperty(p, props);
                }
            }
            String id = fields.get("Id");
            if (id == null || fields.get("Kind") == null || fields.get("Kind").isEmpty() || fields.get("From") == null
                    || fields.get("To") == null || !BuildingObject.isValidId(id)) {
                warnings.add("#" + set.id() + " (line " + set.line() + "): " + ARXOS_CONNECTION
                        + " without a valid Id, Kind, From and To is ignored");
                continue;
            }
            arxosConnections.put(id, new ArxosConnection(id, fields.get("Kind"), fields.get("From"), fields.get("To"),
                    props));
        }
    }

    private ArxosObject arxosObject(StepEntity object, StepEntity set) throws IfcMappingException {
        Map<String, StepEntity> fields = new HashMap<>();
        for (StepEntity p : model.refsLenient(set, 4, warnings)) {
            String name = model.text(p, 0);
            if (name != null && p.type() == "IFCPROPERTYSINGLEVALUE") {
                fields.putIfAbsent(name, p);
            }
        }
        String id = arxosText(fields.get("Id"));
        String typeName = arxosText(fields.get("Type"));
        String kind = arxosText(fields.get("Kind"));
        if (typeName == null) {
            return null; // an older export: Id and Kind only, read by idOf() and describe()
        }
        ObjectType type;
        try {
            type = ObjectType.of(typeName);
        } catch (IllegalArgumentException x) {
            type = null;
        }
        if (type == null || kind == null || kind.isEmpty() || !BuildingObject.isValidId(id)) {
            warnings.add(IfcModel.name(object) + " (line " + object.line() + "): " + ARXOS_PSET
                    + " has no valid Id, Type and Kind; the object is mapped from IFC");
            return null;
        }
        String parent = arxosText(fields.get("Parent"));
        String footprintText = arxosText(fields.get("Footprint"));
        Double bottom = arxosLength(fields.get("ElevationBottom"));
        Double top = arxosLength(fields.get("ElevationTop"));
        boolean hasGeometry = footprintText != null || bottom != null || top != null;
        Footprint footprint = null;
        ElevationRange elevation = null;
        if (footprintText != null) {
            footprint = parseFootprint(footprintText);
            if (footprint == null) {
                warnings.add(IfcModel.name(object) + " (line " + object.line() + "): " + ARXOS_PSET
                        + ".Footprint '" + abbreviate(footprintText) + "' cannot be read; the object has none");
            }
        }
        if (bottom != null && top != null) {
            float b = (float) (bottom * units.length());
            float t = (float) (top * units.length());
            if (Float.isFinite(b) && Float.isFinite(t) && b <= t) {
                elevation = new ElevationRange(b, t);
            }
        }
        return new ArxosObject(id, type, kind, parent, hasGeometry, footprint, elevation);
    }

    /** The text of a single value (IfcLabel, IfcIdentifier, IfcText), or null. */
    private String arxosText(StepEntity p) throws IfcMappingException {
        if (p == null || p.type() != "IFCPROPERTYSINGLEVALUE" || p.isNull(2)) {
            return null;
        }
        Object raw = p.arguments().get(2);
        Object v = raw instanceof org.arxos.io.ifc.internal.step.StepTyped t && t.arguments().size() == 1
                ? t.arguments().get(0) : raw;
        return v instanceof String s ? s : null;
    }

    private Double arxosLength(StepEntity p) throws IfcMappingException {
        if (p == null || p.type() != "IFCPROPERTYSINGLEVALUE" || p.isNull(2)) {
            return null;
        }
        Object raw = p.arguments().get(2);
        Object v = raw instanceof org.arxos.io.ifc.internal.step.StepTyped t && t.arguments().size() == 1
                ? t.arguments().get(0) : raw;
        return v instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
    }

    /** {@code bounds minX minY maxX maxY}, {@code polygon x0 y0 ...} or {@code polyline x0 y0 ...}; null if bad. */
    static Footprint parseFootprint(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length < 1) {
            return null;
        }
        float[] xy = new float[parts.length - 1];
        try {
            for (int i = 1; i < parts.length; i++) {
                xy[i - 1] = Float.parseFloat(parts[i]);
                if (!Float.isFinite(xy[i - 1])) {
                    return null;
                }
            }
            return switch (parts[0]) {
                case "bounds" -> xy.length == 4 ? new org.arxos.model.geometry.Bounds(xy[0], xy[1], xy[2], xy[3]) : null;
                case "polygon" -> new org.arxos.model.geometry.Polygon(xy);
                case "polyline" -> new org.arxos.model.geometry.Polyline(xy);
                default -> null;
            };
        } catch (IllegalArgumentException x) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    /** A property of Pset_Arxos or Pset_ArxosConnection under its own name. */
    private void arxosProperty(StepEntity p, Map<String, PropertyValue> out) throws IfcMappingException {
        PropertyValue v = properties.arxosValue(p);
        if (v != null) {
            String name = model.text(p, 0);
            if (name != null && !name.isEmpty()) {
                out.put(name, v);
            }
        } else if (p.type() != "IFCPROPERTYSINGLEVALUE") {
            properties.readPlain(p, out);
        }
    }

    /**
     * Gives every object that carries a complete Pset_ArxosObject what the exporter recorded: kind, name (as
     * written), parent, footprint and elevation, and as properties exactly Pset_Arxos under its own names plus any
     * other property set (another tool's additions, named Set.Property) — none of the attributes the mapping derives
     * (ifc.*, material, classification, containedIn, partOf). A parent that is missing, of a type that cannot hold the
     * object, or that would make a cycle is replaced by the mapping's own choice, with a warning.
     */
    private void restoreArxos() throws IfcMappingException {
        if (arxos.isEmpty()) {
            return;
        }
        ExportedGeometry exported = new ExportedGeometry(model, units);
        List<Node> restored = new ArrayList<>();
        for (Map.Entry<Long, Node> e : nodes.entrySet()) {
            Node n = e.getValue();
            ArxosObject record = arxos.get(e.getKey());
            if (record == null) {
                continue;
            }
            if (record.type() != n.type) {
                warnings.add(IfcModel.name(n.entity) + " (line " + n.entity.line() + "): " + ARXOS_PSET + ".Type '"
                        + record.type().id() + "' does not fit an " + n.entity.type() + "; it is mapped as a "
                        + n.type.id());
                arxos.remove(e.getKey());
                if (n.parent == null && n != root) {
                    fallbackParent(n);
                }
                continue;
            }
            if (n == root) {
                arxosRootId = record.id();
            }
            n.restored = true;
            n.kind = record.kind();
            n.name = model.text(n.entity, 2);
            boolean represented = n.entity.argCount() > 6 && !n.entity.isNull(6) && n.type != ObjectType.ZONE
                    && n.type != ObjectType.SYSTEM;
            if (record.hasGeometry()) {
                // the recorded values win; a representation beside them says the same less exactly (read: kept)
                if (represented && exported.read(n.entity) == null) {
                    shapes.read(n.entity, world(n.entity));
                }
                n.footprint = record.footprint();
                n.elevation = record.elevation();
            } else if (represented) {
                Shape shape = exported.read(n.entity);
                if (shape != null) {
                    n.footprint = shape.footprint();
                    n.elevation = shape.elevation();
                } else {
                    geometry(n);
                }
            } else {
                n.footprint = null;
                n.elevation = null;
            }
            n.props.clear();
            arxosProperties(n.entity, n.props);
            restored.add(n);
        }
        for (Node n : restored) {
            if (n == root) {
                continue;
            }
            String parentId = arxos.get(n.entity.id()).parent();
            Node parent = restoredNode(parentId);
            if (parent != null && n.type.canBeChildOf(parent.type) && !isAncestorOrSelf(n, parent)) {
                attach(n, parent);
            } else {
                warnings.add(IfcModel.name(n.entity) + " (line " + n.entity.line() + "): " + ARXOS_PSET
                        + ".Parent '" + parentId + "' is not a possible parent; the parent is taken from IFC");
                if (n.parent == null) {
                    fallbackParent(n);
                }
            }
        }
    }

    /** The object of a recorded id (the building under its recorded id too), or null. */
    private Node restoredNode(String id) {
        return id == null ? null : id.equals(arxosRootId) ? root : byId.get(id);
    }

    /** The mapping's parent for a restored object whose recorded parent cannot be used. */
    private void fallbackParent(Node n) throws IfcMappingException {
        switch (n.type) {
            case COMPONENT -> placeComponent(n);
            case SPACE -> {
                Node floor = floorOf(n.entity.id());
                attach(n, floor != null ? floor : siteFloor());
            }
            case ZONE -> {
                Node floor = null;
                for (long member : groupMembers.getOrDefault(n.entity.id(), List.of())) {
                    floor = floorOf(member);
                    if (floor != null) {
                        break;
                    }
                }
                attach(n, floor != null ? floor : siteFloor());
            }
            default -> attach(n, root);
        }
    }

    /** A restored object's properties: Pset_Arxos by its own names, other sets (another tool's) as Set.Property. */
    private void arxosProperties(StepEntity e, Map<String, PropertyValue> out) throws IfcMappingException {
        Long type = typeOf.get(e.id());
        StepEntity t = type == null ? null : model.file().entity(type);
        if (t != null) {
            for (StepEntity set : model.refsLenient(t, 5, warnings)) {
                readDefinition(set, out);
            }
        }
        for (Long d : definitionsOf.getOrDefault(e.id(), List.of())) {
            StepEntity set = model.get(d, e);
            String name = set.type() == "IFCPROPERTYSET" ? model.text(set, 2) : null;
            if (ARXOS_PSET.equals(name)) {
                continue;
            }
            if (ARXOS_PROPERTIES.equals(name)) {
                model.markUsed(set);
                for (StepEntity p : model.refsLenient(set, 4, warnings)) {
                    arxosProperty(p, out);
                }
            } else {
                readDefinition(set, out);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ ids, nodes

    /** The Arxos id of an IFC object: Pset_ArxosObject.Id when present and valid, else its GlobalId made valid. */
    private String idOf(StepEntity e) throws IfcMappingException {
        String known = idCache.get(e.id());
        if (known != null) {
            return known;
        }
        String id = null;
        String globalId = model.text(e, 0);
        for (Long d : definitionsOf.getOrDefault(e.id(), List.of())) {
            StepEntity set = model.get(d, e);
            if (set.type() == "IFCPROPERTYSET" && ARXOS_PSET.equals(model.text(set, 2))) {
                Map<String, PropertyValue> values = new TreeMap<>();
                properties.read(set, values);
                if (values.get(ARXOS_PSET + ".Id") instanceof PropertyValue.Text t) {
                    if (BuildingObject.isValidId(t.value())) {
                        id = t.value();
                    } else {
                        warnings.add("#" + e.id() + " (line " + e.line() + "): " + ARXOS_PSET + ".Id '" + t.value()
                                + "' is not a valid id; using the GlobalId");
                    }
                }
            }
        }
        if (id == null) {
            id = globalId == null || globalId.isEmpty() ? "ifc-" + e.id() : globalId.replace('$', '-');
            if (!BuildingObject.isValidId(id)) {
                id = "ifc-" + e.id();
            }
        }
        String unique = id;
        for (int n = 2; byId.containsKey(unique); n++) {
            unique = id + "." + n;
        }
        if (!unique.equals(id)) {
            warnings.add("#" + e.id() + " (line " + e.line() + "): id '" + id + "' is used twice; this one is '"
                    + unique + "'");
        }
        idCache.put(e.id(), unique);
        return unique;
    }

    private Node add(StepEntity e, ObjectType type, String kind) throws IfcMappingException {
        Node n = new Node(idOf(e), type, kind, e);
        n.name = model.text(e, 2);
        nodes.put(e.id(), n);
        register(n);
        count(mapped, e.type());
        accounted.add(e.id());
        model.markUsed(e);
        return n;
    }

    private void register(Node n) throws IfcMappingException {
        byId.put(n.id, n);
        long total = byId.size() + connections.size();
        if (total > options.maxObjects()) {
            throw new IfcMappingException(n.entity == null ? 0 : n.entity.line(),
                    n.entity == null ? null : IfcModel.name(n.entity),
                    "more than " + options.maxObjects() + " objects: the import limit (maxObjects) is "
                            + options.maxObjects());
        }
        options.progress().objectsRead(total);
    }

    private static void attach(Node child, Node parent) {
        if (child.parent != null) {
            child.parent.children.remove(child);
        }
        child.parent = parent;
        parent.children.add(child);
    }

    /** Properties every mapped object gets: psets and quantities (its own and its type's), attributes, material. */
    private void describe(Node n) throws IfcMappingException {
        StepEntity e = n.entity;
        String globalId = model.text(e, 0);
        if (globalId != null && !globalId.equals(n.id)) {
            n.props.put("ifc.GlobalId", new PropertyValue.Text(globalId));
        }
        text(n, "ifc.Description", e, 3);
        text(n, "ifc.ObjectType", e, 4);
        Long type = typeOf.get(e.id());
        StepEntity t = type == null ? null : model.file().entity(type);
        if (t != null) {
            model.markUsed(t);
            // IfcTypeObject(GlobalId, OwnerHistory, Name, Description, ApplicableOccurrence, HasPropertySets, ...)
            String typeName = model.text(t, 2);
            if (typeName != null) {
                n.props.put("ifc.Type", new PropertyValue.Text(typeName));
            }
            for (StepEntity set : model.refsLenient(t, 5, warnings)) {
                readDefinition(set, n.props);
            }
        }
        for (Long d : definitionsOf.getOrDefault(e.id(), List.of())) {
            readDefinition(model.get(d, e), n.props);
        }
        String material = materialOf.get(e.id());
        if (material != null) {
            n.props.put("material", new PropertyValue.Text(material));
        }
        String classification = classificationOf.get(e.id());
        if (classification != null) {
            n.props.put("classification", new PropertyValue.Text(classification));
        }
        PropertyValue kind = n.props.remove(ARXOS_PSET + ".Kind");
        if (kind instanceof PropertyValue.Text k && !k.value().isEmpty()) {
            n.kind = k.value();
        }
        n.props.remove(ARXOS_PSET + ".Id");
    }

    private void readDefinition(StepEntity set, Map<String, PropertyValue> out) throws IfcMappingException {
        model.markUsed(set);
        properties.read(set, out);
    }

    private void text(Node n, String property, StepEntity e, int i) throws IfcMappingException {
        if (e.argCount() > i) {
            Object v = e.arguments().get(i);
            if (v instanceof String || v instanceof org.arxos.io.ifc.internal.step.StepTyped) {
                String s = model.text(e, i);
                if (s != null && !s.isEmpty()) {
                    n.props.put(property, new PropertyValue.Text(s));
                }
            }
        }
    }

    private Transform world(StepEntity product) throws IfcMappingException {
        return placements.world(model.ref(product, 5));
    }

    private void geometry(Node n) throws IfcMappingException {
        Transform world = world(n.entity);
        Shape shape = shapes.read(n.entity, world);
        n.footprint = shape.footprint();
        n.elevation = shape.elevation();
        if (n.elevation == null) {
            float z = (float) metres(n.entity, world.tz(), "its placement's z");
            n.elevation = new ElevationRange(z, z);
        }
    }

    /**
     * A value in the file's length unit in metres; fails naming the entity when it is farther from 0 than
     * {@link IfcModel#MAX_METRES} (or not a number).
     */
    private double metres(StepEntity e, double fileUnits, String what) throws IfcMappingException {
        if (!model.inRange(fileUnits)) {
            throw IfcModel.problem(e, what + " " + fileUnits * units.length() + " m is out of range" + IfcModel.range());
        }
        return fileUnits * units.length();
    }

    // --------------------------------------------------------------------------------------- spatial structure

    private void mapBuilding() throws IfcMappingException {
        List<StepEntity> buildings = model.file().entitiesOfType("IFCBUILDING");
        List<StepEntity> sites = model.file().entitiesOfType("IFCSITE");
        List<StepEntity> projects = model.file().entitiesOfType("IFCPROJECT");
        StepEntity entity = !buildings.isEmpty() ? buildings.get(0) : !sites.isEmpty() ? sites.get(0)
                : !projects.isEmpty() ? projects.get(0) : null;
        String id = options.buildingId() != null ? options.buildingId()
                : entity != null ? idOf(entity) : "building";
        root = new Node(id, ObjectType.BUILDING, "building", entity);
        if (entity != null) {
            idCache.put(entity.id(), id);
            root.name = model.text(entity, 2);
            nodes.put(entity.id(), root);
            count(mapped, entity.type());
            accounted.add(entity.id());
            model.markUsed(entity);
        } else {
            root.name = options.sourceName();
            warnings.add("the file has no IfcBuilding, IfcSite or IfcProject; the building is named after the file");
        }
        register(root);
        if (entity != null) {
            describe(root);
            text(root, "ifc.LongName", entity, 7);
        }
        for (StepEntity site : sites) {
            if (site == entity) {
                continue;
            }
            String prefix = sites.size() == 1 ? "ifc.site." : "ifc.site[" + site.id() + "].";
            keepAttributes(site, prefix);
        }
        for (StepEntity project : projects) {
            if (project != entity) {
                keepAttributes(project, "ifc.project.");
            }
        }
        if (buildings.size() > 1) {
            warnings.add("the file has " + buildings.size() + " IfcBuilding entities; the first (#" + entity.id()
                    + ") is the building, the storeys of the others are added to it with the property ifc.building");
            for (int i = 1; i < buildings.size(); i++) {
                count(kept, buildings.get(i).type());
                model.markUsed(buildings.get(i));
                accounted.add(buildings.get(i).id());
            }
        }
        root.props.put("ifc.schema", new PropertyValue.Text(String.join(",", model.file().header().schemas())));
    }

    private void keepAttributes(StepEntity e, String prefix) throws IfcMappingException {
        model.markUsed(e);
        accounted.add(e.id());
        count(kept, e.type());
        String name = model.text(e, 2);
        if (name != null && !name.isEmpty()) {
            root.props.put(prefix + "Name", new PropertyValue.Text(name));
        }
        String description = model.text(e, 3);
        if (description != null && !description.isEmpty()) {
            root.props.put(prefix + "Description", new PropertyValue.Text(description));
        }
        if (e.type() == "IFCSITE") {
            // IfcSite(..., RefLatitude 9, RefLongitude 10, RefElevation 11, LandTitleNumber 12, SiteAddress 13)
            String latitude = angle(e, 9), longitude = angle(e, 10);
            if (latitude != null) {
                root.props.put(prefix + "RefLatitude", new PropertyValue.Text(latitude));
            }
            if (longitude != null) {
                root.props.put(prefix + "RefLongitude", new PropertyValue.Text(longitude));
            }
            if (e.argCount() > 11 && !e.isNull(11)) {
                root.props.put(prefix + "RefElevation",
                        new PropertyValue.Number(metres(e, model.real(e, 11), "argument 11 (RefElevation)"), "m"));
            }
        }
        if (e.type() == "IFCPROJECT") {
            text(root, prefix + "LongName", e, 5);
            text(root, prefix + "Phase", e, 6);
        }
        Map<String, PropertyValue> sets = new TreeMap<>();
        for (Long d : definitionsOf.getOrDefault(e.id(), List.of())) {
            readDefinition(model.get(d, e), sets);
        }
        sets.forEach((k, v) -> root.props.putIfAbsent(prefix + k, v));
    }

    private String angle(StepEntity e, int i) throws IfcMappingException {
        if (e.argCount() <= i || e.isNull(i)) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (Object o : model.list(e, i)) {
            b.append(b.length() == 0 ? "" : ",").append(o);
        }
        return b.toString();
    }

    private void mapStoreys() throws IfcMappingException {
        List<StepEntity> buildings = model.file().entitiesOfType("IFCBUILDING");
        for (StepEntity s : model.file().entitiesOfType("IFCBUILDINGSTOREY")) {
            Node floor = add(s, ObjectType.FLOOR, "floor");
            attach(floor, root);
            describe(floor);
            text(floor, "ifc.LongName", s, 7);
            Transform world = world(s);
            float bottom;
            // IfcBuildingStorey(..., LongName 7, CompositionType 8, Elevation 9)
            if (s.argCount() > 9 && !s.isNull(9)) {
                bottom = (float) metres(s, model.real(s, 9), "argument 9 (Elevation)");
            } else {
                bottom = (float) metres(s, world.tz(), "its placement's z");
            }
            floor.elevation = new ElevationRange(bottom, bottom);
            if (buildings.size() > 1) {
                Long building = ancestorOfType(s.id(), "IFCBUILDING");
                if (building != null && building != root.entity.id()) {
                    StepEntity b = model.get(building, s);
                    floor.props.put("ifc.building", new PropertyValue.Text(String.valueOf(model.text(b, 2))));
                }
            }
        }
    }

    /** The floor for objects no storey contains, made on first use. */
    private Node siteFloor() throws IfcMappingException {
        if (siteFloor == null) {
            String id = root.id + ".site";
            siteFloor = new Node(id, ObjectType.FLOOR, SITE_FLOOR_KIND, null);
            siteFloor.name = "Site (outside any storey)";
            register(siteFloor);
            attach(siteFloor, root);
            warnings.add("some objects are on no storey; they are on the floor '" + id + "' of kind '"
                    + SITE_FLOOR_KIND + "'");
        }
        return siteFloor;
    }

    /** The nearest decomposition (or containment) ancestor of the given IFC type, or null. */
    private Long ancestorOfType(long id, String type) {
        Long current = id;
        for (int depth = 0; depth < 64 && current != null; depth++) {
            Long up = decomposes.get(current);
            if (up == null) {
                up = containedIn.get(current);
            }
            if (up == null) {
                return null;
            }
            StepEntity e = model.file().entity(up);
            if (e != null && e.type().equals(type)) {
                return up;
            }
            current = up;
        }
        return null;
    }

    /** The FLOOR node an IFC entity lies on through decomposition and containment, or null. */
    private Node floorOf(long id) {
        Long storey = ancestorOfType(id, "IFCBUILDINGSTOREY");
        return storey == null ? null : nodes.get(storey);
    }

    private void mapSpaces() throws IfcMappingException {
        for (StepEntity s : model.file().entitiesOfType("IFCSPACE")) {
            Node space = add(s, ObjectType.SPACE, "space");
            if (!arxos.containsKey(s.id())) { // else placed by restoreArxos()
                Node floor = floorOf(s.id());
                attach(space, floor != null ? floor : siteFloor());
            }
            describe(space);
            text(space, "ifc.LongName", s, 7);
            geometry(space);
        }
    }

    private void mapZones() throws IfcMappingException {
        for (StepEntity z : model.file().entitiesOfType("IFCZONE")) {
            List<Node> spaces = new ArrayList<>();
            for (long member : groupMembers.getOrDefault(z.id(), List.of())) {
                Node n = nodes.get(member);
                if (n != null && n.type == ObjectType.SPACE) {
                    spaces.add(n);
                }
            }
            Set<Node> floors = new LinkedHashSet<>();
            for (Node space : spaces) {
                if (space.parent != null) {
                    floors.add(space.parent);
                }
            }
            if (arxos.containsKey(z.id())) { // placed, shaped by restoreArxos()
                describe(add(z, ObjectType.ZONE, "zone"));
                continue;
            }
            if (floors.isEmpty()) {
                count(skipped, z.type());
                warnings.add("#" + z.id() + " IFCZONE (line " + z.line() + ") groups no spaces; it is skipped");
                model.markUsed(z);
                accounted.add(z.id());
                continue;
            }
            Node zone = add(z, ObjectType.ZONE, "zone");
            describe(zone);
            text(zone, "ifc.LongName", z, 5);
            if (floors.size() == 1 && floors.iterator().next().type == ObjectType.FLOOR) {
                attach(zone, floors.iterator().next());
                for (Node space : spaces) {
                    attach(space, zone);
                }
            } else {
                Node first = floors.iterator().next();
                while (first.type != ObjectType.FLOOR) {
                    first = first.parent;
                }
                attach(zone, first);
                StringBuilder members = new StringBuilder();
                for (Node space : spaces) {
                    members.append(members.length() == 0 ? "" : ",").append(space.id);
                }
                zone.props.put("spaces", new PropertyValue.Text(members.toString()));
                warnings.add("#" + z.id() + " IFCZONE (line " + z.line() + ") has spaces on " + floors.size()
                        + " floors; it is on the first, its spaces stay on theirs (property 'spaces')");
            }
            Bounds2 extent = new Bounds2();
            for (Node space : spaces) {
                extent.add(space);
            }
            zone.footprint = extent.bounds();
            zone.elevation = extent.elevation();
        }
    }

    // ------------------------------------------------------------------------------------------------ systems

    private void mapSystems() throws IfcMappingException {
        List<StepEntity> systems = new ArrayList<>();
        for (StepEntity e : model.file().entities()) {
            if (IfcClasses.SYSTEMS.contains(e.type())) {
                systems.add(e);
            }
        }
        for (StepEntity s : systems) {
            Node system = add(s, ObjectType.SYSTEM, Discipline.MECHANICAL.id());
            describe(system);
            system.kind = disciplineOf(s).id();
            system.props.put("ifc.class", new PropertyValue.Text(s.type()));
        }
        for (StepEntity s : systems) {
            Node system = nodes.get(s.id());
            Node parent = null;
            for (long group : groupsOf.getOrDefault(s.id(), List.of())) {
                Node g = nodes.get(group);
                if (g != null && g.type == ObjectType.SYSTEM && !isAncestorOrSelf(system, g)) {
                    parent = g;
                    break;
                }
            }
            if (parent == null) {
                Node whole = nodes.get(decomposes.get(s.id()));
                if (whole != null && whole.type == ObjectType.SYSTEM && !isAncestorOrSelf(system, whole)) {
                    parent = whole;
                }
            }
            if (parent == null && !servicesBuildings.contains(s.id())) {
                parent = zoneOfMembers(s);
            }
            attach(system, parent != null ? parent : root);
        }
    }

    private boolean isAncestorOrSelf(Node node, Node candidateDescendant) {
        for (Node n = candidateDescendant; n != null; n = n.parent) {
            if (n == node) {
                return true;
            }
        }
        return false;
    }

    /** The one ZONE all of a system's members lie in (through their spaces), or null. */
    private Node zoneOfMembers(StepEntity system) {
        Node zone = null;
        boolean any = false;
        for (long member : groupMembers.getOrDefault(system.id(), List.of())) {
            Long structure = containedIn.get(member);
            Node space = structure == null ? null : nodes.get(structure);
            Node z = space != null && space.parent != null && space.parent.type == ObjectType.ZONE ? space.parent : null;
            if (z == null || (zone != null && z != zone)) {
                return null;
            }
            zone = z;
            any = true;
        }
        return any ? zone : null;
    }

    private Discipline disciplineOf(StepEntity system) throws IfcMappingException {
        // IfcDistributionSystem(..., LongName 5, PredefinedType 6); IfcBuildingSystem(..., PredefinedType 5, LongName 6)
        for (int i = 5; i <= 6; i++) {
            if (system.argCount() > i && system.arguments().get(i) instanceof org.arxos.io.ifc.internal.step.StepEnum) {
                Discipline d = IfcClasses.disciplineOfSystemType(model.enumName(system, i));
                if (d != null) {
                    return d;
                }
            }
        }
        Map<Discipline, Integer> votes = new TreeMap<>();
        for (long member : groupMembers.getOrDefault(system.id(), List.of())) {
            StepEntity e = model.file().entity(member);
            Discipline d = e == null ? null : IfcClasses.disciplineOfElement(e.type());
            if (d != null) {
                votes.merge(d, 1, Integer::sum);
            }
        }
        Discipline best = Discipline.MECHANICAL;
        int most = 0;
        for (Map.Entry<Discipline, Integer> v : votes.entrySet()) {
            if (v.getValue() > most) {
                best = v.getKey();
                most = v.getValue();
            }
        }
        return best;
    }

    // ----------------------------------------------------------------------------------------------- elements

    private void mapElements() throws IfcMappingException {
        for (StepEntity e : model.file().entities()) {
            if (!IfcClasses.ELEMENTS.contains(e.type())) {
                continue;
            }
            Node component = add(e, ObjectType.COMPONENT, e.type().toLowerCase(java.util.Locale.ROOT));
            describe(component);
            text(component, "ifc.Tag", e, 7);
            geometry(component);
        }
        for (Node component : new ArrayList<>(nodes.values())) {
            if (component.type != ObjectType.COMPONENT || arxos.containsKey(component.entity.id())) {
                continue; // restored components are placed by restoreArxos()
            }
            placeComponent(component);
        }
    }

    /** A component's parent by the IFC relationships: its first system, else its space or floor. */
    private void placeComponent(Node component) throws IfcMappingException {
        long self = component.entity.id();
        // parts of an element (a roof's slabs, a stair's flights) share the whole's container
        long whole = self;
        for (int depth = 0; depth < 64; depth++) {
            Long up = decomposes.get(whole);
            Node upNode = up == null ? null : nodes.get(up);
            if (upNode == null || upNode.type != ObjectType.COMPONENT) {
                break;
            }
            whole = up;
        }
        if (whole != self) {
            component.props.put("partOf", new PropertyValue.Text(nodes.get(whole).id));
        }
        Node spatial = spatialParent(whole);
        Node system = null;
        for (long group : groupsOf.getOrDefault(self, List.of())) {
            Node g = nodes.get(group);
            if (g != null && g.type == ObjectType.SYSTEM) {
                system = g;
                break;
            }
        }
        if (system != null) {
            attach(component, system);
            if (spatial != null) {
                component.props.put("containedIn", new PropertyValue.Text(spatial.id));
            }
        } else {
            attach(component, spatial != null ? spatial : siteFloor());
        }
    }

    /** The SPACE or FLOOR an element is in: its container, or the storey above its container; null when none. */
    private Node spatialParent(long element) throws IfcMappingException {
        Long structure = containedIn.get(element);
        if (structure == null) {
            structure = decomposes.get(element);
        }
        if (structure == null) {
            return null;
        }
        Node n = nodes.get(structure);
        if (n != null && (n.type == ObjectType.SPACE || n.type == ObjectType.FLOOR)) {
            return n;
        }
        if (n == root) {
            return siteFloor();
        }
        Node floor = floorOf(structure);
        return floor != null ? floor : siteFloor();
    }

    /** Storeys reach from their elevation to the next storey's, or up by their height or contents. */
    private void finishStoreys() throws IfcMappingException {
        List<Node> floors = new ArrayList<>();
        for (Node n : root.children) {
            if (n.type == ObjectType.FLOOR && n != siteFloor) {
                floors.add(n);
            }
        }
        floors.sort((a, b) -> Float.compare(a.elevation.bottom(), b.elevation.bottom()));
        for (int i = 0; i < floors.size(); i++) {
            Node f = floors.get(i);
            float bottom = f.elevation.bottom();
            float top = bottom;
            if (i + 1 < floors.size() && floors.get(i + 1).elevation.bottom() > bottom) {
                top = floors.get(i + 1).elevation.bottom();
            } else {
                PropertyValue height = f.props.get("Qto_BuildingStoreyBaseQuantities.GrossHeight");
                if (height == null) {
                    height = f.props.get("BaseQuantities.GrossHeight");
                }
                if (height instanceof PropertyValue.Number h && h.value() > 0) {
                    if (!(bottom + h.value() <= IfcModel.MAX_METRES)) {
                        throw IfcModel.problem(f.entity, "GrossHeight " + h.value() + " m is out of range"
                                + IfcModel.range());
                    }
                    top = (float) (bottom + h.value());
                } else {
                    top = Math.max(top, highest(f));
                }
            }
            f.elevation = new ElevationRange(bottom, top);
            Bounds2 extent = new Bounds2();
            collect(f, extent);
            f.footprint = extent.bounds();
        }
        if (siteFloor != null) {
            Bounds2 extent = new Bounds2();
            collect(siteFloor, extent);
            siteFloor.footprint = extent.bounds();
            siteFloor.elevation = extent.elevation();
        }
    }

    private float highest(Node n) {
        float top = Float.NEGATIVE_INFINITY;
        Deque<Node> todo = new ArrayDeque<>(n.children);
        while (!todo.isEmpty()) {
            Node c = todo.pop();
            if (c.elevation != null) {
                top = Math.max(top, c.elevation.top());
            }
            todo.addAll(c.children);
        }
        return top;
    }

    private void collect(Node n, Bounds2 extent) {
        Deque<Node> todo = new ArrayDeque<>(n.children);
        while (!todo.isEmpty()) {
            Node c = todo.pop();
            extent.add(c);
            todo.addAll(c.children);
        }
    }

    /** The union of children's footprints and elevations: the extent of floors and zones. */
    private static final class Bounds2 {
        float minX = Float.POSITIVE_INFINITY, minY = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY, maxY = Float.NEGATIVE_INFINITY;
        float bottom = Float.POSITIVE_INFINITY, top = Float.NEGATIVE_INFINITY;

        void add(Node n) {
            if (n.footprint != null) {
                org.arxos.model.geometry.Bounds b = n.footprint.bounds();
                minX = Math.min(minX, b.minX());
                minY = Math.min(minY, b.minY());
                maxX = Math.max(maxX, b.maxX());
                maxY = Math.max(maxY, b.maxY());
            }
            if (n.elevation != null) {
                bottom = Math.min(bottom, n.elevation.bottom());
                top = Math.max(top, n.elevation.top());
            }
        }

        org.arxos.model.geometry.Bounds bounds() {
            return minX <= maxX ? new org.arxos.model.geometry.Bounds(minX, minY, maxX, maxY) : null;
        }

        ElevationRange elevation() {
            return bottom <= top ? new ElevationRange(bottom, top) : null;
        }
    }

    // -------------------------------------------------------------------------------------------- connections

    private void mapConnections() throws IfcMappingException {
        Set<String> connectionIds = new HashSet<>();
        for (StepEntity rel : connectionRelations) {
            if (rel.type() == "IFCRELCONNECTSELEMENTS" && restoreConnection(rel, connectionIds)) {
                continue;
            }
            Node from;
            Node to;
            String kind;
            Map<String, PropertyValue> props = new TreeMap<>();
            switch (rel.type()) {
                case "IFCRELCONNECTSPORTS" -> {
                    // IfcRelConnectsPorts(..., RelatingPort 4, RelatedPort 5, RealizingElement 6)
                    StepEntity a = model.ref(rel, 4), b = model.ref(rel, 5);
                    from = portOwner(a);
                    to = portOwner(b);
                    if ("SINK".equals(flow(a)) && "SOURCE".equals(flow(b))) {
                        Node swap = from;
                        from = to;
                        to = swap;
                        StepEntity s = a;
                        a = b;
                        b = s;
                    }
                    putName(props, "fromPort", a);
                    putName(props, "toPort", b);
                    StepEntity realizing = model.ref(rel, 6);
                    if (realizing != null && nodes.get(realizing.id()) != null) {
                        props.put("realizedBy", new PropertyValue.Text(nodes.get(realizing.id()).id));
                    }
                    kind = "ports";
                }
                case "IFCRELFILLSELEMENT" -> {
                    // IfcRelFillsElement(..., RelatingOpeningElement 4, RelatedBuildingElement 5)
                    StepEntity opening = model.ref(rel, 4);
                    Long voided = opening == null ? null : voidedBy.get(opening.id());
                    from = voided == null ? null : nodes.get(voided);
                    to = nodes.get(refId(rel, 5));
                    if (opening != null) {
                        String openingId = model.text(opening, 0);
                        if (openingId != null) {
                            props.put("opening", new PropertyValue.Text(openingId));
                        }
                    }
                    kind = "fills";
                }
                default -> {
                    // IfcRelConnectsElements(..., ConnectionGeometry 4, RelatingElement 5, RelatedElement 6)
                    from = nodes.get(refId(rel, 5));
                    to = nodes.get(refId(rel, 6));
                    kind = "connects";
                    if (rel.type() == "IFCRELCONNECTSPATHELEMENTS") {
                        // (..., RelatingPriorities 7, RelatedPriorities 8, RelatedConnectionType 9,
                        //  RelatingConnectionType 10)
                        String relating = model.enumName(rel, 10), related = model.enumName(rel, 9);
                        if (relating != null) {
                            props.put("fromEnd", new PropertyValue.Text(relating));
                        }
                        if (related != null) {
                            props.put("toEnd", new PropertyValue.Text(related));
                        }
                    }
                }
            }
            if (from == null || to == null) {
                count(skipped, rel.type());
                accounted.add(rel.id());
                continue;
            }
            props.put("ifc.class", new PropertyValue.Text(rel.type()));
            String globalId = model.text(rel, 0);
            String id = globalId == null ? "ifc-" + rel.id() : globalId.replace('$', '-');
            if (!BuildingObject.isValidId(id)) {
                id = "ifc-" + rel.id();
            }
            addConnection(rel, id, from, to, kind, Properties.of(props), connectionIds);
        }
    }

    /**
     * An IfcRelConnectsElements the exporter wrote (Name = the id of a Pset_ArxosConnection): the connection as
     * recorded, with its kind, ends and properties. False when the relationship is not one, to be mapped as usual.
     */
    private boolean restoreConnection(StepEntity rel, Set<String> connectionIds) throws IfcMappingException {
        String name = model.text(rel, 2);
        ArxosConnection c = name == null ? null : arxosConnections.remove(name);
        if (c == null) {
            return false;
        }
        Node from = restoredNode(c.from());
        Node to = restoredNode(c.to());
        if (from == null || to == null) {
            warnings.add(IfcModel.name(rel) + " (line " + rel.line() + "): " + ARXOS_CONNECTION + " '" + c.id()
                    + "' joins objects that are not in the file; the relationship is mapped from IFC");
            return false;
        }
        addConnection(rel, c.id(), from, to, c.kind(), Properties.of(c.props()), connectionIds);
        return true;
    }

    /** Adds the connection a relationship maps to, under a unique id, counting it against the import limit. */
    private void addConnection(StepEntity rel, String id, Node from, Node to, String kind, Properties properties,
            Set<String> connectionIds) throws IfcMappingException {
        String unique = id;
        for (int n = 2; !connectionIds.add(unique); n++) {
            unique = id + "." + n;
        }
        connections.add(new Connection(unique, from.id, to.id, kind, properties));
        count(mapped, rel.type());
        accounted.add(rel.id());
        long total = byId.size() + connections.size();
        if (total > options.maxObjects()) {
            throw new IfcMappingException(rel.line(), IfcModel.name(rel), "more than " + options.maxObjects()
                    + " objects and connections: the import limit (maxObjects) is " + options.maxObjects());
        }
        options.progress().objectsRead(total);
    }

    private Node portOwner(StepEntity port) {
        if (port == null) {
            return null;
        }
        Long element = portElement.get(port.id());
        return element == null ? null : nodes.get(element);
    }

    private String flow(StepEntity port) throws IfcMappingException {
        // IfcDistributionPort(GlobalId, OwnerHistory, Name, Description, ObjectType, ObjectPlacement,
        //   Representation, FlowDirection 7, ...)
        if (port == null || port.type() != "IFCDISTRIBUTIONPORT" || port.argCount() <= 7) {
            return null;
        }
        return model.enumName(port, 7);
    }

    private void putName(Map<String, PropertyValue> props, String key, StepEntity e) throws IfcMappingException {
        String name = e == null ? null : model.text(e, 2);
        if (name != null && !name.isEmpty()) {
            props.put(key, new PropertyValue.Text(name));
        }
    }

    // ----------------------------------------------------------------------------------------------- result

    private ImportResult emit() throws IfcMappingException {
        List<Change> changes = new ArrayList<>(byId.size() + connections.size());
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            try {
                changes.add(new Change.AddObject(new BuildingObject(n.id, n.type, n.kind,
                        n.parent == null ? null : n.parent.id,
                        n.name == null || (n.name.isEmpty() && !n.restored) ? null : n.name,
                        n.footprint, n.elevation, Properties.of(n.props))));
            } catch (IllegalArgumentException x) {
                throw new IfcMappingException(n.entity == null ? 0 : n.entity.line(),
                        n.entity == null ? null : IfcModel.name(n.entity), x.getMessage());
            }
            for (int i = n.children.size() - 1; i >= 0; i--) {
                todo.push(n.children.get(i));
            }
        }
        for (Connection c : connections) {
            changes.add(new Change.Connect(c));
        }
        report();
        ChangeSet set = new ChangeSet(options.author(), "import " + options.sourceName(), changes);
        return new ImportResult(set, new ImportReport(mapped, kept, skipped, warnings));
    }

    private void report() {
        Map<String, Integer> skippedRelations = new TreeMap<>(skipped);
        for (Map.Entry<String, Integer> s : skippedRelations.entrySet()) {
            if (s.getKey().startsWith("IFCREL")) {
                warnings.add("skipped " + s.getValue() + " " + s.getKey() + ": an end is not a mapped object");
            }
        }
        Map<String, Integer> notUsed = new TreeMap<>();
        for (StepEntity e : model.file().entities()) {
            if (accounted.contains(e.id())) {
                continue;
            }
            if (model.isUsed(e.id())) {
                count(kept, e.type());
            } else {
                count(notUsed, e.type());
            }
        }
        for (Map.Entry<String, Integer> s : notUsed.entrySet()) {
            skipped.merge(s.getKey(), s.getValue(), Integer::sum);
            warnings.add("skipped " + s.getValue() + " " + s.getKey() + ": not mapped");
        }
        if (!arxosConnections.isEmpty()) {
            warnings.add(arxosConnections.size() + " " + ARXOS_CONNECTION + " sets have no IfcRelConnectsElements "
                    + "named by their Id (first: '" + new TreeMap<>(arxosConnections).firstKey()
                    + "'); they are not connections");
        }
        for (String type : shapes.unsupportedItems()) {
            warnings.add("representation items of type " + type + " are not read for footprints");
        }
        for (String type : new LinkedHashSet<>(properties.notRead())) {
            warnings.add("property definitions of type " + type + " are not read");
        }
    }

    private static void count(Map<String, Integer> counts, String type) {
        counts.merge(type, 1, Integer::sum);
    }
}
