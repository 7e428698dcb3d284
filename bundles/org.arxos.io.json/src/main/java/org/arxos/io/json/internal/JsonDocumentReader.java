package org.arxos.io.json.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.arxos.api.io.ImportException;
import org.arxos.api.io.ImportOptions;
import org.arxos.api.io.ImportReport;
import org.arxos.api.io.ImportResult;
import org.arxos.io.json.BuildingJson;
import org.arxos.io.json.ChangeDocument;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;
import org.arxos.model.geometry.Bounds;
import org.arxos.model.geometry.ElevationRange;
import org.arxos.model.geometry.Footprint;
import org.arxos.model.geometry.Polygon;
import org.arxos.model.geometry.Polyline;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;

/**
 * Reads one building or change document token by token. Strict: an unknown field, a field given twice or a value of
 * the wrong kind stops the read with an {@link ImportException} that names the source, line, field path and column.
 * Not thread safe: one reader per document.
 */
public final class JsonDocumentReader {

    // Repeated values (kinds, units, elevation ranges, property values and whole property sets) share one instance:
    // a million objects repeat a few thousand of them, and sharing is what keeps a loaded building small.
    private static final int MAX_SHARED_VALUES = 65_536;

    private final JsonParser p;
    private final String source;
    private final Map<Object, Object> sharedValues = new HashMap<>();
    // While reading a building: every object id read so far -> its one instance, so that a child's parent id, and a
    // connection's ends, are the parent's own string (one string per id for a million objects, and no second object
    // built just to swap the string).
    private Map<String, String> knownIds;

    // Where the reader is, for error messages: section[index].field
    private String section;
    private long index = -1;

    public JsonDocumentReader(InputStream in, String source) throws IOException {
        this.p = JsonFormat.FACTORY.createParser(in);
        this.source = source == null || source.isEmpty() ? "input" : source;
    }

    public ImportResult readBuilding(ImportOptions options) throws ImportException, IOException {
        try (p) {
            return building(options);
        } catch (StreamReadException e) {
            throw syntaxError(e);
        }
    }

    public ChangeDocument readChanges(long maxChanges) throws ImportException, IOException {
        try (p) {
            return changes(maxChanges);
        } catch (StreamReadException e) {
            throw syntaxError(e);
        }
    }

    // ---------------------------------------------------------------------------------------------- documents

    private ImportResult building(ImportOptions options) throws ImportException, IOException {
        header(BuildingJson.BUILDING_FORMAT);
        String fileId = null;
        String buildingId = null;
        List<Change> changes = new ArrayList<>();
        int[] typeCounts = new int[ObjectType.values().length];
        int connectionCount = 0;
        boolean objectsRead = false;
        boolean connectionsRead = false;
        while (nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            switch (field) {
                case "building" -> {
                    if (fileId != null) {
                        throw error(field, "given twice");
                    }
                    nextToken();
                    fileId = buildingHeader();
                    buildingId = options.buildingId() != null ? options.buildingId() : fileId;
                }
                case "objects" -> {
                    if (fileId == null) {
                        throw error(field, "the building header must come before the objects");
                    }
                    if (objectsRead) {
                        throw error(field, "given twice");
                    }
                    objectsRead = true;
                    knownIds = new HashMap<>();
                    section = field;
                    expect(nextToken(), JsonToken.START_ARRAY, "", "an array of objects");
                    while (nextToken() != JsonToken.END_ARRAY) {
                        index++;
                        if (changes.size() >= options.maxObjects()) {
                            throw error("", "more than " + options.maxObjects()
                                    + " objects and connections: the import limit (maxObjects) is "
                                    + options.maxObjects());
                        }
                        BuildingObject o = placed(object(""), fileId, buildingId);
                        typeCounts[o.type().ordinal()]++;
                        changes.add(new Change.AddObject(o));
                        reportProgress(options, changes.size());
                    }
                    section = null;
                    index = -1;
                    if (knownIds.isEmpty()) {
                        throw error(field, "a building needs at least the building object");
                    }
                }
                case "connections" -> {
                    if (!objectsRead) {
                        throw error(field, "the objects must come before the connections");
                    }
                    if (connectionsRead) {
                        throw error(field, "given twice");
                    }
                    connectionsRead = true;
                    section = field;
                    expect(nextToken(), JsonToken.START_ARRAY, "", "an array of connections");
                    while (nextToken() != JsonToken.END_ARRAY) {
                        index++;
                        if (changes.size() >= options.maxObjects()) {
                            throw error("", "more than " + options.maxObjects()
                                    + " objects and connections: the import limit (maxObjects) is "
                                    + options.maxObjects());
                        }
                        changes.add(new Change.Connect(linked(connection(""), fileId, buildingId)));
                        connectionCount++;
                        reportProgress(options, changes.size());
                    }
                    section = null;
                    index = -1;
                }
                default -> throw error(field, "unknown field '" + field
                        + "'; a building document has format, version, building, objects and connections");
            }
        }
        if (!objectsRead) {
            throw error("objects", "missing: a building document needs an objects array");
        }
        end();
        Map<String, Integer> mapped = new LinkedHashMap<>();
        for (ObjectType type : ObjectType.values()) {
            if (typeCounts[type.ordinal()] > 0) {
                mapped.put(type.id(), typeCounts[type.ordinal()]);
            }
        }
        if (connectionCount > 0) {
            mapped.put("connection", connectionCount);
        }
        options.progress().objectsRead(changes.size());
        ChangeSet content = new ChangeSet(options.author(), "import " + source, changes);
        return new ImportResult(content, new ImportReport(mapped, Map.of(), Map.of(), List.of()));
    }

