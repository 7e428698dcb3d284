package org.arxos.compress.bim.column;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;

/**
 * The properties of a sequence of items (objects or connections) as columns: per item the set of names it has,
 * coded against a dictionary of name sets (most items of a kind carry the same names), then per name the values of
 * every item that has it, one name after another, so that each name's values lie together.
 */
public final class PropertyColumns {

    private static final int NEW = 0;
    private static final int EMPTY = 1;
    private static final int FIRST_ENTRY = 2;

    private PropertyColumns() {
    }

    public static final class Writer {

        private final ByteSink nameSets;
        private final StringColumn.Writer names;
        private final ValueColumn.Writer values;
        private final Map<List<String>, Integer> nameSetEntries = new HashMap<>();
        private final Map<String, List<PropertyValue>> valuesByName = new LinkedHashMap<>();

        public Writer(ColumnSet.Writer columns, Vocabulary seed) {
            nameSets = columns.add();
            names = new StringColumn.Writer(columns, seed.propertyNames());
            values = new ValueColumn.Writer(columns, seed);
            columns.beforeWrite(this::finish);
        }

        public void write(Properties properties) {
            if (properties.isEmpty()) {
                nameSets.writeVarInt(EMPTY);
                return;
            }
            String[] set = new String[properties.size()];
            for (int i = 0; i < set.length; i++) {
                set[i] = properties.nameAt(i);
                valuesByName.computeIfAbsent(set[i], k -> new ArrayList<>()).add(properties.valueAt(i));
            }
            List<String> key = Arrays.asList(set);
            Integer entry = nameSetEntries.putIfAbsent(key, nameSetEntries.size());
            if (entry != null) {
                nameSets.writeVarInt(FIRST_ENTRY + entry);
                return;
            }
            nameSets.writeVarInt(NEW);
            nameSets.writeVarInt(set.length);
            for (String name : set) {
                names.write(name);
            }
        }

        private void finish() {
            valuesByName.forEach((name, list) -> list.forEach(v -> values.write(name, v)));
            valuesByName.clear();
        }
    }

    public static final class Reader {

        private final ByteSource nameSets;
        private final StringColumn.Reader names;
        private final ValueColumn.Reader values;

        public Reader(ColumnSet.Reader columns, String name, Vocabulary seed) {
            nameSets = columns.next(name + " name set");
            names = new StringColumn.Reader(columns, name + " name", seed.propertyNames());
            values = new ValueColumn.Reader(columns, name + " value", seed);
        }

        /** The properties of all {@code count} items, read in one go because the values lie name by name. */
        public Properties[] read(int count) {
            List<String[]> entries = new ArrayList<>();
            String[][] sets = new String[count][];
            Map<String, int[]> countByName = new LinkedHashMap<>();
            for (int item = 0; item < count; item++) {
                int index = nameSets.readVarInt(FIRST_ENTRY - 1 + entries.size());
                String[] set = switch (index) {
                    case EMPTY -> null;
                    case NEW -> newSet(entries);
                    default -> entries.get(index - FIRST_ENTRY);
                };
                sets[item] = set;
                if (set != null) {
                    for (String n : set) {
                        countByName.computeIfAbsent(n, k -> new int[1])[0]++;
                    }
                }
            }
            Map<String, PropertyValue[]> valuesByName = new HashMap<>();
            countByName.forEach((n, c) -> {
                PropertyValue[] v = new PropertyValue[c[0]];
                for (int i = 0; i < v.length; i++) {
                    v[i] = values.read(n);
                }
                valuesByName.put(n, v);
                c[0] = 0;
            });
            Properties[] result = new Properties[count];
            for (int item = 0; item < count; item++) {
                Properties p = Properties.EMPTY;
                if (sets[item] != null) {
                    for (String n : sets[item]) {
                        p = p.with(n, valuesByName.get(n)[countByName.get(n)[0]++]);
                    }
                }
                result[item] = p;
            }
            return result;
        }

        private String[] newSet(List<String[]> entries) {
            // a name takes at least a byte of the names column, which so bounds what corrupt data can allocate
            int size = nameSets.readVarInt(names.remaining());
            if (size == 0) {
                throw new MalformedDataException("the " + nameSets.name() + " column has an empty new name set");
            }
            String[] set = new String[size];
            for (int i = 0; i < size; i++) {
                set[i] = names.readNonNull();
                if (i > 0 && set[i].compareTo(set[i - 1]) <= 0) {
                    throw new MalformedDataException("the " + nameSets.name() + " column has names out of order");
                }
            }
            entries.add(set);
            return set;
        }
    }
}
