package org.arxos.grouping.containment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change.AddObject;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.junit.jupiter.api.Test;

class ContainmentGroupingStrategyTest {

    private final Revision revision = building();

    @Test
    void theRootIsTheBuildingWithTotalsOfTheWholeTree() {
        GroupNode root = new ContainmentGroupingStrategy().group(revision).root();

        assertEquals("b", root.id());
        assertEquals("Tower", root.label());
        assertEquals(2, root.childCount());
        assertEquals(6, root.objectCount());
        assertEquals(new Bounds(0, 0, 30, 10), root.bounds());
    }

    @Test
    void childrenArePagedInInsertionOrder() {
        Hierarchy hierarchy = new ContainmentGroupingStrategy().group(revision);

        assertEquals(List.of("f1", "f2"), ids(hierarchy.children("b", 0, 10)));
        assertEquals(List.of("f2"), ids(hierarchy.children("b", 1, 10)));
        assertEquals(List.of(), ids(hierarchy.children("b", 5, 10)));
        assertEquals(List.of("r1"), ids(hierarchy.children("f1", 0, 1)));
    }

    @Test
    void aNodeKnowsItsSubtree() {
        GroupNode f1 = new ContainmentGroupingStrategy().group(revision).node("f1").orElseThrow();

        assertEquals(3, f1.objectCount());
        assertEquals(new Bounds(0, 0, 20, 10), f1.bounds());
        assertEquals("floor", f1.kind());
    }

    @Test
    void unknownNodesAreEmpty() {
        Hierarchy hierarchy = new ContainmentGroupingStrategy().group(revision);

        assertTrue(hierarchy.node("nope").isEmpty());
        assertEquals(List.of(), hierarchy.children("nope", 0, 10));
    }

    @Test
    void anEmptyRevisionHasAnEmptyRoot() {
        GroupNode root = new ContainmentGroupingStrategy().group(Revision.EMPTY).root();

        assertEquals(0, root.objectCount());
        assertNull(root.bounds());
    }

    private static List<String> ids(List<GroupNode> nodes) {
        return nodes.stream().map(GroupNode::id).toList();
    }

    private static Revision building() {
        try {
            return Revision.EMPTY.apply(ChangeSet.of("test", "",
                    add("b", ObjectType.BUILDING, null, "Tower", null),
                    add("f1", ObjectType.FLOOR, "b", null, null),
                    add("r1", ObjectType.SPACE, "f1", null, new Bounds(0, 0, 10, 10)),
                    add("r2", ObjectType.SPACE, "f1", null, new Bounds(10, 0, 20, 10)),
                    add("f2", ObjectType.FLOOR, "b", null, null),
                    add("r3", ObjectType.SPACE, "f2", null, new Bounds(20, 0, 30, 5))));
        } catch (ChangeRejectedException e) {
            throw new AssertionError(e);
        }
    }

    private static AddObject add(String id, ObjectType type, String parent, String name, Bounds bounds) {
        return new AddObject(new BuildingObject(id, type, type.id(), parent, name, bounds, null, Properties.EMPTY));
    }
}
