package org.arxos.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.arxos.api.render.RenderRequest;
import org.arxos.api.render.TileAddress;
import org.arxos.model.geometry.Bounds;

/** Tiles of a floor's pyramid (see {@link TileAddress}): which tile a request draws, and the tiles around one. */
final class TilePyramid {

    private TilePyramid() {
    }

    /**
     * The tile whose request this is, exactly as {@link TileAddress#request} makes it, or empty when the request draws
     * anything else (a viewport of its own, another scale).
     */
    static Optional<TileAddress> tileOf(Bounds extent, RenderRequest request) {
        double side = Math.max(Math.max(extent.width(), extent.height()), 1e-3);
        long tiles = Math.round(request.scale() * side / TileAddress.TILE_PIXELS);
        if (tiles < 1 || tiles > 1L << 30 || Long.bitCount(tiles) != 1) {
            return Optional.empty();
        }
        double tileSide = side / tiles;
        long x = Math.round((request.viewport().minX() - extent.minX()) / tileSide);
        long y = Math.round((extent.maxY() - request.viewport().maxY()) / tileSide);
        if (x < 0 || y < 0 || x >= tiles || y >= tiles) {
            return Optional.empty();
        }
        TileAddress tile = new TileAddress(request.floorId(), Long.numberOfTrailingZeros(tiles), (int) x, (int) y);
        return tile.request(extent, request.format(), request.maxElements(), request.minPixels()).equals(request)
                ? Optional.of(tile) : Optional.empty();
    }

    /** The tiles of the same zoom around it that show part of the floor, and then its parent when asked for. */
    static List<TileAddress> around(TileAddress tile, Bounds extent, boolean withParent) {
        List<TileAddress> around = new ArrayList<>(9);
        int tiles = 1 << tile.zoom();
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int x = tile.x() + dx;
                int y = tile.y() + dy;
                if ((dx != 0 || dy != 0) && x >= 0 && y >= 0 && x < tiles && y < tiles) {
                    TileAddress neighbour = new TileAddress(tile.floorId(), tile.zoom(), x, y);
                    if (showsFloor(neighbour, extent)) {
                        around.add(neighbour);
                    }
                }
            }
        }
        if (withParent && tile.zoom() > 0) {
            around.add(new TileAddress(tile.floorId(), tile.zoom() - 1, tile.x() / 2, tile.y() / 2));
        }
        return around;
    }

    /** Whether any of the floor lies in the tile; the others are refused when asked for, so never drawn ahead. */
    static boolean showsFloor(TileAddress tile, Bounds extent) {
        return tile.viewport(extent).intersects(extent);
    }
}
