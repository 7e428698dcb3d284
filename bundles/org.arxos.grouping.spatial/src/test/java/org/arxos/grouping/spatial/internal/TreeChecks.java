package org.arxos.grouping.spatial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * The packing is a compressed quadtree of bounded fan-out and depth. No cluster has more than {@code fanOut}
     * children, and no floor, zone or building-wide group packs more than {@code fanOut} clusters and objects; none
     * holds objects beside clusters. A cluster holds its objects directly exactly when they are at most
     * {@code fanOut}; otherwise it has at least two child clusters, each named by a smaller cell inside its own, at
     * least {@code b = floor(log2 fanOut)} levels down (or chunks of its cell). Leaves are filled: two leaf clusters
     * side by side under one group hold more than {@code fanOut} objects together. A divided cluster's cell holds its
     * objects, so cells of divided clusters shrink by {@code 2^(b/2)} a side a level, and a divided cluster at depth {@code d} below its home spreads its centres less than
     * {@code sqrt(2) * size(top) / 2^(b(d-1)/2)}: the depth is at most {@code 1 + log_{2^(b/2)}(sqrt(2) * size(top) /
     * spacing)} for the smallest spacing of distinct centres.
     */
    static void assertBoundedClusters(GroupTree tree, int fanOut) {
        int bits = 31 - Integer.numberOfLeadingZeros(fanOut);
        walk(tree, tree.root(), node -> {
            List<GroupNode> children = tree.children(node.id(), 0, Integer.MAX_VALUE);
            List<GroupNode> clusters = children.stream().filter(c -> c.kind().equals(Homes.CLUSTER)).toList();
            long members = children.stream().filter(c -> !tree.isGroup(c.id())).count();
            if (node.kind().equals(Homes.NO_FOOTPRINT)) {
                return;
            }
            assertTrue(clusters.size() + members <= fanOut, node.id() + " packs " + clusters.size()
                    + " clusters and " + members + " objects");
            assertTrue(clusters.isEmpty() || members == 0, node.id() + " holds objects beside clusters");
            for (int i = 1; i < clusters.size(); i++) {
                GroupNode a = clusters.get(i - 1);
                GroupNode b = clusters.get(i);
                if (a.objectCount() <= fanOut && b.objectCount() <= fanOut) {
                    assertTrue(a.objectCount() + b.objectCount() > fanOut, a.id() + " and " + b.id() + " hold "
                            + a.objectCount() + " and " + b.objectCount() + " objects: one leaf would do");
                }
            }
            if (!node.kind().equals(Homes.CLUSTER)) {
                double top = clusters.stream().map(c -> Cell.ofClusterId(c.id()))
                        .mapToDouble(c -> Math.sqrt(c.width() * c.height())).max().orElse(0);
                clusters.forEach(c -> assertClusterDepth(tree, c, 1, top, bits));
                return;
            }
            Cell cell = Cell.ofClusterId(node.id());
            if (node.objectCount() <= fanOut) {
                assertTrue(clusters.isEmpty(), node.id() + " holds " + node.objectCount() + " objects in clusters");
                return;
            }
            assertTrue(clusters.size() >= 2, node.id() + " holds " + node.objectCount() + " objects in "
                    + clusters.size() + " cluster");
            for (GroupNode child : clusters) {
                Cell inner = Cell.ofClusterId(child.id());
                if (Cell.isChunk(child.id())) {
                    assertEquals(cell, inner, child.id() + " chunks the cell of " + node.id());
                } else {
                    assertTrue(inner.level() >= cell.level() + bits && cell.contains(inner.minX(), inner.minY()),
                            child.id() + " lies in a sub-cell of " + node.id());
                }
            }
        });
    }

    private static void assertClusterDepth(GroupTree tree, GroupNode cluster, int depth, double top, int bits) {
        List<GroupNode> inner = tree.children(cluster.id(), 0, Integer.MAX_VALUE).stream()
                .filter(c -> c.kind().equals(Homes.CLUSTER)).toList();
        if (inner.isEmpty() || Cell.isChunk(inner.get(0).id())) {
            return;
        }
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        walk(tree, cluster, node -> {
            if (!tree.isGroup(node.id()) && node.bounds() != null) {
                double x = ((double) node.bounds().minX() + node.bounds().maxX()) / 2;
                double y = ((double) node.bounds().minY() + node.bounds().maxY()) / 2;
                box[0] = Math.min(box[0], x);
                box[1] = Math.min(box[1], y);
                box[2] = Math.max(box[2], x);
                box[3] = Math.max(box[3], y);
            }
        });
        double spread = Math.max(box[2] - box[0], box[3] - box[1]);
        assertTrue(spread * Math.pow(2, bits * (depth - 1) / 2.0) < Math.sqrt(2) * top + 0.002,
                cluster.id() + " at depth " + depth + " spreads its centres over " + spread + " m");
        inner.forEach(c -> assertClusterDepth(tree, c, depth + 1, top, bits));
    }

    static void walk(Hierarchy hierarchy, GroupNode node, Consumer<GroupNode> visit) {
        visit.accept(node);
        for (GroupNode child : hierarchy.children(node.id(), 0, Integer.MAX_VALUE)) {
            walk(hierarchy, child, visit);
        }
    }
}
