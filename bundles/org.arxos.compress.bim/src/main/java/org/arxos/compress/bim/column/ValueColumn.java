package org.arxos.compress.bim.column;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.arxos.model.PropertyValue;

/**
 * Property values, coded against a dictionary per property name (a name's values repeat: loads, diameters, uses):
 * an index for a value the name had before, else the value, typed: a text through a shared text dictionary, a number
 * as a short decimal with its unit through a unit dictionary, a flag in its tag.
 */
public final class ValueColumn {

    private static final int NEW = 0;
    private static final int TEXT = 0;
    private static final int NUMBER = 1;
    private static final int NUMBER_WITH_UNIT = 2;
    private static final int FALSE = 3;
    private static final int TRUE = 4;

    private ValueColumn() {
    }

    public static final class Writer {

        private final ByteSink indexes;
        private final ByteSink tags;
        private final StringColumn.Writer texts;
        private final NumberColumn.Writer numbers;
        private final StringColumn.Writer units;
        private final Map<String, Map<PropertyValue, Integer>> dictionaries = new HashMap<>();

        public Writer(ColumnSet.Writer columns, Vocabulary seed) {
            indexes = columns.add();
            tags = columns.add();
            texts = new StringColumn.Writer(columns, seed.texts());
            numbers = new NumberColumn.Writer(columns);
            units = new StringColumn.Writer(columns, seed.units());
        }

        public void write(String name, PropertyValue value) {
            Map<PropertyValue, Integer> dictionary = dictionaries.computeIfAbsent(name, k -> new HashMap<>());
            Integer entry = dictionary.putIfAbsent(value, dictionary.size());
            if (entry != null) {
                indexes.writeVarInt(NEW + 1 + entry);
                return;
            }
            indexes.writeVarInt(NEW);
            if (value instanceof PropertyValue.Text t) {
                tags.write(TEXT);
                texts.write(t.value());
            } else if (value instanceof PropertyValue.Number n) {
                tags.write(n.unit() == null ? NUMBER : NUMBER_WITH_UNIT);
                numbers.write(n.value());
                if (n.unit() != null) {
                    units.write(n.unit());
                }
            } else if (value instanceof PropertyValue.Flag f) {
                tags.write(f.value() ? TRUE : FALSE);
            }
        }
    }

    public static final class Reader {

        private final ByteSource indexes;
        private final ByteSource tags;
        private final StringColumn.Reader texts;
        private final NumberColumn.Reader numbers;
        private final StringColumn.Reader units;
        private final Map<String, List<PropertyValue>> dictionaries = new HashMap<>();

        public Reader(ColumnSet.Reader columns, String name, Vocabulary seed) {
            indexes = columns.next(name + " index");
            tags = columns.next(name + " tag");
            texts = new StringColumn.Reader(columns, name + " text", seed.texts());
            numbers = new NumberColumn.Reader(columns, name + " number");
            units = new StringColumn.Reader(columns, name + " unit", seed.units());
        }

        public PropertyValue read(String name) {
            List<PropertyValue> dictionary = dictionaries.computeIfAbsent(name, k -> new ArrayList<>());
            int index = indexes.readVarInt(NEW + dictionary.size());
            if (index != NEW) {
                return dictionary.get(index - NEW - 1);
            }
            int tag = tags.read();
            PropertyValue value = switch (tag) {
                case TEXT -> new PropertyValue.Text(texts.readNonNull());
                case NUMBER -> new PropertyValue.Number(numbers.read(), null);
                case NUMBER_WITH_UNIT -> new PropertyValue.Number(numbers.read(), units.readNonNull());
                case FALSE -> new PropertyValue.Flag(false);
                case TRUE -> new PropertyValue.Flag(true);
                default -> throw new MalformedDataException("the " + tags.name() + " column has an unknown tag " + tag);
            };
            dictionary.add(value);
            return value;
        }
    }
}
