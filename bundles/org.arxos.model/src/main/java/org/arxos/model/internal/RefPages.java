package org.arxos.model.internal;

/**
 * A reference array split into fixed-size pages so that a new revision copies only the pages a change set touches and
 * shares every other page with the revision it came from (copy on write). A frozen instance is never written; a
 * writable copy tracks which pages it already owns.
 */
final class RefPages<T> {

    static final int SHIFT = 8;
    static final int PAGE = 1 << SHIFT;
    static final int MASK = PAGE - 1;

    private Object[][] pages;
    private boolean[] owned;

    RefPages() {
        pages = new Object[0][];
        owned = new boolean[0];
    }

    private RefPages(Object[][] pages) {
        this.pages = pages.clone();
        this.owned = new boolean[pages.length];
    }

    /** A writable copy sharing every page with this one until it is written. */
    RefPages<T> writableCopy() {
        return new RefPages<>(pages);
    }

    void freeze() {
        owned = null;
    }

    @SuppressWarnings("unchecked")
    T get(int i) {
        int p = i >>> SHIFT;
        if (p >= pages.length) {
            return null;
        }
        Object[] page = pages[p];
        return page == null ? null : (T) page[i & MASK];
    }

    void set(int i, T value) {
        page(i >>> SHIFT)[i & MASK] = value;
    }

    private Object[] page(int p) {
        if (p >= pages.length) {
            int n = Math.max(p + 1, pages.length + (pages.length >> 1) + 1);
            Object[][] grown = new Object[n][];
            System.arraycopy(pages, 0, grown, 0, pages.length);
            boolean[] grownOwned = new boolean[n];
            System.arraycopy(owned, 0, grownOwned, 0, owned.length);
            pages = grown;
            owned = grownOwned;
        }
        Object[] page = pages[p];
        if (page == null) {
            page = new Object[PAGE];
            pages[p] = page;
            owned[p] = true;
        } else if (!owned[p]) {
            page = page.clone();
            pages[p] = page;
            owned[p] = true;
        }
        return page;
    }
}
