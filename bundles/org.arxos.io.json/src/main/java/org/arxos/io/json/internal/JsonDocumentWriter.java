package org.arxos.io.json.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;

import org.arxos.io.json.BuildingJson;
import org.arxos.io.json.ChangeDocument;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.Connection;
import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.arxos.model.geometry.ElevationRange;
import org.arxos.model.geometry.Footprint;
import org.arxos.model.geometry.Polygon;
import org.arxos.model.geometry.Polyline;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes building and change documents: compact, absent values omitted, one element of the top-level arrays a line.
 */
public final class JsonDocumentWriter {

    private final JsonGenerator gen;

    private JsonDocumentWriter(JsonGenerator gen) {
        this.gen = gen;
        gen.setPrettyPrinter(new OneElementPerLine());
    }

    public static void writeBuilding(Revision revision, OutputStream out) throws IOException {
        try (JsonGenerator gen = JsonFormat.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            new JsonDocumentWriter(gen).building(revision);
        }
    }

    public static void writeChanges(ChangeDocument document, OutputStream out) throws IOException {
        try (JsonGenerator gen = JsonFormat.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            new JsonDocumentWriter(gen).changes(document);
        }
    }

    private void building(Revision revision) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("format", BuildingJson.BUILDING_FORMAT);
        gen.writeNumberField("version", BuildingJson.VERSION);
        gen.writeFieldName("building");
        gen.writeStartObject();
        BuildingObject root = revision.root().orElse(null);
        if (root != null) {
            gen.writeStringField("id", root.id());
            stringField("name", root.name());
        }
        gen.writeNumberField("revision", revision.number());
        gen.writeStringField("contentHash", revision.contentHash());
        gen.writeEndObject();

        gen.writeArrayFieldStart("objects");
        Iterator<BuildingObject> objects = revision.objects().iterator();
        while (objects.hasNext()) {
            object(objects.next());
        }
        gen.writeEndArray();

        gen.writeArrayFieldStart("connections");
        Iterator<Connection> connections = revision.connections().iterator();
        while (connections.hasNext()) {
            connection(connections.next());
        }
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeRaw('\n');
    }

    private void changes(ChangeDocument document) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("format", BuildingJson.CHANGES_FORMAT);
        gen.writeNumberField("version", BuildingJson.VERSION);
        stringField("author", emptyToNull(document.changes().author()));
        stringField("message", emptyToNull(document.changes().message()));
        if (document.baseRevision().isPresent()) {
            gen.writeNumberField("baseRevision", document.baseRevision().getAsLong());
        }
        gen.writeArrayFieldStart("changes");
        for (Change change : document.changes().changes()) {
            change(change);
        }
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeRaw('\n');
    }

    private void change(Change change) throws IOException {
        gen.writeStartObject();
        if (change instanceof Change.AddObject add) {
            gen.writeStringField("op", "add");
            gen.writeFieldName("object");
            object(add.object());
        } else if (change instanceof Change.RemoveObject remove) {
            gen.writeStringField("op", "remove");
            gen.writeStringField("id", remove.id());
        } else if (change instanceof Change.MoveObject move) {
            gen.writeStringField("op", "move");
            gen.writeStringField("id", move.id());
            gen.writeStringField("parent", move.newParentId());
        } else if (change instanceof Change.SetProperty set) {
            gen.writeStringField("op", "set");
            gen.writeStringField("id", set.id());
            gen.writeStringField("name", set.name());
            gen.writeFieldName("value");
            value(set.value());
        } else if (change instanceof Change.ClearProperty clear) {
            gen.writeStringField("op", "clear");
            gen.writeStringField("id", clear.id());
            gen.writeStringField("name", clear.name());
        } else if (change instanceof Change.SetGeometry geometry) {
            gen.writeStringField("op", "geometry");
            gen.writeStringField("id", geometry.id());
            footprint(geometry.footprint());
            elevation(geometry.elevation());
        } else if (change instanceof Change.Rename rename) {
            gen.writeStringField("op", "rename");
            gen.writeStringField("id", rename.id());
            stringField("name", rename.name());
        } else if (change instanceof Change.Connect connect) {
            gen.writeStringField("op", "connect");
            gen.writeFieldName("connection");
            connection(connect.connection());
        } else if (change instanceof Change.Disconnect disconnect) {
            gen.writeStringField("op", "disconnect");
            gen.writeStringField("id", disconnect.connectionId());
        } else {
            throw new IllegalArgumentException("unknown change " + change);
        }
        gen.writeEndObject();
    }

    private void object(BuildingObject o) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("id", o.id());
        gen.writeStringField("type", o.type().id());
        gen.writeStringField("kind", o.kind());
        stringField("parent", o.parentId());
        stringField("name", o.name());
        footprint(o.footprint());
        elevation(o.elevation());
        properties(o.properties());
        gen.writeEndObject();
    }

    private void connection(Connection c) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("id", c.id());
        gen.writeStringField("from", c.fromId());
        gen.writeStringField("to", c.toId());
        gen.writeStringField("kind", c.kind());
        properties(c.properties());
        gen.writeEndObject();
    }

    private void footprint(Footprint footprint) throws IOException {
        if (footprint instanceof Bounds b) {
            gen.writeArrayFieldStart("bounds");
            number(b.minX());
            number(b.minY());
            number(b.maxX());
            number(b.maxY());
            gen.writeEndArray();
        } else if (footprint instanceof Polygon p) {
            coordinates("polygon", p.coordinates());
        } else if (footprint instanceof Polyline p) {
            coordinates("polyline", p.coordinates());
        }
    }

    private void coordinates(String field, float[] coordinates) throws IOException {
        gen.writeArrayFieldStart(field);
        for (float c : coordinates) {
            number(c);
        }
        gen.writeEndArray();
    }

    private void elevation(ElevationRange elevation) throws IOException {
        if (elevation != null) {
            gen.writeArrayFieldStart("elevation");
            number(elevation.bottom());
            number(elevation.top());
            gen.writeEndArray();
        }
    }

    private void properties(Properties properties) throws IOException {
        if (properties.isEmpty()) {
            return;
        }
        gen.writeObjectFieldStart("properties");
        for (int i = 0; i < properties.size(); i++) {
            gen.writeFieldName(properties.nameAt(i));
            value(properties.valueAt(i));
        }
        gen.writeEndObject();
    }

    private void value(PropertyValue value) throws IOException {
        gen.writeStartObject();
        if (value instanceof PropertyValue.Text t) {
            gen.writeStringField("text", t.value());
        } else if (value instanceof PropertyValue.Number n) {
            gen.writeFieldName("number");
            number(n.value());
            stringField("unit", n.unit());
        } else if (value instanceof PropertyValue.Flag f) {
            gen.writeBooleanField("flag", f.value());
        }
        gen.writeEndObject();
    }

    // Whole numbers are written without ".0": shorter, and read back exactly. -0 keeps its sign (it hashes differently).
    private void number(float f) throws IOException {
        if (f == (int) f && Math.abs(f) < 1 << 24 && Float.floatToRawIntBits(f) != Float.floatToRawIntBits(-0f)) {
            gen.writeNumber((int) f);
        } else {
            gen.writeNumber(f);
        }
    }

    private void number(double d) throws IOException {
        if (d == (long) d && Math.abs(d) < 1L << 53 && Double.doubleToRawLongBits(d) != Double.doubleToRawLongBits(-0d)) {
            gen.writeNumber((long) d);
        } else {
            gen.writeNumber(d);
        }
    }

    private void stringField(String name, String value) throws IOException {
        if (value != null) {
            gen.writeStringField(name, value);
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
