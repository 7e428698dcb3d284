package org.arxos.io.ifc.internal.step;

import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The immutable lists of values the reader makes, as small as they can be: large files hold millions of them. One and
 * three to six values live in fields of the list object (no array: 16 to 40 bytes where {@code List.of} takes 40 to
 * 64), two in a {@code List.of} list, more in an exactly sized array the list owns (no copy). They behave like
 * {@code List.of} lists: no {@code null}, every change throws {@link UnsupportedOperationException}, equal to any list
 * with equal values in the same order.
 */
abstract class ArgList extends AbstractCollection<Object> implements List<Object>, RandomAccess {

    /** An immutable list of {@code stack[from..to)}. */
    static List<Object> of(Object[] stack, int from, int to) {
        switch (to - from) {
            case 0:
                return List.of();
            case 1:
                return new Args1(stack[from]);
            case 2:
                return List.of(stack[from], stack[from + 1]);
            case 3:
                return new Args3(stack[from], stack[from + 1], stack[from + 2]);
            case 4:
                return new Args4(stack[from], stack[from + 1], stack[from + 2], stack[from + 3]);
            case 5:
                return new Args5(stack[from], stack[from + 1], stack[from + 2], stack[from + 3], stack[from + 4]);
            case 6:
                return new Args6(stack[from], stack[from + 1], stack[from + 2], stack[from + 3], stack[from + 4],
                        stack[from + 5]);
            default:
                return new ArgsN(Arrays.copyOfRange(stack, from, to));
        }
    }

    /** The list itself when it is immutable already (an ArgList or a {@code List.of} list), else a copy. */
    static List<Object> immutable(List<Object> list) {
        return list instanceof ArgList ? list : List.copyOf(list);
    }

    IndexOutOfBoundsException outOfBounds(int index) {
        return new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size());
    }

    @Override
    public Object[] toArray() {
        int n = size();
        Object[] a = new Object[n];
        for (int i = 0; i < n; i++) {
            a[i] = get(i);
        }
        return a;
    }

    @Override
    public Iterator<Object> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size();
            }

            @Override
            public Object next() {
                if (next >= size()) {
                    throw new NoSuchElementException();
                }
                return get(next++);
            }
        };
    }

    @Override
    public ListIterator<Object> listIterator() {
        return listIterator(0);
    }

    @Override
    public ListIterator<Object> listIterator(int index) {
        return List.of(toArray()).listIterator(index);
    }

    @Override
    public List<Object> subList(int fromIndex, int toIndex) {
        return List.of(toArray()).subList(fromIndex, toIndex);
    }

    @Override
    public int indexOf(Object o) {
        Objects.requireNonNull(o); // as List.of lists do
        for (int i = 0, n = size(); i < n; i++) {
            if (o.equals(get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        Objects.requireNonNull(o);
        for (int i = size() - 1; i >= 0; i--) {
            if (o.equals(get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof List<?> other)) {
            return false;
        }
        int n = size();
        if (other instanceof RandomAccess) {
            if (other.size() != n) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!get(i).equals(other.get(i))) {
                    return false;
                }
            }
            return true;
        }
        Iterator<?> it = other.iterator();
        for (int i = 0; i < n; i++) {
            if (!it.hasNext() || !get(i).equals(it.next())) {
                return false;
            }
        }
        return !it.hasNext();
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0, n = size(); i < n; i++) {
            h = 31 * h + get(i).hashCode();
        }
        return h;
    }

    // ---------------------------------------------------------------- immutable

    @Override
    public boolean add(Object e) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void add(int index, Object element) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean addAll(Collection<?> c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean addAll(int index, Collection<?> c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object set(int index, Object element) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object remove(int index) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean remove(Object o) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean removeIf(Predicate<? super Object> filter) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void replaceAll(UnaryOperator<Object> operator) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void sort(Comparator<? super Object> c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException();
    }

    // ---------------------------------------------------------------- forms

    /** 1 value in fields: no array. */
    static final class Args1 extends ArgList {
        private final Object a;

        Args1(Object a) {
            this.a = a;
        }

        @Override
        public Object get(int index) {
            switch (index) {
                case 0:
                    return a;
                default:
                    throw outOfBounds(index);
            }
        }

        @Override
        public int size() {
            return 1;
        }
    }

    /** 3 values in fields: no array. */
    static final class Args3 extends ArgList {
        private final Object a;
        private final Object b;
        private final Object c;

        Args3(Object a, Object b, Object c) {
            this.a = a;
            this.b = b;
            this.c = c;
        }

        @Override
        public Object get(int index) {
            switch (index) {
                case 0:
                    return a;
                case 1:
                    return b;
                case 2:
                    return c;
                default:
                    throw outOfBounds(index);
            }
        }

        @Override
        public int size() {
            return 3;
        }
    }

    /** 4 values in fields: no array. */
    static final class Args4 extends ArgList {
        private final Object a;
        private final Object b;
        private final Object c;
        private final Object d;

        Args4(Object a, Object b, Object c, Object d) {
            this.a = a;
            this.b = b;
            this.c = c;
            this.d = d;
        }

        @Override
        public Object get(int index) {
            switch (index) {
                case 0:
                    return a;
                case 1:
                    return b;
                case 2:
                    return c;
                case 3:
                    return d;
                default:
                    throw outOfBounds(index);
            }
        }

        @Override
        public int size() {
            return 4;
        }
    }

    /** 5 values in fields: no array. */
    static final class Args5 extends ArgList {
        private final Object a;
        private final Object b;
        private final Object c;
        private final Object d;
        private final Object e;

        Args5(Object a, Object b, Object c, Object d, Object e) {
            this.a = a;
            this.b = b;
            this.c = c;
            this.d = d;
            this.e = e;
        }

        @Override
        public Object get(int index) {
            switch (index) {
                case 0:
                    return a;
                case 1:
                    return b;
                case 2:
                    return c;
                case 3:
                    return d;
                case 4:
                    return e;
                default:
                    throw outOfBounds(index);
            }
        }

        @Override
        public int size() {
            return 5;
        }
    }

    /** 6 values in fields: no array. */
    static final class Args6 extends ArgList {
        private final Object a;
        private final Object b;
        private final Object c;
        private final Object d;
        private final Object e;
        private final Object f;

        Args6(Object a, Object b, Object c, Object d, Object e, Object f) {
            this.a = a;
            this.b = b;
            this.c = c;
            this.d = d;
            this.e = e;
            this.f = f;
        }

        @Override
        public Object get(int index) {
            switch (index) {
                case 0:
                    return a;
                case 1:
                    return b;
                case 2:
                    return c;
                case 3:
                    return d;
                case 4:
                    return e;
                case 5:
                    return f;
                default:
                    throw outOfBounds(index);
            }
        }

        @Override
        public int size() {
            return 6;
        }
    }

    /** Seven or more values in an array the list owns. */
    static final class ArgsN extends ArgList {
        private final Object[] values;

        /** Takes the array, which no one else may change. */
        ArgsN(Object[] values) {
            this.values = values;
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
    }
}
