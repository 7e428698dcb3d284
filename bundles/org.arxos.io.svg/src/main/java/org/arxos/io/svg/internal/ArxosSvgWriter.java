package org.arxos.io.svg.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;

import org.arxos.model.BuildingObject;
import org.arxos.model.Connection;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.arxos.model.geometry.Footprint;
import org.arxos.model.geometry.Polygon;
import org.arxos.model.geometry.Polyline;

/**
 * Writes a revision, or the subtree of one floor or zone, as an Arxos SVG ({@code data-arxos-format="1"}): one
 * {@code g} per object nested as the tree is, footprints in metres with y up, every value re-import needs in
 * {@code data-arxos-*} attributes. Streams; the caller owns the stream.
 */
public final class ArxosSvgWriter {

    public static final String FORMAT = "1";
    private static final String STYLE = ".arxos-footprint{fill:none;stroke:#333;stroke-width:0.02}"
            + ".arxos-space>.arxos-footprint{fill:#eef3fb;stroke:#4a6da7;stroke-width:0.04}"
            + ".arxos-floor>.arxos-footprint,.arxos-zone>.arxos-footprint{stroke:#999;stroke-dasharray:0.2 0.1}"
            + ".arxos-connection{stroke:#c60;stroke-width:0.02}";

    private final Writer w;

