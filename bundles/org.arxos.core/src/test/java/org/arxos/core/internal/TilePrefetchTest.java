package org.arxos.core.internal;

import static org.arxos.core.internal.RenderingFixture.await;
import static org.arxos.core.internal.RenderingFixture.draw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.arxos.api.cache.Cache;
import org.arxos.api.render.TileAddress;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tile request has the tiles around it drawn into the cache in the background, deduplicated and bounded. */
class TilePrefetchTest {

    @TempDir
    Path folder;

    private RenderingFixture fixture;
    private Revision revision;
    private Bounds extent;
    private final TileAddress tile = new TileAddress("f1", 2, 1, 1);

    @BeforeEach
    void open() throws Exception {
        fixture = new RenderingFixture(folder);
        revision = fixture.building();
        extent = fixture.drawings.extent(revision, "f1");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private HierarchyFloorRendering rendering(TilePrefetch prefetch) {
        return new HierarchyFloorRendering(fixture.drawings, prefetch);
    }

    private String drawTile(HierarchyFloorRendering rendering, TileAddress address) throws Exception {
        return draw(rendering, revision, null, address.request(extent, "svg", 5000, 3));
    }

    @Test
    void theNeighboursOfARequestedTileAreDrawnAheadAndThenServedFromTheCache() throws Exception {
        List<TileAddress> around = TilePyramid.around(tile, extent, false);
        assertEquals(8, around.size(), "the floor fills the middle of zoom 2");
        try (TilePrefetch prefetch = new TilePrefetch(fixture.drawings, new PrefetchSettings(true, false, 256))) {
            HierarchyFloorRendering rendering = rendering(prefetch);
            drawTile(rendering, tile);
            await("the tiles drawn ahead", () -> prefetch.pending() == 0);
            assertEquals(9, fixture.renderer.calls.get());

            for (TileAddress neighbour : around) {
                drawTile(rendering, neighbour);
            }
            await("the prefetches of the neighbours", () -> prefetch.pending() == 0);
        }
        assertEquals(1 + 8, fixture.cache.stats().requests(), "drawing ahead is not a request");
        assertEquals(8, fixture.cache.stats().hits());
        assertTrue(fixture.renderer.calls.get() > 9, "the neighbours' own neighbours were drawn ahead in turn");
    }

    @Test
    void theNextZoomLevelInsideARequestedTileIsDrawnAheadByDefault() throws Exception {
        List<TileAddress> children = TilePrefetch.children(tile, extent);
        assertEquals(4, children.size(), "the floor covers all of the tile");
        assertTrue(children.stream().allMatch(child -> child.zoom() == tile.zoom() + 1
                && child.x() / 2 == tile.x() && child.y() / 2 == tile.y()));
        try (TilePrefetch prefetch = new TilePrefetch(fixture.drawings, PrefetchSettings.defaults())) {
            drawTile(rendering(prefetch), tile);
            await("the tiles drawn ahead", () -> prefetch.pending() == 0);
        }
        assertEquals(1 + 8 + 4, fixture.renderer.calls.get());
        HierarchyFloorRendering noPrefetch = rendering(new TilePrefetch(fixture.drawings,
                new PrefetchSettings(false, false, 1)));
        for (TileAddress child : children) {
            drawTile(noPrefetch, child);
        }
        assertEquals(1 + 8 + 4, fixture.renderer.calls.get(), "the zoomed-in tiles came from the cache");
        assertEquals(1 + 4, fixture.cache.stats().requests());
        assertEquals(4, fixture.cache.stats().hits());
    }

    @Test
    void theQueueIsBoundedAndATileWaitsOnlyOnce() throws Exception {
        fixture.renderer.gate = new CountDownLatch(1);
        try (TilePrefetch prefetch = new TilePrefetch(fixture.drawings, new PrefetchSettings(true, false, 3))) {
            HierarchyFloorRendering rendering = rendering(prefetch);
            drawTile(rendering, tile);
            // listing the eight neighbours held one place of three: two were queued, one of them is being drawn
            await("the neighbours listed", () -> prefetch.dropped() == 8 - 2 && prefetch.pending() == 2);

            drawTile(rendering, tile);
            assertEquals(3, prefetch.pending(), "the tile's surroundings wait to be listed again");
            drawTile(rendering, tile);
            assertEquals(3, prefetch.pending(), "surroundings waiting already are not queued again");
            assertEquals(8 - 2, prefetch.dropped());
            assertEquals(1, fixture.renderer.calls.get(), "the tile itself came from the cache");

            fixture.renderer.gate.countDown();
            await("the tiles drawn ahead", () -> prefetch.pending() == 0);
            assertEquals(1 + 2, fixture.renderer.calls.get(), "only the tiles that found room were drawn");
            assertEquals(2 * (8 - 2), prefetch.dropped(), "listed again, the same two found room");
        }
    }

    @Test
    void theParentIsDrawnAheadWhenAskedFor() throws Exception {
        try (TilePrefetch prefetch = new TilePrefetch(fixture.drawings, new PrefetchSettings(true, true, 256))) {
            drawTile(rendering(prefetch), tile);
            await("the tiles drawn ahead", () -> prefetch.pending() == 0);
        }
        assertEquals(1 + 8 + 1, fixture.renderer.calls.get());
        drawTile(rendering(new TilePrefetch(fixture.drawings, new PrefetchSettings(false, false, 1))),
                new TileAddress("f1", 1, 0, 0));
        assertEquals(10, fixture.renderer.calls.get(), "the parent came from the cache");
    }

    @Test
    void nothingIsDrawnAheadWhenSwitchedOffOrWithoutACacheOrForAViewport() throws Exception {
        try (TilePrefetch off = new TilePrefetch(fixture.drawings, new PrefetchSettings(false, true, 256))) {
            drawTile(rendering(off), tile);
            assertEquals(0, off.pending());
        }
        fixture.selector.remove(Cache.class);
        try (TilePrefetch prefetch = new TilePrefetch(fixture.drawings, PrefetchSettings.defaults())) {
            drawTile(rendering(prefetch), new TileAddress("f1", 2, 2, 1));
            await("the tiles offered", () -> prefetch.pending() == 0);
            draw(rendering(prefetch), revision, null, new org.arxos.api.render.RenderRequest("f1", extent, 3, "svg",
                    5000, 3));
            assertEquals(0, prefetch.pending());
        }
        assertEquals(3, fixture.renderer.calls.get());
    }
}
