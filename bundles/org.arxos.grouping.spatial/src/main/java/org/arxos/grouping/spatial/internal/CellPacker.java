package org.arxos.grouping.spatial.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.arxos.model.BuildingObject;
import org.arxos.model.geometry.Bounds;

/**
 * Packs one home's objects into a compressed region quadtree on the fixed grid of {@link Cell}s, by the centres of
 * their footprints. With {@code b = floor(log2 fanOut)}, a cell splits into the {@code 2^b} cells {@code b} levels
 * below it (4 × 4 at a fan-out of 16). The packing is a function of the objects' centres and ids alone:
 * <ul>
 * <li>a set of at most {@code fanOut} objects is held directly, by the home or by a leaf cluster;</li>
 * <li>a larger set is divided among the sub-cells of the smallest grid cell that holds it (so a cell with a single
 * non-empty sub-cell never appears: paths are compressed). A sub-cell of more than {@code fanOut} objects becomes a
 * cluster named by the smallest cell holding its objects, divided in turn. The others are merged, greedily in Morton
 * order, into runs of neighbouring sub-cells of at most {@code fanOut} objects together, so that two runs side by side
 * hold more than {@code fanOut}; each run is a leaf cluster, named by the smallest cell holding its objects when they
 * lie in one sub-cell, else by its first sub-cell. Names stay unique: each leaf has a sub-cell of its own;</li>
 * <li>more than {@code fanOut} objects on one finest cell (centres within a millimetre) are cut, in id order, into
 * chunks of {@code fanOut^d} objects, at most {@code fanOut} of them, recursively.</li>
 * </ul>
 * Objects inside a cluster are in Morton order of their centres, then by id; clusters in Morton order of their cells.
 * The runs of a cell depend only on the objects in that cell.
 *
 * <p>An edit packs only what changed: divided clusters ({@link Kept}) of the earlier tree that no change reached come
 * in whole and, since such a cluster is a function of its own objects, stay whole unless the packing has to look
 * inside them (their cell became the cell being divided, or they join a set small enough to be held directly); then
 * the opener gives their children. Leaf clusters next to a change come as their objects, since a change beside a run
 * may lengthen or cut it.
 */
final class CellPacker {

    /** What a packing is made from. */
    sealed interface Item permits Placed, Kept {
    }

    /** What a packing holds under a home or a cluster. */
    sealed interface Part permits Kept, Cluster {
    }

    /** An object at the centre of its footprint. */
    record Placed(long x, long y, BuildingObject object) implements Item {

        static Placed of(BuildingObject object) {
            Bounds b = object.footprint().bounds();
            return new Placed(Cell.centreX(b), Cell.centreY(b), object);
        }
    }

    /**
     * A divided cluster (of more than {@code fanOut} objects) of the tree being edited that no change reached: its
     * cell, its group and how many objects it holds. Leaf clusters are never kept: what they hold is packed again with
     * their neighbours.
     */
    record Kept(Cell cell, int group, int objects) implements Item, Part {
    }

    /** A cluster to write: a cell, or with a {@code chunk} path ({@code .2.1}) a chunk of a finest cell's objects. */
    record Cluster(Cell cell, String chunk, List<BuildingObject> members, List<Part> children) implements Part {

        String address() {
            return cell.address() + chunk;
        }
    }

    private static final Comparator<Placed> ORDER = (a, b) -> {
        int byCentre = Cell.compareMorton(a.x, a.y, b.x, b.y);
        return byCentre != 0 ? byCentre : a.object.id().compareTo(b.object.id());
    };

    private final int fanOut;
    private final int bits;
    private final Function<Kept, List<Item>> opener;

    /**
     * @param opener the children of a kept cluster: its child clusters as kept ones, its objects as placed ones; never
     *               called when no item is kept
     */
    CellPacker(int fanOut, Function<Kept, List<Item>> opener) {
        this.fanOut = fanOut;
        this.bits = 31 - Integer.numberOfLeadingZeros(fanOut);
        this.opener = opener;
    }

    CellPacking pack(List<? extends Item> items) {
        if (count(items) <= fanOut) {
            return new CellPacking(objects(items), List.of());
        }
        return new CellPacking(List.of(), divide(smallestCell(items), items));
    }

    /** A sub-cell of more than {@code fanOut} objects: a kept cluster that is all of it, or a divided cluster. */
    private Part part(List<Item> items) {
        if (items.size() == 1 && items.get(0) instanceof Kept kept) {
            return kept;
        }
        Cell cell = smallestCell(items);
        return new Cluster(cell, "", List.of(), divide(cell, items));
    }

