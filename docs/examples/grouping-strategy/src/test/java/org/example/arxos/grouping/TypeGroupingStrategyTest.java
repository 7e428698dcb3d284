package org.example.arxos.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.junit.jupiter.api.Test;

class TypeGroupingStrategyTest {

    private static BuildingObject object(String id, ObjectType type, String kind, String parent, Bounds footprint) {
        return new BuildingObject(id, type, kind, parent, null, footprint, null, null);
    }

    private static Revision building() throws Exception {
        return Revision.EMPTY.apply(ChangeSet.of("test", "a small building",
                new Change.AddObject(object("B", ObjectType.BUILDING, "building", null, null)),
                new Change.AddObject(object("F1", ObjectType.FLOOR, "floor", "B", new Bounds(0, 0, 20, 10))),
                new Change.AddObject(object("S2", ObjectType.SPACE, "office", "F1", new Bounds(10, 0, 20, 10))),
                new Change.AddObject(object("S1", ObjectType.SPACE, "office", "F1", new Bounds(0, 0, 10, 10))),
                new Change.AddObject(object("E", ObjectType.SYSTEM, "electrical", "B", null)),
                new Change.AddObject(
                        object("L1", ObjectType.COMPONENT, "light-fixture", "E", new Bounds(1, 1, 2, 2)))));
    }

    @Test
    void theBuildingHoldsOneGroupPerTypeWhichHoldsItsObjectsById() throws Exception {
        Hierarchy hierarchy = new TypeGroupingStrategy().group(building());

        GroupNode root = hierarchy.root();
        assertEquals("B", root.id());
        assertEquals(6, root.objectCount());
        assertEquals(new Bounds(0, 0, 20, 10), root.bounds());
        assertEquals(List.of("type/floor", "type/space", "type/system", "type/component"),
                hierarchy.children("B", 0, 10).stream().map(GroupNode::id).toList());
        assertEquals(List.of("S1", "S2"), hierarchy.children("type/space", 0, 10).stream().map(GroupNode::id).toList());
        assertEquals(new Bounds(0, 0, 20, 10), hierarchy.node("type/space").orElseThrow().bounds());
        assertEquals(null, hierarchy.node("type/system").orElseThrow().bounds());
    }

    @Test
    void everyObjectAppearsOnceUnderItsTypeGroup() throws Exception {
        Revision revision = building();
        Hierarchy hierarchy = new TypeGroupingStrategy().group(revision);

        List<String> seen = new ArrayList<>();
        seen.add(hierarchy.root().id());
        for (GroupNode group : hierarchy.children(hierarchy.root().id(), 0, 100)) {
            assertEquals(hierarchy.root(), hierarchy.parent(group.id()).orElseThrow());
            for (GroupNode leaf : hierarchy.children(group.id(), 0, 100)) {
                seen.add(leaf.objectId());
                assertEquals(group, hierarchy.parent(leaf.id()).orElseThrow());
            }
        }
        assertEquals(revision.objects().map(BuildingObject::id).sorted().toList(), seen.stream().sorted().toList());
        assertTrue(hierarchy.parent("B").isEmpty());
    }

    @Test
    void childrenArePagedAndUnknownNodesHaveNone() throws Exception {
        Hierarchy hierarchy = new TypeGroupingStrategy().group(building());

        assertEquals(List.of("type/space"), hierarchy.children("B", 1, 1).stream().map(GroupNode::id).toList());
        assertEquals(List.of(), hierarchy.children("B", 9, 5));
        assertEquals(List.of(), hierarchy.children("type/zone", 0, 5));
        assertTrue(hierarchy.node("type/zone").isEmpty());
        assertTrue(hierarchy.node("nope").isEmpty());
    }

    @Test
    void anEmptyRevisionIsAnEmptyRoot() {
        Hierarchy hierarchy = new TypeGroupingStrategy().group(Revision.EMPTY);

        assertEquals("empty", hierarchy.root().kind());
        assertEquals(List.of(), hierarchy.children(hierarchy.root().id(), 0, 10));
    }
}
