package org.arxos.compress.bim.column;

/**
 * 64-bit doubles (property numbers) as short decimals where they are: the fewest decimals {@code d} (up to 14) for
 * which {@code m / 10^d} is the value, written as one varint of {@code m} and {@code d}; other values (and {@code -0})
 * as their 8 bytes. Exact: the reader gets the very bits that were written.
 */
public final class NumberColumn {

    private static final int MAX_DECIMALS = 14;
    private static final int RAW = 15;
    private static final double[] POWERS = new double[MAX_DECIMALS + 1];
    /** Mantissas below this are exact doubles and leave room for the zigzag bit and the four bits of {@code d}. */
    private static final long MAX_MANTISSA = 1L << 53;

    static {
        for (int i = 0; i <= MAX_DECIMALS; i++) {
            POWERS[i] = Double.parseDouble("1e" + i);
        }
    }

    private NumberColumn() {
    }

    public static final class Writer {

        private final ByteSink out;

        public Writer(ColumnSet.Writer columns) {
            out = columns.add();
        }

        public void write(double value) {
            long bits = Double.doubleToRawLongBits(value);
            for (int decimals = 0; decimals <= MAX_DECIMALS; decimals++) {
                double scaled = value * POWERS[decimals];
                if (Math.abs(scaled) >= MAX_MANTISSA) {
                    break;
                }
                long mantissa = Math.round(scaled);
                if (Double.doubleToRawLongBits(mantissa / POWERS[decimals]) == bits) {
                    out.writeVarLong(((mantissa << 1) ^ (mantissa >> 63)) << 4 | decimals);
                    return;
                }
            }
            out.writeVarLong(RAW);
            out.writeLong(bits);
        }
    }

    public static final class Reader {

        private final ByteSource in;

        public Reader(ColumnSet.Reader columns, String name) {
            in = columns.next(name);
        }

        public double read() {
            long code = in.readVarLong();
            int decimals = (int) (code & 15);
            if (decimals == RAW) {
                return Double.longBitsToDouble(in.readLong());
            }
            if (decimals > MAX_DECIMALS) {
                throw new MalformedDataException("the " + in.name() + " column has a number of " + decimals
                        + " decimals");
            }
            long zigzag = code >>> 4;
            long mantissa = (zigzag >>> 1) ^ -(zigzag & 1);
            return mantissa / POWERS[decimals];
        }
    }
}
