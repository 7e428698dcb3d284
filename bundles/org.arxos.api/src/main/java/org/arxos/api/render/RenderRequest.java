package org.arxos.api.render;

import org.arxos.model.geometry.Bounds;

/**
 * @param floorId     the floor to draw
 * @param viewport    the part of the floor to draw, in floor coordinates (metres)
 * @param scale       pixels per metre; decides the level of detail
 * @param format      one of the renderer's {@link Renderer#formats()}
 * @param maxElements the most elements (objects and group outlines) to draw; past it, groups are drawn coarser
 * @param minPixels   objects whose larger side is under this many pixels are drawn as their group's outline with
 *                    a count instead of one by one
 */
public record RenderRequest(String floorId, Bounds viewport, double scale, String format, int maxElements,
        double minPixels) {

    public static final int DEFAULT_MAX_ELEMENTS = 5_000;
    public static final double DEFAULT_MIN_PIXELS = 3;

    public RenderRequest {
        if (floorId == null || viewport == null || format == null) {
            throw new IllegalArgumentException("a render request needs a floor, a viewport and a format");
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be a positive number of pixels per metre, was " + scale);
        }
        if (maxElements < 1) {
            throw new IllegalArgumentException("maxElements must be at least 1, was " + maxElements);
        }
        if (!(minPixels >= 0) || Double.isInfinite(minPixels)) {
            throw new IllegalArgumentException("minPixels must be zero or more, was " + minPixels);
        }
    }

    /** Width of the drawing in pixels, rounded: float viewports make a 256-pixel tile 256.00002 pixels wide. */
    public int pixelWidth() {
        return pixels(viewport.width());
    }

    /** Height of the drawing in pixels, rounded as {@link #pixelWidth()}. */
    public int pixelHeight() {
        return pixels(viewport.height());
    }

    private int pixels(float metres) {
        return (int) Math.min(Integer.MAX_VALUE, Math.round(metres * scale));
    }
}
