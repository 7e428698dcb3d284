package org.arxos.http.internal;

/** The configured limits, read once per configuration change. */
record ApiSettings(long maxBodyBytes, int defaultPageSize, int maxPageSize, int hierarchyCacheSize) {

    static final ApiSettings DEFAULTS = new ApiSettings(HttpApiConfiguration.DEFAULT_MAX_BODY_BYTES, 100, 1000, 32);

    ApiSettings {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be 1 or more but was " + maxBodyBytes);
        }
        if (defaultPageSize < 1 || maxPageSize < 1) {
            throw new IllegalArgumentException(
                    "page sizes must be 1 or more but were " + defaultPageSize + " and " + maxPageSize);
        }
        hierarchyCacheSize = Math.max(1, hierarchyCacheSize);
    }

    static ApiSettings of(HttpApiConfiguration configuration) {
        return new ApiSettings(configuration.maxBodyBytes(), configuration.defaultPageSize(),
                configuration.maxPageSize(), configuration.hierarchyCacheSize());
    }

    PageRequest page(ApiRequest request) {
        return PageRequest.parse(request.parameter("offset"), request.parameter("limit"), defaultPageSize,
                maxPageSize);
    }
}
