package org.arxos.api.compress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Compresses a stream of one content type. Register with {@code arxos.impl} set to the compressor's name.
 * Decompression validates what it returns: corrupted or truncated input fails, it never yields wrong bytes.
 */
@ConsumerType
public interface Compressor {

    /** Whether this compressor handles the media type (for example {@code image/svg+xml}). */
    boolean supports(String contentType);

    void compress(InputStream in, OutputStream out, String contentType, CompressionLevel level) throws IOException;

    /** @throws CorruptDataException when the input fails validation */
    void decompress(InputStream in, OutputStream out) throws IOException;
}
