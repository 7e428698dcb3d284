package org.arxos.api.compress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.arxos.api.selection.ImplementationSelector;
import org.arxos.api.selection.ImplementationsFailedException;
import org.arxos.api.selection.NoImplementationException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The one way content is compressed and decompressed with the running {@link Compressor}s, for the REST API, the
 * Gogo shell and any other caller. Each call asks the named compressor first (or, without a name or when it does not
 * run, the serving one), then every other by ranking, each through
 * {@link ImplementationSelector#call(Class, String, org.arxos.api.selection.ServiceCall,
 * org.arxos.api.selection.CallGuard) ImplementationSelector.call}, until one does the job:
 * <ul>
 * <li>a compressor that <em>fails</em> (throws an unexpected exception, or overruns the selector's time limit) is
 * replaced by the next; the selector counts the failure against it, and so do the {@link #statistics statistics};
 * <li>a compressor that <em>refuses</em> the content is passed over without blame: it does not take the media type,
 * or it throws an {@link IOException} or {@link IllegalArgumentException} (data it does not recognise, malformed
 * content, a limit passed). The content decided that, not the compressor; blaming it would let bad input quarantine
 * good compressors. The statistics count it as a refusal.
 * </ul>
 * Since a compressor that fails half-way is replaced by one that starts again, the content is read once and held (in
 * memory up to a configured size, in a temporary file beyond it), and each compressor writes to a buffer of its own:
 * the output stream receives only what the compressor that did the job wrote. Streams are read to their end and
 * flushed, never closed.
 */
@ProviderType
public interface Compressions {

    /**
     * Compresses content with the first compressor that takes its media type and does the job.
     *
     * @throws ContentRefusedException        when every running compressor refused the content, naming why
     * @throws NoImplementationException      when no compressor runs
     * @throws ImplementationsFailedException when every compressor asked failed
     * @throws IOException                    when {@code original} cannot be read or {@code compressed} written
     */
    CompressionResult compress(InputStream original, OutputStream compressed, CompressionRequest request)
            throws IOException;

    /**
     * Decompresses content with the first compressor that recognises it.
     *
     * @throws CompressionLimitException      when the original would pass the request's limit, or when every
     *                                        compressor refused the data and one of them named a limit it passes
     * @throws ContentRefusedException        when every running compressor refused the data (it is corrupt, or made
     *                                        by a compressor that does not run), naming why
     * @throws NoImplementationException      when no compressor runs
     * @throws ImplementationsFailedException when every compressor asked failed
     * @throws IOException                    when {@code compressed} cannot be read or {@code original} written
     */
    CompressionResult decompress(InputStream compressed, OutputStream original, DecompressionRequest request)
            throws IOException;

    /**
     * What calls through this service did with the compressor of this {@code arxos.impl} name since the service
     * started, for every caller; all zero for a compressor it has not called.
     */
    CompressorStatistics statistics(String implementation);
}
