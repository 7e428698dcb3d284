package org.arxos.compress;

/**
 * How a frame is written: the algorithm and its level, the size of the blocks the content is cut into, and the
 * optional dictionary or reference the blocks are coded against. A reader needs the same dictionary or reference
 * ({@link Decoding}); the frame records a checksum of it, so a wrong one is named, not mistaken for corruption.
 *
 * <p>Arrays are held, not copied: do not change them while the encoding is in use.
 *
 * @param algorithm  the codec of every block
 * @param level      the codec's level, within {@link Algorithm#minLevel()} and {@link Algorithm#maxLevel()}
 * @param blockSize  the original bytes per block; readers refuse blocks above their {@link FrameLimits#maxBlockSize()}
 * @param dictionary a dictionary (a trained zstd dictionary, or sample content), or {@code null}
 * @param reference  an earlier version of the content, for deltas (zstd only), or {@code null}
 */
public record Encoding(Algorithm algorithm, int level, int blockSize, byte[] dictionary, byte[] reference) {

    /** One MiB: large enough for the codecs to find their matches, small enough for the request path. */
    public static final int DEFAULT_BLOCK_SIZE = 1 << 20;
    /** The largest block a frame can hold. */
    public static final int MAX_BLOCK_SIZE = 1 << 30;

    public Encoding {
        if (algorithm == null) {
            throw new IllegalArgumentException("algorithm is required");
        }
        if (level < algorithm.minLevel() || level > algorithm.maxLevel()) {
            throw new IllegalArgumentException("level " + level + " is outside " + algorithm + "'s "
                    + algorithm.minLevel() + ".." + algorithm.maxLevel());
        }
        if (blockSize < 1 || blockSize > MAX_BLOCK_SIZE) {
            throw new IllegalArgumentException("blockSize must be within 1.." + MAX_BLOCK_SIZE + " but was " + blockSize);
        }
        if (dictionary != null && !algorithm.takesDictionary()) {
            throw new IllegalArgumentException(algorithm + " does not take a dictionary");
        }
        if (reference != null && !algorithm.takesReference()) {
            throw new IllegalArgumentException(algorithm + " does not take a reference");
        }
        if (dictionary != null && reference != null) {
            throw new IllegalArgumentException("a frame is coded against a dictionary or a reference, not both");
        }
    }

    /** The algorithm at its default level, in blocks of {@link #DEFAULT_BLOCK_SIZE}. */
    public static Encoding of(Algorithm algorithm) {
        return of(algorithm, algorithm.defaultLevel());
    }

    public static Encoding of(Algorithm algorithm, int level) {
        return new Encoding(algorithm, level, DEFAULT_BLOCK_SIZE, null, null);
    }

    public Encoding withBlockSize(int size) {
        return new Encoding(algorithm, level, size, dictionary, reference);
    }

    public Encoding withDictionary(byte[] bytes) {
        return new Encoding(algorithm, level, blockSize, bytes, reference);
    }

    public Encoding withReference(byte[] bytes) {
        return new Encoding(algorithm, level, blockSize, dictionary, bytes);
    }

    @Override
    public String toString() {
        return algorithm + "-" + level + "/" + blockSize + (dictionary != null ? "+dictionary" : "")
                + (reference != null ? "+reference" : "");
    }
}
