package org.arxos.calculations.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.arxos.api.compute.CalculationContext;
import org.arxos.api.compute.ComputeTask;
import org.arxos.calculations.DisciplinePairs;
import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.arxos.model.geometry.ElevationRange;
import org.arxos.model.geometry.Polygon;

/**
 * Finds pairs of components near or in each other, split into slices by storey band and plan tile so that the
 * slices run on any node.
 *
 * <p>Every component's box is grown by half the halo (the clearance distance; 0 for clashes) and the component goes
 * into every slice its grown box touches. Two components can form a pair only if their grown boxes intersect; the
 * pair belongs to the one slice that holds the low corner of that intersection, so every pair is found exactly once,
 * by a slice that holds both. Storey bands run from one storey's bottom to the next storey's; tiles are squares of
 * {@code tile} metres on a grid fixed at the origin.
 */
final class PairSearch {

    /** Slice entries (components times the slices each is in) one search may make. */
    static final long MAX_ENTRIES = 20_000_000;

    enum Criterion {
        /** Closer than the value in 3D; measure = distance. */
        CLEARANCE,
        /** Different disciplines, overlapping by more than the value on every axis; measure = -depth. */
        CLASH
    }

    /** The components searched, in the revision's order: ids stay here, slices carry indices. */
    record Items(List<String> ids, List<String> disciplineNames, byte[] disciplines, float[] boxes,
            float[][] outlines, boolean[] closed, long skipped) {

        int size() {
            return ids.size();
        }
    }

    /**
     * One storey band and tile: its cell and the components in it, as indices into {@link Items} with their boxes
     * ({@code minX, minY, maxX, maxY, bottom, top}), discipline numbers and outlines ({@code null} for plain boxes).
     */
    record Slice(int band, int tileX, int tileY, int[] items, float[] boxes, byte[] disciplines, float[][] outlines,
            boolean[] closed) implements Serializable {

        private static final long serialVersionUID = 1L;
    }

    /**
     * What a slice found: all pairs counted, per discipline pair ({@code disciplines × disciplines}, lower number
     * first), and the first {@code limit} pairs by measure and indices, sorted.
     */
    record Tally(long count, long[] byDisciplines, int[] first, int[] second, float[] measure)
            implements Serializable {

        private static final long serialVersionUID = 1L;
    }

    /** Adds tallies up in slice order, keeping the {@code limit} first pairs. */
    static final class Sum {
        private final int limit;
        private final long[] byDisciplines;
        private long count;
        private int kept;
        private int[] first = new int[0];
        private int[] second = new int[0];
        private float[] measure = new float[0];

        Sum(int disciplines, int limit) {
            this.limit = limit;
            this.byDisciplines = new long[disciplines * disciplines];
        }

        void add(Tally tally) {
            count += tally.count();
            for (int i = 0; i < byDisciplines.length; i++) {
                byDisciplines[i] += tally.byDisciplines()[i];
            }
            int n = tally.first().length;
            if (kept + n > first.length) {
                int size = Math.max(kept + n, 2 * first.length);
                first = Arrays.copyOf(first, size);
                second = Arrays.copyOf(second, size);
                measure = Arrays.copyOf(measure, size);
            }
            System.arraycopy(tally.first(), 0, first, kept, n);
            System.arraycopy(tally.second(), 0, second, kept, n);
            System.arraycopy(tally.measure(), 0, measure, kept, n);
            kept += n;
            if (kept > 2 * limit) {
                cut();
            }
        }

        Tally total() {
            cut();
            return new Tally(count, byDisciplines.clone(), Arrays.copyOf(first, kept), Arrays.copyOf(second, kept),
                    Arrays.copyOf(measure, kept));
        }

        /** Sorts the pairs kept and keeps the first {@code limit}. */
        private void cut() {
            Integer[] order = new Integer[kept];
            for (int i = 0; i < kept; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> compare(measure[x], first[x], second[x], measure[y], first[y], second[y]));
            int n = Math.min(limit, kept);
            int[] f = new int[n];
            int[] s = new int[n];
            float[] m = new float[n];
            for (int i = 0; i < n; i++) {
                f[i] = first[order[i]];
                s[i] = second[order[i]];
                m[i] = measure[order[i]];
            }
            first = f;
            second = s;
            measure = m;
            kept = n;
        }
    }

