package org.arxos.compress.svg.internal;

import java.util.Arrays;
import java.util.function.Supplier;

/** A hash map from 64-bit keys to values, open addressing without boxing: the coders look up a context per bit. */
final class LongMap<V> {

    private long[] keys = new long[256];
    private Object[] values = new Object[256];
    private boolean hasZero;
    private V zero;
    private int size;

    /** The key's value, made by {@code create} the first time. */
    @SuppressWarnings("unchecked")
    V get(long key, Supplier<V> create) {
        if (key == 0) {
            if (!hasZero) {
                zero = create.get();
                hasZero = true;
            }
            return zero;
        }
        int mask = keys.length - 1;
        int i = (int) (key * 0x9E3779B97F4A7C15L >>> 40) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return (V) values[i];
            }
            i = (i + 1) & mask;
        }
        V v = create.get();
        keys[i] = key;
        values[i] = v;
        if (++size * 2 > keys.length) {
            grow();
        }
        return v;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = (int) (oldKeys[j] * 0x9E3779B97F4A7C15L >>> 40) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
        Arrays.fill(oldValues, null);
    }
}
