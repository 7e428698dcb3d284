package org.arxos.compress.bim.column;

import java.util.Arrays;

/**
 * IFC GlobalIds as object ids: 22 characters of IFC's base-64 alphabet ({@code $} written as {@code -}, which ids
 * allow), the first one {@code 0} to {@code 3}; together 128 bits, stored as 16 bytes instead of 22 characters.
 */
final class GlobalId {

    static final int LENGTH = 22;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-";
    private static final byte[] VALUES = new byte[128];

    static {
        Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUES[ALPHABET.charAt(i)] = (byte) i;
        }
    }

    private GlobalId() {
    }

    static boolean matches(String id) {
        if (id.length() != LENGTH || value(id.charAt(0)) < 0 || value(id.charAt(0)) > 3) {
            return false;
        }
        for (int i = 1; i < LENGTH; i++) {
            if (value(id.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Writes the 128 bits, high word first: 2 bits of the first character, then 6 bits of each of the other 21. */
    static void write(String id, ByteSink out) {
        long high = 0;
        long low = value(id.charAt(0));
        for (int i = 1; i < LENGTH; i++) {
            high = (high << 6) | (low >>> 58);
            low = (low << 6) | value(id.charAt(i));
        }
        out.writeLong(high);
        out.writeLong(low);
    }

    /** Every 128-bit value is a GlobalId, so this cannot fail on content; a short column fails in the read. */
    static String read(ByteSource in) {
        long high = in.readLong();
        long low = in.readLong();
        char[] chars = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 1; i--) {
            chars[i] = ALPHABET.charAt((int) (low & 63));
            low = (low >>> 6) | (high << 58);
            high >>>= 6;
        }
        chars[0] = ALPHABET.charAt((int) low);
        return new String(chars);
    }

    private static int value(char c) {
        return c < 128 ? VALUES[c] : -1;
    }
}
