package org.arxos.compress.svg.internal;

import java.io.ByteArrayOutputStream;

/** The encoding side of {@link BitCoder}: a carry-propagating range coder with 32-bit range. */
final class RangeEncoder extends BitCoder {

    private static final long TOP = 1L << 24;

    private final ByteArrayOutputStream out;
    private long low;
    private long range = 0xFFFFFFFFL;
    private int cache;
    private long cacheSize = 1;

    RangeEncoder(ByteArrayOutputStream out) {
        this.out = out;
    }

    @Override
    int code(int p1, int bit) {
        long bound = (range >>> 16) * p1;
        if (bit != 0) {
            range = bound;
        } else {
            low += bound;
            range -= bound;
        }
        while (range < TOP) {
            range <<= 8;
            shiftLow();
        }
        return bit;
    }

    private void shiftLow() {
        if (low < 0xFF000000L || low > 0xFFFFFFFFL) {
            int carry = (int) (low >>> 32);
            int c = cache;
            do {
                out.write((c + carry) & 0xFF);
                c = 0xFF;
            } while (--cacheSize != 0);
            cache = (int) ((low >>> 24) & 0xFF);
        }
        cacheSize++;
        low = (low & 0x00FFFFFFL) << 8;
    }

    /** Writes out what the range still holds; the encoder is done after this. */
    void finish() {
        for (int i = 0; i < 5; i++) {
            shiftLow();
        }
    }
}
