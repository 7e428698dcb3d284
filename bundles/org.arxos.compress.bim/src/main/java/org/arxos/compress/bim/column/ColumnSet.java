package org.arxos.compress.bim.column;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of one encoding, stored one after another behind their lengths. Coders take their columns in the same
 * order when writing and reading, so a column needs no tag; keeping each column contiguous lets the entropy coder
 * behind it see like values together.
 */
public final class ColumnSet {

    private ColumnSet() {
    }

    public static final class Writer {

        private final List<ByteSink> columns = new ArrayList<>();
        private final List<Runnable> finishers = new ArrayList<>();

        public ByteSink add() {
            ByteSink column = new ByteSink();
            columns.add(column);
            return column;
        }

        /** Runs before the columns are written: for coders that buffer values to choose their coding. */
        public void beforeWrite(Runnable finisher) {
            finishers.add(finisher);
        }

        public void writeTo(ByteSink out) {
            finishers.forEach(Runnable::run);
            finishers.clear();
            out.writeVarInt(columns.size());
            for (ByteSink column : columns) {
                out.writeVarInt(column.size());
            }
            for (ByteSink column : columns) {
                column.writeTo(out);
            }
        }
    }

    public static final class Reader {

        private final ByteSource in;
        private final int[] lengths;
        private final List<ByteSource> handedOut = new ArrayList<>();

        /** Reads the column lengths; the columns are the rest of {@code in}, which must hold exactly them. */
        public Reader(ByteSource in) {
            int count = in.readVarInt(in.remaining());
            lengths = new int[count];
            long total = 0;
            for (int i = 0; i < count; i++) {
                lengths[i] = in.readVarInt(Integer.MAX_VALUE);
                total += lengths[i];
            }
            if (total != in.remaining()) {
                throw new MalformedDataException("the columns should take " + total + " bytes but " + in.remaining()
                        + " are there");
            }
            this.in = in;
        }

        /** The next column, named for error messages. */
        public ByteSource next(String name) {
            int i = handedOut.size();
            if (i >= lengths.length) {
                throw new MalformedDataException("the " + name + " column is missing: there are only "
                        + lengths.length);
            }
            ByteSource column = in.slice(name, lengths[i]);
            handedOut.add(column);
            return column;
        }

        /** Fails unless every column was taken and read to its end. */
        public void expectEnd() {
            if (handedOut.size() != lengths.length) {
                throw new MalformedDataException("there are " + lengths.length + " columns where " + handedOut.size()
                        + " were expected");
            }
            handedOut.forEach(ByteSource::expectEnd);
        }
    }
}
