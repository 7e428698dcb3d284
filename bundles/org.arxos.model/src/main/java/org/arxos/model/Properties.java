package org.arxos.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable set of named, typed properties, kept sorted by name. Stored as two parallel arrays because most objects
 * carry none or a few and a building may hold a million of them.
 */
public final class Properties {

    public static final Properties EMPTY = new Properties(new String[0], new PropertyValue[0]);

    private final String[] names;
    private final PropertyValue[] values;

    private Properties(String[] names, PropertyValue[] values) {
        this.names = names;
        this.values = values;
    }

    public static Properties of(Map<String, ? extends PropertyValue> map) {
        Properties result = EMPTY;
        for (Map.Entry<String, ? extends PropertyValue> e : map.entrySet()) {
            result = result.with(e.getKey(), e.getValue());
        }
        return result;
    }

    public static Properties of(String name, PropertyValue value) {
        return EMPTY.with(name, value);
    }

    public Optional<PropertyValue> get(String name) {
        int i = Arrays.binarySearch(names, name);
        return i >= 0 ? Optional.of(values[i]) : Optional.empty();
    }

    public Properties with(String name, PropertyValue value) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("property name must not be empty");
        }
        if (value == null) {
            throw new IllegalArgumentException("property '" + name + "' must have a value");
        }
        int i = Arrays.binarySearch(names, name);
        if (i >= 0) {
            if (values[i].equals(value)) {
                return this;
            }
            PropertyValue[] v = values.clone();
            v[i] = value;
            return new Properties(names, v);
        }
        int at = -i - 1;
        String[] n = new String[names.length + 1];
        PropertyValue[] v = new PropertyValue[values.length + 1];
        System.arraycopy(names, 0, n, 0, at);
        System.arraycopy(values, 0, v, 0, at);
        n[at] = name;
        v[at] = value;
        System.arraycopy(names, at, n, at + 1, names.length - at);
        System.arraycopy(values, at, v, at + 1, values.length - at);
        return new Properties(n, v);
    }

    public Properties without(String name) {
        int i = Arrays.binarySearch(names, name);
        if (i < 0) {
            return this;
        }
        if (names.length == 1) {
            return EMPTY;
        }
        String[] n = new String[names.length - 1];
        PropertyValue[] v = new PropertyValue[values.length - 1];
        System.arraycopy(names, 0, n, 0, i);
        System.arraycopy(values, 0, v, 0, i);
        System.arraycopy(names, i + 1, n, i, names.length - i - 1);
        System.arraycopy(values, i + 1, v, i, values.length - i - 1);
        return new Properties(n, v);
    }

    public boolean contains(String name) {
        return Arrays.binarySearch(names, name) >= 0;
    }

    public int size() {
        return names.length;
    }

    public boolean isEmpty() {
        return names.length == 0;
    }

    /** The name at {@code index} in name order, for iterating without building a map. */
    public String nameAt(int index) {
        return names[index];
    }

    /** The value at {@code index} in name order, for iterating without building a map. */
    public PropertyValue valueAt(int index) {
        return values[index];
    }

    /** The properties in name order, as an unmodifiable map. */
    public Map<String, PropertyValue> asMap() {
        Map<String, PropertyValue> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Properties p && Arrays.equals(names, p.names) && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
