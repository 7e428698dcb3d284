package org.arxos.calculations.internal;

import java.util.Arrays;

import org.arxos.calculations.internal.PairSearch.Criterion;
import org.arxos.calculations.internal.PairSearch.Slice;
import org.arxos.calculations.internal.PairSearch.Tally;
import org.arxos.calculations.internal.PairSearch.Task;

/**
 * The pair search inside one slice: a sweep along x over the grown boxes, then the cheap box tests, the ownership
 * test (the pair's reference point lies in this slice's cell) and last the exact test on outlines.
 */
final class SliceSearch {

    private final Task task;
    private final Slice slice;
    private final int n;
    private final double half;
    /** The slice's storey band, {@code [bottom, top)}: the band test of {@link PairSearch#band} without a search. */
    private final double bandBottom;
    private final double bandTop;
    private final long[] counts;

    private long count;
    private int kept;
    private int[] first = new int[16];
    private int[] second = new int[16];
    private float[] measure = new float[16];

    SliceSearch(Task task, Slice slice) {
        this.task = task;
        this.slice = slice;
        this.n = slice.items().length;
        this.half = task.halo() / 2;
        float[] bands = task.bands();
        this.bandBottom = slice.band() < 0 ? Double.NEGATIVE_INFINITY : bands[slice.band()];
        this.bandTop = slice.band() + 1 < bands.length ? bands[slice.band() + 1] : Double.POSITIVE_INFINITY;
        this.counts = new long[task.disciplines() * task.disciplines()];
    }

