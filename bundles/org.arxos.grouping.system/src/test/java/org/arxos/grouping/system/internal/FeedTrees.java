package org.arxos.grouping.system.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.arxos.grouping.GroupTree;
import org.arxos.model.BuildingObject;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;

/** What a system hierarchy must show of a revision's connections. */
final class FeedTrees {

    private FeedTrees() {
    }

    /**
     * Holds for any revision: every component of a system is in that system's own subtree (no other system's group
     * between), a component that feeds another of its system is a group, what it feeds is reached from a source of the
     * system (never unconnected), and an unconnected component has no flow connection.
     *
     * @return the number of flow connections between two components of one system
     */
    static int assertFollowsConnections(GroupTree tree, Revision revision) {
        revision.objects().filter(o -> o.type() == ObjectType.COMPONENT && isSystem(revision, o.parentId()))
                .forEach(component -> {
                    assertEquals(component.parentId(), systemAbove(tree, revision, component.id()),
                            "the system above " + component.id());
                    if (tree.groupOf(component.id()).orElseThrow().endsWith("/unconnected")) {
                        assertTrue(revision.connectionsOf(component.id()).stream().noneMatch(SystemLayout::carriesFlow),
                                component.id() + " is unconnected but has a flow connection");
                    }
                });
        int within = 0;
        for (Connection c : revision.connections().toList()) {
            BuildingObject from = revision.get(c.fromId());
            BuildingObject to = revision.get(c.toId());
            if (SystemLayout.carriesFlow(c) && from.type() == ObjectType.COMPONENT && to.type() == ObjectType.COMPONENT
                    && from.parentId().equals(to.parentId()) && isSystem(revision, from.parentId())) {
                assertTrue(tree.isGroup(from.id()), "a feeder is a group: " + c);
                assertFalse(tree.groupOf(to.id()).orElseThrow().endsWith("/unconnected"), c.toString());
                within++;
            }
        }
        return within;
    }

    /**
     * For revisions whose systems are trees fed once (the generator's): every component fed inside its system is a
     * member of its feeder's group, and one fed from another system is a source of its own.
     */
    static void assertExact(GroupTree tree, Revision revision) {
        for (Connection c : revision.connections().toList()) {
            BuildingObject from = revision.get(c.fromId());
            BuildingObject to = revision.get(c.toId());
            if (from.parentId().equals(to.parentId())) {
                assertEquals(from.id(), tree.groupOf(to.id()).orElseThrow(), c.toString());
            } else {
                assertEquals(to.parentId(), tree.groupOf(to.id()).orElseThrow(), c.toString());
                assertTrue(tree.isGroup(to.id()), c.toString());
            }
        }
    }

    /** The first group above the node that stands for a system. */
    private static String systemAbove(GroupTree tree, Revision revision, String id) {
        String group = tree.groupOf(id).orElseThrow();
        while (!isSystem(revision, group)) {
            group = tree.groupOf(group).orElseThrow();
        }
        return group;
    }

    private static boolean isSystem(Revision revision, String id) {
        return revision.find(id).map(o -> o.type() == ObjectType.SYSTEM).orElse(false);
    }
}
