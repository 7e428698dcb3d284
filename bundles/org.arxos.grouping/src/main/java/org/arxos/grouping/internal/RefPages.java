package org.arxos.grouping.internal;

/** A {@link PagedArray} of references; an index never written reads {@code null}. */
public final class RefPages<T> extends PagedArray<Object[]> {

    public RefPages() {
    }

    private RefPages(RefPages<T> source) {
        super(source);
    }

    /** A writable copy that shares every page with this array until it writes it. */
    public RefPages<T> writableCopy() {
        return new RefPages<>(this);
    }

    @SuppressWarnings("unchecked")
    public T get(int index) {
        int p = index >>> SHIFT;
        return p < pages.length && pages[p] != null ? (T) ((Object[]) pages[p])[index & MASK] : null;
    }

    /** Sets the entry; copies its page only when the reference changes. */
    public void set(int index, T value) {
        if (get(index) != value) {
            writablePage(index)[index & MASK] = value;
        }
    }

    @Override
    Object[] newPage() {
        return new Object[PAGE];
    }

    @Override
    Object[] copy(Object[] page) {
        return page.clone();
    }
}
