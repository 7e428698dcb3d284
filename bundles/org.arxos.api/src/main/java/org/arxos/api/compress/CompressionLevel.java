package org.arxos.api.compress;

/** How hard to try; only {@link #LOSSY} may change the content, within the compressor's stated tolerance. */
public enum CompressionLevel {
    /** Lossless, fast enough for the request path. */
    FAST,
    /** Lossless, the default. */
    BALANCED,
    /** Lossless, strongest; for data at rest. */
    MAX,
    /** May drop precision or detail within a stated tolerance. */
    LOSSY
}