    Tally run() {
        float[] box = slice.boxes();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Float.compare(box[6 * a], box[6 * b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int oi = 0; oi < n; oi++) {
            int a = order[oi];
            double aMaxX = box[6 * a + 2] + half;
            for (int oj = oi + 1; oj < n; oj++) {
                int b = order[oj];
                if (box[6 * b] - half > aMaxX) {
                    break;
                }
                consider(a, b);
            }
        }
        return tally();
    }

    private void consider(int a, int b) {
        float[] box = slice.boxes();
        int pa = 6 * a;
        int pb = 6 * b;
        if (box[pa + 1] - half > box[pb + 3] + half || box[pb + 1] - half > box[pa + 3] + half
                || box[pa + 4] - half > box[pb + 5] + half || box[pb + 4] - half > box[pa + 5] + half) {
            return;
        }
        if (task.criterion() == Criterion.CLASH && slice.disciplines()[a] == slice.disciplines()[b]) {
            return;
        }
        // the pair is this slice's only if the low corner of the grown boxes' intersection lies in its cell
        double rx = Math.max(PairSearch.grown(box[pa], -task.halo()), PairSearch.grown(box[pb], -task.halo()));
        double ry = Math.max(PairSearch.grown(box[pa + 1], -task.halo()), PairSearch.grown(box[pb + 1], -task.halo()));
        double rz = Math.max(PairSearch.grown(box[pa + 4], -task.halo()), PairSearch.grown(box[pb + 4], -task.halo()));
        if (PairSearch.cell(rx, task.tile()) != slice.tileX() || PairSearch.cell(ry, task.tile()) != slice.tileY()
                || rz < bandBottom || rz >= bandTop) {
            return;
        }
        float m = task.criterion() == Criterion.CLEARANCE ? distance(a, b) : -depth(a, b);
        if (Float.isNaN(m)) {
            return;
        }
        int ia = slice.items()[a];
        int ib = slice.items()[b];
        int lo = Math.min(ia, ib);
        int hi = Math.max(ia, ib);
        count++;
        int da = slice.disciplines()[a];
        int db = slice.disciplines()[b];
        counts[Math.min(da, db) * task.disciplines() + Math.max(da, db)]++;
        keep(m, lo, hi);
    }

    /** The 3D distance if below the clearance, else NaN. */
    private float distance(int a, int b) {
        float[] box = slice.boxes();
        int pa = 6 * a;
        int pb = 6 * b;
        double gx = gap(box[pa], box[pa + 2], box[pb], box[pb + 2]);
        double gy = gap(box[pa + 1], box[pa + 3], box[pb + 1], box[pb + 3]);
        double gz = gap(box[pa + 4], box[pa + 5], box[pb + 4], box[pb + 5]);
        // sqrt, not Math.hypot (22 % of the search): the gaps are floats, their squares cannot overflow a double
        double d = Math.sqrt(gx * gx + gy * gy + gz * gz);
        if (d >= task.value()) {
            return Float.NaN;
        }
        if (slice.outlines()[a] != null || slice.outlines()[b] != null) {
            double plan = PlanGeometry.distance(outline(a), closed(a), outline(b), closed(b));
            d = Math.sqrt(plan * plan + gz * gz);
        }
        return d < task.value() ? (float) d : Float.NaN;
    }

    /** The smallest overlap over the three axes if all exceed the tolerance and the outlines meet, else NaN. */
    private float depth(int a, int b) {
        float[] box = slice.boxes();
        int pa = 6 * a;
        int pb = 6 * b;
        double ox = overlap(box[pa], box[pa + 2], box[pb], box[pb + 2]);
        double oy = overlap(box[pa + 1], box[pa + 3], box[pb + 1], box[pb + 3]);
        double oz = overlap(box[pa + 4], box[pa + 5], box[pb + 4], box[pb + 5]);
        double tolerance = task.value();
        if (ox <= tolerance || oy <= tolerance || oz <= tolerance) {
            return Float.NaN;
        }
        if ((slice.outlines()[a] != null || slice.outlines()[b] != null)
                && PlanGeometry.distance(outline(a), closed(a), outline(b), closed(b)) > 0) {
            return Float.NaN;
        }
        return (float) Math.min(ox, Math.min(oy, oz));
    }

    private float[] outline(int i) {
        float[] outline = slice.outlines()[i];
        if (outline != null) {
            return outline;
        }
        float[] box = slice.boxes();
        return PlanGeometry.rectangle(box[6 * i], box[6 * i + 1], box[6 * i + 2], box[6 * i + 3]);
    }

    private boolean closed(int i) {
        return slice.outlines()[i] == null || slice.closed()[i];
    }

    private static double gap(float aMin, float aMax, float bMin, float bMax) {
        return Math.max(0, Math.max((double) bMin - aMax, (double) aMin - bMax));
    }

    private static double overlap(float aMin, float aMax, float bMin, float bMax) {
        return Math.min((double) aMax, bMax) - Math.max((double) aMin, bMin);
    }

    /** Keeps the pair if it is among the {@code limit} first so far: a max-heap whose root is the last kept. */
    private void keep(float m, int lo, int hi) {
        int limit = task.limit();
        if (limit == 0) {
            return;
        }
        if (kept < limit) {
            if (kept == first.length) {
                int size = Math.min(limit, kept * 2);
                first = Arrays.copyOf(first, size);
                second = Arrays.copyOf(second, size);
                measure = Arrays.copyOf(measure, size);
            }
            set(kept, m, lo, hi);
            siftUp(kept++);
        } else if (PairSearch.compare(m, lo, hi, measure[0], first[0], second[0]) < 0) {
            set(0, m, lo, hi);
            siftDown(0, kept);
        }
    }

    private void set(int at, float m, int lo, int hi) {
        measure[at] = m;
        first[at] = lo;
        second[at] = hi;
    }

    private boolean after(int i, int j) {
        return PairSearch.compare(measure[i], first[i], second[i], measure[j], first[j], second[j]) > 0;
    }

    private void swap(int i, int j) {
        float m = measure[i];
        int f = first[i];
        int s = second[i];
        set(i, measure[j], first[j], second[j]);
        set(j, m, f, s);
    }

    private void siftUp(int i) {
        while (i > 0 && after(i, (i - 1) / 2)) {
            swap(i, (i - 1) / 2);
            i = (i - 1) / 2;
        }
    }

    private void siftDown(int i, int size) {
        while (true) {
            int largest = i;
            int left = 2 * i + 1;
            int right = left + 1;
            if (left < size && after(left, largest)) {
                largest = left;
            }
            if (right < size && after(right, largest)) {
                largest = right;
            }
            if (largest == i) {
                return;
            }
            swap(i, largest);
            i = largest;
        }
    }

    /** The tally, its kept pairs sorted by popping the heap from the back. */
    private Tally tally() {
        for (int size = kept - 1; size > 0; size--) {
            swap(0, size);
            siftDown(0, size);
        }
        return new Tally(count, counts, Arrays.copyOf(first, kept), Arrays.copyOf(second, kept),
                Arrays.copyOf(measure, kept));
    }
}
