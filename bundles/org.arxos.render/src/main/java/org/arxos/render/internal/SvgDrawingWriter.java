package org.arxos.render.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.arxos.model.BuildingObject;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.arxos.model.geometry.Footprint;
import org.arxos.model.geometry.Polygon;
import org.arxos.model.geometry.Polyline;
import org.arxos.render.internal.DrawingPlan.Aggregate;
import org.arxos.render.internal.DrawingTree.Node;
import org.locationtech.jts.geom.Coordinate;

/**
 * Writes a drawing plan as SVG, streaming, with the conventions of the Arxos SVG exporter ({@code org.arxos.io.svg}):
 * coordinates in metres with y growing north, flipped once by the content group's {@code scale(1,-1)}; one
 * {@code g} per hierarchy node with {@code id} and {@code class="arxos-<type> kind-<kind>"} for nodes that stand for
 * an object ({@code class="arxos-group kind-<kind>"} for pure groups); a drawn object's footprint inside its
 * {@code g} as {@code class="arxos-footprint"}; an aggregate as {@code <rect class="arxos-aggregate"
 * data-count="n">} inside its group's {@code g}, with a count label where it is large enough to read. Ids are
 * {@link XmlIds escaped}; where escaping changed one, {@code data-arxos-id} holds the node id. Stroke widths and
 * label sizes are in metres worked out from the scale, so that they are one pixel and eleven pixels on screen.
 *
 * <p>The same plan always gives the same bytes: nodes in {@link DrawingTree} order, numbers by {@link Decimals}.
 */
final class SvgDrawingWriter {

    static final String MEDIA_TYPE = "image/svg+xml";

    private static final double LABEL_FONT_PIXELS = 11;
    private static final double LABEL_MIN_WIDTH_PIXELS = 24;
    private static final double LABEL_MIN_HEIGHT_PIXELS = 14;
    private static final int FLUSH_AT = 1 << 15;

    private final Revision revision;
    private final DrawingPlan plan;
    private final Decimals decimals;
    private final StringBuilder out = new StringBuilder(FLUSH_AT + 1024);
    /** Kinds repeat across thousands of objects: each is made a class token once. */
    private final Map<String, String> classTokens = new HashMap<>();
    private final Writer writer;

    private SvgDrawingWriter(Revision revision, DrawingPlan plan, OutputStream stream) {
        this.revision = revision;
        this.plan = plan;
        this.decimals = new Decimals(plan.scale());
        this.writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    }

    /** Writes the drawing of {@code floorId} at {@code width} by {@code height} pixels; the caller owns the stream. */
    static void write(Revision revision, String floorId, DrawingPlan plan, int width, int height, OutputStream stream)
            throws IOException {
        new SvgDrawingWriter(revision, plan, stream).document(floorId, width, height);
    }

