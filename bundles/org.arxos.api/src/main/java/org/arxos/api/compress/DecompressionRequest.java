package org.arxos.api.compress;

/**
 * What to decompress.
 *
 * @param implementation   the {@code arxos.impl} name of the compressor to ask first, or {@code null} for the serving
 *                         one
 * @param maxOriginalBytes the most bytes of original the caller takes; a compressor that writes more is stopped and
 *                         the call fails with a {@link CompressionLimitException}. The compressors' own limits apply
 *                         as well.
 * @param limitName        what that exception names as the limit: the caller's name for it in its configuration (for
 *                         example {@code maxBodyBytes}); {@value #DEFAULT_LIMIT_NAME} unless given
 */
public record DecompressionRequest(String implementation, long maxOriginalBytes, String limitName) {

    public static final String DEFAULT_LIMIT_NAME = "maxOriginalBytes";

    public DecompressionRequest {
        implementation = implementation == null || implementation.isBlank() ? null : implementation.strip();
        if (maxOriginalBytes < 0) {
            throw new IllegalArgumentException("maxOriginalBytes must not be negative but was " + maxOriginalBytes);
        }
        limitName = limitName == null || limitName.isBlank() ? DEFAULT_LIMIT_NAME : limitName.strip();
    }

    /** Decompresses with the named compressor first ({@code null}: the serving one), within its limits alone. */
    public static DecompressionRequest of(String implementation) {
        return new DecompressionRequest(implementation, Long.MAX_VALUE, null);
    }
}
