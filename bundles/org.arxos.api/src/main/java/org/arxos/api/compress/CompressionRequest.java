package org.arxos.api.compress;

import java.util.Objects;

/**
 * What to compress.
 *
 * @param contentType    the media type of the content, such as {@code image/svg+xml}, without parameters
 * @param level          how hard to try
 * @param implementation the {@code arxos.impl} name of the compressor to ask first, or {@code null} for the serving
 *                       one
 */
public record CompressionRequest(String contentType, CompressionLevel level, String implementation) {

    public CompressionRequest {
        if (contentType == null || contentType.isBlank()) {
            throw new IllegalArgumentException("the content type of what to compress is missing");
        }
        contentType = contentType.strip();
        Objects.requireNonNull(level, "level");
        implementation = implementation == null || implementation.isBlank() ? null : implementation.strip();
    }

    /** Compresses content of the media type at the default level with the serving compressor first. */
    public static CompressionRequest of(String contentType) {
        return new CompressionRequest(contentType, CompressionLevel.BALANCED, null);
    }
}
