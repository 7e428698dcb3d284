package org.arxos.compress.bim;

/**
 * What decoding accepts before it allocates: corrupt or hostile input fails with a clear error instead of exhausting
 * memory.
 *
 * @param maxItems        the most objects plus connections
 * @param maxPayloadBytes the most bytes the column data may unpack to
 */
public record BimLimits(long maxItems, int maxPayloadBytes) {

    /** Two million items (as the importers accept) and 512 MiB of columns, several times what they need. */
    public static final BimLimits DEFAULTS = new BimLimits(2_000_000, 512 << 20);

    public BimLimits {
        if (maxItems < 1 || maxItems > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxItems must be between 1 and " + (Integer.MAX_VALUE - 8) + " but was "
                    + maxItems);
        }
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive but was " + maxPayloadBytes);
        }
    }
}
