package org.arxos.core.internal;

import java.util.List;

import org.arxos.api.render.RenderRequest;

/**
 * How the cache is warmed after an import, read once per configuration change.
 *
 * @param enabled     whether buildings are warmed at all
 * @param maxZoom     tiles of zoom 0 up to this are drawn
 * @param formats     the formats they are drawn in
 * @param maxElements the element cap of the tiles, as the HTTP API asks for them
 * @param minPixels   the smallest object drawn one by one, as the HTTP API asks for it
 * @param queue       buildings waiting to be warmed at most
 */
public record WarmingSettings(boolean enabled, int maxZoom, List<String> formats, int maxElements, double minPixels,
        int queue) {

    public WarmingSettings {
        if (maxZoom < 0 || maxZoom > 10) {
            throw new IllegalArgumentException(WarmingConfiguration.PID + ": maxZoom must be 0 to 10, was " + maxZoom);
        }
        formats = formats.stream().map(String::strip).filter(f -> !f.isEmpty()).distinct().toList();
        if (maxElements < 1) {
            throw new IllegalArgumentException(WarmingConfiguration.PID + ": maxElements must be at least 1, was "
                    + maxElements);
        }
        if (!(minPixels >= 0) || Double.isInfinite(minPixels)) {
            throw new IllegalArgumentException(WarmingConfiguration.PID + ": minPixels must be zero or more, was "
                    + minPixels);
        }
        queue = Math.max(1, queue);
    }

    public static WarmingSettings defaults() {
        return new WarmingSettings(true, 2, List.of("svg"), RenderRequest.DEFAULT_MAX_ELEMENTS,
                RenderRequest.DEFAULT_MIN_PIXELS, 16);
    }

    static WarmingSettings of(WarmingConfiguration configuration) {
        return new WarmingSettings(configuration.enabled(), configuration.maxZoom(),
                configuration.formats() == null ? List.of() : List.of(configuration.formats()),
                configuration.maxElements(), configuration.minPixels(), configuration.queue());
    }
}
