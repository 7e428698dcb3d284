package org.arxos.grouping.internal;

/** A {@link PagedArray} of ints; an index never written reads 0. */
public final class IntPages extends PagedArray<int[]> {

    public IntPages() {
    }

    private IntPages(IntPages source) {
        super(source);
    }

    /** A writable copy that shares every page with this array until it writes it. */
    public IntPages writableCopy() {
        return new IntPages(this);
    }

    public int get(int index) {
        int p = index >>> SHIFT;
        return p < pages.length && pages[p] != null ? ((int[]) pages[p])[index & MASK] : 0;
    }

    /** Sets the entry; copies its page only when the value changes. */
    public void set(int index, int value) {
        if (get(index) != value) {
            writablePage(index)[index & MASK] = value;
        }
    }

    @Override
    int[] newPage() {
        return new int[PAGE];
    }

    @Override
    int[] copy(int[] page) {
        return page.clone();
    }
}
