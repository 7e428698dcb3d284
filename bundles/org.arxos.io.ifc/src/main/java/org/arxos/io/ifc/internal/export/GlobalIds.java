package org.arxos.io.ifc.internal.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic IFC GlobalIds: the 128 bits of an MD5 of a name, in the 22-character IFC base64 alphabet. The same
 * Arxos id always gives the same GlobalId, so exporting a revision twice gives the same file.
 */
final class GlobalIds {

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_$".toCharArray();

    private final MessageDigest md5;

    GlobalIds() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    /** The GlobalId of a name such as {@code "o:floor-1"}. */
    String of(String name) {
        byte[] d = md5.digest(name.getBytes(StandardCharsets.UTF_8));
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (d[i] & 0xFF);
            lo = (lo << 8) | (d[i + 8] & 0xFF);
        }
        return encode(hi, lo);
    }

    /** 2 bits, then 21 groups of 6 bits, most significant first. */
    static String encode(long hi, long lo) {
        char[] c = new char[22];
        c[0] = ALPHABET[(int) (hi >>> 62)];
        for (int i = 0; i < 21; i++) {
            int shift = 120 - 6 * i; // the lowest bit of group i
            long bits;
            if (shift >= 64) {
                bits = hi >>> (shift - 64);
            } else if (shift + 6 <= 64) {
                bits = lo >>> shift;
            } else {
                bits = (lo >>> shift) | (hi << (64 - shift));
            }
            c[i + 1] = ALPHABET[(int) (bits & 63)];
        }
        return new String(c);
    }
}
