package org.arxos.grouping.spatial.internal;

import java.util.List;
import java.util.Set;

import org.arxos.grouping.GroupTree;
import org.arxos.model.BuildingObject;

/**
 * A home's objects with a footprint as {@link CellPacker} packed them: held directly ({@code members}) or in clusters
 * named {@code <home>/q<level>.<x>.<y>} after their cells.
 */
record CellPacking(List<BuildingObject> members, List<CellPacker.Part> clusters) {

    /** Adds the packing under a new home group. */
    void addTo(GroupTree.Assembly tree, int home, String homeId) {
        members.forEach(o -> tree.addObject(home, o));
        clusters.forEach(part -> add(tree, home, homeId, (CellPacker.Cluster) part));
    }

    private static void add(GroupTree.Assembly tree, int parent, String homeId, CellPacker.Cluster cluster) {
        int group = addCluster(tree, parent, homeId, cluster);
        cluster.children().forEach(part -> add(tree, group, homeId, (CellPacker.Cluster) part));
        cluster.members().forEach(o -> tree.addObject(group, o));
    }

    /**
     * Writes the packing over what the home held: clusters that exist (by id) are kept and moved where they now belong,
     * kept clusters are moved under their new parents, the others are added. Clusters the packing no longer holds are
     * left for the caller to remove.
     *
     * @param written collects the groups of the clusters written (not the kept ones), whose child groups may need sorting
     */
    void applyTo(GroupTree.Editor tree, int home, String homeId, Set<Integer> written) {
        tree.setMembers(home, members);
        place(tree, home, homeId, clusters, written);
    }

    private static void place(GroupTree.Editor tree, int parent, String homeId, List<CellPacker.Part> parts,
            Set<Integer> written) {
        for (CellPacker.Part part : parts) {
            if (part instanceof CellPacker.Kept kept) {
                if (tree.parent(kept.group()) != parent) {
                    tree.moveGroup(kept.group(), parent);
                }
                continue;
            }
            CellPacker.Cluster cluster = (CellPacker.Cluster) part;
            int group = tree.group(Homes.clusterId(homeId, cluster.address()));
            if (group < 0) {
                group = addCluster(tree, parent, homeId, cluster);
            } else if (tree.parent(group) != parent) {
                tree.moveGroup(group, parent);
            }
            written.add(group);
            tree.setMembers(group, cluster.members());
            place(tree, group, homeId, cluster.children(), written);
        }
    }

    private static int addCluster(GroupTree.Assembly tree, int parent, String homeId, CellPacker.Cluster cluster) {
        // the id is the label: a cluster has no name of its own, and one string less a cluster
        String id = Homes.clusterId(homeId, cluster.address());
        return tree.addGroup(parent, id, id, Homes.CLUSTER, null);
    }
}