    /** Checks an object's place in the file: ids unique, the building first, every parent before its children. */
    private BuildingObject placed(BuildingObject o, String fileId, String buildingId) throws ImportException {
        boolean renamed = !fileId.equals(buildingId);
        if (renamed && o.id().equals(fileId)) {
            o = new BuildingObject(buildingId, o.type(), o.kind(), o.parentId(), o.name(), o.footprint(),
                    o.elevation(), o.properties());
        }
        if (knownIds.isEmpty()) {
            if (o.type() != ObjectType.BUILDING || !o.id().equals(buildingId) || o.parentId() != null) {
                throw error("", "the first object must be the building '" + fileId
                        + "' itself, without a parent; found " + o.type().id() + " '" + o.id() + "'");
            }
        } else {
            String parentId = o.parentId();
            if (parentId == null) {
                throw error("parent", "missing: only the building has no parent");
            }
            if (renamed && parentId.equals(fileId)) {
                o = o.withParent(buildingId);
            } else if (!knownIds.containsKey(parentId)) {
                throw error("parent", "'" + parentId + "' is not an object before this one (parents come first)");
            }
        }
        if (knownIds.putIfAbsent(o.id(), o.id()) != null) {
            throw error("id", "duplicate object id '" + o.id() + "'");
        }
        return o;
    }

    private Connection linked(Connection c, String fileId, String buildingId) throws ImportException {
        if (!knownIds.containsKey(c.fromId()) && !c.fromId().equals(fileId)) {
            throw error("from", "no object '" + c.fromId() + "' in this building");
        }
        if (!knownIds.containsKey(c.toId()) && !c.toId().equals(fileId)) {
            throw error("to", "no object '" + c.toId() + "' in this building");
        }
        if (!fileId.equals(buildingId) && (c.fromId().equals(fileId) || c.toId().equals(fileId))) {
            return new Connection(c.id(), c.fromId().equals(fileId) ? buildingId : c.fromId(),
                    c.toId().equals(fileId) ? buildingId : c.toId(), c.kind(), c.properties());
        }
        return c;
    }

    /** The instance already read for this id, when reading a building; the id itself otherwise. */
    private String knownId(String id) {
        if (knownIds == null || id == null) {
            return id;
        }
        String known = knownIds.get(id);
        return known != null ? known : id;
    }

    private String buildingHeader() throws ImportException, IOException {
        section = null;
        expect(p.currentToken(), JsonToken.START_OBJECT, "building", "an object");
        String id = null;
        while (nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            nextToken();
            switch (field) {
                case "id" -> id = text("building.id", false);
                // Informative only: the content defines the name, and the repository numbers revisions.
                case "name" -> text("building.name", true);
                case "revision" -> longValue("building.revision");
                case "contentHash" -> text("building.contentHash", true);
                default -> throw error("building." + field, "unknown field '" + field
                        + "'; the building header has id, name, revision and contentHash");
            }
        }
        if (id == null) {
            throw error("building.id", "missing");
        }
        return id;
    }

