package org.arxos.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.arxos.model.BuildingObject;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;

/**
 * The render baseline: a floor's objects with a footprint in a plain list, and a drawing that tests every one of them
 * against the viewport and writes each that intersects as an SVG {@code rect} of its bounds. No index, no level of
 * detail, no grouping: what a viewport costs without them.
 */
final class LinearScanDrawing {

    /** Written out in pieces of this many characters, as the renderer does. */
    private static final int FLUSH_AT = 1 << 15;

    private final BuildingObject floor;
    private final List<BuildingObject> objects;
    private final Bounds extent;

    private LinearScanDrawing(BuildingObject floor, List<BuildingObject> objects, Bounds extent) {
        this.floor = floor;
        this.objects = objects;
        this.extent = extent;
    }

    /** The floor and everything below it in the building tree that has a footprint; {@code null} when nothing has. */
    static LinearScanDrawing of(Revision revision, BuildingObject floor) {
        List<BuildingObject> objects = new ArrayList<>();
        Bounds extent = null;
        ArrayDeque<BuildingObject> pending = new ArrayDeque<>();
        pending.push(floor);
        while (!pending.isEmpty()) {
            BuildingObject object = pending.pop();
            if (object.footprint() != null) {
                objects.add(object);
                Bounds b = object.footprint().bounds();
                extent = extent == null ? b : extent.union(b);
            }
            revision.children(object.id()).forEach(pending::push);
        }
        return extent == null ? null : new LinearScanDrawing(floor, objects, extent);
    }

    BuildingObject floor() {
        return floor;
    }

    /** Objects on the floor with a footprint. */
    int size() {
        return objects.size();
    }

    /** The union of the objects' bounds. */
    Bounds extent() {
        return extent;
    }

    /** Writes the drawing and returns the number of rectangles in it. */
    int draw(Bounds viewport, double scale, OutputStream stream) throws IOException {
        Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        StringBuilder svg = new StringBuilder(FLUSH_AT + 1024);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(Math.ceil(viewport.width() * scale)).append("\" height=\"")
                .append(Math.ceil(viewport.height() * scale)).append("\" viewBox=\"").append(viewport.minX())
                .append(' ').append(-viewport.maxY()).append(' ').append(viewport.width()).append(' ')
                .append(viewport.height()).append("\">\n<g transform=\"scale(1,-1)\">\n");
        int drawn = 0;
        for (BuildingObject object : objects) {
            Bounds b = object.footprint().bounds();
            if (b.intersects(viewport)) {
                svg.append("<rect id=\"").append(object.id()).append("\" x=\"").append(b.minX()).append("\" y=\"")
                        .append(b.minY()).append("\" width=\"").append(b.width()).append("\" height=\"")
                        .append(b.height()).append("\"/>\n");
                drawn++;
                if (svg.length() > FLUSH_AT) {
                    out.append(svg);
                    svg.setLength(0);
                }
            }
        }
        svg.append("</g>\n</svg>\n");
        out.append(svg);
        out.flush();
        return drawn;
    }
}
