package org.arxos.compress.svg.internal;

import org.arxos.api.compress.CorruptDataException;

/**
 * The decoding side of {@link BitCoder}. Reading past the end is corruption: the encoder's output always holds every
 * byte the decoder needs, so running out means the input was cut or damaged.
 */
final class RangeDecoder extends BitCoder {

    private static final long TOP = 1L << 24;

    private final byte[] in;
    private int position;
    private final int end;
    private long range = 0xFFFFFFFFL;
    private long code;

    RangeDecoder(byte[] in, int offset, int length) throws CorruptDataException {
        this.in = in;
        this.position = offset;
        this.end = offset + length;
        for (int i = 0; i < 5; i++) {
            code = ((code << 8) | next()) & 0xFFFFFFFFFFL;
        }
        code &= 0xFFFFFFFFL;
    }

    private int next() throws CorruptDataException {
        if (position >= end) {
            throw new CorruptDataException("SVG stream truncated: the coded data ends early");
        }
        return in[position++] & 0xFF;
    }

    @Override
    int code(int p1, int bit) {
        long bound = (range >>> 16) * p1;
        int b;
        if (code < bound) {
            range = bound;
            b = 1;
        } else {
            code -= bound;
            range -= bound;
            b = 0;
        }
        while (range < TOP) {
            range <<= 8;
            if (position >= end) {
                throw new TruncatedInput(new CorruptDataException("SVG stream truncated: the coded data ends early"));
            }
            code = ((code << 8) | (in[position++] & 0xFF)) & 0xFFFFFFFFL;
        }
        return b;
    }

    /** Carries a truncation out of a model that cannot throw checked exceptions. */
    static final class TruncatedInput extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TruncatedInput(CorruptDataException cause) {
            super(cause);
        }

        CorruptDataException corruption() {
            return (CorruptDataException) getCause();
        }
    }
}
