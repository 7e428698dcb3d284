package org.arxos.api.render;

import org.arxos.model.geometry.Bounds;

/**
 * One tile of a floor's tile pyramid. Zoom 0 is one tile of {@link #TILE_PIXELS} square over the square around the
 * floor's extent (anchored at its top-left corner); each zoom level halves the tile side. Column {@code x} grows to
 * the east, row {@code y} to the south, as in web maps, while floor coordinates grow to the north.
 */
public record TileAddress(String floorId, int zoom, int x, int y) {

    public static final int TILE_PIXELS = 256;

    public TileAddress {
        if (zoom < 0 || zoom > 30) {
            throw new IllegalArgumentException("zoom must be 0 to 30, was " + zoom);
        }
        int tiles = 1 << zoom;
        if (x < 0 || y < 0 || x >= tiles || y >= tiles) {
            throw new IllegalArgumentException("tile " + x + "/" + y + " is outside zoom " + zoom + ", which has "
                    + tiles + " tiles a side");
        }
    }

    /** The part of the floor this tile shows, for a floor whose objects lie within {@code floorExtent}. */
    public Bounds viewport(Bounds floorExtent) {
        double side = tileSide(floorExtent);
        double minX = floorExtent.minX() + x * side;
        double maxY = floorExtent.maxY() - y * side;
        return new Bounds((float) minX, (float) (maxY - side), (float) (minX + side), (float) maxY);
    }

    /** Pixels per metre at this tile's zoom. */
    public double scale(Bounds floorExtent) {
        return TILE_PIXELS / tileSide(floorExtent);
    }

    public RenderRequest request(Bounds floorExtent, String format, int maxElements, double minPixels) {
        return new RenderRequest(floorId, viewport(floorExtent), scale(floorExtent), format, maxElements, minPixels);
    }

    private double tileSide(Bounds floorExtent) {
        double side = Math.max(Math.max(floorExtent.width(), floorExtent.height()), 1e-3);
        return side / (1L << zoom);
    }
}
