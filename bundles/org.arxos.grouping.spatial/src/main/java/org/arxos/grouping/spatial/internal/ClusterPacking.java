package org.arxos.grouping.spatial.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.arxos.grouping.GroupTree;
import org.arxos.model.BuildingObject;
import org.arxos.model.geometry.Bounds;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.AbstractNode;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * One home's objects packed for the hierarchy: those with a footprint in a sort-tile-recursive tree (JTS's
 * {@link STRtree}), whose nodes become clusters of at most {@code fanOut} children with every leaf at the same depth,
 * and those without a footprint apart. The STR tree is transient: only the groups it gives are kept.
 *
 * <p>Objects go into the STR tree ordered by the centre of their footprint (x, then y) and then by id. STR sorts by
 * those centres and keeps the order of equal ones, so the packing depends only on the objects, never on the order they
 * were added to the building; and the tree's own first sort finds its input already in order.
 */
final class ClusterPacking {

    /** An object with the centre of its footprint, in STR order: by centre x, centre y, then id. */
    private record Placed(double centreX, double centreY, BuildingObject object) implements Comparable<Placed> {

        @Override
        public int compareTo(Placed other) {
            int byX = Double.compare(centreX, other.centreX);
            if (byX != 0) {
                return byX;
            }
            int byY = Double.compare(centreY, other.centreY);
            return byY != 0 ? byY : object.id().compareTo(other.object.id());
        }
    }

    private final AbstractNode placed;
    private final List<BuildingObject> unplaced;

    private ClusterPacking(AbstractNode placed, List<BuildingObject> unplaced) {
        this.placed = placed;
        this.unplaced = unplaced;
    }

    static ClusterPacking of(List<BuildingObject> objects, int fanOut) {
        List<Placed> withFootprint = new ArrayList<>(objects.size());
        List<BuildingObject> unplaced = new ArrayList<>();
        for (BuildingObject o : objects) {
            if (o.footprint() == null) {
                unplaced.add(o);
            } else {
                Bounds b = o.footprint().bounds();
                withFootprint.add(new Placed(((double) b.minX() + b.maxX()) / 2, ((double) b.minY() + b.maxY()) / 2, o));
            }
        }
        withFootprint.sort(null);
        unplaced.sort(Comparator.comparing(BuildingObject::id));
        if (withFootprint.isEmpty()) {
            return new ClusterPacking(null, unplaced);
        }
        STRtree tree = new STRtree(fanOut);
        for (Placed p : withFootprint) {
            Bounds b = p.object().footprint().bounds();
            tree.insert(new Envelope(b.minX(), b.maxX(), b.minY(), b.maxY()), p.object());
        }
        return new ClusterPacking(tree.getRoot(), unplaced);
    }

    boolean isEmpty() {
        return placed == null && unplaced.isEmpty();
    }

    /**
     * Adds the packing under a new home group: the STR root's children as clusters {@code <home>/c1, c2, ...} (or as
     * members, when one node holds them all), nested clusters {@code <home>/c1.1, ...}, and the objects without a
     * footprint in {@code <home>/no-footprint}.
     */
    void addTo(GroupTree.Assembly tree, int home, String homeId) {
        if (placed != null) {
            add(tree, home, homeId, "", placed);
        }
        if (!unplaced.isEmpty()) {
            int group = addNoFootprintGroup(tree, home, homeId);
            unplaced.forEach(o -> tree.addObject(group, o));
        }
    }

    private static void add(GroupTree.Assembly tree, int group, String homeId, String prefix, AbstractNode node) {
        int position = 0;
        for (Object child : node.getChildBoundables()) {
            if (child instanceof ItemBoundable item) {
                tree.addObject(group, (BuildingObject) item.getItem());
            } else {
                String path = prefix + ++position;
                add(tree, addCluster(tree, group, homeId, path), homeId, path + ".", (AbstractNode) child);
            }
        }
    }

    /**
     * Makes a home's packing in an edited tree what {@link #addTo} would make: clusters that keep their id keep their
     * group and change only the members that differ; clusters past the new ones are removed. Objects may arrive from
     * other homes' packings and leave for them, in either order.
     *
     * @return whether a group was added under the home, which may then need its child groups sorted
     */
    boolean replace(GroupTree.Editor tree, int home, String homeId) {
        boolean added = sync(tree, home, homeId, "", placed);
        int noFootprint = tree.group(Homes.noFootprintId(homeId));
        if (unplaced.isEmpty()) {
            if (noFootprint >= 0) {
                tree.removeSubtree(noFootprint);
            }
        } else {
            if (noFootprint < 0) {
                noFootprint = addNoFootprintGroup(tree, home, homeId);
                added = true;
            }
            tree.setMembers(noFootprint, unplaced);
        }
        return added;
    }

    /**
     * Brings one group's clusters and members in line with one STR node. The clusters under a group are always
     * {@code <prefix>1 .. <prefix>k} in that order, so the n-th existing cluster is the one with the n-th id: ids are
     * neither made nor looked up for the clusters that stay.
     */
    private static boolean sync(GroupTree.Editor tree, int group, String homeId, String prefix, AbstractNode node) {
        List<Integer> existing = new ArrayList<>();
        for (int child : tree.childGroups(group)) {
            if (Homes.isCluster(tree.id(child))) {
                existing.add(child);
            }
        }
        boolean added = false;
        List<BuildingObject> items = new ArrayList<>();
        int position = 0;
        for (Object child : node == null ? List.of() : node.getChildBoundables()) {
            if (child instanceof ItemBoundable item) {
                items.add((BuildingObject) item.getItem());
                continue;
            }
            String path = prefix + ++position;
            int cluster;
            if (position <= existing.size()) {
                cluster = existing.get(position - 1);
            } else {
                cluster = addCluster(tree, group, homeId, path);
                added = true;
            }
            sync(tree, cluster, homeId, path + ".", (AbstractNode) child);
        }
        for (int surplus = position; surplus < existing.size(); surplus++) {
            tree.removeSubtree(existing.get(surplus));
        }
        tree.setMembers(group, items);
        return added;
    }

    private static int addNoFootprintGroup(GroupTree.Assembly tree, int home, String homeId) {
        return tree.addGroup(home, Homes.noFootprintId(homeId), "Without footprint", Homes.NO_FOOTPRINT, null);
    }

    private static int addCluster(GroupTree.Assembly tree, int parent, String homeId, String path) {
        return tree.addGroup(parent, Homes.clusterId(homeId, path), "Cluster " + path, Homes.CLUSTER, null);
    }
}
