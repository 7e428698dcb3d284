package org.arxos.grouping.spatial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.grouping.GroupTree;
import org.arxos.grouping.testing.HierarchyListing;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.arxos.model.geometry.ElevationRange;
import org.junit.jupiter.api.Test;

class SpatialGroupingStrategyTest {

    private final SpatialGroupingStrategy strategy = new SpatialGroupingStrategy(4);

    /**
     * Level 2 is added first but lies higher. Level 1 has a corridor of its own, zone z1 with six offices (more than
     * the fan-out of 4), a nested zone z1a, and an electrical system with a light and a sensor without footprint.
     */
    private final Revision revision = apply(Revision.EMPTY, List.of(
            add("b", ObjectType.BUILDING, "building", null, "Tower", null, null),
            add("f2", ObjectType.FLOOR, "floor", "b", "Level 2", new Bounds(0, 0, 60, 20), new ElevationRange(4, 8)),
            add("f1", ObjectType.FLOOR, "floor", "b", "Level 1", new Bounds(0, 0, 60, 20), new ElevationRange(0, 4)),
            add("be", ObjectType.SYSTEM, "electrical", "b", "Service", null, null),
            add("be-c1", ObjectType.COMPONENT, "switchboard", "be", null, new Bounds(0, 0, 2, 1), null),
            add("s9", ObjectType.SPACE, "corridor", "f1", null, new Bounds(0, 10, 60, 12), null),
            add("z1", ObjectType.ZONE, "zone", "f1", "West", new Bounds(0, 0, 30, 10), new ElevationRange(0, 4)),
            add("z1a", ObjectType.ZONE, "zone", "z1", "West annex", new Bounds(0, 0, 5, 5), null),
            add("s7", ObjectType.SPACE, "office", "z1a", null, new Bounds(0, 0, 5, 5), null),
            add("e1", ObjectType.SYSTEM, "electrical", "z1", null, null, null),
            add("e1-c1", ObjectType.COMPONENT, "light-fixture", "e1", null, new Bounds(1, 1, 2, 2), null),
            add("e1-c2", ObjectType.COMPONENT, "occupancy-sensor", "e1", null, null, null),
            add("s1", ObjectType.SPACE, "office", "z1", null, new Bounds(0, 0, 5, 10), null),
            add("s2", ObjectType.SPACE, "office", "z1", null, new Bounds(5, 0, 10, 10), null),
            add("s3", ObjectType.SPACE, "office", "z1", null, new Bounds(10, 0, 15, 10), null),
            add("s4", ObjectType.SPACE, "office", "z1", null, new Bounds(15, 0, 20, 10), null),
            add("s5", ObjectType.SPACE, "office", "z1", null, new Bounds(20, 0, 25, 10), null),
            add("s6", ObjectType.SPACE, "office", "z1", null, new Bounds(25, 0, 30, 10), null)));

    @Test
    void floorsLowestFirstThenTheBuildingWideGroup() {
        GroupTree tree = strategy.group(revision);

        assertEquals(List.of("f1", "f2", "b/building-wide"), ids(tree.children("b", 0, 10)));
        assertEquals(new GroupNode("b/building-wide", "Building-wide", "building-wide", null, 2, 2,
                new Bounds(0, 0, 2, 1)), tree.node("b/building-wide").orElseThrow());
        assertEquals(List.of("b/building-wide/no-footprint", "be-c1"), ids(tree.children("b/building-wide", 0, 10)));
        assertEquals("b/building-wide/no-footprint", tree.parent("be").orElseThrow().id());
    }

    @Test
    void zonesComeBeforeTheFloorsOwnObjects() {
        GroupTree tree = strategy.group(revision);

        assertEquals(List.of("z1", "s9"), ids(tree.children("f1", 0, 10)));
        assertEquals(new GroupNode("z1", "West", "zone", "z1", 4, 12, new Bounds(0, 0, 30, 10)),
                tree.node("z1").orElseThrow());
        assertEquals("zone", tree.node("z1a").orElseThrow().kind());
        assertEquals("z1", tree.parent("z1a").orElseThrow().id());
        assertEquals("z1a", tree.parent("s7").orElseThrow().id());
    }

