package org.arxos.http.internal;

import org.arxos.api.io.ImportOptions;

/** The configured limits, read once per configuration change. */
record ApiSettings(long maxBodyBytes, long maxObjects, int defaultPageSize, int maxPageSize, int hierarchyCacheSize) {

    static final ApiSettings DEFAULTS = new ApiSettings(HttpApiConfiguration.DEFAULT_MAX_BODY_BYTES,
            ImportOptions.DEFAULT_MAX_OBJECTS, 100, 1000, 32);

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
        hierarchyCacheSize = Math.max(1, hierarchyCacheSize);
    }

    static ApiSettings of(HttpApiConfiguration configuration) {
        return new ApiSettings(configuration.maxBodyBytes(), configuration.maxObjects(),
                configuration.defaultPageSize(),
                configuration.maxPageSize(), configuration.hierarchyCacheSize());
    }

    PageRequest page(ApiRequest request) {
        return PageRequest.parse(request.parameter("offset"), request.parameter("limit"), defaultPageSize,
                maxPageSize);
    }
}
