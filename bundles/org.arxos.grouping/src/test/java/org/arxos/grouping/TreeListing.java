package org.arxos.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.model.Revision;

/** A tree built afresh from another one's groups and members, for comparisons with what an edit made. */
final class TreeListing {

    private TreeListing() {
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
