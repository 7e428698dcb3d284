package org.arxos.http.internal;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.compress.CodecChoice;
import org.arxos.compress.FrameLimits;

/**
 * The content coding configuration, read once per change.
 *
 * @param minBytes      bodies shorter than this are sent as they are
 * @param level         how hard response encoders try
 * @param requestLimits what a coded request body may expand to; its size is left to the endpoints' own body limit
 */
record ContentCodingSettings(int minBytes, CompressionLevel level, FrameLimits requestLimits) {

    static final ContentCodingSettings DEFAULTS = new ContentCodingSettings(1024, CompressionLevel.FAST,
            limits(FrameLimits.DEFAULT.maxExpansionRatio()));

    static ContentCodingSettings of(ContentCodingConfiguration configuration) {
        return new ContentCodingSettings(Math.max(0, configuration.minBytes()), configuration.level(),
                limits(configuration.maxExpansionRatio()));
    }

    private static FrameLimits limits(int maxExpansionRatio) {
        return new FrameLimits(Long.MAX_VALUE, Math.max(1, maxExpansionRatio), FrameLimits.DEFAULT.maxBlockSize());
    }

    /** Whether a body of this media type is worth coding: it is not compressed already (PNG, archives, frames). */
    static boolean codable(String contentType) {
        String essence = MediaTypes.essence(contentType);
        return essence != null && !essence.equals(CompressionEndpoints.COMPRESSED_MEDIA_TYPE)
                && !CodecChoice.DEFAULT.isCompressed(essence);
    }
}
