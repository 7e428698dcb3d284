package org.arxos.grouping.internal;

import java.util.Arrays;

/**
 * An array kept in pages of 1,024 entries that copies share until they write: a {@linkplain #writableCopy() writable
 * copy} copies a page the first time it writes into it, so a copy costs memory in proportion to the entries it writes
 * and never allocates one large array (for G1, an array of a million entries is a "humongous" allocation). It grows by
 * pages as indexes past its end are written. A {@linkplain #freeze() frozen} array is never written again and is safe
 * to read from many threads.
 *
 * @param <P> the type of a page, an array of the entry type
 */
public abstract sealed class PagedArray<P> permits IntPages, FloatPages, RefPages {

    static final int SHIFT = 10;
    static final int PAGE = 1 << SHIFT;
    static final int MASK = PAGE - 1;

    Object[] pages;
    /** Which pages this copy may write; {@code null} once frozen. */
    private boolean[] owned;

    PagedArray() {
        pages = new Object[1];
        owned = new boolean[1];
    }

    PagedArray(PagedArray<P> source) {
        pages = source.pages.clone();
        owned = new boolean[pages.length];
    }

    /** Makes this array read-only. */
    public void freeze() {
        owned = null;
    }

    abstract P newPage();

    abstract P copy(P page);

    /** The page that holds {@code index}, owned by this copy. */
    @SuppressWarnings("unchecked")
    final P writablePage(int index) {
        if (owned == null) {
            throw new IllegalStateException("the array is frozen; index " + index + " cannot be written");
        }
        int p = index >>> SHIFT;
        if (p >= pages.length) {
            int length = Math.max(p + 1, pages.length + (pages.length >> 1));
            pages = Arrays.copyOf(pages, length);
            owned = Arrays.copyOf(owned, length);
        }
        if (!owned[p]) {
            pages[p] = pages[p] == null ? newPage() : copy((P) pages[p]);
            owned[p] = true;
        }
        return (P) pages[p];
    }
}
