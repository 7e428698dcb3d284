package org.arxos.compress.bim.column;

import java.nio.charset.StandardCharsets;

/**
 * Reads what a {@link ByteSink} wrote from a slice of a byte array. Every read is bounds-checked and fails with a
 * {@link MalformedDataException} naming the column, so corrupt input never reads past its slice or allocates more
 * than the slice could hold.
 */
public final class ByteSource {

    private final String name;
    private final byte[] bytes;
    private final int end;
    private int position;

    public ByteSource(String name, byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new MalformedDataException("the " + name + " column lies outside its data");
        }
        this.name = name;
        this.bytes = bytes;
        this.position = offset;
        this.end = offset + length;
    }

    public ByteSource(String name, byte[] bytes) {
        this(name, bytes, 0, bytes.length);
    }

    public String name() {
        return name;
    }

    public int read() {
        if (position >= end) {
            throw truncated();
        }
        return bytes[position++] & 0xFF;
    }

    public long readVarLong() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = read();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new MalformedDataException("the " + name + " column has a varint longer than 10 bytes");
    }

    /** A varint that must lie in {@code 0..max}. */
    public int readVarInt(int max) {
        long value = readVarLong();
        if (value < 0 || value > max) {
            throw new MalformedDataException("the " + name + " column has " + Long.toUnsignedString(value)
                    + " where at most " + max + " fits");
        }
        return (int) value;
    }

    public long readSigned() {
        long v = readVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    public long readLong() {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | read();
        }
        return value;
    }

    public String readString() {
        int length = readVarInt(remaining());
        String s = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return s;
    }

    /** {@code size} bytes (at most 8), low byte first, as an unsigned value; one bounds check for all of them. */
    long readLittleEndian(int size) {
        if (size > remaining()) {
            throw truncated();
        }
        long value = 0;
        for (int i = 0; i < size; i++) {
            value |= (bytes[position + i] & 0xFFL) << (8 * i);
        }
        position += size;
        return value;
    }

    public void readFully(byte[] into) {
        if (into.length > remaining()) {
            throw truncated();
        }
        System.arraycopy(bytes, position, into, 0, into.length);
        position += into.length;
    }

    /** The next {@code length} bytes as a source of their own, named {@code name}; this source moves past them. */
    public ByteSource slice(String name, int length) {
        if (length > remaining()) {
            throw truncated();
        }
        ByteSource slice = new ByteSource(name, bytes, position, length);
        position += length;
        return slice;
    }

    /** Where the next read starts in the array this source reads. */
    public int position() {
        return position;
    }

    public int remaining() {
        return end - position;
    }

    /** Fails unless every byte was read: left-over bytes mean the data is not what its writer made. */
    public void expectEnd() {
        if (position != end) {
            throw new MalformedDataException("the " + name + " column has " + remaining() + " bytes left over");
        }
    }

    private MalformedDataException truncated() {
        return new MalformedDataException("the " + name + " column ends early");
    }
}
