package org.arxos.io.json.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;

/** The one Jackson factory of the format: shared, since factories are thread safe and costly to make. */
final class JsonFormat {

    static final JsonFactory FACTORY = JsonFactory.builder()
            // Callers own their streams.
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            // Both are exact (correctly rounded, shortest round-tripping text) and several times faster.
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private JsonFormat() {
    }
}
