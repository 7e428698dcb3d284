package org.arxos.render.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.api.render.RenderRequest;
import org.arxos.api.render.RenderResult;
import org.arxos.api.render.TileAddress;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SvgPngRendererTest {

    private static final Pattern NC_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");

    private final Revision revision = TestBuildings.generated(20_000);
    private final Hierarchy hierarchy = new ClusteredHierarchy(revision);
    private final BuildingObject floor = TestBuildings.floors(revision).get(1);
    private final Bounds plate = floor.footprint().bounds();

    private static RenderRequest request(String floorId, Bounds viewport, double scale, String format) {
        return new RenderRequest(floorId, viewport, scale, format, RenderRequest.DEFAULT_MAX_ELEMENTS,
                RenderRequest.DEFAULT_MIN_PIXELS);
    }

    private Bounds quarter() {
        return new Bounds(plate.minX(), plate.minY(), plate.minX() + plate.width() / 2,
                plate.minY() + plate.height() / 2);
    }

    private static byte[] render(SvgPngRenderer renderer, Revision revision, Hierarchy hierarchy,
            RenderRequest request, List<RenderResult> results) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        results.add(renderer.render(revision, hierarchy, request, out));
        return out.toByteArray();
    }

    @Test
    void svgNestsEveryElementInOneGroupPerHierarchyLevelWithValidUniqueIds() throws Exception {
        List<RenderResult> results = new ArrayList<>();
        RenderRequest request = request(floor.id(), quarter(), 3, "svg");
        SvgDocument svg = new SvgDocument(render(new SvgPngRenderer(Limits.DEFAULTS), revision, hierarchy, request,
                results));
        RenderResult result = results.get(0);
        assertEquals("image/svg+xml", result.mediaType());
        assertEquals(String.valueOf(request.pixelWidth()), svg.root.getAttribute("width"));
        assertEquals(String.valueOf(request.pixelHeight()), svg.root.getAttribute("height"));
        String[] viewBox = svg.root.getAttribute("viewBox").split(" ");
        assertEquals(request.viewport().minX(), Double.parseDouble(viewBox[0]), 0.01);
        assertEquals(-request.viewport().maxY(), Double.parseDouble(viewBox[1]), 0.01);

        Set<String> ids = new HashSet<>();
        boolean pureGroups = false;
        for (Element g : svg.nodes()) {
            String id = g.getAttribute("id");
            assertTrue(NC_NAME.matcher(id).matches(), id);
            assertTrue(ids.add(id), "two elements with id " + id);
            String nodeId = SvgDocument.nodeId(g);
            assertEquals(XmlIds.of(nodeId), id);
            GroupNode node = hierarchy.node(nodeId).orElseThrow();
            assertEquals(chainOf(nodeId), SvgDocument.chain(g), "the groups around " + nodeId);
            if (node.objectId() == null) {
                pureGroups = true;
                assertTrue(nodeId.contains("/"));
                assertEquals("arxos-group kind-" + node.kind(), g.getAttribute("class"));
            } else {
                BuildingObject o = revision.get(node.objectId());
                assertEquals("arxos-" + o.type().id() + " kind-" + o.kind(), g.getAttribute("class"));
            }
        }
        assertTrue(pureGroups, "the clustered hierarchy has pure groups");
        assertTrue(ids.stream().anyMatch(id -> id.contains("_0020")), "some ids have escaped spaces");

        List<Element> drawn = svg.withClass("arxos-footprint");
        List<Element> aggregates = svg.withClass("arxos-aggregate");
        assertEquals(result.elementCount(), drawn.size());
        assertEquals(result.groupCount(), aggregates.size());
        assertEquals(result.summarized(), aggregates.stream().mapToInt(a -> Integer.parseInt(a.getAttribute(
                "data-count"))).sum());
        assertTrue(result.elementCount() > 50 && result.groupCount() > 5, result.toString());
        assertFalse(result.capped());
        for (Element a : aggregates) {
            String group = SvgDocument.nodeId((Element) a.getParentNode());
            assertTrue(hierarchy.node(group).isPresent(), group);
        }
        List<BuildingObject> inView = TestBuildings.intersecting(TestBuildings.floorObjects(revision, floor.id()),
                request.viewport());
        assertEquals(inView.size(), result.elementCount() + result.summarized());
    }

    private List<String> chainOf(String nodeId) {
        List<String> chain = new ArrayList<>();
        for (Optional<GroupNode> p = hierarchy.parent(nodeId); p.isPresent(); p = hierarchy.parent(p.get().id())) {
            chain.add(0, p.get().id());
        }
        return chain;
    }

    @Test
    void theSameRequestGivesTheSameBytes() throws Exception {
        List<RenderResult> results = new ArrayList<>();
        RenderRequest request = request(floor.id(), quarter(), 7.5, "svg");
        SvgPngRenderer renderer = new SvgPngRenderer(Limits.DEFAULTS);
        byte[] first = render(renderer, revision, hierarchy, request, results);
        byte[] again = render(renderer, revision, hierarchy, request, results);
        byte[] fresh = render(new SvgPngRenderer(Limits.DEFAULTS), revision, new ClusteredHierarchy(revision),
                request, results);
        assertArrayEquals(first, again);
        assertArrayEquals(first, fresh);
        RenderRequest capped = new RenderRequest(floor.id(), plate, 30, "svg", 200, 3);
        assertArrayEquals(render(renderer, revision, hierarchy, capped, results),
                render(new SvgPngRenderer(Limits.DEFAULTS), revision, hierarchy, capped, results));
        assertTrue(results.get(results.size() - 1).capped());
    }

    @Test
    void pngHasTheRequestedSizeAndDrawsSomething() throws Exception {
        List<RenderResult> results = new ArrayList<>();
        RenderRequest request = request(floor.id(), quarter(), 9, "png");
        byte[] png = render(new SvgPngRenderer(Limits.DEFAULTS), revision, hierarchy, request, results);
        assertEquals("image/png", results.get(0).mediaType());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(request.pixelWidth(), image.getWidth());
        assertEquals(request.pixelHeight(), image.getHeight());
        Set<Integer> colours = new HashSet<>();
        int painted = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                colours.add(argb);
                if ((argb >>> 24) != 0) {
                    painted++;
                }
            }
        }
        assertTrue(painted > image.getWidth() * image.getHeight() / 4, painted + " painted pixels");
        assertTrue(colours.size() > 3, colours.size() + " colours");
    }

    @Test
    void theTilesOfAZoomLevelCoverTheFloor() throws Exception {
        SvgPngRenderer renderer = new SvgPngRenderer(Limits.DEFAULTS);
        List<BuildingObject> objects = TestBuildings.floorObjects(revision, floor.id());
        Bounds extent = TestBuildings.extent(objects);
        int zoom = 2;
        Set<String> covered = new HashSet<>();
        int drawnTiles = 0;
        for (int x = 0; x < 1 << zoom; x++) {
            for (int y = 0; y < 1 << zoom; y++) {
                RenderRequest tile = new TileAddress(floor.id(), zoom, x, y).request(plate, "svg", 5_000, 3);
                if (!tile.viewport().intersects(extent)) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                            () -> renderer.render(revision, hierarchy, tile, out));
                    assertTrue(e.getMessage().contains("outside floor '" + floor.id() + "'"), e.getMessage());
                    assertEquals(0, out.size());
                    continue;
                }
                List<RenderResult> results = new ArrayList<>();
                new SvgDocument(render(renderer, revision, hierarchy, tile, results));
                List<BuildingObject> inTile = TestBuildings.intersecting(objects, tile.viewport());
                assertEquals(inTile.size(), results.get(0).elementCount() + results.get(0).summarized(),
                        "tile " + x + "/" + y);
                inTile.forEach(o -> covered.add(o.id()));
                drawnTiles++;
            }
        }
        assertTrue(drawnTiles >= 8, drawnTiles + " tiles");
        assertEquals(objects.stream().map(BuildingObject::id).collect(Collectors.toSet()), covered);
    }

    @Test
    void refusedRequestsSayWhyAndWriteNothing() {
        SvgPngRenderer renderer = new SvgPngRenderer(Limits.DEFAULTS.withMaxPngPixels(1_000_000));
        String f = floor.id();
        refused(renderer, request("f999", quarter(), 10, "svg"), "no floor 'f999'");
        refused(renderer, request(f + "z1", quarter(), 10, "svg"), "'" + f + "z1' is a zone, not a floor");
        refused(renderer, request(f, quarter(), 10, "gif"), "format 'gif'");
        refused(renderer, request(f, new Bounds(-500, -500, -400, -400), 10, "svg"), "outside floor '" + f + "'");
        refused(renderer, request(f, new Bounds(1, 1, 1, 20), 10, "svg"), "is empty");
        refused(renderer, request(f, plate, 1_000, "svg"), "larger than 8192 px a side");
        refused(renderer, request(f, new Bounds(0, 0, 20, 20), 60, "png"), "more pixels than the 1000000");
        // The deepest tile at zoom 16 is 1/65536 of the plate's larger side across 256 px.
        double deepest = TileAddress.TILE_PIXELS * 65_536 / Math.max(plate.width(), plate.height());
        refused(renderer, request(f, new Bounds(1, 1, 1.0001f, 1.0001f), deepest * 1.01, "svg"),
                "finer than zoom 16");
        RenderRequest deepestTile = new TileAddress(f, 16, 10, 10).request(plate, "svg", 5_000, 3);
        assertTrue(deepestTile.viewport().intersects(plate));
        assertTrue(render(renderer, deepestTile).mediaType().contains("svg"));
        RenderRequest tooDeep = new TileAddress(f, 17, 10, 10).request(plate, "svg", 5_000, 3);
        refused(renderer, tooDeep, "finer than zoom 16, the deepest tile zoom of floor '" + f + "'");
    }

    private void refused(SvgPngRenderer renderer, RenderRequest request, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> renderer.render(revision, hierarchy, request, out));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(0, out.size(), "nothing is written before a request is refused");
    }

    private RenderResult render(SvgPngRenderer renderer, RenderRequest request) {
        try {
            return renderer.render(revision, hierarchy, request, new ByteArrayOutputStream());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aFloorWithNothingOnItDrawsEmptyAndOneWithoutAnyFootprintIsRefused() throws Exception {
        Revision floors = Revision.EMPTY.apply(ChangeSet.of("test", "two empty floors",
                new Change.AddObject(new BuildingObject("b", ObjectType.BUILDING, "building", null, null, null, null,
                        null)),
                new Change.AddObject(new BuildingObject("f1", ObjectType.FLOOR, "floor", "b", null,
                        new Bounds(0, 0, 30, 20), null, null)),
                new Change.AddObject(new BuildingObject("f2", ObjectType.FLOOR, "floor", "b", null, null, null,
                        null))));
        Hierarchy tree = TestBuildings.containment(floors);
        SvgPngRenderer renderer = new SvgPngRenderer(Limits.DEFAULTS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderResult empty = renderer.render(floors, tree, request("f1", new Bounds(5, 5, 10, 10), 10, "svg"), out);
        assertEquals(new RenderResult("image/svg+xml", 0, 0, 0, false), empty);
        assertEquals(List.of(), new SvgDocument(out.toByteArray()).nodes());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> renderer.render(floors, tree,
                request("f2", new Bounds(5, 5, 10, 10), 10, "svg"), new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("floor 'f2' has no footprint and nothing on it has one"), e.getMessage());
    }

    @Test
    void theConfigurationCapsElementsRaisesTheThresholdAndBoundsTheIndexes() {
        RenderRequest all = new RenderRequest(floor.id(), plate, 20, "svg", 5_000, 0);
        RenderResult free = render(new SvgPngRenderer(Limits.DEFAULTS), all);
        assertTrue(free.elementCount() + free.groupCount() > 50, free.toString());

        RenderResult capped = render(new SvgPngRenderer(Limits.DEFAULTS.withMaxElements(50)), all);
        assertTrue(capped.capped());
        assertTrue(capped.elementCount() + capped.groupCount() <= 50, capped.toString());
        assertEquals(free.elementCount() + free.summarized(), capped.elementCount() + capped.summarized());

        RenderResult coarse = render(new SvgPngRenderer(Limits.DEFAULTS.withMinPixels(100_000)), all);
        assertEquals(0, coarse.elementCount());
        assertEquals(free.elementCount() + free.summarized(), coarse.summarized());

        SvgPngRenderer renderer = new SvgPngRenderer(Limits.DEFAULTS.withIndexCacheFloors(2));
        for (BuildingObject f : TestBuildings.floors(revision).subList(0, 3)) {
            Bounds b = f.footprint().bounds();
            render(renderer, request(f.id(), b, 5, "svg"));
        }
        assertEquals(2, renderer.indexesKept());
        renderer.modified(Limits.DEFAULTS.withIndexCacheFloors(1));
        assertEquals(1, renderer.indexesKept());
    }
}
