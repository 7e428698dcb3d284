package org.arxos.api.render;

import org.arxos.model.geometry.Bounds;

/**
 * @param floorId     the floor to draw
 * @param viewport    the part of the floor to draw, in floor coordinates (metres)
 * @param scale       pixels per metre; decides the level of detail
 * @param format      one of the renderer's {@link Renderer#formats()}
 * @param maxElements the most elements to draw; the rest are summarised by their groups
 */
public record RenderRequest(String floorId, Bounds viewport, double scale, String format, int maxElements) {

    public static final int DEFAULT_MAX_ELEMENTS = 5_000;
}
