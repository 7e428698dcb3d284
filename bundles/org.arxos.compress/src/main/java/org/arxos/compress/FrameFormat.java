package org.arxos.compress;

import java.util.zip.CRC32C;

/**
 * The layout of a frame, format version 1. Integers are big-endian, lengths unsigned LEB128 varints, every checksum
 * CRC32C, and every byte of a frame lies under one of them, so any change to a frame is detected.
 *
 * <pre>
 * header   magic 8F 'A' 'X' 'Z' | version u8 | algorithm u8 | level s8 | flags u8
 *          | [dictionary id u32] | [reference id u32] | original length + 1, or 0 when unknown (varint)
 *          | CRC of the header so far u32
 * block    CODED | original length | coded length | CRC of the original u32 | CRC of the record u32 | coded bytes
 *          STORED | original length | CRC of the original u32 | CRC of the record u32 | original bytes
 * end      END | total original length | CRC of the whole original u32 | CRC of the record u32
 * </pre>
 * A record's CRC covers its fields before it and its payload. A coded block is shorter than its original (a block
 * that does not shrink is stored) and no block is empty, so a frame of {@code n} bytes decodes to at most
 * {@code n * maxBlockSize} bytes.
 */
final class FrameFormat {

    static final byte[] MAGIC = {(byte) 0x8F, 'A', 'X', 'Z'};
    static final int VERSION = 1;

    static final int FLAG_DICTIONARY = 1;
    static final int FLAG_REFERENCE = 2;

    static final int END = 0;
    static final int CODED = 1;
    static final int STORED = 2;

    /** Ten 7-bit groups hold any non-negative long. */
    static final int MAX_VARINT_BYTES = 10;

    private FrameFormat() {
    }

    static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
