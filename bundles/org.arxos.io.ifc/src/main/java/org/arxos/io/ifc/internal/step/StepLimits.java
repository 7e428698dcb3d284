package org.arxos.io.ifc.internal.step;

/**
 * What a file may demand of the reader; exceeding any limit stops the read with an error naming it.
 *
 * @param maxBytes        the most bytes read from the stream
 * @param maxEntities     the most entity instances in the DATA sections
 * @param maxStringLength the longest string, in encoded bytes between the quotes (escapes included)
 * @param maxNesting      the deepest nesting of lists and typed parameters inside one entity
 */
public record StepLimits(long maxBytes, long maxEntities, int maxStringLength, int maxNesting) {

    /** 2 GiB, 50 million entities, 1 MiB strings, nesting 64. */
    public static final StepLimits DEFAULTS = new StepLimits(2L << 30, 50_000_000L, 1 << 20, 64);

    public StepLimits {
        if (maxBytes <= 0 || maxEntities <= 0 || maxStringLength <= 0 || maxNesting <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxBytes + ", " + maxEntities + ", "
                    + maxStringLength + ", " + maxNesting);
        }
        if (maxNesting > 1000) {
            // The parser recurses once per level: keep it far from the thread's stack size.
            throw new IllegalArgumentException("maxNesting must be at most 1000, was " + maxNesting);
        }
    }

    public StepLimits withMaxBytes(long bytes) {
        return new StepLimits(bytes, maxEntities, maxStringLength, maxNesting);
    }

    public StepLimits withMaxEntities(long entities) {
        return new StepLimits(maxBytes, entities, maxStringLength, maxNesting);
    }

    public StepLimits withMaxStringLength(int length) {
        return new StepLimits(maxBytes, maxEntities, length, maxNesting);
    }

    public StepLimits withMaxNesting(int nesting) {
        return new StepLimits(maxBytes, maxEntities, maxStringLength, nesting);
    }
}
