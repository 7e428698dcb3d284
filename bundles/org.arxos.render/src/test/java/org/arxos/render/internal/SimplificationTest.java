package org.arxos.render.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.arxos.api.grouping.Hierarchy;
import org.arxos.api.render.RenderRequest;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.arxos.model.geometry.Footprint;
import org.arxos.model.geometry.Polygon;
import org.arxos.model.geometry.Polyline;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Outlines lose the vertices that move them less than a pixel: many at a small scale, none at a large one. */
class SimplificationTest {

    private static final int VERTICES = 360;
    private static final float RADIUS = 10;

    private static float[] circle(int vertices, boolean closed) {
        float[] c = new float[2 * (closed ? vertices : vertices + 1)];
        for (int i = 0; i < c.length / 2; i++) {
            double angle = 2 * Math.PI * i / vertices;
            c[2 * i] = (float) (20 + RADIUS * Math.cos(angle));
            c[2 * i + 1] = (float) (20 + RADIUS * Math.sin(angle));
        }
        return c;
    }

    private static Revision building() throws Exception {
        return Revision.EMPTY.apply(ChangeSet.of("test", "a round room with a ring main",
                add("b", ObjectType.BUILDING, "building", null, null),
                add("f1", ObjectType.FLOOR, "floor", "b", new Bounds(0, 0, 40, 40)),
                add("s1", ObjectType.SPACE, "atrium", "f1", new Polygon(circle(VERTICES, true))),
                add("z1", ObjectType.ZONE, "zone", "f1", null),
                add("e", ObjectType.SYSTEM, "plumbing", "z1", null),
                add("p1", ObjectType.COMPONENT, "pipe", "e", new Polyline(circle(VERTICES, false)))));
    }

    private static Change add(String id, ObjectType type, String kind, String parent, Footprint footprint) {
        return new Change.AddObject(new BuildingObject(id, type, kind, parent, null, footprint, null, null));
    }

    @Test
    void douglasPeuckerDropsVerticesOnlyWhenTheyAreUnderAPixel() {
        Polygon round = new Polygon(circle(VERTICES, true));
        assertEquals(VERTICES, Simplifier.outline(round, 1e-4).length);
        int coarse = Simplifier.outline(round, 1).length;
        assertTrue(coarse >= 3 && coarse < 20, coarse + " vertices at a tolerance of 1 m");
        assertEquals(null, Simplifier.outline(new Polygon(0, 0, 1, 0, 1, 0.01f, 0, 0.01f, 0.5f, 0.005f), 1));

        Polyline ring = new Polyline(circle(VERTICES, false));
        assertEquals(VERTICES + 1, Simplifier.path(ring, 1e-4).length);
        assertTrue(Simplifier.path(ring, 1).length < 20);
        assertEquals(2, Simplifier.path(ring, 100).length, "a closed path collapses to its ends");
    }

    @Test
    void drawingsAtASmallScaleHaveFewerVertices() throws Exception {
        Revision revision = building();
        Hierarchy hierarchy = TestBuildings.containment(revision);
        SvgPngRenderer renderer = new SvgPngRenderer(Limits.DEFAULTS);
        Bounds all = new Bounds(0, 0, 40, 40);
        List<Integer> far = vertices(renderer, revision, hierarchy, new RenderRequest("f1", all, 2, "svg", 100, 3));
        // At 1,000 px/m a pixel is 1 mm, under the 1.5 mm that leaving out any one vertex of the circle moves it.
        List<Integer> near = vertices(renderer, revision, hierarchy,
                new RenderRequest("f1", new Bounds(9, 9, 15, 15), 1_000, "svg", 100, 3));
        assertEquals(List.of(VERTICES, VERTICES + 1), near);
        assertTrue(far.get(0) < 40 && far.get(1) < 40, far.toString());
    }

    /** The vertex counts of the drawn polygon and polyline. */
    private static List<Integer> vertices(SvgPngRenderer renderer, Revision revision, Hierarchy hierarchy,
            RenderRequest request) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(revision, hierarchy, request, out);
        SvgDocument svg = new SvgDocument(out.toByteArray());
        List<Element> shapes = svg.withClass("arxos-footprint");
        assertEquals(List.of("polygon", "polyline"), shapes.stream().map(Element::getLocalName).toList());
        return shapes.stream().map(e -> e.getAttribute("points").split(" ").length).toList();
    }
}
