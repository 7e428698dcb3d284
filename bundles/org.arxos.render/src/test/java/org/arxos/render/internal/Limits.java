package org.arxos.render.internal;

import java.lang.annotation.Annotation;

/** A renderer configuration for tests: the defaults, changed one value at a time. */
record Limits(int maxElements, double minPixels, int maxSidePixels, int maxPngPixels, int indexCacheFloors,
        int maxTileZoom) implements RendererConfiguration {

    static final Limits DEFAULTS = new Limits(5_000, 0, 8_192, 16_777_216, 64, 16);

    Limits withMaxElements(int value) {
        return new Limits(value, minPixels, maxSidePixels, maxPngPixels, indexCacheFloors, maxTileZoom);
    }

    Limits withMinPixels(double value) {
        return new Limits(maxElements, value, maxSidePixels, maxPngPixels, indexCacheFloors, maxTileZoom);
    }

    Limits withMaxPngPixels(int value) {
        return new Limits(maxElements, minPixels, maxSidePixels, value, indexCacheFloors, maxTileZoom);
    }

    Limits withIndexCacheFloors(int value) {
        return new Limits(maxElements, minPixels, maxSidePixels, maxPngPixels, value, maxTileZoom);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return RendererConfiguration.class;
    }
}
