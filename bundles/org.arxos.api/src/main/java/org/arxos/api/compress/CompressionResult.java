package org.arxos.api.compress;

import java.time.Duration;

import org.arxos.api.selection.Implementation;

/**
 * What one compression or decompression through {@link Compressions} did.
 *
 * @param implementation  the compressor that did the job
 * @param originalBytes   bytes of the original: read when compressing, written when decompressing
 * @param compressedBytes bytes of the compressed form: written when compressing, read when decompressing
 * @param time            how long the compressor took
 */
public record CompressionResult(Implementation implementation, long originalBytes, long compressedBytes,
        Duration time) {

    /** Compressed bytes per original byte (0.1 saves 90 %), or 0 for an empty original. */
    public double ratio() {
        return originalBytes == 0 ? 0 : (double) compressedBytes / originalBytes;
    }
}
