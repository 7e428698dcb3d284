package org.arxos.http.internal;

import org.arxos.api.io.ImportOptions;
import org.arxos.api.render.RenderRequest;

/** The configured limits, read once per configuration change. */
record ApiSettings(long maxBodyBytes, long maxObjects, int defaultPageSize, int maxPageSize, int maxElements,
        double minPixels, int maxTileZoom, int maxRenderPixels) {

    static final ApiSettings DEFAULTS = new ApiSettings(HttpApiConfiguration.DEFAULT_MAX_BODY_BYTES,
            ImportOptions.DEFAULT_MAX_OBJECTS, 100, 1000, RenderRequest.DEFAULT_MAX_ELEMENTS,
            RenderRequest.DEFAULT_MIN_PIXELS, 16, 8192);

    ApiSettings {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be 1 or more but was " + maxBodyBytes);
        }
        if (maxObjects < 1) {
            throw new IllegalArgumentException("maxObjects must be 1 or more but was " + maxObjects);
        }
        if (defaultPageSize < 1 || maxPageSize < 1) {
            throw new IllegalArgumentException(
                    "page sizes must be 1 or more but were " + defaultPageSize + " and " + maxPageSize);
        }
        maxElements = Math.max(1, maxElements);
        minPixels = Math.max(0, minPixels);
        maxTileZoom = Math.min(30, Math.max(0, maxTileZoom));
        maxRenderPixels = Math.max(1, maxRenderPixels);
    }

    static ApiSettings of(HttpApiConfiguration configuration) {
        return new ApiSettings(configuration.maxBodyBytes(), configuration.maxObjects(),
                configuration.defaultPageSize(),
                configuration.maxPageSize(), configuration.maxElements(), configuration.minPixels(),
                configuration.maxTileZoom(), configuration.maxRenderPixels());
    }

    PageRequest page(ApiRequest request) {
        return PageRequest.parse(request.parameter("offset"), request.parameter("limit"), defaultPageSize,
                maxPageSize);
    }
}
