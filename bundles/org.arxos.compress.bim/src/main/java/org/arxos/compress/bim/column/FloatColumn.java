package org.arxos.compress.bim.column;

import java.util.Arrays;

/**
 * 32-bit floats (coordinates, elevations), each coded as its difference from a prediction the reader can make too.
 * A value on the column's decimal grid is coded as the difference in grid steps; any other value (an odd float from a
 * unit conversion, {@code -0}) as the difference of the two floats' places in float order. Both are exact: the reader
 * gets the very bits that were written. The grid, the number of decimals that codes the column shortest, is chosen
 * when the column is written, so the writer buffers its values.
 */
public final class FloatColumn {

    static final int MAX_DECIMALS = 7;
    private static final float[] FLOAT_POWERS = {1f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f};
    private static final double[] DOUBLE_POWERS = {1d, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7};
    /** Values looked at to choose the grid: enough to see the mix, few enough to stay cheap on a million. */
    private static final int SAMPLE = 1 << 16;
    private static final int GRID = 0;
    private static final int ORDER = 1;

    private FloatColumn() {
    }

    public static final class Writer {

        private final ByteSink grid;
        private final SizedLongColumn.Writer codes;
        private float[] values = new float[64];
        private float[] predictions = new float[64];
        private int size;

        public Writer(ColumnSet.Writer columns) {
            grid = columns.add();
            codes = new SizedLongColumn.Writer(columns);
            columns.beforeWrite(this::finish);
        }

        public void write(float value, float prediction) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
                predictions = Arrays.copyOf(predictions, size * 2);
            }
            values[size] = value;
            predictions[size] = prediction;
            size++;
        }

        /** Writes the grid's decimals, then the values; nothing at all for an empty column. */
        private void finish() {
            if (size == 0) {
                return;
            }
            int decimals = bestDecimals();
            grid.write(decimals);
            for (int i = 0; i < size; i++) {
                codes.write(code(values[i], predictions[i], decimals));
            }
        }

        private int bestDecimals() {
            int step = Math.max(1, size / SAMPLE);
            int best = 0;
            long bestCost = Long.MAX_VALUE;
            for (int decimals = 0; decimals <= MAX_DECIMALS; decimals++) {
                long cost = 0;
                for (int i = 0; i < size; i += step) {
                    cost += byteLength(code(values[i], predictions[i], decimals));
                }
                if (cost < bestCost) {
                    bestCost = cost;
                    best = decimals;
                }
            }
            return best;
        }
    }

    public static final class Reader {

        private final ByteSource grid;
        private final SizedLongColumn.Reader codes;
        private int decimals = -1;

        public Reader(ColumnSet.Reader columns, String name) {
            grid = columns.next(name + " grid");
            codes = new SizedLongColumn.Reader(columns, name);
        }

        /** Values left at most. */
        public int remaining() {
            return codes.remaining();
        }

        public float read(float prediction) {
            if (decimals < 0) {
                decimals = grid.read();
                if (decimals > MAX_DECIMALS) {
                    throw new MalformedDataException("the " + grid.name() + " column has a grid of " + decimals
                            + " decimals");
                }
            }
            long code = codes.read();
            long residual = (code >>> 2) ^ -((code >>> 1) & 1);
            if ((code & 1) == GRID) {
                return onGrid(gridSteps(prediction, decimals) + residual, decimals);
            }
            long place = place(prediction) + residual;
            if (place < Integer.MIN_VALUE || place > Integer.MAX_VALUE) {
                throw new MalformedDataException("the " + grid.name() + " column has a value outside float range");
            }
            return Float.intBitsToFloat(fromPlace((int) place));
        }
    }

    /** The value coded against the prediction: zigzag residual, then one bit saying grid steps or float places. */
    static long code(float value, float prediction, int decimals) {
        long steps = gridSteps(value, decimals);
        if (Float.floatToRawIntBits(onGrid(steps, decimals)) == Float.floatToRawIntBits(value)) {
            long zigzag = zigzag(steps - gridSteps(prediction, decimals));
            if (zigzag >>> 62 == 0) {
                return zigzag << 1 | GRID;
            }
        }
        return zigzag((long) place(value) - place(prediction)) << 1 | ORDER;
    }

    static long gridSteps(float value, int decimals) {
        return Math.round(value * DOUBLE_POWERS[decimals]);
    }

    /**
     * The float nearest {@code steps / 10^decimals}: float division where the steps are exact in a float, which is
     * what reading the decimal text gives.
     */
    static float onGrid(long steps, int decimals) {
        return Math.abs(steps) < 1 << 24 ? steps / FLOAT_POWERS[decimals] : (float) (steps / DOUBLE_POWERS[decimals]);
    }

    /** The float's place in float order: an int that grows with the value, so near floats have near places. */
    static int place(float f) {
        int bits = Float.floatToRawIntBits(f);
        return bits ^ ((bits >> 31) >>> 1);
    }

    static int fromPlace(int place) {
        return place ^ ((place >> 31) >>> 1);
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static int byteLength(long v) {
        return (64 - Long.numberOfLeadingZeros(v) + 7) / 8;
    }
}
