package org.arxos.compress.svg.internal;

/**
 * A binary arithmetic coder over adaptive probabilities, the same object for both directions: {@link #bit} encodes
 * the given bit when encoding and returns the decoded bit when decoding, so every model is written once and reads
 * the same on both sides. A probability slot holds P(1) in 16 bits (stored relative to one half, so that a fresh
 * zeroed array starts every slot at one half) and a count in the bits above: a slot adapts fast while it has seen
 * little and settles as it sees more.
 */
abstract class BitCoder {

    private static final int[] SHIFT = {1, 2, 2, 3, 3, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 6};
    private static final int HALF = 1 << 15;

    /** Codes one bit with the probability in {@code slots[index]} and updates it. */
    final int bit(int[] slots, int index, int bit) {
        int b = code(p1(slots[index]), bit);
        update(slots, index, b);
        return b;
    }

    /** P(1) of a slot, in 16 bits. */
    static int p1(int slot) {
        return (slot & 0xFFFF) ^ HALF;
    }

    /** Moves a slot's probability towards the bit seen, faster while its count is low. */
    static void update(int[] slots, int index, int bit) {
        int slot = slots[index];
        int p1 = p1(slot);
        int count = slot >>> 16;
        int shift = SHIFT[count];
        p1 += bit != 0 ? (65536 - p1) >> shift : -(p1 >> shift);
        p1 = Math.max(32, Math.min(65536 - 32, p1));
        slots[index] = (Math.min(count + 1, SHIFT.length - 1) << 16) | (p1 ^ HALF);
    }

    /** Codes one bit with probability one half. */
    final int even(int bit) {
        return code(HALF, bit);
    }

    /** Codes {@code n} low bits of {@code value}, most significant first, each with probability one half. */
    final long evenBits(int n, long value) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 1) | even((int) (value >>> i) & 1);
        }
        return v;
    }

    /**
     * Codes an {@code n}-bit value through a binary tree of adaptive slots starting at {@code base} (which takes
     * {@code 2^n} slots), most significant bit first.
     */
    final int tree(int[] slots, int base, int n, int value) {
        int node = 1;
        for (int i = n - 1; i >= 0; i--) {
            node = (node << 1) | bit(slots, base + node, (value >>> i) & 1);
        }
        return node - (1 << n);
    }

    /** Fresh slots, every one at one half. */
    static int[] slots(int n) {
        return new int[n];
    }

    /** Codes one bit with P(1) = {@code p1} / 65536, {@code p1} in [1, 65535]. */
    abstract int code(int p1, int bit);
}
