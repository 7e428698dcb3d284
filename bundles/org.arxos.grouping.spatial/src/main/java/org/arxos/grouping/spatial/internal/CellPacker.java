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
 * non-empty sub-cell never appears: paths are compressed); every non-empty sub-cell becomes a cluster named by the
 * smallest cell holding its own objects;</li>
 * <li>more than {@code fanOut} objects on one finest cell (centres within a millimetre) are cut, in id order, into
 * chunks of {@code fanOut^d} objects, at most {@code fanOut} of them, recursively.</li>
 * </ul>
 * Objects inside a cluster are in Morton order of their centres, then by id; clusters in Morton order of their cells.
 *
 * <p>An edit packs only what changed: {@link Kept} clusters of the earlier tree that no change reached come in whole
 * and, since a cluster is a function of its own objects, stay whole unless the packing has to look inside them (their
 * cell became the cell being divided, or they join a set small enough to be held directly); then the opener gives
 * their children.
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

    /** A cluster of the tree being edited that no change reached: its cell, its group and how many objects it holds. */
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

    private Part part(List<Item> items) {
        if (items.size() == 1 && items.get(0) instanceof Kept kept) {
            return kept;
        }
        Cell cell = smallestCell(items);
        if (count(items) <= fanOut) {
            return new Cluster(cell, "", objects(items), List.of());
        }
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
        List<Part> parts = new ArrayList<>();
        for (List<Item> subcell : subcells) {
            if (subcell != null) {
                parts.add(part(subcell));
            }
        }
        return parts;
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