    private void document(String floorId, int width, int height) throws IOException {
        Bounds v = plan.viewport();
        double pixel = 1 / plan.scale();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"");
        number(v.minX()).append(' ');
        number(-v.maxY()).append(' ');
        number(v.width()).append(' ');
        number(v.height()).append("\" preserveAspectRatio=\"none\"");
        attribute("data-arxos-floor", floorId);
        out.append(" data-arxos-units=\"m\" data-arxos-y=\"up\">\n<style>");
        out.append(".arxos-footprint{fill:none;stroke:#333;stroke-width:");
        number(pixel).append('}');
        out.append(".arxos-space>.arxos-footprint{fill:#eef3fb;stroke:#4a6da7}");
        out.append(".arxos-zone>.arxos-footprint{stroke:#999}");
        out.append(".arxos-aggregate{fill:#4a6da7;fill-opacity:0.12;stroke:#4a6da7;stroke-width:");
        number(pixel).append('}');
        out.append(".arxos-count{font-family:sans-serif;fill:#234;text-anchor:middle;font-size:");
        number(LABEL_FONT_PIXELS * pixel).append('}');
        out.append("</style>\n<g transform=\"scale(1,-1)\">\n");
        for (Node root : DrawingTree.of(plan)) {
            node(root);
        }
        out.append("</g>\n</svg>\n");
        writer.append(out);
        writer.flush();
    }

    private void node(Node node) throws IOException {
        BuildingObject object = node.drawn;
        if (object == null && node.group.objectId() != null) {
            object = revision.find(node.group.objectId()).orElse(null);
        }
        String xmlId = XmlIds.of(node.id);
        out.append("<g");
        attribute("id", xmlId);
        if (!xmlId.equals(node.id)) {
            attribute("data-arxos-id", node.id);
        }
        if (object != null) {
            out.append(" class=\"arxos-").append(object.type().id()).append(" kind-").append(classToken(object.kind()))
                    .append('"');
            if (object.name() != null) {
                attribute("data-arxos-name", object.name());
            }
        } else {
            out.append(" class=\"arxos-group kind-").append(classToken(node.group.kind())).append('"');
            if (node.group.label() != null) {
                attribute("data-arxos-label", node.group.label());
            }
        }
        out.append('>');
        if (node.drawn != null) {
            footprint(node.drawn.footprint());
        }
        if (node.aggregate != null) {
            aggregate(node.aggregate);
        }
        out.append('\n');
        for (Node child : node.children) {
            node(child);
        }
        out.append("</g>\n");
        if (out.length() >= FLUSH_AT) {
            writer.append(out);
            out.setLength(0);
        }
    }

    private void footprint(Footprint footprint) {
        double tolerance = 1 / plan.scale();
        if (footprint instanceof Polygon polygon) {
            Coordinate[] outline = Simplifier.outline(polygon, tolerance);
            if (outline != null) {
                points("<polygon class=\"arxos-footprint\" points=\"", outline);
                return;
            }
        } else if (footprint instanceof Polyline polyline) {
            points("<polyline class=\"arxos-footprint\" points=\"", Simplifier.path(polyline, tolerance));
            return;
        }
        rect("<rect class=\"arxos-footprint\"", footprint.bounds());
        out.append("/>");
    }

    private void aggregate(Aggregate aggregate) {
        Bounds outline = aggregate.outline();
        rect("<rect class=\"arxos-aggregate\" data-count=\"" + aggregate.count() + "\"", outline);
        out.append("/>");
        Bounds v = plan.viewport();
        double x0 = Math.max(outline.minX(), v.minX());
        double x1 = Math.min(outline.maxX(), v.maxX());
        double y0 = Math.max(outline.minY(), v.minY());
        double y1 = Math.min(outline.maxY(), v.maxY());
        double scale = plan.scale();
        if ((x1 - x0) * scale >= LABEL_MIN_WIDTH_PIXELS && (y1 - y0) * scale >= LABEL_MIN_HEIGHT_PIXELS) {
            // Counter-flipped so that it reads upright; the baseline drops about a third of the font below centre.
            out.append("<text class=\"arxos-count\" transform=\"scale(1,-1)\" x=\"");
            number((x0 + x1) / 2).append("\" y=\"");
            number(-(y0 + y1) / 2 + LABEL_FONT_PIXELS / 3 / scale).append("\">").append(aggregate.count())
                    .append("</text>");
        }
    }

    private void rect(String start, Bounds b) {
        out.append(start).append(" x=\"");
        number(b.minX()).append("\" y=\"");
        number(b.minY()).append("\" width=\"");
        number(b.width()).append("\" height=\"");
        number(b.height()).append('"');
    }

    private void points(String start, Coordinate[] points) {
        out.append(start);
        for (int i = 0; i < points.length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            number(points[i].x).append(',');
            number(points[i].y);
        }
        out.append("\"/>");
    }

    private StringBuilder number(double value) {
        decimals.append(out, value);
        return out;
    }

    private String classToken(String kind) {
        return classTokens.computeIfAbsent(kind, SvgDrawingWriter::token);
    }

    private static String token(String kind) {
        StringBuilder token = new StringBuilder(kind.length());
        for (char c : kind.toLowerCase(Locale.ROOT).toCharArray()) {
            boolean kept = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == ':'
                    || c == '-';
            token.append(kept ? c : '_');
        }
        return token.isEmpty() ? "none" : token.toString();
    }

    /** An attribute; characters XML cannot carry (other control characters, lone surrogates) become U+FFFD. */
    private void attribute(String name, String value) {
        out.append(' ').append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\t' -> out.append("&#9;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