    /**
     * The search on one slice.
     *
     * @param criterion   what makes a pair
     * @param value       the clearance distance or the clash tolerance, metres
     * @param halo        how far apart the components of a pair may be, metres (the distance; 0 for clashes)
     * @param tile        the tile size, metres
     * @param bands       storey bottoms, ascending
     * @param disciplines how many disciplines there are
     * @param limit       pairs to keep
     */
    record Task(Criterion criterion, double value, double halo, double tile, float[] bands, int disciplines, int limit)
            implements ComputeTask<Slice, Tally> {

        private static final long serialVersionUID = 1L;

        @Override
        public Tally apply(Slice slice) {
            return new SliceSearch(this, slice).run();
        }
    }

    private PairSearch() {
    }

    /** The components with a footprint whose discipline passes; those without geometry are counted as skipped. */
    static Items collect(Revision revision, Places places, Predicate<String> discipline) {
        List<String> ids = new ArrayList<>();
        List<String> disciplineOf = new ArrayList<>();
        List<float[]> outlines = new ArrayList<>();
        List<Boolean> closed = new ArrayList<>();
        float[] boxes = new float[1024];
        long skipped = 0;
        for (BuildingObject o : (Iterable<BuildingObject>) revision.objects()::iterator) {
            if (o.type() != ObjectType.COMPONENT) {
                continue;
            }
            String d = places.discipline(o);
            if (!discipline.test(d)) {
                continue;
            }
            ElevationRange elevation = o.elevation() != null ? o.elevation() : floorElevation(revision, places, o);
            if (o.footprint() == null || elevation == null) {
                skipped++;
                continue;
            }
            int at = ids.size() * 6;
            if (at + 6 > boxes.length) {
                boxes = Arrays.copyOf(boxes, boxes.length * 2);
            }
            var b = o.footprint().bounds();
            boxes[at] = b.minX();
            boxes[at + 1] = b.minY();
            boxes[at + 2] = b.maxX();
            boxes[at + 3] = b.maxY();
            boxes[at + 4] = elevation.bottom();
            boxes[at + 5] = elevation.top();
            ids.add(o.id());
            disciplineOf.add(d);
            outlines.add(PlanGeometry.outline(o.footprint()));
            closed.add(o.footprint() instanceof Polygon);
        }
        List<String> names = List.copyOf(new TreeSet<>(disciplineOf));
        Map<String, Byte> numbers = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            numbers.put(names.get(i), (byte) i);
        }
        byte[] disciplines = new byte[ids.size()];
        boolean[] isClosed = new boolean[ids.size()];
        for (int i = 0; i < disciplines.length; i++) {
            disciplines[i] = numbers.get(disciplineOf.get(i));
            isClosed[i] = closed.get(i);
        }
        return new Items(List.copyOf(ids), names, disciplines, Arrays.copyOf(boxes, ids.size() * 6),
                outlines.toArray(float[][]::new), isClosed, skipped);
    }

    private static ElevationRange floorElevation(Revision revision, Places places, BuildingObject o) {
        String floor = places.of(o).floor();
        return floor == null ? null : revision.find(floor).map(BuildingObject::elevation).orElse(null);
    }

    /** The slices, ordered by band and tile; each lists its components in the revision's order. */
    static List<Slice> slices(Items items, double halo, double tile, float[] bands) {
        // per band (index band + 1: band -1 is below the lowest storey), the members of each tile by x and y in a long
        List<Map<Long, Members>> tiles = new ArrayList<>(bands.length + 1);
        for (int b = 0; b <= bands.length; b++) {
            tiles.add(new HashMap<>());
        }
        long entries = 0;
        float[] box = items.boxes();
        for (int i = 0; i < items.size(); i++) {
            int x0 = cell(grown(box[6 * i], -halo), tile);
            int x1 = cell(grown(box[6 * i + 2], halo), tile);
            int y0 = cell(grown(box[6 * i + 1], -halo), tile);
            int y1 = cell(grown(box[6 * i + 3], halo), tile);
            int b0 = band(grown(box[6 * i + 4], -halo), bands);
            int b1 = band(grown(box[6 * i + 5], halo), bands);
            entries += ((long) x1 - x0 + 1) * ((long) y1 - y0 + 1) * ((long) b1 - b0 + 1);
            if (entries > MAX_ENTRIES) {
                throw new IllegalArgumentException("invalid parameter 'tile': " + tile + " m tiles would put the "
                        + "components into more than " + MAX_ENTRIES + " slice entries (component '"
                        + items.ids().get(i) + "' spans " + ((long) x1 - x0 + 1) + " x " + ((long) y1 - y0 + 1)
                        + " tiles); use larger tiles");
            }
            for (int b = b0; b <= b1; b++) {
                Map<Long, Members> band = tiles.get(b + 1);
                // long counters: a cell at Integer.MAX_VALUE (coordinates far out) must not wrap around
                for (long x = x0; x <= x1; x++) {
                    for (long y = y0; y <= y1; y++) {
                        band.computeIfAbsent(x << 32 | (y & 0xFFFF_FFFFL), k -> new Members()).add(i);
                    }
                }
            }
        }
        List<Slice> slices = new ArrayList<>();
        for (int b = 0; b <= bands.length; b++) {
            List<Map.Entry<Long, Members>> cells = new ArrayList<>(tiles.get(b).entrySet());
            cells.sort(Comparator.comparingInt((Map.Entry<Long, Members> c) -> (int) (c.getKey() >> 32))
                    .thenComparingInt(c -> (int) c.getKey().longValue()));
            for (Map.Entry<Long, Members> cell : cells) {
                long key = cell.getKey();
                slices.add(slice(items, b - 1, (int) (key >> 32), (int) key, cell.getValue()));
            }
        }
        return slices;
    }

    /** The components of one slice, as indices into the items in the revision's order. */
    private static final class Members {
        private int[] indices = new int[8];
        private int size;

        void add(int index) {
            if (size == indices.length) {
                indices = Arrays.copyOf(indices, 2 * size);
            }
            indices[size++] = index;
        }
    }

    private static Slice slice(Items items, int band, int tileX, int tileY, Members members) {
        int n = members.size;
        int[] index = Arrays.copyOf(members.indices, n);
        float[] boxes = new float[6 * n];
        byte[] disciplines = new byte[n];
        float[][] outlines = new float[n][];
        boolean[] closed = new boolean[n];
        for (int k = 0; k < n; k++) {
            int i = index[k];
            System.arraycopy(items.boxes(), 6 * i, boxes, 6 * k, 6);
            disciplines[k] = items.disciplines()[i];
            outlines[k] = items.outlines()[i];
            closed[k] = items.closed()[i];
        }
        return new Slice(band, tileX, tileY, index, boxes, disciplines, outlines, closed);
    }

    /**
     * Maps the task over the slices on the context's engine, largest first, and folds the tallies in slice order. A
     * slice's work grows with the square of its components (the sweep compares each with its neighbours along x).
     */
    static Tally run(CalculationContext context, List<Slice> slices, Task task) throws Exception {
        Sum sum = new Sum(task.disciplines(), task.limit());
        Distribution.mapLargestFirst(context, slices, s -> (long) s.items().length * s.items().length, task, 0.1, 0.95)
                .forEach(sum::add);
        return sum.total();
    }

    static List<DisciplinePairs> byDisciplines(Tally tally, List<String> names) {
        List<DisciplinePairs> list = new ArrayList<>();
        int d = names.size();
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                long n = tally.byDisciplines()[a * d + b];
                if (n > 0) {
                    list.add(new DisciplinePairs(names.get(a), names.get(b), n));
                }
            }
        }
        return list;
    }

    /** A coordinate grown outwards by half the halo ({@code halo} negative grows downwards). */
    static double grown(float coordinate, double halo) {
        return coordinate + halo / 2;
    }

    static int cell(double coordinate, double tile) {
        return (int) Math.floor(coordinate / tile);
    }

    /** The storey band of an elevation: how many storey bottoms are at or below it, less one. */
    static int band(double elevation, float[] bands) {
        int low = 0;
        int high = bands.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (bands[mid] <= elevation) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low - 1;
    }

    static double tenthOfMillimetre(float metres) {
        return Math.round(metres * 10_000.0) / 10_000.0;
    }

    static int compare(float m1, int f1, int s1, float m2, int f2, int s2) {
        int c = Float.compare(m1, m2);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(f1, f2);
        return c != 0 ? c : Integer.compare(s1, s2);
    }
}
