package org.arxos.compress.delta.internal;

import org.arxos.compress.bim.column.ColumnSet;
import org.arxos.compress.bim.column.SizedLongColumn;

/** References to ids by their {@link IdTable} number, each as the step from the one before: sorted runs cost little. */
final class RefColumn {

    private RefColumn() {
    }

    static final class Writer {

        private final SizedLongColumn.Writer steps;
        private final IdTable ids;
        private int previous;

        Writer(ColumnSet.Writer columns, IdTable ids) {
            this.steps = new SizedLongColumn.Writer(columns);
            this.ids = ids;
        }

        void write(String id) {
            int number = ids.numberOf(id);
            long step = (long) number - previous;
            steps.write((step << 1) ^ (step >> 63));
            previous = number;
        }
    }

    static final class Reader {

        private final SizedLongColumn.Reader steps;
        private final IdTable ids;
        private long previous;

        Reader(ColumnSet.Reader columns, String name, IdTable ids) {
            this.steps = new SizedLongColumn.Reader(columns, name);
            this.ids = ids;
        }

        String read() {
            long zigzag = steps.read();
            long number = previous + ((zigzag >>> 1) ^ -(zigzag & 1));
            String id = ids.idAt((int) Math.max(-1, Math.min(number, Integer.MAX_VALUE)));
            previous = number;
            return id;
        }
    }
}
