package org.arxos.compress.svg.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The magnitudes seen so far in one family of numbers (one attribute's), ranked by how often they occurred. Drawings
 * reuse a handful of lengths everywhere (a grid step, a wall thickness), so a repeated magnitude is coded by its rank:
 * its bucket {@code floor(log2(rank + 1))} through a bit tree, the rank within the bucket after it.
 */
final class ValueDictionary {

    private static final class Entry {
        final Decimal value;
        int count;
        int rank;

        Entry(Decimal value, int rank) {
            this.value = value;
            this.rank = rank;
        }
    }

    private final List<Entry> ranked = new ArrayList<>();
    private final Map<Decimal, Entry> byValue = new HashMap<>();
    /** For each count, the best rank an entry with that count holds; -1 for none. */
    private int[] firstWithCount = filled(new int[64]);
    private final int[] slots = BitCoder.slots(32 + 32 * 8);

    private static int[] filled(int[] a) {
        Arrays.fill(a, -1);
        return a;
    }

    /** The entry {@link #rank} found last: {@link #count} usually counts the magnitude just ranked. */
    private Entry found;

    /** The rank of the magnitude, or -1 when it has not been seen. */
    int rank(Decimal magnitude) {
        found = byValue.get(magnitude);
        return found == null ? -1 : found.rank;
    }

    int size() {
        return ranked.size();
    }

    /** Encodes {@code rank}, or with a negative rank decodes one; returns the magnitude at that rank. */
    Decimal code(BitCoder coder, int rank) {
        int r = Math.max(rank, 0) + 1;
        int bucket = coder.tree(slots, 0, 5, 31 - Integer.numberOfLeadingZeros(r));
        int top = Math.min(bucket, 3);
        int offset = r - (1 << bucket);
        int high = top == 0 ? 0 : coder.tree(slots, 32 + bucket * 8, top, offset >>> (bucket - top));
        int low = (int) coder.evenBits(bucket - top, offset);
        int decoded = (1 << bucket) + (high << (bucket - top)) + low - 1;
        if (decoded < 0 || decoded >= ranked.size()) {
            throw new CorruptStream("a number refers to a magnitude not seen");
        }
        return ranked.get(decoded).value;
    }

    /**
     * Counts one more occurrence of the magnitude. Entries stay sorted by count, newest last among equals: the entry
     * swaps with the first of those counted as often as it was, so an update takes constant time.
     */
    void count(Decimal magnitude) {
        Entry e = found != null && found.value.equals(magnitude) ? found : byValue.get(magnitude);
        if (e == null) {
            e = new Entry(magnitude, ranked.size());
            ranked.add(e);
            byValue.put(magnitude, e);
            if (firstWithCount[0] < 0) {
                firstWithCount[0] = e.rank;
            }
        }
        int c = e.count;
        if (c + 1 >= firstWithCount.length) {
            int n = firstWithCount.length;
            firstWithCount = Arrays.copyOf(firstWithCount, n * 2);
            Arrays.fill(firstWithCount, n, n * 2, -1);
        }
        int head = firstWithCount[c];
        Entry first = ranked.get(head);
        ranked.set(e.rank, first);
        first.rank = e.rank;
        ranked.set(head, e);
        e.rank = head;
        firstWithCount[c] = head + 1 < ranked.size() && ranked.get(head + 1).count == c ? head + 1 : -1;
        e.count = c + 1;
        if (firstWithCount[c + 1] < 0) {
            firstWithCount[c + 1] = head;
        }
    }
}
