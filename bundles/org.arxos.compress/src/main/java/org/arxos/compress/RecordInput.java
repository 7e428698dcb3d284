package org.arxos.compress;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32C;

import org.arxos.api.compress.CorruptDataException;

/** Reads a frame's fields, counting the bytes and keeping the CRC of the current record. */
final class RecordInput {

    private final InputStream in;
    private final CRC32C crc = new CRC32C();
    private long consumed;

    RecordInput(InputStream in) {
        this.in = in;
    }

    /** Bytes read from the frame so far. */
    long consumed() {
        return consumed;
    }

    void startRecord() {
        crc.reset();
    }

    int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw truncated();
        }
        consumed++;
        crc.update(b);
        return b;
    }

    int readInt() throws IOException {
        return readByte() << 24 | readByte() << 16 | readByte() << 8 | readByte();
    }

    long readVarint(String field) throws IOException {
        long value = 0;
        for (int i = 0; i < FrameFormat.MAX_VARINT_BYTES; i++) {
            int b = readByte();
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (value < 0) {
                    break;
                }
                return value;
            }
        }
        throw new CorruptDataException("frame " + field + " is not a valid length");
    }

    void readFully(byte[] target, int length) throws IOException {
        int n = in.readNBytes(target, 0, length);
        consumed += n;
        if (n < length) {
            throw truncated();
        }
        crc.update(target, 0, length);
    }

    /** Reads the stored CRC of the record and compares it with the CRC of what was read since its start. */
    void checkRecordCrc(String record) throws IOException {
        int actual = (int) crc.getValue();
        if (readUncheckedInt() != actual) {
            throw new CorruptDataException("frame " + record + " fails its checksum");
        }
    }

    /** The record CRC precedes the payload it covers: read it without adding it to the CRC. */
    int readUncheckedInt() throws IOException {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int b = in.read();
            if (b < 0) {
                throw truncated();
            }
            consumed++;
            value = value << 8 | b;
        }
        return value;
    }

    int crc() {
        return (int) crc.getValue();
    }

    private static CorruptDataException truncated() {
        return new CorruptDataException("frame truncated: input ended before the end record");
    }
}
