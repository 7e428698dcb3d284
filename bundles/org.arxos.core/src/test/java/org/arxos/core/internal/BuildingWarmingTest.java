package org.arxos.core.internal;

import static org.arxos.core.internal.RenderingFixture.BUILDING;
import static org.arxos.core.internal.RenderingFixture.TENANT;
import static org.arxos.core.internal.RenderingFixture.await;
import static org.arxos.core.internal.RenderingFixture.draw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.arxos.api.cache.Cache;
import org.arxos.api.io.BuildingImporter;
import org.arxos.api.io.ImportRequest;
import org.arxos.api.render.RenderRequest;
import org.arxos.api.render.TileAddress;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.io.json.BuildingJson;
import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After an import the building is prepared in the background: its default hierarchy and its low-zoom tiles. */
class BuildingWarmingTest {

    private static final WarmingSettings ZOOM_0_TO_1 = new WarmingSettings(true, 1, List.of("svg"), 5000, 3, 16);

    @TempDir
    Path folder;

    private RenderingFixture fixture;
    private BuildingImportJobs imports;
    private BuildingWarming warming;
    private byte[] document;

    @BeforeEach
    void open() throws Exception {
        fixture = new RenderingFixture(folder);
        fixture.selector.add(BuildingImporter.class, new BuildingImportJobsTest.JsonImporter());
        imports = new BuildingImportJobs(fixture.selector, ImportSettings.defaults(folder.resolve("spool")),
                Clock.systemUTC(), System::nanoTime);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BuildingJson.writeBuilding(SyntheticBuilding.generateRevision(new GeneratorSettings(9, 600, BUILDING, "Tower")),
                out);
        document = out.toByteArray();
    }

    @AfterEach
    void close() throws Exception {
        imports.close();
        if (warming != null) {
            warming.close();
        }
        fixture.close();
    }

    private void warmWith(WarmingSettings settings) {
        warming = new BuildingWarming(fixture.selector, fixture.views, fixture.drawings, settings);
        imports.bindWarming(warming);
    }

    private Revision importTower() throws Exception {
        String id = imports.importBuilding(ImportRequest.of(TENANT, null, "tower.json"),
                new ByteArrayInputStream(document)).building().id();
        return fixture.store.head(TENANT, id);
    }

    /** The requests of the tiles of zoom 0 and 1 that show part of a floor, as the HTTP API asks for them. */
    private List<RenderRequest> lowZoomTiles(Revision revision) {
        List<RenderRequest> tiles = new ArrayList<>();
        for (BuildingObject floor : revision.objects().filter(o -> o.type() == ObjectType.FLOOR).toList()) {
            Bounds extent = fixture.drawings.extent(revision, floor.id());
            for (TileAddress tile : List.of(new TileAddress(floor.id(), 0, 0, 0), new TileAddress(floor.id(), 1, 0, 0),
                    new TileAddress(floor.id(), 1, 1, 0), new TileAddress(floor.id(), 1, 0, 1),
                    new TileAddress(floor.id(), 1, 1, 1))) {
                if (tile.viewport(extent).intersects(extent)) {
                    tiles.add(tile.request(extent, "svg", 5000, 3));
                }
            }
        }
        return tiles;
    }

    @Test
    void anImportAnswersAtOnceAndItsHierarchyAndLowZoomTilesAreWarmedAfter() throws Exception {
        warmWith(ZOOM_0_TO_1);
        fixture.renderer.gate = new CountDownLatch(1);
        Revision tower = importTower();
        assertEquals(1, warming.pending(), "the import answered while its building waits to be warmed");

        fixture.renderer.gate.countDown();
        await("the warming", () -> warming.pending() == 0);
        List<RenderRequest> tiles = lowZoomTiles(tower);
        assertTrue(tiles.size() >= 6, "a few floors of 3 to 5 tiles, was " + tiles.size());
        assertEquals(tiles.size(), fixture.cache.stats().computations());
        assertEquals(0, fixture.cache.stats().requests(), "warming is not a request");
        assertEquals(tiles.size(), fixture.renderer.calls.get());
        assertEquals(1, fixture.strategy.groups.get(), "the default hierarchy was grouped once, and kept");

        HierarchyFloorRendering rendering = fixture.rendering(new PrefetchSettings(false, false, 1));
        for (RenderRequest tile : tiles) {
            draw(rendering, tower, null, tile);
        }
        assertEquals(tiles.size(), fixture.cache.stats().hits(), "every warmed tile is a hit");
        assertEquals(tiles.size(), fixture.renderer.calls.get());
        assertEquals(1, fixture.strategy.groups.get());
    }

    @Test
    void withoutACacheOnlyTheHierarchyIsGrouped() throws Exception {
        fixture.selector.remove(Cache.class);
        warmWith(ZOOM_0_TO_1);
        importTower();
        await("the warming", () -> warming.pending() == 0);
        assertEquals(1, fixture.strategy.groups.get());
        assertEquals(0, fixture.renderer.calls.get());
    }

    @Test
    void switchedOffNothingIsWarmed() throws Exception {
        warmWith(new WarmingSettings(false, 1, List.of("svg"), 5000, 3, 16));
        importTower();
        assertEquals(0, warming.pending());
        assertEquals(0, fixture.strategy.groups.get());
    }

    @Test
    void buildingsBeyondTheQueueAreNotWarmedAndNoneIsQueuedTwice() throws Exception {
        warmWith(new WarmingSettings(true, 0, List.of("svg"), 5000, 3, 1));
        fixture.renderer.gate = new CountDownLatch(1);
        Revision tower = importTower();
        assertFalse(warming.warm(TENANT, BUILDING), "it waits already");
        assertFalse(warming.warm(TENANT, "other"), "the queue is full");
        fixture.renderer.gate.countDown();
        await("the warming", () -> warming.pending() == 0);
        assertEquals(tower.objects().filter(o -> o.type() == ObjectType.FLOOR).count(),
                fixture.renderer.calls.get(), "zoom 0 only: one tile per floor");
    }
}
