package org.arxos.model.internal;

/**
 * An int array split into fixed-size pages so that a new revision copies only the pages a change set touches and
 * shares every other page with the revision it came from (copy on write). A frozen instance is never written; a
 * writable copy tracks which pages it already owns.
 */
final class IntPages {

    static final int SHIFT = 8;
    static final int PAGE = 1 << SHIFT;
    static final int MASK = PAGE - 1;

    private int[][] pages;
    private boolean[] owned;

    IntPages() {
        pages = new int[0][];
        owned = new boolean[0];
    }

    private IntPages(int[][] pages) {
        this.pages = pages.clone();
        this.owned = new boolean[pages.length];
    }

    /** A writable copy sharing every page with this one until it is written. */
    IntPages writableCopy() {
        return new IntPages(pages);
    }

    void freeze() {
        owned = null;
    }

    int get(int i) {
        int p = i >>> SHIFT;
        if (p >= pages.length) {
            return 0;
        }
        int[] page = pages[p];
        return page == null ? 0 : page[i & MASK];
    }

    void set(int i, int value) {
        page(i >>> SHIFT)[i & MASK] = value;
    }

    void add(int i, int delta) {
        int[] page = page(i >>> SHIFT);
        page[i & MASK] += delta;
    }

    private int[] page(int p) {
        if (p >= pages.length) {
            int n = Math.max(p + 1, pages.length + (pages.length >> 1) + 1);
            int[][] grown = new int[n][];
            System.arraycopy(pages, 0, grown, 0, pages.length);
            boolean[] grownOwned = new boolean[n];
            System.arraycopy(owned, 0, grownOwned, 0, owned.length);
            pages = grown;
            owned = grownOwned;
        }
        int[] page = pages[p];
        if (page == null) {
            page = new int[PAGE];
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
