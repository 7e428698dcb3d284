package org.arxos.compress.bim.column;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.arxos.model.geometry.ElevationRange;

/**
 * Elevation ranges, coded against a dictionary of the ranges seen before (a floor's objects share a few: room,
 * ceiling, outlet height); a new range as its bottom, predicted by the previous new bottom, and its top, predicted by
 * the bottom plus the previous new height. {@code null} is a value like any other.
 */
public final class ElevationColumn {

    private static final int NEW = 0;
    private static final int NULL = 1;
    private static final int FIRST_ENTRY = 2;

    private ElevationColumn() {
    }

    public static final class Writer {

        private final ByteSink indexes;
        private final FloatColumn.Writer z;
        private final Map<ElevationRange, Integer> entries = new HashMap<>();
        private ElevationRange previous = new ElevationRange(0, 0);

        public Writer(ColumnSet.Writer columns, Vocabulary seed) {
            indexes = columns.add();
            z = new FloatColumn.Writer(columns);
            for (ElevationRange e : seed.elevations()) {
                entries.putIfAbsent(e, entries.size());
            }
        }

        public void write(ElevationRange elevation) {
            if (elevation == null) {
                indexes.writeVarInt(NULL);
                return;
            }
            Integer entry = entries.putIfAbsent(elevation, entries.size());
            if (entry != null) {
                indexes.writeVarInt(FIRST_ENTRY + entry);
                return;
            }
            indexes.writeVarInt(NEW);
            z.write(elevation.bottom(), previous.bottom());
            z.write(elevation.top(), elevation.bottom() + previous.height());
            previous = elevation;
        }
    }

    public static final class Reader {

        private final ByteSource indexes;
        private final FloatColumn.Reader z;
        private final List<ElevationRange> entries = new ArrayList<>();
        private ElevationRange previous = new ElevationRange(0, 0);

        public Reader(ColumnSet.Reader columns, String name, Vocabulary seed) {
            indexes = columns.next(name);
            z = new FloatColumn.Reader(columns, name + " z");
            Set<ElevationRange> seen = new HashSet<>();
            for (ElevationRange e : seed.elevations()) {
                if (seen.add(e)) {
                    entries.add(e);
                }
            }
        }

        public ElevationRange read() {
            int index = indexes.readVarInt(FIRST_ENTRY - 1 + entries.size());
            if (index == NULL) {
                return null;
            }
            if (index != NEW) {
                return entries.get(index - FIRST_ENTRY);
            }
            float bottom = z.read(previous.bottom());
            float top = z.read(bottom + previous.height());
            previous = new ElevationRange(bottom, top);
            entries.add(previous);
            return previous;
        }
    }
}