    private ChangeDocument changes(long maxChanges) throws ImportException, IOException {
        header(BuildingJson.CHANGES_FORMAT);
        String author = null;
        String message = null;
        OptionalLong base = OptionalLong.empty();
        List<Change> changes = null;
        while (nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            nextToken();
            switch (field) {
                case "author" -> author = text(field, true);
                case "message" -> message = text(field, true);
                case "baseRevision" -> base = OptionalLong.of(longValue(field));
                case "changes" -> {
                    if (changes != null) {
                        throw error(field, "given twice");
                    }
                    changes = new ArrayList<>();
                    section = field;
                    expect(p.currentToken(), JsonToken.START_ARRAY, "", "an array of changes");
                    while (nextToken() != JsonToken.END_ARRAY) {
                        index++;
                        if (index >= maxChanges) {
                            throw error("", "more than " + maxChanges + " changes: the limit is " + maxChanges);
                        }
                        changes.add(change());
                    }
                    section = null;
                    index = -1;
                }
                default -> throw error(field, "unknown field '" + field
                        + "'; a change document has format, version, author, message, baseRevision and changes");
            }
        }
        if (changes == null) {
            throw error("changes", "missing: a change document needs a changes array");
        }
        end();
        return new ChangeDocument(new ChangeSet(author, message, changes), base);
    }

