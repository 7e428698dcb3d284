package org.arxos.cache.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What a tier holds for one entry. The absolute expiry travels with the value, so an entry promoted into a faster tier
 * keeps its remaining time to live and an expired entry is never returned, however long a tier keeps it. The key
 * travels too, so a tier that mixes up keys cannot hand one tenant another tenant's value.
 *
 * <p>Layout: format (1 byte), flags (1), expiry in epoch milliseconds (8), key length (2) and key (ASCII, as
 * {@code CacheKey.toString()}); when compressed, the compressor's name length (1) and name (UTF-8); then the payload.
 *
 * @param key        the key the entry belongs to
 * @param expiresAt  when it expires, epoch milliseconds
 * @param compressor the {@code arxos.impl} name of the compressor of the payload, or {@code null} when not compressed
 * @param payload    the value as its codec encoded it, compressed or not
 */
record Envelope(String key, long expiresAt, String compressor, byte[] payload) {

    /** The longest compressor name an envelope can carry, in UTF-8 bytes. */
    static final int MAX_COMPRESSOR_NAME = 255;

    private static final byte FORMAT = 1;
    private static final byte COMPRESSED = 1;

    boolean compressed() {
        return compressor != null;
    }

    boolean expiredAt(long epochMillis) {
        return epochMillis >= expiresAt;
    }

    byte[] toBytes() {
        byte[] keyBytes = key.getBytes(StandardCharsets.US_ASCII);
        byte[] name = compressed() ? compressor.getBytes(StandardCharsets.UTF_8) : new byte[0];
        ByteBuffer out = ByteBuffer.allocate(12 + keyBytes.length + (compressed() ? 1 + name.length : 0)
                + payload.length);
        out.put(FORMAT).put(compressed() ? COMPRESSED : 0).putLong(expiresAt);
        out.putShort((short) keyBytes.length).put(keyBytes);
        if (compressed()) {
            out.put((byte) name.length).put(name);
        }
        return out.put(payload).array();
    }

    static Envelope of(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte format = in.get();
            if (format != FORMAT) {
                throw new CorruptEntryException("unknown entry format " + format);
            }
            byte flags = in.get();
            long expiresAt = in.getLong();
            String key = new String(read(in, Short.toUnsignedInt(in.getShort())), StandardCharsets.US_ASCII);
            String compressor = (flags & COMPRESSED) == 0 ? null
                    : new String(read(in, Byte.toUnsignedInt(in.get())), StandardCharsets.UTF_8);
            return new Envelope(key, expiresAt, compressor, read(in, in.remaining()));
        } catch (BufferUnderflowException e) {
            throw new CorruptEntryException("entry of " + bytes.length + " bytes is truncated", e);
        }
    }

    private static byte[] read(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }
}
