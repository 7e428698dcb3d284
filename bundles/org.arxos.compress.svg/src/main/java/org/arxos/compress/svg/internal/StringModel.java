package org.arxos.compress.svg.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Codes strings byte by byte (UTF-8, ended by a zero byte). Each bit is predicted from the kind of string and the
 * one, two and four bytes before it; a small logistic mixer weighs the three predictions by how well each has
 * done at this bit position. Names, templates and texts are short and repetitive, which is what short contexts mixed
 * with longer ones predict well.
 */
final class StringModel {

    private static final int TABLE_BITS = 19;
    private static final int MASK = (1 << TABLE_BITS) - 1;
    private static final int ORDERS = 3;
    private static final int INPUTS = ORDERS + 1;
    private static final float RATE = 0.03f;
    /** The bytes before the current one each order looks at: one, two and four. */
    private static final long[] MASKS = {0xFFL, 0xFFFFL, 0xFFFFFFFFL};

    private final int[] slots = BitCoder.slots(1 << TABLE_BITS);
    private final float[] weights = new float[8 * INPUTS];
    private final int maxBytes;
    private final int[] base = new int[ORDERS];
    private final float[] inputs = new float[INPUTS];

    /** @param maxBytes the longest string a decoder accepts before it declares the input corrupt */
    StringModel(int maxBytes) {
        this.maxBytes = maxBytes;
        for (int i = 0; i < 8; i++) {
            for (int k = 0; k < ORDERS; k++) {
                weights[i * INPUTS + k] = 0.3f;
            }
        }
    }

    /** Encodes {@code value}, or with {@code null} decodes a string. */
    String code(BitCoder coder, int kind, String value) {
        byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        byte[] buffer = bytes != null ? bytes : new byte[64];
        long history = 0;
        for (int i = 0;; i++) {
            int given = bytes == null ? 0 : i < bytes.length ? bytes[i] & 0xFF : 0;
            int b = codeByte(coder, kind, history, given);
            if (b == 0) {
                return bytes != null ? value : new String(buffer, 0, i, StandardCharsets.UTF_8);
            }
            if (bytes == null) {
                if (i >= maxBytes) {
                    throw new CorruptStream("a string longer than " + maxBytes + " bytes");
                }
                if (i == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                buffer[i] = (byte) b;
            }
            history = (history << 8) | b;
        }
    }

    /**
     * The first slot of a nibble's tree for each order: 16 slots in a row (one cache line), picked by the order's
     * context hashed with the nibbles of this byte already coded.
     */
    private void contexts(int kind, long history, int nibbles) {
        for (int k = 0; k < ORDERS; k++) {
            long h = (history & MASKS[k]) * 0x9E3779B97F4A7C15L + (kind + 1) * 0xC2B2AE3D27D4EB4FL + k;
            h = (h + nibbles) * 0x165667B19E3779F9L;
            base[k] = (int) (h >>> 44) << 4 & MASK;
        }
    }

    private int codeByte(BitCoder coder, int kind, long history, int given) {
        int value = 0;
        for (int half = 0; half < 2; half++) {
            contexts(kind, history, half == 0 ? 0 : 16 | value);
            int node = 1;
            for (int i = 3; i >= 0; i--) {
                int set = (half * 4 + 3 - i) * INPUTS;
                float dot = 0;
                for (int k = 0; k < ORDERS; k++) {
                    inputs[k] = stretch(BitCoder.p1(slots[base[k] + node]));
                    dot += weights[set + k] * inputs[k];
                }
                inputs[ORDERS] = 0.25f;
                dot += weights[set + ORDERS] * inputs[ORDERS];
                int p1 = squash(dot);
                int bit = coder.code(p1, (given >>> (half == 0 ? 4 + i : i)) & 1);
                float error = (bit - p1 / 65536f) * RATE;
                for (int k = 0; k < INPUTS; k++) {
                    weights[set + k] += error * inputs[k];
                }
                for (int k = 0; k < ORDERS; k++) {
                    BitCoder.update(slots, base[k] + node, bit);
                }
                node = (node << 1) | bit;
            }
            value = (value << 4) | (node & 0xF);
        }
        return value;
    }

    /** ln(p / (1 - p)) of P(1) in 16 bits, by table in steps of 1/4096. */
    private static float stretch(int p1) {
        return STRETCH[p1 >>> 4];
    }

    /** The inverse of stretch, by table over [-12, 12] in steps of 1/64. */
    private static int squash(float x) {
        int i = (int) (x * 64) + SQUASH_HALF;
        return SQUASH[Math.max(0, Math.min(SQUASH.length - 1, i))];
    }

    private static final float[] STRETCH = new float[4096];
    private static final int SQUASH_HALF = 12 * 64;
    private static final int[] SQUASH = new int[2 * SQUASH_HALF + 1];

    static {
        for (int i = 0; i < STRETCH.length; i++) {
            double p = (i + 0.5) / STRETCH.length;
            STRETCH[i] = (float) Math.log(p / (1 - p));
        }
        for (int i = 0; i < SQUASH.length; i++) {
            double x = (i - SQUASH_HALF) / 64.0;
            SQUASH[i] = Math.max(32, Math.min(65536 - 32, (int) (65536 / (1 + Math.exp(-x)))));
        }
    }
}
