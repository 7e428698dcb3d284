package org.arxos.grouping.internal;

/**
 * A map from id strings to ints laid out for a million ids: open addressing with linear probing over two paged arrays,
 * keys and values, about 16 bytes an entry where a {@code HashMap<String, Integer>} takes about 50. Pages are shared
 * copy-on-write: a {@link #writableCopy() writable copy} copies only the pages it writes, so the table of an edited
 * tree costs memory in proportion to the edit. A {@link #freeze() frozen} table is never written again and is safe to
 * read from many threads.
 *
 * <p>Removal shifts the entries that follow back into the gap (no tombstones), so a table never degrades.
 */
public final class IdTable {

    /** What {@link #get} answers for an absent id. */
    public static final int ABSENT = Integer.MIN_VALUE;

    private static final int SHIFT = 10;
    private static final int PAGE = 1 << SHIFT;
    private static final int MASK = PAGE - 1;
    private static final int MIN_CAPACITY = PAGE;
    private static final double MAX_LOAD = 0.6;

    private String[][] keys;
    private int[][] values;
    /** Which pages this copy may write; {@code null} once frozen. */
    private boolean[] owned;
    private int mask;
    private int size;

    private IdTable(int capacity) {
        int pages = Math.max(1, capacity >>> SHIFT);
        keys = new String[pages][];
        values = new int[pages][];
        owned = new boolean[pages];
        mask = capacity - 1;
    }

    private IdTable(IdTable source) {
        keys = source.keys.clone();
        values = source.values.clone();
        owned = new boolean[keys.length];
        mask = source.mask;
        size = source.size;
    }

    /** An empty writable table that holds {@code expected} ids without growing. */
    public static IdTable forSize(int expected) {
        return new IdTable(capacityFor(expected));
    }

    /** A writable copy that shares every page with this table until it writes it. */
    public IdTable writableCopy() {
        return new IdTable(this);
    }

    /** Makes this table read-only; returns it. */
    public IdTable freeze() {
        owned = null;
        return this;
    }

    public int size() {
        return size;
    }

    /** The value of {@code id}, or {@link #ABSENT}. */
    public int get(String id) {
        int pos = probe(id);
        return pos < 0 ? ABSENT : values[pos >>> SHIFT][pos & MASK];
    }

    /** Sets the value of {@code id}, adding it when absent. */
    public void put(String id, int value) {
        if (value == ABSENT) {
            throw new IllegalArgumentException("the value for '" + id + "' must not be IdTable.ABSENT");
        }
        int pos = probe(id);
        if (pos >= 0) {
            if (values[pos >>> SHIFT][pos & MASK] != value) {
                writableValues(pos >>> SHIFT)[pos & MASK] = value;
            }
            return;
        }
        if (size + 1 > (mask + 1) * MAX_LOAD) {
            grow();
            pos = probe(id);
        }
        pos = ~pos;
        int page = pos >>> SHIFT;
        writableKeys(page)[pos & MASK] = id;
        writableValues(page)[pos & MASK] = value;
        size++;
    }

    /** Removes {@code id}; returns whether it was there. */
    public boolean remove(String id) {
        int gap = probe(id);
        if (gap < 0) {
            return false;
        }
        // Backward shift: move each following entry of the run into the gap unless it already sits at or after its
        // home position (seen circularly from the gap).
        int pos = gap;
        while (true) {
            pos = (pos + 1) & mask;
            String key = keyAt(pos);
            if (key == null) {
                break;
            }
            int home = slot(key);
            boolean stays = gap <= pos ? gap < home && home <= pos : gap < home || home <= pos;
            if (!stays) {
                writableKeys(gap >>> SHIFT)[gap & MASK] = key;
                writableValues(gap >>> SHIFT)[gap & MASK] = values[pos >>> SHIFT][pos & MASK];
                gap = pos;
            }
        }
        writableKeys(gap >>> SHIFT)[gap & MASK] = null;
        size--;
        return true;
    }

    /** The position of {@code id}, or {@code ~position} of the empty position where it would go. */
    private int probe(String id) {
        int pos = slot(id);
        while (true) {
            String key = keyAt(pos);
            if (key == null) {
                return ~pos;
            }
            if (key == id || key.equals(id)) {
                return pos;
            }
            pos = (pos + 1) & mask;
        }
    }

    private String keyAt(int pos) {
        String[] page = keys[pos >>> SHIFT];
        return page == null ? null : page[pos & MASK];
    }

    private int slot(String id) {
        int h = id.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    private String[] writableKeys(int page) {
        ensureOwned(page);
        return keys[page];
    }

    private int[] writableValues(int page) {
        ensureOwned(page);
        return values[page];
    }

    private void ensureOwned(int page) {
        if (owned == null) {
            throw new IllegalStateException("the table is frozen");
        }
        if (!owned[page]) {
            keys[page] = keys[page] == null ? new String[PAGE] : keys[page].clone();
            values[page] = values[page] == null ? new int[PAGE] : values[page].clone();
            owned[page] = true;
        }
    }

    private void grow() {
        IdTable bigger = new IdTable((mask + 1) * 2);
        for (int p = 0; p < keys.length; p++) {
            String[] page = keys[p];
            if (page == null) {
                continue;
            }
            for (int i = 0; i < PAGE; i++) {
                if (page[i] != null) {
                    bigger.put(page[i], values[p][i]);
                }
            }
        }
        keys = bigger.keys;
        values = bigger.values;
        owned = bigger.owned;
        mask = bigger.mask;
    }

    private static int capacityFor(int expected) {
        int capacity = MIN_CAPACITY;
        while (capacity * MAX_LOAD < expected) {
            capacity <<= 1;
        }
        return capacity;
    }
}
