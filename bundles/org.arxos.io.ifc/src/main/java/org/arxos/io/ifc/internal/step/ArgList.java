package org.arxos.io.ifc.internal.step;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The immutable list of three or more values the reader makes: it owns its exactly sized array, so it costs one object
 * less than {@code List.of(array)} (which copies the array into a list of its own). Holds no {@code null}.
 */
final class ArgList extends AbstractList<Object> implements RandomAccess {

    private final Object[] values;

    /** Takes the array, which no one else may change. */
    ArgList(Object[] values) {
        this.values = values;
    }

    /** An immutable list of the values without copying them again: {@code List.of} for up to two, else an ArgList. */
    static List<Object> of(Object[] stack, int from, int to) {
        switch (to - from) {
            case 0:
                return List.of();
            case 1:
                return List.of(stack[from]);
            case 2:
                return List.of(stack[from], stack[from + 1]);
            default:
                return new ArgList(Arrays.copyOfRange(stack, from, to));
        }
    }

    /** The list itself when it is immutable already (an ArgList or a {@code List.of} list), else a copy. */
    static List<Object> immutable(List<Object> list) {
        return list instanceof ArgList ? list : List.copyOf(list);
    }

    @Override
    public Object get(int index) {
        return values[Objects.checkIndex(index, values.length)];
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Object[] toArray() {
        return values.clone();
    }

    @Override
    public int indexOf(Object o) {
        Objects.requireNonNull(o); // as List.of lists do
        for (int i = 0; i < values.length; i++) {
            if (o.equals(values[i])) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        Objects.requireNonNull(o);
        for (int i = values.length - 1; i >= 0; i--) {
            if (o.equals(values[i])) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }
}
