package org.arxos.api.render;

/**
 * What {@link FloorRendering#render} drew and with what: enough to tell two drawings of one revision apart.
 *
 * @param strategy               the grouping strategy's name
 * @param strategyImplementation the strategy's service id
 * @param renderer               the renderer's {@code arxos.impl} name
 * @param rendererImplementation the renderer's service id
 * @param result                 what was drawn
 */
public record RenderedFloor(String strategy, long strategyImplementation, String renderer,
        long rendererImplementation, RenderResult result) {
}
