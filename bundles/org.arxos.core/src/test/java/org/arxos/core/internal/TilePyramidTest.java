package org.arxos.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.arxos.api.render.RenderRequest;
import org.arxos.api.render.TileAddress;
import org.arxos.model.geometry.Bounds;
import org.junit.jupiter.api.Test;

class TilePyramidTest {

    /** Wider than deep, off the origin: the pyramid's square reaches below the floor. */
    private static final Bounds EXTENT = new Bounds(-13.3f, 7.1f, 61.7f, 41.9f);

    @Test
    void everyTileRequestIsRecognisedAsItsTile() {
        for (int zoom = 0; zoom <= 6; zoom++) {
            for (int y = 0; y < 1 << zoom; y++) {
                for (int x = 0; x < 1 << zoom; x++) {
                    TileAddress tile = new TileAddress("f1", zoom, x, y);
                    assertEquals(Optional.of(tile), TilePyramid.tileOf(EXTENT, tile.request(EXTENT, "png", 77, 1.5)));
                }
            }
        }
    }

    @Test
    void otherRequestsAreNoTiles() {
        TileAddress tile = new TileAddress("f1", 3, 2, 5);
        RenderRequest asTile = tile.request(EXTENT, "svg", 5000, 3);
        Bounds v = asTile.viewport();
        assertEquals(Optional.empty(), TilePyramid.tileOf(EXTENT, new RenderRequest("f1", EXTENT, 3, "svg", 5000, 3)));
        assertEquals(Optional.empty(), TilePyramid.tileOf(EXTENT, new RenderRequest("f1", v, asTile.scale() * 1.5,
                "svg", 5000, 3)));
        assertEquals(Optional.empty(), TilePyramid.tileOf(EXTENT, new RenderRequest("f1", new Bounds(v.minX() + 0.5f,
                v.minY(), v.maxX() + 0.5f, v.maxY()), asTile.scale(), "svg", 5000, 3)));
        assertEquals(Optional.empty(), TilePyramid.tileOf(EXTENT, new RenderRequest("f1", new Bounds(-500, -500, -490,
                -490), asTile.scale(), "svg", 5000, 3)));
    }

    @Test
    void aroundATileAreItsNeighboursOnTheFloorAndItsParent() {
        assertEquals(List.of(), TilePyramid.around(new TileAddress("f1", 0, 0, 0), EXTENT, true));
        // the floor is 34.8 m deep, the pyramid's square 75 m: at zoom 1 it lies in row 0, at zoom 2 in rows 0 and 1
        assertEquals(List.of(new TileAddress("f1", 1, 1, 0), new TileAddress("f1", 0, 0, 0)),
                TilePyramid.around(new TileAddress("f1", 1, 0, 0), EXTENT, true));
        assertEquals(List.of(new TileAddress("f1", 2, 2, 0), new TileAddress("f1", 2, 3, 0),
                new TileAddress("f1", 2, 2, 1)), TilePyramid.around(new TileAddress("f1", 2, 3, 1), EXTENT, false));
    }
}
