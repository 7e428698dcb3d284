package org.arxos.compress;

import org.arxos.api.compress.CorruptDataException;

/**
 * The codecs a frame's blocks are coded with. The id is written into every frame and never changes; levels are the
 * codec's own, checked when an {@link Encoding} is made.
 */
public enum Algorithm {
    /** No coding: blocks are copied. */
    STORED(0, 0, 0, 0),
    /** Raw deflate (RFC 1951) from the JDK; may use a preset dictionary of up to 32 KiB. */
    DEFLATE(1, 1, 9, 6),
    /** Zstandard through zstd-jni; may use a dictionary (trained or raw content) or a reference (an earlier version). */
    ZSTD(2, -7, 22, 3),
    /** LZMA2, the xz format's filter, without the .xz container (the frame replaces it); may use a dictionary. */
    XZ(3, 0, 9, 6),
    /** bzip2 through commons-compress; the level is the block size in 100 kB. */
    BZIP2(4, 1, 9, 9);

    private final int id;
    private final int minLevel;
    private final int maxLevel;
    private final int defaultLevel;

    Algorithm(int id, int minLevel, int maxLevel, int defaultLevel) {
        this.id = id;
        this.minLevel = minLevel;
        this.maxLevel = maxLevel;
        this.defaultLevel = defaultLevel;
    }

    public int id() {
        return id;
    }

    public int minLevel() {
        return minLevel;
    }

    public int maxLevel() {
        return maxLevel;
    }

    public int defaultLevel() {
        return defaultLevel;
    }

    /** Whether blocks can be coded against a dictionary. */
    public boolean takesDictionary() {
        return this == DEFLATE || this == ZSTD || this == XZ;
    }

    /** Whether blocks can be coded against a reference, an earlier version of the same content. */
    public boolean takesReference() {
        return this == ZSTD;
    }

    /** @throws CorruptDataException when no algorithm has this id */
    public static Algorithm ofId(int id) throws CorruptDataException {
        for (Algorithm algorithm : values()) {
            if (algorithm.id == id) {
                return algorithm;
            }
        }
        throw new CorruptDataException("unknown compression algorithm id " + id);
    }
}
