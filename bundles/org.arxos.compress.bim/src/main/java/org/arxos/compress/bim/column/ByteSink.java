package org.arxos.compress.bim.column;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array with the writes column coders need: bytes, LEB128 varints, zigzag varints, UTF-8 strings. */
public final class ByteSink {

    private byte[] bytes;
    private int size;

    public ByteSink() {
        this(64);
    }

    public ByteSink(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    public void write(byte[] b, int offset, int length) {
        ensure(length);
        System.arraycopy(b, offset, bytes, size, length);
        size += length;
    }

    /** An unsigned LEB128 varint: 7 bits a byte, low bits first; a negative value takes 10 bytes. */
    public void writeVarLong(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
    }

    /** A non-negative int as a varint. */
    public void writeVarInt(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("a varint count must not be negative: " + value);
        }
        writeVarLong(value);
    }

    /** A signed value, zigzag-coded so that small magnitudes of either sign are short. */
    public void writeSigned(long value) {
        writeVarLong((value << 1) ^ (value >> 63));
    }

    public void writeLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
    }

    /** The UTF-8 bytes of the string after their count. */
    public void writeString(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        writeVarInt(utf8.length);
        write(utf8);
    }

    public void writeTo(ByteSink other) {
        other.write(bytes, 0, size);
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int extra) {
        if (size + extra > bytes.length) {
            long grown = Math.max((long) bytes.length * 2, (long) size + extra);
            if (grown > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("a column cannot hold more than 2 GB");
            }
            bytes = Arrays.copyOf(bytes, (int) grown);
        }
    }
}