    /** The parts of more than {@code fanOut} objects whose smallest cell is {@code cell}. */
    private List<Part> divide(Cell cell, List<? extends Item> items) {
        List<Item> open = new ArrayList<>(items.size());
        for (Item item : items) {
            if (item instanceof Kept kept && kept.cell().equals(cell)) {
                open.addAll(opener.apply(kept));
            } else {
                open.add(item);
            }
        }
        if (cell.level() + bits > Cell.FINEST) {
            return chunks(cell, "", objects(open));
        }
        @SuppressWarnings("unchecked")
        List<Item>[] subcells = new List[1 << bits];
        for (Item item : open) {
            int at = item instanceof Placed p ? Cell.subcell(p.x(), p.y(), cell.level(), bits)
                    : Cell.subcell(((Kept) item).cell().minX(), ((Kept) item).cell().minY(), cell.level(), bits);
            if (subcells[at] == null) {
                subcells[at] = new ArrayList<>();
            }
            subcells[at].add(item);
        }
        // neighbouring sub-cells of at most fanOut objects together are merged into one leaf cluster, greedily in
        // Morton order, so that leaves are full; the runs depend only on this cell's objects
        List<Part> parts = new ArrayList<>();
        List<Placed> run = new ArrayList<>();
        int first = -1;
        int last = -1;
        for (int at = 0; at <= subcells.length; at++) {
            int n = at == subcells.length || subcells[at] == null ? 0 : count(subcells[at]);
            if (first >= 0 && (at == subcells.length || n > fanOut || run.size() + n > fanOut)) {
                parts.add(leaf(cell, first == last, run));
                run = new ArrayList<>();
                first = -1;
            }
            if (n > fanOut) {
                parts.add(part(subcells[at]));
            } else if (n > 0) {
                first = first < 0 ? at : first;
                last = at;
                for (Item item : subcells[at]) {
                    run.add((Placed) item); // a kept cluster holds more than fanOut objects
                }
            }
        }
        return parts;
    }

    /**
     * A leaf cluster of a run of sub-cells of {@code cell}: named after the smallest cell holding its objects when they
     * lie in one sub-cell, else after the run's first sub-cell.
     */
    private Cluster leaf(Cell cell, boolean oneSubcell, List<Placed> run) {
        Placed start = run.get(0);
        Cell name = oneSubcell ? smallestCell(run) : Cell.containing(start.x(), start.y(), cell.level() + bits);
        return new Cluster(name, "", objects(run), List.of());
    }

    /** More than {@code fanOut} objects of one finest cell, in id order, cut into at most {@code fanOut} chunks. */
    private List<Part> chunks(Cell cell, String path, List<BuildingObject> objects) {
        long size = fanOut;
        while (size * fanOut < objects.size()) {
            size *= fanOut;
        }
        List<Part> parts = new ArrayList<>();
        int index = 0;
        for (int from = 0; from < objects.size(); from += (int) size) {
            List<BuildingObject> chunk = objects.subList(from, (int) Math.min(objects.size(), from + size));
            String chunkPath = path + "." + ++index;
            parts.add(chunk.size() <= fanOut ? new Cluster(cell, chunkPath, List.copyOf(chunk), List.of())
                    : new Cluster(cell, chunkPath, List.of(), chunks(cell, chunkPath, chunk)));
        }
        return parts;
    }

    private Cell smallestCell(List<? extends Item> items) {
        long andX = -1, orX = 0, andY = -1, orY = 0;
        for (Item item : items) {
            if (item instanceof Placed p) {
                andX &= p.x();
                orX |= p.x();
                andY &= p.y();
                orY |= p.y();
            } else {
                Cell c = ((Kept) item).cell();
                andX &= c.minX();
                orX |= c.maxX();
                andY &= c.minY();
                orY |= c.maxY();
            }
        }
        return Cell.containing(andX, andY, Cell.commonLevel(andX, orX, andY, orY, bits));
    }

    /** Every object of the items, kept clusters opened to the bottom, in Morton order of their centres, then by id. */
    private List<BuildingObject> objects(List<? extends Item> items) {
        List<Placed> placed = new ArrayList<>();
        collect(items, placed);
        placed.sort(ORDER);
        List<BuildingObject> objects = new ArrayList<>(placed.size());
        placed.forEach(p -> objects.add(p.object()));
        return objects;
    }

    private void collect(List<? extends Item> items, List<Placed> placed) {
        for (Item item : items) {
            if (item instanceof Placed p) {
                placed.add(p);
            } else {
                collect(opener.apply((Kept) item), placed);
            }
        }
    }

    private static int count(List<? extends Item> items) {
        int count = 0;
        for (Item item : items) {
            count += item instanceof Kept kept ? kept.objects() : 1;
        }
        return count;
    }
}
