package org.arxos.core.internal;

import static org.arxos.core.internal.RenderingFixture.BUILDING;
import static org.arxos.core.internal.RenderingFixture.TENANT;
import static org.arxos.core.internal.RenderingFixture.draw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.arxos.api.cache.Cache;
import org.arxos.api.cache.CacheStats;
import org.arxos.api.grouping.GroupingStrategy;
import org.arxos.api.grouping.UnknownStrategyException;
import org.arxos.api.render.RenderRequest;
import org.arxos.api.render.Renderer;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drawings through the real tiered cache: a key holds everything the bytes depend on, and nothing else. */
class CachedFloorRenderingTest {

    private static final PrefetchSettings NO_PREFETCH = new PrefetchSettings(false, false, 1);

    @TempDir
    Path folder;

    private RenderingFixture fixture;
    private HierarchyFloorRendering rendering;
    private Revision revision;
    private RenderRequest request;

    @BeforeEach
    void open() throws Exception {
        fixture = new RenderingFixture(folder);
        rendering = fixture.rendering(NO_PREFETCH);
        revision = fixture.building();
        Bounds extent = rendering.extent(revision, "f1");
        request = new RenderRequest("f1", new Bounds(extent.minX(), extent.minY(), extent.minX() + 10,
                extent.minY() + 8), 20, "svg", 5000, 3);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aSecondIdenticalRenderIsServedFromTheCache() throws Exception {
        String first = draw(rendering, revision, null, request);
        String second = draw(rendering, revision, null, request);

        assertEquals(first, second);
        assertTrue(first.startsWith("counting#2 first " + revision.contentHash()), first);
        assertEquals(1, fixture.renderer.calls.get());
        assertEquals(1, fixture.strategy.groups.get());
        CacheStats stats = fixture.cache.stats();
        assertEquals(2, stats.requests());
        assertEquals(1, stats.hits());
        assertEquals(1, stats.computations());
    }

    @Test
    void theCachedDrawingOutlivesTheHierarchyAndTheRendererState() throws Exception {
        String drawn = draw(rendering, revision, null, request);
        // a new server: nothing grouped, nothing kept but the cache's tier
        StoredHierarchyViews fresh = new StoredHierarchyViews(fixture.selector, HierarchySettings.defaults());
        HierarchyFloorRendering restarted = new HierarchyFloorRendering(new FloorDrawings(fixture.selector, fresh),
                new TilePrefetch(fixture.drawings, NO_PREFETCH));

        assertEquals(drawn, draw(restarted, revision, null, request));
        assertEquals(1, fixture.strategy.groups.get(), "served without grouping the building");
        assertEquals(1, fixture.renderer.calls.get());
    }

    @Test
    void otherRequestsAndANewRevisionMiss() throws Exception {
        draw(rendering, revision, null, request);
        draw(rendering, revision, null, new RenderRequest("f1", request.viewport(), 20, "svg", 5000, 4));
        draw(rendering, revision, null, new RenderRequest("f1", request.viewport(), 20, "svg", 4999, 3));
        draw(rendering, revision, null, new RenderRequest("f1", request.viewport(), 21, "svg", 5000, 3));
        assertEquals(4, fixture.renderer.calls.get());

        Revision renamed = fixture.store.apply(TENANT, BUILDING,
                ChangeSet.of("ann", "", new Change.Rename(BUILDING, "Tower II")));
        assertNotEquals(revision.contentHash(), renamed.contentHash());
        String drawn = draw(rendering, renamed, null, request);
        assertTrue(drawn.contains(renamed.contentHash()), drawn);
        assertEquals(5, fixture.renderer.calls.get());
    }

    @Test
    void anotherRendererOrStrategyInstanceOfTheSameNameMisses() throws Exception {
        draw(rendering, revision, null, request);

        RenderingFixture.CountingRenderer swapped = new RenderingFixture.CountingRenderer("swapped");
        fixture.selector.remove(Renderer.class);
        fixture.selector.add(Renderer.class, "counting", swapped);
        String drawn = draw(rendering, revision, null, request);
        assertTrue(drawn.startsWith("counting#3 swapped "), drawn);
        assertEquals(1, swapped.calls.get());
        assertEquals(drawn, draw(rendering, revision, null, request));
        assertEquals(1, swapped.calls.get());

        fixture.selector.remove(GroupingStrategy.class);
        fixture.selector.add(GroupingStrategy.class, "flat", new RenderingFixture.CountingStrategy());
        draw(rendering, revision, null, request);
        assertEquals(2, swapped.calls.get());
    }

    @Test
    void aStrategyAskedForByNameHasItsOwnEntriesAndAnUnknownOneIsRefused() throws Exception {
        draw(rendering, revision, null, request);
        draw(rendering, revision, "flat", request);
        assertEquals(1, fixture.renderer.calls.get(), "the serving strategy asked for by name is the same drawing");

        assertThrows(UnknownStrategyException.class, () -> draw(rendering, revision, "spatial", request));
        assertEquals(1, fixture.renderer.calls.get());
    }

    @Test
    void aDrawingByAFallbackRendererIsNeverServedUnderTheFirstRenderersKey() throws Exception {
        RenderingFixture.CountingRenderer broken = new RenderingFixture.CountingRenderer("broken");
        broken.failure = new IllegalStateException("out of fonts");
        fixture.selector.remove(Renderer.class);
        fixture.selector.add(Renderer.class, "broken", broken).add(Renderer.class, "counting", fixture.renderer);

        String drawn = draw(rendering, revision, null, request);
        assertTrue(drawn.startsWith("counting#4 first "), drawn);
        draw(rendering, revision, null, request);
        assertEquals(2, fixture.renderer.calls.get(), "the fallback's drawing was not kept as the broken one's");
        assertEquals(2, broken.calls.get());

        broken.failure = null;
        assertTrue(draw(rendering, revision, null, request).startsWith("broken#3 broken "));
        assertTrue(draw(rendering, revision, null, request).startsWith("broken#3 broken "));
        assertEquals(3, broken.calls.get());
    }

    @Test
    void withoutACacheEveryRequestIsDrawnAsBefore() throws Exception {
        fixture.selector.remove(Cache.class);
        String first = draw(rendering, revision, null, request);
        assertEquals(first, draw(rendering, revision, null, request));
        assertEquals(2, fixture.renderer.calls.get());
        assertEquals(0, fixture.cache.stats().requests());

        assertEquals("the viewport (1000.0, 1000.0) to (1001.0, 1001.0) does not overlap floor 'f1', which covers "
                + describe(rendering.extent(revision, "f1")), assertThrows(IllegalArgumentException.class,
                        () -> draw(rendering, revision, null, new RenderRequest("f1",
                                new Bounds(1000, 1000, 1001, 1001), 20, "svg", 5000, 3))).getMessage());
    }

    @Test
    void theRenderersRefusalReachesTheCallerAndNothingIsKept() throws Exception {
        RenderRequest png = new RenderRequest("f1", request.viewport(), 20, "png", 5000, 3);
        fixture.renderer.failure = new IllegalArgumentException("png is not drawn");
        assertEquals("png is not drawn", assertThrows(IllegalArgumentException.class,
                () -> draw(rendering, revision, null, png)).getMessage());
        assertEquals(0, fixture.cache.stats().hits());
        assertThrows(IllegalArgumentException.class, () -> draw(rendering, revision, null, png));
        assertEquals(2, fixture.renderer.calls.get());
    }

    private static String describe(Bounds b) {
        return "(" + b.minX() + ", " + b.minY() + ") to (" + b.maxX() + ", " + b.maxY() + ")";
    }
}
