package org.arxos.compress;

/**
 * What a reader accepts, checked against the lengths a frame declares before any memory is allocated for them.
 * Reading a frame holds at most one block's original and one block's coded bytes, so memory stays below twice
 * {@code maxBlockSize} plus the codec's fixed state.
 *
 * @param maxOriginalSize   the most bytes a frame may decode to
 * @param maxExpansionRatio the most original bytes per byte of input, counted over the frame so far once it has
 *                          decoded more than {@link #RATIO_GRACE} bytes (a decompression bomb passes it early); the
 *                          input includes the dictionary or reference, since a delta repeats its reference
 * @param maxBlockSize      the largest block, before and after coding
 */
public record FrameLimits(long maxOriginalSize, int maxExpansionRatio, int maxBlockSize) {

    /** Below this many decoded bytes the ratio is not checked: small, very regular content may expand far. */
    public static final long RATIO_GRACE = 1 << 20;

    /** 1 GiB at most, 1000 times expansion, 16 MiB blocks. */
    public static final FrameLimits DEFAULT = new FrameLimits(1L << 30, 1000, 16 << 20);

    public FrameLimits {
        if (maxOriginalSize < 0) {
            throw new IllegalArgumentException("maxOriginalSize must not be negative but was " + maxOriginalSize);
        }
        if (maxExpansionRatio < 1) {
            throw new IllegalArgumentException("maxExpansionRatio must be at least 1 but was " + maxExpansionRatio);
        }
        if (maxBlockSize < 1) {
            throw new IllegalArgumentException("maxBlockSize must be at least 1 but was " + maxBlockSize);
        }
    }
}
