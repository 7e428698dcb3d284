package org.arxos.compress.delta;

/**
 * What decoding a delta accepts before it allocates: corrupt or hostile input fails with a clear error instead of
 * exhausting memory.
 *
 * @param maxItems        the most changes in a change delta, and objects plus connections in a snapshot delta
 * @param maxDecodedBytes the most bytes a delta's columns, or a binary delta's target, may unpack to
 */
public record DeltaLimits(long maxItems, int maxDecodedBytes) {

    /** Two million items, as the importers accept, and 1 GiB. */
    public static final DeltaLimits DEFAULTS = new DeltaLimits(2_000_000, 1 << 30);

    public DeltaLimits {
        if (maxItems < 1 || maxItems > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxItems must be between 1 and " + (Integer.MAX_VALUE - 8) + " but was "
                    + maxItems);
        }
        if (maxDecodedBytes < 1) {
            throw new IllegalArgumentException("maxDecodedBytes must be positive but was " + maxDecodedBytes);
        }
    }
}
