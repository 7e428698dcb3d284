package org.arxos.io.ifc.internal.step;

import java.util.Arrays;

/**
 * A map from entity id to position, no boxing, for millions of entities. Exporters number their instances densely
 * ({@code #1}, {@code #2}, ...), so the index starts as a plain array indexed by the id (4 bytes an id, read and written
 * in order: no cache misses); when a key would make that array too sparse (more than {@link #SPARSENESS} slots an
 * entry) or too large, it becomes an open-addressing hash table of two arrays.
 */
final class LongIntIndex {

    /** The most array slots per entry (plus {@link #DENSE_SLACK}) the direct form may use. */
    static final int SPARSENESS = 4;
    static final int DENSE_SLACK = 1 << 16;
    /** The longest direct array. */
    static final int DENSE_MAX = 1 << 30;

    /** The direct form: values indexed by key, -1 for none; null once hashed. */
    private int[] dense;
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntIndex(int expected) {
        dense = new int[Math.max(16, expected)];
        Arrays.fill(dense, -1);
    }

    /** The value for the key, or -1. */
    int get(long key) {
        int[] d = dense;
        if (d != null) {
            return key >= 0 && key < d.length ? d[(int) key] : -1;
        }
        int i = slot(key);
        while (true) {
            int v = values[i];
            if (v < 0 || keys[i] == key) {
                return v;
            }
            i = (i + 1) & mask;
        }
    }

    /** Adds the key, or returns the value it already has (and changes nothing). Values must not be negative. */
    int putIfAbsent(long key, int value) {
        int[] d = dense;
        if (d != null) {
            if (key >= 0 && key < d.length) {
                int v = d[(int) key];
                if (v >= 0) {
                    return v;
                }
                d[(int) key] = value;
                size++;
                return -1;
            }
            if (key >= 0 && key < DENSE_MAX && key <= (long) SPARSENESS * (size + 1) + DENSE_SLACK) {
                long length = Math.min(DENSE_MAX, Math.max(key + 1, d.length + (d.length >> 1)));
                int old = d.length;
                d = Arrays.copyOf(d, (int) length);
                Arrays.fill(d, old, d.length, -1);
                dense = d;
                d[(int) key] = value;
                size++;
                return -1;
            }
            toHash();
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        return hashPut(key, value);
    }

    int size() {
        return size;
    }

    /** Drops unused capacity of the direct form (after the last put). */
    void trim() {
        if (dense != null) {
            int last = dense.length - 1;
            while (last >= 0 && dense[last] < 0) {
                last--;
            }
            if (last + 1 < dense.length) {
                dense = Arrays.copyOf(dense, Math.max(last + 1, 1));
            }
        }
    }

    /** Whether the index is still an array indexed by id (for tests). */
    boolean isDense() {
        return dense != null;
    }

    private int hashPut(long key, int value) {
        int i = slot(key);
        while (true) {
            int v = values[i];
            if (v < 0) {
                keys[i] = key;
                values[i] = value;
                size++;
                return -1;
            }
            if (keys[i] == key) {
                return v;
            }
            i = (i + 1) & mask;
        }
    }

    private void toHash() {
        int[] d = dense;
        dense = null;
        allocate(Integer.highestOneBit(Math.max(16, size * 2 + 1)) << 1);
        int n = size;
        size = 0;
        for (int k = 0; k < d.length && size < n; k++) {
            if (d[k] >= 0) {
                hashPut(k, d[k]);
            }
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, -1);
        mask = capacity - 1;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldKeys.length * 2);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] >= 0) {
                hashPut(oldKeys[i], oldValues[i]);
            }
        }
    }
}