    private ArxosSvgWriter(OutputStream out) {
        this.w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * @param rootId the object whose subtree to write with its ancestors (a floor or a zone), or {@code null} for the
     *               whole building
     * @throws NoSuchElementException when the revision has no such object
     */
    public static void write(Revision revision, String rootId, OutputStream out) throws IOException {
        BuildingObject building = revision.root().orElseThrow(() -> new IOException("the revision has no building"));
        BuildingObject top = rootId == null ? building : revision.get(rootId);
        new ArxosSvgWriter(out).document(revision, building, top);
    }

    private void document(Revision revision, BuildingObject building, BuildingObject top) throws IOException {
        Bounds extent = extent(revision, top);
        float minX = extent == null ? 0 : extent.minX();
        float maxY = extent == null ? 1 : extent.maxY();
        float width = extent == null ? 1 : Math.max(extent.width(), 1e-3f);
        float height = extent == null ? 1 : Math.max(extent.height(), 1e-3f);
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.write("<svg xmlns=\"http://www.w3.org/2000/svg\" data-arxos-format=\"" + FORMAT
                + "\" data-arxos-units=\"m\" data-arxos-y=\"up\"");
        // One metre is 50 px on screen; the view box is in metres, y flipped by the content group's transform.
        w.write(" width=\"" + num(width * 50) + "\" height=\"" + num(height * 50) + "\" viewBox=\"" + num(minX) + " "
                + num(-maxY) + " " + num(width) + " " + num(height) + "\"");
        attr("data-arxos-root", top.id());
        w.write(">\n<style>" + STYLE + "</style>\n<g transform=\"scale(1,-1)\">\n");
        // The ancestors of a floor or zone, so that re-import rebuilds the same parents.
        List<BuildingObject> chain = new java.util.ArrayList<>();
        for (BuildingObject o = top; o.parentId() != null; o = revision.get(o.parentId())) {
            chain.add(0, revision.get(o.parentId()));
        }
        for (BuildingObject ancestor : chain) {
            open(ancestor);
        }
        Set<String> written = new HashSet<>();
        subtree(revision, top, written);
        for (int i = chain.size() - 1; i >= 0; i--) {
            w.write("</g>\n");
        }
        for (BuildingObject ancestor : chain) {
            written.add(ancestor.id());
        }
        w.write("<g class=\"arxos-connections\">\n");
        for (Connection c : (Iterable<Connection>) revision.connections()::iterator) {
            if (written.contains(c.fromId()) && written.contains(c.toId())) {
                connection(revision, c);
            }
        }
        w.write("</g>\n</g>\n</svg>\n");
        w.flush();
    }

    private void subtree(Revision revision, BuildingObject top, Set<String> written) throws IOException {
        // Iterative depth-first walk: trees can be deep and wide, and the writer must not recurse per object.
        record Frame(BuildingObject object, List<BuildingObject> children, int next) {
        }
        java.util.ArrayDeque<Frame> stack = new java.util.ArrayDeque<>();
        open(top);
        written.add(top.id());
        stack.push(new Frame(top, revision.children(top.id()), 0));
        while (!stack.isEmpty()) {
            Frame f = stack.pop();
            if (f.next() < f.children().size()) {
                stack.push(new Frame(f.object(), f.children(), f.next() + 1));
                BuildingObject child = f.children().get(f.next());
                open(child);
                written.add(child.id());
                stack.push(new Frame(child, revision.children(child.id()), 0));
            } else {
                w.write("</g>\n");
            }
        }
    }

    private void open(BuildingObject o) throws IOException {
        w.write("<g");
        attr("id", o.id());
        w.write(" class=\"arxos-" + o.type().id() + " kind-" + classToken(o.kind()) + "\"");
        attr("data-arxos-type", o.type().id());
        attr("data-arxos-kind", o.kind());
        if (o.parentId() != null) {
            attr("data-arxos-parent", o.parentId());
        }
        if (o.name() != null) {
            attr("data-arxos-name", o.name());
        }
        if (o.elevation() != null) {
            w.write(" data-arxos-elevation=\"" + num(o.elevation().bottom()) + " " + num(o.elevation().top()) + "\"");
        }
        if (!o.properties().isEmpty()) {
            attr("data-arxos-properties", PropertyJson.write(o.properties()));
        }
        w.write(">");
        footprint(o.footprint());
        w.write("\n");
    }

    private void footprint(Footprint f) throws IOException {
        if (f instanceof Polygon p) {
            w.write("<polygon class=\"arxos-footprint\" points=\"");
            points(p.coordinates());
            w.write("\"/>");
        } else if (f instanceof Polyline p) {
            w.write("<polyline class=\"arxos-footprint\" points=\"");
            points(p.coordinates());
            w.write("\"/>");
        } else if (f instanceof Bounds b) {
            // x, y, width and height draw it; data-arxos-bounds keeps the exact floats (max - min may round).
            w.write("<rect class=\"arxos-footprint\" x=\"" + num(b.minX()) + "\" y=\"" + num(b.minY())
                    + "\" width=\"" + num(b.width()) + "\" height=\"" + num(b.height())
                    + "\" data-arxos-bounds=\"" + num(b.minX()) + " " + num(b.minY()) + " " + num(b.maxX()) + " "
                    + num(b.maxY()) + "\"/>");
        }
    }

    private void connection(Revision revision, Connection c) throws IOException {
        Footprint from = revision.get(c.fromId()).footprint();
        Footprint to = revision.get(c.toId()).footprint();
        w.write(from != null && to != null ? "<line" : "<g");
        w.write(" class=\"arxos-connection kind-" + classToken(c.kind()) + "\"");
        attr("data-arxos-connection", c.id());
        attr("data-arxos-from", c.fromId());
        attr("data-arxos-to", c.toId());
        attr("data-arxos-kind", c.kind());
        if (!c.properties().isEmpty()) {
            attr("data-arxos-properties", PropertyJson.write(c.properties()));
        }
        if (from != null && to != null) {
            Bounds a = from.bounds();
            Bounds b = to.bounds();
            w.write(" x1=\"" + num((a.minX() + a.maxX()) / 2) + "\" y1=\"" + num((a.minY() + a.maxY()) / 2)
                    + "\" x2=\"" + num((b.minX() + b.maxX()) / 2) + "\" y2=\"" + num((b.minY() + b.maxY()) / 2) + "\"");
        }
        w.write("/>\n");
    }

    private static Bounds extent(Revision revision, BuildingObject top) {
        Bounds[] result = {null};
        java.util.ArrayDeque<BuildingObject> todo = new java.util.ArrayDeque<>();
        todo.push(top);
        while (!todo.isEmpty()) {
            BuildingObject o = todo.pop();
            if (o.footprint() != null) {
                result[0] = result[0] == null ? o.footprint().bounds() : result[0].union(o.footprint().bounds());
            }
            revision.children(o.id()).forEach(todo::push);
        }
        return result[0];
    }

    private void points(float[] c) throws IOException {
        for (int i = 0; i < c.length; i += 2) {
            if (i > 0) {
                w.write(' ');
            }
            w.write(num(c[i]));
            w.write(',');
            w.write(num(c[i + 1]));
        }
    }

    /** The shortest text that reads back as the same float ({@code -0} keeps its sign). */
    static String num(float f) {
        String s = Float.toString(f);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static String classToken(String kind) {
        String t = IdAllocator.sanitize(kind.toLowerCase(Locale.ROOT));
        return t.isEmpty() ? "none" : t;
    }

    /** An attribute; a value XML cannot carry (control characters, lone surrogates) goes as JSON in {@code name-json}. */
    private void attr(String name, String value) throws IOException {
        if (!xmlSafe(value)) {
            name = name + "-json";
            value = PropertyJson.writeString(value);
        }
        w.write(' ');
        w.write(name);
        w.write("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> w.write("&amp;");
                case '<' -> w.write("&lt;");
                case '>' -> w.write("&gt;");
                case '"' -> w.write("&quot;");
                case '\t' -> w.write("&#9;");
                case '\n' -> w.write("&#10;");
                case '\r' -> w.write("&#13;");
                default -> w.write(c);
            }
        }
        w.write('"');
    }

    static boolean xmlSafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
            if (Character.isLowSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE
                    || c == 0xFFFF) {
                return false;
            }
        }
        return true;
    }

}
