package org.arxos.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.model.Revision;

/** A hierarchy written out node by node, and a tree built afresh from another one's listing, for comparisons. */
final class TreeListing {

    private TreeListing() {
    }

    /** Every node depth-first: the node itself, its parent's id and its children's ids in order. */
    static List<String> of(Hierarchy hierarchy) {
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

    /** Fails at the first node where the two hierarchies differ, naming it, or on a difference in size. */
    static void assertSameTree(Hierarchy expected, Hierarchy actual, String what) {
        List<String> e = of(expected);
        List<String> a = of(actual);
        for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
            assertEquals(e.get(i), a.get(i), what + ", node " + i);
        }
        assertEquals(e.size(), a.size(), what + ": node count");
    }

    /** A new tree over {@code revision} with the groups and members of {@code tree}, added in its order. */
    static GroupTree rebuild(GroupTree tree, Revision revision) {
        GroupTree.Builder builder = GroupTree.builder(revision, tree.layout());
        copyChildren(tree, tree.root(), builder, builder.root(), revision);
        return builder.build();
    }

    private static void copyChildren(GroupTree tree, GroupNode group, GroupTree.Builder builder, int index,
            Revision revision) {
        for (GroupNode child : tree.children(group.id(), 0, Integer.MAX_VALUE)) {
            if (tree.isGroup(child.id())) {
                int childIndex = builder.addGroup(index, child.id(), child.label(), child.kind(), child.objectId());
                copyChildren(tree, child, builder, childIndex, revision);
            } else {
                builder.addObject(index, revision.get(child.id()));
            }
        }
    }
}
