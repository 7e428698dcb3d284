package org.arxos.grouping.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.model.BuildingObject;
import org.arxos.model.Revision;

/** A hierarchy as a map from node id to its parent and what the node shows, for comparisons that ignore order. */
public final class HierarchyListing {

    private HierarchyListing() {
    }

    /** A node and the id of its parent. */
    public record Entry(String parentId, GroupNode node) {
    }

    public static Map<String, Entry> of(Hierarchy hierarchy) {
        Map<String, Entry> nodes = new TreeMap<>();
        Deque<GroupNode> pending = new ArrayDeque<>();
        pending.push(hierarchy.root());
        nodes.put(hierarchy.root().id(), new Entry(null, hierarchy.root()));
        while (!pending.isEmpty()) {
            GroupNode node = pending.pop();
            for (GroupNode child : hierarchy.children(node.id(), 0, Integer.MAX_VALUE)) {
                if (nodes.put(child.id(), new Entry(node.id(), child)) != null) {
                    fail("node '" + child.id() + "' appears twice");
                }
                pending.push(child);
            }
        }
        return nodes;
    }

    /** Fails naming the first nodes where the two differ. */
    public static void assertSame(Hierarchy expected, Hierarchy actual, String what) {
        Map<String, Entry> e = of(expected);
        Map<String, Entry> a = of(actual);
        if (!e.equals(a)) {
            StringBuilder differences = new StringBuilder(what + ": hierarchies differ");
            int shown = 0;
            for (String id : union(e.keySet(), a.keySet())) {
                if (!Objects.equals(e.get(id), a.get(id)) && shown++ < 8) {
                    differences.append("\n  ").append(id).append(": expected ").append(e.get(id))
                            .append("\n  ").append(" ".repeat(id.length())).append("  but was ").append(a.get(id));
                }
            }
            fail(differences.toString());
        }
    }

    /** Every node depth-first: the node itself, its parent's id and its children's ids in order. */
    public static List<String> inOrder(Hierarchy hierarchy) {
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

    /** Fails at the first node where the two hierarchies differ in content or order, naming it, or in size. */
    public static void assertSameTree(Hierarchy expected, Hierarchy actual, String what) {
        List<String> e = inOrder(expected);
        List<String> a = inOrder(actual);
        for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
            assertEquals(e.get(i), a.get(i), what + ", node " + i);
        }
        assertEquals(e.size(), a.size(), what + ": node count");
    }

    /** Every object of the revision is exactly one node, and no node stands for an object it does not have. */
    public static void assertEveryObjectOnce(Hierarchy hierarchy, Revision revision) {
        Set<String> seen = new HashSet<>();
        Deque<GroupNode> pending = new ArrayDeque<>();
        pending.push(hierarchy.root());
        while (!pending.isEmpty()) {
            GroupNode node = pending.pop();
            if (node.objectId() != null && !seen.add(node.objectId())) {
                fail("object '" + node.objectId() + "' appears twice");
            }
            hierarchy.children(node.id(), 0, Integer.MAX_VALUE).forEach(pending::push);
        }
        Set<String> objects = new HashSet<>();
        revision.objects().map(BuildingObject::id).forEach(objects::add);
        assertEquals(objects.size(), seen.size(), "objects in the hierarchy");
        assertEquals(objects, seen);
        assertEquals(revision.objectCount(), hierarchy.root().objectCount(), "object count of the root");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
