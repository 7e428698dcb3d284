package org.arxos.compress.bim.column;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strings coded against a dictionary of the strings seen before: an index for a string met already, else the string
 * itself, coded as an {@link IdColumn} against the previous new string (names and notes are often numbered). A seed
 * (the base revision's strings, for a delta) starts both sides with the same dictionary. {@code null} is a value
 * like any other.
 */
public final class StringColumn {

    private static final int NEW = 0;
    private static final int NULL = 1;
    private static final int FIRST_ENTRY = 2;

    private StringColumn() {
    }

    public static final class Writer {

        private final ByteSink indexes;
        private final IdColumn.Writer texts;
        private final Map<String, Integer> entries = new HashMap<>();
        private String previousNew = "";

        public Writer(ColumnSet.Writer columns) {
            this(columns, List.of());
        }

        public Writer(ColumnSet.Writer columns, List<String> seed) {
            indexes = columns.add();
            texts = new IdColumn.Writer(columns);
            for (String s : seed) {
                entries.putIfAbsent(s, entries.size());
            }
        }

        public void write(String s) {
            if (s == null) {
                indexes.writeVarInt(NULL);
                return;
            }
            Integer entry = entries.putIfAbsent(s, entries.size());
            if (entry == null) {
                indexes.writeVarInt(NEW);
                texts.write(s, previousNew);
                previousNew = s;
            } else {
                indexes.writeVarInt(FIRST_ENTRY + entry);
            }
        }
    }

    public static final class Reader {

        private final ByteSource indexes;
        private final IdColumn.Reader texts;
        private final List<String> entries;
        private String previousNew = "";

        public Reader(ColumnSet.Reader columns, String name) {
            this(columns, name, List.of());
        }

        /** @param seed the writer's seed; repeated strings in it are kept once, as the writer does */
        public Reader(ColumnSet.Reader columns, String name, List<String> seed) {
            indexes = columns.next(name);
            texts = new IdColumn.Reader(columns, name + " text");
            entries = new ArrayList<>(seed.size());
            Set<String> seen = new HashSet<>();
            for (String s : seed) {
                if (seen.add(s)) {
                    entries.add(s);
                }
            }
        }

        /** Strings left at most: each takes at least one byte. */
        public int remaining() {
            return indexes.remaining();
        }

        public String read() {
            int index = indexes.readVarInt(FIRST_ENTRY - 1 + entries.size());
            if (index == NULL) {
                return null;
            }
            if (index == NEW) {
                String s = texts.read(previousNew);
                previousNew = s;
                entries.add(s);
                return s;
            }
            return entries.get(index - FIRST_ENTRY);
        }

        /** Like {@link #read()}, but {@code null} is corrupt data. */
        public String readNonNull() {
            String s = read();
            if (s == null) {
                throw new MalformedDataException("the " + indexes.name()
                        + " column has no value where one is required");
            }
            return s;
        }
    }
}