    private void header(String format) throws ImportException, IOException {
        JsonToken first = nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw error(null, "not a JSON object; an Arxos document starts with {\"format\":\"" + format + "\"");
        }
        if (nextToken() != JsonToken.FIELD_NAME || !"format".equals(p.currentName())) {
            throw error("format", "missing: an Arxos document starts with {\"format\":\"" + format + "\"");
        }
        nextToken();
        String actual = text("format", false);
        if (!format.equals(actual)) {
            throw error("format", "is '" + actual + "', expected '" + format + "'");
        }
        if (nextToken() != JsonToken.FIELD_NAME || !"version".equals(p.currentName())) {
            throw error("version", "missing: the format is followed by the version");
        }
        nextToken();
        long version = longValue("version");
        if (version != BuildingJson.VERSION) {
            throw error("version", "unsupported version " + version + "; this reader reads version "
                    + BuildingJson.VERSION);
        }
    }

    private void end() throws ImportException, IOException {
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw error(null, "expected the end of the document");
        }
        if (nextToken() != null) {
            throw error(null, "unexpected content after the end of the document");
        }
    }

    // ---------------------------------------------------------------------------------------------- elements

    private static final Set<String> OPS = Set.of("add", "remove", "move", "set", "clear", "geometry", "rename",
            "connect", "disconnect");

    private static final int OP = 1, ID = 2, PARENT = 4, NAME = 8, VALUE = 16, OBJECT = 32, CONNECTION = 64,
            FOOTPRINT = 128, ELEVATION = 256;

    private Change change() throws ImportException, IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT, "", "a change object");
        String op = null;
        String id = null;
        String parent = null;
        String name = null;
        PropertyValue value = null;
        BuildingObject object = null;
        Connection connection = null;
        Footprint footprint = null;
        ElevationRange elevation = null;
        int seen = 0;
        while (nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            nextToken();
            int bit = switch (field) {
                case "op" -> {
                    op = text(field, false);
                    if (!OPS.contains(op)) {
                        throw error("op", "unknown op '" + op
                                + "'; ops are add, remove, move, set, clear, geometry, rename, connect and disconnect");
                    }
                    yield OP;
                }
                case "id" -> {
                    id = text(field, false);
                    yield ID;
                }
                case "parent" -> {
                    parent = text(field, false);
                    yield PARENT;
                }
                case "name" -> {
                    name = text(field, true);
                    yield NAME;
                }
                case "value" -> {
                    value = value(field);
                    yield VALUE;
                }
                case "object" -> {
                    object = object("object.");
                    yield OBJECT;
                }
                case "connection" -> {
                    connection = connection("connection.");
                    yield CONNECTION;
                }
                case "bounds", "polygon", "polyline" -> {
                    if ((seen & FOOTPRINT) != 0) {
                        throw error(field, "a change has one of bounds, polygon or polyline");
                    }
                    footprint = footprint(field);
                    yield FOOTPRINT;
                }
                case "elevation" -> {
                    elevation = elevation(field);
                    yield ELEVATION;
                }
                default -> throw error(field, "unknown field '" + field + "' in a change");
            };
            if ((seen & bit) != 0) {
                throw error(field, "given twice");
            }
            seen |= bit;
        }
        if (op == null) {
            throw error("op", "missing: every change has an op");
        }
        return switch (op) {
            case "add" -> {
                fields(op, seen, OP | OBJECT, OP | OBJECT);
                yield new Change.AddObject(object);
            }
            case "remove" -> {
                fields(op, seen, OP | ID, OP | ID);
                yield new Change.RemoveObject(id);
            }
            case "move" -> {
                fields(op, seen, OP | ID | PARENT, OP | ID | PARENT);
                yield new Change.MoveObject(id, parent);
            }
            case "set" -> {
                fields(op, seen, OP | ID | NAME | VALUE, OP | ID | NAME | VALUE);
                if (name == null) {
                    throw error("name", "a property name is required");
                }
                yield new Change.SetProperty(id, name, value);
            }
            case "clear" -> {
                fields(op, seen, OP | ID | NAME, OP | ID | NAME);
                if (name == null) {
                    throw error("name", "a property name is required");
                }
                yield new Change.ClearProperty(id, name);
            }
            case "geometry" -> {
                fields(op, seen, OP | ID, OP | ID | FOOTPRINT | ELEVATION);
                yield new Change.SetGeometry(id, footprint, elevation);
            }
            case "rename" -> {
                fields(op, seen, OP | ID, OP | ID | NAME);
                yield new Change.Rename(id, name);
            }
            case "connect" -> {
                fields(op, seen, OP | CONNECTION, OP | CONNECTION);
                yield new Change.Connect(connection);
            }
            case "disconnect" -> {
                fields(op, seen, OP | ID, OP | ID);
                yield new Change.Disconnect(id);
            }
            default -> throw new IllegalStateException("op checked when read: " + op);
        };
    }

    private static final String[] FIELD_NAMES = {"op", "id", "parent", "name", "value", "object", "connection",
            "bounds/polygon/polyline", "elevation"};

    private void fields(String op, int seen, int required, int allowed) throws ImportException {
        for (int i = 0; i < FIELD_NAMES.length; i++) {
            int bit = 1 << i;
            if ((required & bit) != 0 && (seen & bit) == 0) {
                throw error(FIELD_NAMES[i], "missing: a '" + op + "' change needs it");
            }
            if ((allowed & bit) == 0 && (seen & bit) != 0) {
                throw error(FIELD_NAMES[i], "does not belong to a '" + op + "' change");
            }
        }
    }

    private static final int O_ID = 1, O_TYPE = 2, O_KIND = 4, O_PARENT = 8, O_NAME = 16, O_FOOTPRINT = 32,
            O_ELEVATION = 64, O_PROPERTIES = 128;

    /** @param prefix the field path of the object inside its element, "" or "object." */
    private BuildingObject object(String prefix) throws ImportException, IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT, prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1),
                "an object");
        String id = null;
        ObjectType type = null;
        String kind = null;
        String parent = null;
        String name = null;
        Footprint footprint = null;
        ElevationRange elevation = null;
        Properties properties = Properties.EMPTY;
        int seen = 0;
        while (nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            String path = prefix + field;
            nextToken();
            int bit = switch (field) {
                case "id" -> {
                    id = text(path, false);
                    yield O_ID;
                }
                case "type" -> {
                    String text = text(path, false);
                    try {
                        type = ObjectType.of(text);
                    } catch (IllegalArgumentException e) {
                        throw error(path, "unknown object type '" + text
                                + "'; types are building, floor, zone, space, system and component");
                    }
                    yield O_TYPE;
                }
                case "kind" -> {
                    kind = shared(text(path, false));
                    yield O_KIND;
                }
                case "parent" -> {
                    parent = knownId(text(path, true));
                    yield O_PARENT;
                }
                case "name" -> {
                    name = text(path, true);
                    yield O_NAME;
                }
                case "bounds", "polygon", "polyline" -> {
                    if ((seen & O_FOOTPRINT) != 0) {
                        throw error(path, "an object has one of bounds, polygon or polyline");
                    }
                    footprint = footprint(path);
                    yield O_FOOTPRINT;
                }
                case "elevation" -> {
                    elevation = elevation(path);
                    yield O_ELEVATION;
                }
                case "properties" -> {
                    properties = properties(path);
                    yield O_PROPERTIES;
                }
                default -> throw error(path, "unknown field '" + field
                        + "'; an object has id, type, kind, parent, name, bounds|polygon|polyline, elevation and properties");
            };
            if ((seen & bit) != 0) {
                throw error(path, "given twice");
            }
            seen |= bit;
        }
        if (id == null) {
            throw error(prefix + "id", "missing");
        }
        if (type == null) {
            throw error(prefix + "type", "missing");
        }
        if (kind == null) {
            throw error(prefix + "kind", "missing");
        }
        try {
            return new BuildingObject(id, type, kind, parent, name, footprint, elevation, properties);
        } catch (IllegalArgumentException e) {
            throw error(prefix + "id", e.getMessage());
        }
    }

    private Connection connection(String prefix) throws ImportException, IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT, prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1),
                "a connection object");
        String id = null;
        String from = null;
        String to = null;
        String kind = null;
        Properties properties = Properties.EMPTY;
        int seen = 0;
        while (nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            String path = prefix + field;
            nextToken();
            int bit = switch (field) {
                case "id" -> {
                    id = text(path, false);
                    yield 1;
                }
                case "from" -> {
                    from = knownId(text(path, false));
                    yield 2;
                }
                case "to" -> {
                    to = knownId(text(path, false));
                    yield 4;
                }
                case "kind" -> {
                    kind = shared(text(path, false));
                    yield 8;
                }
                case "properties" -> {
                    properties = properties(path);
                    yield 16;
                }
                default -> throw error(path, "unknown field '" + field
                        + "'; a connection has id, from, to, kind and properties");
            };
            if ((seen & bit) != 0) {
                throw error(path, "given twice");
            }
            seen |= bit;
        }
        String[] required = {"id", "from", "to", "kind"};
        for (int i = 0; i < required.length; i++) {
            if ((seen & (1 << i)) == 0) {
                throw error(prefix + required[i], "missing");
            }
        }
        try {
            return new Connection(id, from, to, kind, properties);
        } catch (IllegalArgumentException e) {
            throw error(prefix + "id", e.getMessage());
        }
    }

    private Footprint footprint(String path) throws ImportException, IOException {
        String field = path.substring(path.lastIndexOf('.') + 1);
        float[] c = numbers(path);
        try {
            return switch (field) {
                case "bounds" -> {
                    if (c.length != 4) {
                        throw error(path, "bounds are 4 numbers [minX,minY,maxX,maxY], got " + c.length);
                    }
                    yield new Bounds(c[0], c[1], c[2], c[3]);
                }
                case "polygon" -> new Polygon(c);
                default -> new Polyline(c);
            };
        } catch (IllegalArgumentException e) {
            throw error(path, e.getMessage());
        }
    }

    private ElevationRange elevation(String path) throws ImportException, IOException {
        float[] e = numbers(path);
        if (e.length != 2) {
            throw error(path, "an elevation is 2 numbers [bottom,top], got " + e.length);
        }
        try {
            return shared(new ElevationRange(e[0], e[1]));
        } catch (IllegalArgumentException ex) {
            throw error(path, ex.getMessage());
        }
    }

    private Properties properties(String path) throws ImportException, IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT, path, "an object of named values");
        Properties properties = Properties.EMPTY;
        while (nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            nextToken();
            if (name.isEmpty()) {
                throw error(path, "a property name must not be empty");
            }
            if (properties.contains(name)) {
                throw error(path + "." + name, "given twice");
            }
            properties = properties.with(name, value(path + "." + name));
        }
        return shared(properties);
    }

    private PropertyValue value(String path) throws ImportException, IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT, path, "{\"text\":...}, {\"number\":...} or {\"flag\":...}");
        String text = null;
        Double number = null;
        String unit = null;
        Boolean flag = null;
        int kinds = 0;
        while (nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            nextToken();
            switch (field) {
                case "text" -> {
                    text = text(path + ".text", false);
                    kinds++;
                }
                case "number" -> {
                    number = doubleValue(path + ".number");
                    kinds++;
                }
                case "unit" -> unit = shared(text(path + ".unit", true));
                case "flag" -> {
                    if (!p.currentToken().isBoolean()) {
                        throw error(path + ".flag", "expected true or false");
                    }
                    flag = p.getBooleanValue();
                    kinds++;
                }
                default -> throw error(path + "." + field, "unknown field '" + field
                        + "'; a value is {\"text\":...}, {\"number\":...,\"unit\":...} or {\"flag\":...}");
            }
        }
        if (kinds != 1) {
            throw error(path, "a value has exactly one of text, number or flag");
        }
        if (unit != null && number == null) {
            throw error(path + ".unit", "only a number has a unit");
        }
        try {
            if (text != null) {
                return shared(new PropertyValue.Text(text));
            }
            if (number != null) {
                return shared(new PropertyValue.Number(number, unit));
            }
            return shared(new PropertyValue.Flag(flag));
        } catch (IllegalArgumentException e) {
            throw error(path, e.getMessage());
        }
    }

    // ---------------------------------------------------------------------------------------------- scalars

    private String text(String path, boolean nullable) throws ImportException, IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL && nullable) {
            return null;
        }
        throw error(path, "expected a string" + (nullable ? " or null" : "") + ", found " + describe(t));
    }

    private long longValue(String path) throws ImportException, IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw error(path, "expected a whole number, found " + describe(p.currentToken()));
        }
        try {
            return p.getLongValue();
        } catch (StreamReadException e) {
            throw error(path, "number out of range");
        }
    }

    private double doubleValue(String path) throws ImportException, IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw error(path, "expected a number, found " + describe(t));
        }
        return p.getDoubleValue();
    }

    private float[] numbers(String path) throws ImportException, IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY, path, "an array of numbers");
        float[] values = new float[8];
        int n = 0;
        JsonToken t;
        while ((t = nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw error(path + "[" + n + "]", "expected a number, found " + describe(t));
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = p.getFloatValue();
        }
        return Arrays.copyOf(values, n);
    }

    private static void reportProgress(ImportOptions options, int read) {
        // Every 4096 items: often enough for a progress bar, rare enough to cost nothing.
        if ((read & 4095) == 0) {
            options.progress().objectsRead(read);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T shared(T value) {
        if (value == null) {
            return null;
        }
        Object existing = sharedValues.get(value);
        if (existing != null) {
            return (T) existing;
        }
        if (sharedValues.size() < MAX_SHARED_VALUES) {
            sharedValues.put(value, value);
        }
        return value;
    }

    // ---------------------------------------------------------------------------------------------- tokens and errors

    private JsonToken nextToken() throws IOException {
        return p.nextToken();
    }

    private void expect(JsonToken actual, JsonToken expected, String path, String what) throws ImportException {
        if (actual != expected) {
            throw error(path, "expected " + what + ", found " + describe(actual));
        }
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the input";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case FIELD_NAME -> "a field name";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }

    /** @param field the field path inside the current element, "" for the element itself, null for the document */
    private ImportException error(String field, String problem) {
        JsonLocation at = p.currentTokenLocation();
        return new ImportException(source, Math.max(0, at.getLineNr()), path(field),
                problem + " (column " + at.getColumnNr() + ")");
    }

    private String path(String field) {
        if (section == null) {
            return field;
        }
        String element = section + "[" + index + "]";
        return field == null || field.isEmpty() ? element : element + "." + field;
    }

    private ImportException syntaxError(StreamReadException e) {
        JsonLocation at = e.getLocation();
        long line = at == null ? 0 : Math.max(0, at.getLineNr());
        String column = at == null ? "" : " (column " + at.getColumnNr() + ")";
        return new ImportException(source, line, path(null), "malformed JSON: " + e.getOriginalMessage() + column);
    }
}
