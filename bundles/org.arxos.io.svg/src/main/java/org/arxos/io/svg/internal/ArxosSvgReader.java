package org.arxos.io.svg.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.arxos.api.io.ImportException;
import org.arxos.api.io.ImportOptions;
import org.arxos.api.io.ImportReport;
import org.arxos.api.io.ImportResult;
import org.arxos.io.svg.SvgLimits;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.arxos.model.geometry.Bounds;
import org.arxos.model.geometry.ElevationRange;
import org.arxos.model.geometry.Footprint;
import org.arxos.model.geometry.Polygon;
import org.arxos.model.geometry.Polyline;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.ext.DefaultHandler2;

/**
 * Reads an Arxos SVG ({@code data-arxos-format="1"}) back exactly, with the secured SAX parser: objects from the
 * {@code data-arxos-*} attributes of their {@code g}, footprints from the {@code arxos-footprint} shape that is the
 * group's first child, connections from {@code data-arxos-connection} elements. Transforms are not applied: the
 * coordinates are already floor coordinates in metres.
 */
final class ArxosSvgReader extends DefaultHandler2 {

    private final ImportOptions options;
    private final String source;
    private final List<Change> changes = new ArrayList<>();
    private final Map<String, Integer> mapped = new TreeMap<>();
    private final Map<String, String> renamed = new HashMap<>();
    private Locator locator;
    private long count;
    /** The object whose group is open and whose footprint may still follow. */
    private BuildingObject pending;
    private int pendingDepth = -1;
    private int depth;

    private ArxosSvgReader(ImportOptions options) {
        this.options = options;
        this.source = options.sourceName() == null || options.sourceName().isEmpty() ? "input" : options.sourceName();
    }

    static ImportResult read(byte[] content, ImportOptions options, SvgLimits limits)
            throws ImportException, IOException {
        ArxosSvgReader reader = new ArxosSvgReader(options);
        SecureXml.parse(content, reader.source, reader, limits);
        if (reader.changes.isEmpty()) {
            throw new ImportException(reader.source, 0, null, "an Arxos SVG without a building object");
        }
        return new ImportResult(new ChangeSet(options.author(), "import " + reader.source, reader.changes),
                new ImportReport(reader.mapped, Map.of(), Map.of(), List.of()));
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes a) throws SAXException {
        depth++;
        try {
            if (a.getValue("data-arxos-type") != null) {
                flush();
                pending = object(a);
                pendingDepth = depth;
                count(localName);
            } else if (a.getValue("data-arxos-connection") != null) {
                flush();
                changes.add(new Change.Connect(connection(a)));
                count(localName);
            } else if (pending != null && depth == pendingDepth + 1 && hasClass(a, "arxos-footprint")) {
                pending = pending.withGeometry(footprint(localName, a), pending.elevation());
            }
        } catch (IllegalArgumentException | IOException e) {
            throw new SecureXml.Refusal(locator.getLineNumber(), qName, e.getMessage());
        }
    }

    @Override
    public void endDocument() throws SAXException {
        flush();
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        if (depth == pendingDepth) {
            flush();
        }
        depth--;
    }

    private void flush() throws SecureXml.Refusal {
        if (pending != null) {
            changes.add(new Change.AddObject(pending));
            pending = null;
            pendingDepth = -1;
        }
    }

    private void count(String element) throws SecureXml.Refusal {
        if (++count > options.maxObjects()) {
            throw new SecureXml.Refusal(locator.getLineNumber(), element, "more than " + options.maxObjects()
                    + " objects: the import limit (maxObjects) is " + options.maxObjects());
        }
        mapped.merge(element, 1, Integer::sum);
        options.progress().objectsRead(count);
    }

    private BuildingObject object(Attributes a) throws IOException {
        ObjectType type = ObjectType.of(required(a, "data-arxos-type"));
        String id = required(a, "id");
        String parent = text(a, "data-arxos-parent");
        if (type == ObjectType.BUILDING && options.buildingId() != null) {
            renamed.put(id, options.buildingId());
            id = options.buildingId();
        }
        if (parent != null) {
            parent = renamed.getOrDefault(parent, parent);
        }
        String elevation = a.getValue("data-arxos-elevation");
        ElevationRange range = null;
        if (elevation != null) {
            float[] v = floats(elevation, "data-arxos-elevation");
            if (v.length != 2) {
                throw new IllegalArgumentException("data-arxos-elevation needs two numbers: bottom top");
            }
            range = new ElevationRange(v[0], v[1]);
        }
        String props = text(a, "data-arxos-properties");
        Properties properties = props == null ? Properties.EMPTY : PropertyJson.read(props);
        return new BuildingObject(id, type, required(a, "data-arxos-kind"), parent, text(a, "data-arxos-name"), null,
                range, properties);
    }

    private Connection connection(Attributes a) throws IOException {
        String props = text(a, "data-arxos-properties");
        return new Connection(required(a, "data-arxos-connection"),
                renamed.getOrDefault(required(a, "data-arxos-from"), a.getValue("data-arxos-from")),
                renamed.getOrDefault(required(a, "data-arxos-to"), a.getValue("data-arxos-to")),
                required(a, "data-arxos-kind"), props == null ? Properties.EMPTY : PropertyJson.read(props));
    }

    private static Footprint footprint(String element, Attributes a) {
        switch (element) {
            case "polygon" -> {
                return new Polygon(floats(a.getValue("points"), "points"));
            }
            case "polyline" -> {
                return new Polyline(floats(a.getValue("points"), "points"));
            }
            case "rect" -> {
                float[] b = floats(a.getValue("data-arxos-bounds"), "data-arxos-bounds");
                if (b.length != 4) {
                    throw new IllegalArgumentException("data-arxos-bounds needs four numbers: minX minY maxX maxY");
                }
                return new Bounds(b[0], b[1], b[2], b[3]);
            }
            default -> throw new IllegalArgumentException("a footprint must be a polygon, polyline or rect, not "
                    + element);
        }
    }

    private static float[] floats(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        String[] parts = text.trim().split("[\\s,]+");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Float.parseFloat(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + ": '" + parts[i] + "' is not a number");
            }
            if (!Float.isFinite(out[i])) {
                throw new IllegalArgumentException(what + ": '" + parts[i] + "' is not a finite number");
            }
        }
        return out;
    }

    private static boolean hasClass(Attributes a, String token) {
        String c = a.getValue("class");
        return c != null && (" " + c + " ").contains(" " + token + " ");
    }

    private static String required(Attributes a, String name) throws IOException {
        String v = text(a, name);
        if (v == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return v;
    }

    /** The attribute, or its JSON-encoded {@code -json} twin for values XML cannot carry. */
    private static String text(Attributes a, String name) throws IOException {
        String v = a.getValue(name);
        if (v != null) {
            return v;
        }
        String json = a.getValue(name + "-json");
        return json == null ? null : PropertyJson.readString(json);
    }
}
