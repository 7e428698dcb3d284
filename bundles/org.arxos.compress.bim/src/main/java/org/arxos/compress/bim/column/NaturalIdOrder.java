package org.arxos.compress.bim.column;

import java.util.Comparator;

/**
 * Ids in the order people number them: by the part before the trailing number, then by that number, then as text
 * ({@code c9} before {@code c10}). Sorting by it puts ids that {@link IdColumn} codes as steps next to each other.
 */
public final class NaturalIdOrder implements Comparator<String> {

    public static final NaturalIdOrder INSTANCE = new NaturalIdOrder();

    private NaturalIdOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int na = IdColumn.TrailingNumber.start(a);
        int nb = IdColumn.TrailingNumber.start(b);
        int byPrefix = CharSequence.compare(a.subSequence(0, na), b.subSequence(0, nb));
        if (byPrefix != 0) {
            return byPrefix;
        }
        int byNumber = Long.compare(na < a.length() ? IdColumn.TrailingNumber.value(a, na) : -1,
                nb < b.length() ? IdColumn.TrailingNumber.value(b, nb) : -1);
        return byNumber != 0 ? byNumber : a.compareTo(b);
    }
}
