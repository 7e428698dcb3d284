package org.arxos.compress.bim.column;

/**
 * Unsigned longs as their significant bytes, low first, with the byte counts in a column of their own. Unlike
 * varints no bit of a value byte goes to a continuation flag, and the counts, which repeat, are compressed apart
 * from the value bytes, which for residuals of random values do not compress at all.
 */
public final class SizedLongColumn {

    private SizedLongColumn() {
    }

    public static final class Writer {

        private final ByteSink sizes;
        private final ByteSink bytes;

        public Writer(ColumnSet.Writer columns) {
            sizes = columns.add();
            bytes = columns.add();
        }

        public void write(long value) {
            int size = (64 - Long.numberOfLeadingZeros(value) + 7) / 8;
            sizes.write(size);
            for (int i = 0; i < size; i++) {
                bytes.write((int) (value >>> (8 * i)));
            }
        }
    }

    public static final class Reader {

        private final ByteSource sizes;
        private final ByteSource bytes;

        public Reader(ColumnSet.Reader columns, String name) {
            sizes = columns.next(name + " size");
            bytes = columns.next(name);
        }

        /** Values left at most: each takes a byte of the size column. */
        public int remaining() {
            return sizes.remaining();
        }

        public long read() {
            int size = sizes.read();
            if (size > 8) {
                throw new MalformedDataException("the " + sizes.name() + " column has a value of " + size + " bytes");
            }
            return bytes.readLittleEndian(size);
        }
    }
}
