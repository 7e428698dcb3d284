package org.arxos.api.compress;

/**
 * Compressed input asks for more than a configured limit allows (a decompression bomb, an oversized block or
 * original): it is refused before the memory or time is spent. {@link #limit()} names the limit.
 */
public class CompressionLimitException extends CorruptDataException {

    private static final long serialVersionUID = 1L;

    private final String limit;

    public CompressionLimitException(String limit, String message) {
        super(message);
        this.limit = limit;
    }

    /** The name of the limit that was passed, as in the configuration (for example {@code maxExpansionRatio}). */
    public String limit() {
        return limit;
    }
}
