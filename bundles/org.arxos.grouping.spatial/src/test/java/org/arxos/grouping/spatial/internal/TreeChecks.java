package org.arxos.grouping.spatial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.grouping.GroupTree;
import org.arxos.model.BuildingObject;
import org.arxos.model.Revision;

/** What every spatial hierarchy must be, checked by walking it through the {@link Hierarchy} interface only. */
final class TreeChecks {

    private TreeChecks() {
    }

    /** Every node depth-first: the node itself, its parent's id and its children's ids in order. */
    static List<String> listing(Hierarchy hierarchy) {
        List<String> lines = new ArrayList<>();
        list(hierarchy, hierarchy.root(), "-", lines);
        return lines;
    }

    private static void list(Hierarchy hierarchy, GroupNode node, String parentId, List<String> lines) {
        List<GroupNode> children = hierarchy.children(node.id(), 0, Integer.MAX_VALUE);
        lines.add(parentId + " > " + node + " : " + children.stream().map(GroupNode::id).toList());
        for (GroupNode child : children) {
            list(hierarchy, child, node.id(), lines);
        }
    }

    /** Fails at the first node where the two hierarchies differ, naming it. */
    static void assertSameTree(Hierarchy expected, Hierarchy actual, String what) {
        List<String> e = listing(expected);
        List<String> a = listing(actual);
        for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
            assertEquals(e.get(i), a.get(i), what + ", node " + i);
        }
        assertEquals(e.size(), a.size(), what + ": node count");
    }

    /** Every object of the revision is exactly one node, pure groups are named with a '/', counts add up. */
    static void assertEveryObjectOnce(Hierarchy hierarchy, Revision revision) {
        Map<String, Integer> seen = new HashMap<>();
        walk(hierarchy, hierarchy.root(), node -> {
            if (node.objectId() != null) {
                assertEquals(node.objectId(), node.id());
                seen.merge(node.id(), 1, Integer::sum);
            } else {
                assertTrue(node.id().contains("/"), "a pure group without '/': " + node.id());
            }
        });
        for (BuildingObject o : revision.objects().toList()) {
            assertEquals(1, seen.getOrDefault(o.id(), 0), "times object '" + o.id() + "' appears");
        }
        assertEquals(revision.objectCount(), seen.size(), "object nodes");
        assertEquals(revision.objectCount(), hierarchy.root().objectCount(), "the root's object count");
    }

    /**
     * No cluster has more than {@code fanOut} children, and the packing of each home (the clusters and direct members
     * of a floor, zone or the building-wide group) has no more than {@code fanOut} parts and all its leaf clusters at
     * one depth.
     */
    static void assertBalancedClusters(GroupTree tree, int fanOut) {
        walk(tree, tree.root(), node -> {
            if (node.kind().equals(Homes.CLUSTER)) {
                assertTrue(node.childCount() <= fanOut, node.id() + " has " + node.childCount() + " children");
                return;
            }
            List<GroupNode> children = tree.children(node.id(), 0, Integer.MAX_VALUE);
            long clusters = children.stream().filter(c -> c.kind().equals(Homes.CLUSTER)).count();
            long members = children.stream().filter(c -> !tree.isGroup(c.id())).count();
            if (node.kind().equals(Homes.NO_FOOTPRINT)) {
                return;
            }
            assertTrue(clusters + members <= fanOut, node.id() + " packs " + clusters + " clusters and " + members
                    + " objects");
            assertTrue(clusters == 0 || members == 0, node.id() + " holds objects beside clusters");
            Set<Integer> depths = new HashSet<>();
            children.stream().filter(c -> c.kind().equals(Homes.CLUSTER))
                    .forEach(c -> leafClusterDepths(tree, c, 1, depths));
            assertTrue(depths.size() <= 1, node.id() + " has leaf clusters at depths " + depths);
        });
    }

    private static void leafClusterDepths(Hierarchy hierarchy, GroupNode cluster, int depth, Set<Integer> depths) {
        List<GroupNode> inner = hierarchy.children(cluster.id(), 0, Integer.MAX_VALUE).stream()
                .filter(c -> c.kind().equals(Homes.CLUSTER)).toList();
        if (inner.isEmpty()) {
            depths.add(depth);
        }
        inner.forEach(c -> leafClusterDepths(hierarchy, c, depth + 1, depths));
    }

    static void walk(Hierarchy hierarchy, GroupNode node, Consumer<GroupNode> visit) {
        visit.accept(node);
        for (GroupNode child : hierarchy.children(node.id(), 0, Integer.MAX_VALUE)) {
            walk(hierarchy, child, visit);
        }
    }
}
