package org.arxos.compress;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32C;

/** Writes frames field by field with valid checksums, so tests can make frames that lie consistently. */
final class FrameBuilder {

    private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
    private final ByteArrayOutputStream record = new ByteArrayOutputStream();

    FrameBuilder header(int version, int algorithmId, int level, long declaredLength) {
        record.writeBytes(FrameFormat.MAGIC);
        record.write(version);
        record.write(algorithmId);
        record.write(level);
        record.write(0);
        varint(declaredLength + 1);
        return closeRecord(new byte[0]);
    }

    FrameBuilder block(int tag, long originalLength, long codedLength, byte[] original, byte[] payload) {
        record.write(tag);
        varint(originalLength);
        if (tag == FrameFormat.CODED) {
            varint(codedLength);
        }
        writeInt(crc(original));
        return closeRecord(payload);
    }

    FrameBuilder end(long total, byte[] whole) {
        record.write(FrameFormat.END);
        varint(total);
        writeInt(crc(whole));
        return closeRecord(new byte[0]);
    }

    byte[] bytes() {
        return frame.toByteArray();
    }

    private FrameBuilder closeRecord(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(record.toByteArray());
        crc.update(payload);
        writeInt((int) crc.getValue());
        frame.writeBytes(record.toByteArray());
        frame.writeBytes(payload);
        record.reset();
        return this;
    }

    private void varint(long value) {
        while ((value & ~0x7FL) != 0) {
            record.write((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        record.write((int) value);
    }

    private void writeInt(int value) {
        record.write(value >>> 24);
        record.write(value >>> 16);
        record.write(value >>> 8);
        record.write(value);
    }

    private static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