    @Test
    void aZonesObjectsArePackedIntoClustersAndTheRestApart() {
        GroupTree tree = strategy.group(revision);
        List<String> children = ids(tree.children("z1", 0, 10));

        // seven objects with a footprint, centres within the 32 m square at the origin, in its 16 m quarters
        assertEquals(List.of("z1a", "z1/q44.0.0", "z1/q44.1.0", "z1/no-footprint"), children);
        assertEquals(List.of("e1", "e1-c2"), ids(tree.children("z1/no-footprint", 0, 10)));
        GroupNode c1 = tree.node("z1/q44.0.0").orElseThrow();
        assertEquals("cluster", c1.kind());
        assertEquals("z1/q44.0.0", c1.label());
        assertEquals(List.of("e1-c1", "s1", "s2", "s3"), ids(tree.children("z1/q44.0.0", 0, 10)));
        assertEquals(List.of("s4", "s5", "s6"), ids(tree.children("z1/q44.1.0", 0, 10)));
        TreeChecks.assertEveryObjectOnce(tree, revision);
        TreeChecks.assertBoundedClusters(tree, 4);
    }

    @Test
    void aRevisionWithoutBuildingIsAnEmptyRoot() {
        GroupTree tree = strategy.group(Revision.EMPTY);

        assertEquals("/", tree.root().id());
        assertEquals(0, tree.root().childCount());
    }

    @Test
    void regroupingFollowsAChangeSet() {
        GroupTree tree = strategy.group(revision);
        ChangeSet changes = ChangeSet.of("test", "", new Change.SetGeometry("s3", new Bounds(40, 0, 45, 10), null),
                new Change.MoveObject("e1", "z1a"), new Change.Rename("z1", "West wing"));
        Revision next = apply(revision, changes.changes());

        Hierarchy regrouped = strategy.regroup(tree, next, changes);

        HierarchyListing.assertSameTree(strategy.group(next), regrouped, "regrouped");
        assertEquals("West wing", regrouped.node("z1").orElseThrow().label());
        assertEquals("z1a/no-footprint", regrouped.parent("e1-c2").orElseThrow().id());
    }

    @Test
    void aHierarchyOfAnotherMakeIsGroupedAfresh() {
        GroupTree other = new SpatialGroupingStrategy(8).group(revision);
        ChangeSet changes = ChangeSet.of("test", "", new Change.Rename("s1", "Office"));
        Revision next = apply(revision, changes.changes());

        GroupTree regrouped = strategy.regroup(other, next, changes);

        assertNotSame(other, regrouped);
        assertEquals("spatial;fan-out=4", regrouped.layout());
        HierarchyListing.assertSameTree(strategy.group(next), regrouped, "regrouped from a fan-out of 8");
        HierarchyListing.assertSameTree(strategy.group(next), strategy.regroup(GroupTree.builder(revision).build(), next,
                changes), "regrouped from a foreign tree");
    }

    @Test
    void leavesShowTheObject() {
        GroupNode light = strategy.group(revision).node("e1-c1").orElseThrow();

        assertEquals(new GroupNode("e1-c1", "e1-c1", "light-fixture", "e1-c1", 0, 1, new Bounds(1, 1, 2, 2)), light);
        assertNull(strategy.group(revision).node("e1").orElseThrow().bounds());
    }

    @Test
    void aFanOutBelowTwoIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SpatialGroupingStrategy(1));
        assertTrue(e.getMessage().contains("fanOut must be at least 2 but was 1"), e.getMessage());
    }

    static List<String> ids(List<GroupNode> nodes) {
        return nodes.stream().map(GroupNode::id).toList();
    }

    static Change add(String id, ObjectType type, String kind, String parent, String name, Bounds footprint,
            ElevationRange elevation) {
        return new Change.AddObject(new BuildingObject(id, type, kind, parent, name, footprint, elevation, null));
    }

    static Revision apply(Revision revision, List<Change> changes) {
        try {
            return revision.apply(new ChangeSet("test", "", changes));
        } catch (ChangeRejectedException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
