package org.arxos.api.compress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Compresses content against an earlier version of it, its base: the delta holds what changed, so that a history of
 * N versions costs far less than N copies. Register with {@code arxos.impl} set to the compressor's name.
 * Decompression validates what it returns: a damaged delta, or a delta given another base than the one it was made
 * against, fails; it never yields wrong content. Where a compressor understands the content (a building document)
 * it may return an equivalent document rather than the same bytes, and says so.
 */
@ConsumerType
public interface DeltaCompressor {

    /** Whether this compressor makes deltas of the media type. */
    boolean supports(String contentType);

    /** Writes the delta that turns {@code base} into {@code target}; reads both streams to their end. */
    void compress(InputStream base, InputStream target, OutputStream delta, String contentType, CompressionLevel level)
            throws IOException;

    /**
     * Writes the content the delta makes of {@code base}.
     *
     * @throws CorruptDataException when the delta is damaged, or was made against another base
     */
    void decompress(InputStream base, InputStream delta, OutputStream target) throws IOException;
}
