package org.arxos.grouping.spatial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.arxos.api.grouping.GroupNode;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Regrouping by a change set gives exactly the hierarchy grouping the new revision afresh gives. */
class SpatialRegroupingTest {

    @ParameterizedTest
    @CsvSource({"1, 4", "2, 16", "3, 6"})
    void randomChangeSetsInARowGiveWhatAFreshGroupingGives(long seed, int fanOut) throws ChangeRejectedException {
        SpatialGroupingStrategy strategy = new SpatialGroupingStrategy(fanOut);
        SplittableRandom random = new SplittableRandom(seed);
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(seed, 6000));
        GroupTree tree = strategy.group(revision);
        for (int round = 0; round < 10; round++) {
            ChangeSet changes = new ChangeSet("test", "round " + round,
                    new RandomChanges(revision, random).mixed(1 + random.nextInt(40)));
            Revision next = revision.apply(changes);

            tree = strategy.regroup(tree, next, changes);

            HierarchyListing.assertSameTree(strategy.group(next), tree, "seed " + seed + ", round " + round);
            TreeChecks.assertEveryObjectOnce(tree, next);
            TreeChecks.assertBoundedClusters(tree, fanOut);
            revision = next;
        }
    }

    @Test
    void removingAWholeZone() throws ChangeRejectedException {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(5, 4000));
        ChangeSet changes = new ChangeSet("test", "", new RandomChanges(revision, new SplittableRandom(5))
                .removeZone("f2z3"));

        List<String> clusters = clusterIds(new SpatialGroupingStrategy(16).group(revision), "f2z3");
        assertTrue(!clusters.isEmpty());

        GroupTree regrouped = checkRegroup(revision, changes);

        assertTrue(regrouped.node("f2z3").isEmpty());
        clusters.forEach(id -> assertTrue(regrouped.node(id).isEmpty(), id + " is gone"));
    }

    @Test
    void movingAZoneToAnotherFloor() throws ChangeRejectedException {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(6, 4000));

        GroupTree before = new SpatialGroupingStrategy(16).group(revision);

        GroupTree regrouped = checkRegroup(revision, ChangeSet.of("test", "", new Change.MoveObject("f1z2", "f3")));

        assertEquals("f3", regrouped.parent("f1z2").orElseThrow().id());
        assertEquals(clusterIds(before, "f1z2"), clusterIds(regrouped, "f1z2"));
    }

    @Test
    void nestingAZoneAndMovingSpacesIntoIt() throws ChangeRejectedException {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(7, 4000));
        List<Change> changes = new ArrayList<>();
        changes.add(new Change.AddObject(new BuildingObject("annex", ObjectType.ZONE, "zone", "f1z1", "Annex",
                new Bounds(0, 0, 3, 3), null, null)));
        revision.children("f1z1").stream().filter(o -> o.type() == ObjectType.SPACE).limit(3)
                .forEach(s -> changes.add(new Change.MoveObject(s.id(), "annex")));
        changes.add(new Change.MoveObject("f1z1e", "annex"));

        GroupTree regrouped = checkRegroup(revision, new ChangeSet("test", "", changes));

        assertEquals("f1z1", regrouped.parent("annex").orElseThrow().id());
        assertEquals("annex/no-footprint", regrouped.parent("f1z1e").orElseThrow().id());
    }

    @Test
    void addingAFloorWithAZoneAndItsObjects() throws ChangeRejectedException {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(8, 4000));
        List<Change> changes = new ArrayList<>();
        changes.add(add("f0", ObjectType.FLOOR, "floor", "b", new Bounds(0, 0, 30, 20), new ElevationRange(-3.5f, 0)));
        changes.add(add("f0z1", ObjectType.ZONE, "zone", "f0", new Bounds(0, 0, 30, 20), null));
        changes.add(add("f0z1e", ObjectType.SYSTEM, "electrical", "f0z1", null, null));
        for (int i = 0; i < 40; i++) {
            changes.add(add("f0z1s" + i, ObjectType.SPACE, "office", "f0z1", new Bounds(i % 10, i / 10, i % 10 + 1,
                    i / 10 + 1), null));
            changes.add(add("f0z1e-c" + i, ObjectType.COMPONENT, "light-fixture", "f0z1e", new Bounds(i % 7, i % 5,
                    i % 7 + 0.5f, i % 5 + 0.5f), null));
        }

        GroupTree regrouped = checkRegroup(revision, new ChangeSet("test", "", changes));

        assertEquals("f0", regrouped.children("b", 0, 1).get(0).id());
        assertEquals(82, regrouped.node("f0z1").orElseThrow().objectCount());
    }

    @Test
    void movingBuildingWideSystemsIntoZonesAndBack() throws ChangeRejectedException {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(9, 4000));
        ChangeSet toZones = ChangeSet.of("test", "", new Change.MoveObject("be", "f2z1"),
                new Change.MoveObject("bm", "f1z1"), new Change.MoveObject("bp", "f1z2"));
        Revision next = revision.apply(toZones);

        GroupTree regrouped = checkRegroup(revision, toZones);
        assertTrue(regrouped.node("b/building-wide").isEmpty(), "nothing is building-wide any more");

        ChangeSet back = ChangeSet.of("test", "", new Change.MoveObject("bm", "b"));
        GroupTree again = new SpatialGroupingStrategy(16).regroup(regrouped, next.apply(back), back);
        HierarchyListing.assertSameTree(new SpatialGroupingStrategy(16).group(next.apply(back)), again, "moved back");
        assertEquals("b/building-wide/no-footprint", again.parent("bm").orElseThrow().id());
    }

    /** The footprint grows around the same centre: the object stays in its cluster, whose bounds grow with it. */
    @Test
    void reshapingAroundTheSameCentre() throws ChangeRejectedException {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(11, 4000));
        Bounds light = revision.get("f1z1e-c3").footprint().bounds();
        Bounds wider = new Bounds(light.minX() - 8, light.minY() - 4, light.maxX() + 8, light.maxY() + 4);
        assertEquals((double) light.minX() + light.maxX(), (double) wider.minX() + wider.maxX());
        assertEquals((double) light.minY() + light.maxY(), (double) wider.minY() + wider.maxY());

        GroupTree regrouped = checkRegroup(revision, ChangeSet.of("test", "",
                new Change.SetGeometry("f1z1e-c3", wider, null)));

        assertTrue(regrouped.node("f1z1").orElseThrow().bounds().contains(wider));
    }

    @Test
    void renamingAndReshapingTheBuilding() throws ChangeRejectedException {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(10, 2000));

        GroupTree regrouped = checkRegroup(revision, ChangeSet.of("test", "", new Change.Rename("b", "Annex"),
                new Change.SetGeometry("b", new Bounds(-100, -100, -90, -90), null)));

        assertEquals("Annex", regrouped.root().label());
        assertEquals(-100, regrouped.root().bounds().minX());
    }

    /** Lights stacked on one spot are more than a cell can hold: they are cut into chunks, in id order. */
    @Test
    void objectsOnOneSpotInChunksThroughAddsAndRemoves() throws ChangeRejectedException {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(12, 2000));
        List<Change> stack = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            stack.add(add("stack" + i, ObjectType.COMPONENT, "light-fixture", "f1z1e", new Bounds(7, 7, 8, 8), null));
        }
        SpatialGroupingStrategy strategy = new SpatialGroupingStrategy(4);
        ChangeSet first = new ChangeSet("test", "", stack);
        Revision stacked = revision.apply(first);
        GroupTree tree = strategy.regroup(strategy.group(revision), stacked, first);
        HierarchyListing.assertSameTree(strategy.group(stacked), tree, "stacked");
        TreeChecks.assertBoundedClusters(tree, 4);
        assertTrue(tree.groupOf("stack0").orElseThrow().startsWith("f1z1/q72."), tree.groupOf("stack0").orElseThrow());

        ChangeSet second = ChangeSet.of("test", "", new Change.RemoveObject("stack7"),
                new Change.SetGeometry("stack8", new Bounds(7, 7, 8.5f, 8), null),
                new Change.AddObject(new BuildingObject("stack-extra", ObjectType.COMPONENT, "light-fixture",
                        "f1z1e", null, new Bounds(7, 7, 8, 8), null, null)));
        Revision next = stacked.apply(second);
        GroupTree regrouped = strategy.regroup(tree, next, second);

        HierarchyListing.assertSameTree(strategy.group(next), regrouped, "chunks edited");
        TreeChecks.assertEveryObjectOnce(regrouped, next);
        TreeChecks.assertBoundedClusters(regrouped, 4);
    }

    /** An object far away makes the zone's cell larger: what was its whole packing stays, one cluster down. */
    @Test
    void aFarObjectKeepsTheClustersThatWereThere() throws ChangeRejectedException {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(13, 4000));
        GroupTree before = new SpatialGroupingStrategy(16).group(revision);
        List<String> clusters = clusterIds(before, "f1z1");

        GroupTree regrouped = checkRegroup(revision, ChangeSet.of("test", "", add("far", ObjectType.COMPONENT,
                "light-fixture", "f1z1e", new Bounds(5000, 5000, 5001, 5001), null)));

        assertTrue(clusterIds(regrouped, "f1z1").containsAll(clusters));
    }

    private static GroupTree checkRegroup(Revision revision, ChangeSet changes) throws ChangeRejectedException {
        SpatialGroupingStrategy strategy = new SpatialGroupingStrategy(16);
        Revision next = revision.apply(changes);
        GroupTree regrouped = strategy.regroup(strategy.group(revision), next, changes);
        HierarchyListing.assertSameTree(strategy.group(next), regrouped, "regrouped");
        TreeChecks.assertEveryObjectOnce(regrouped, next);
        return regrouped;
    }

    /** The ids of a home's clusters, depth-first. */
    private static List<String> clusterIds(GroupTree tree, String home) {
        List<String> ids = new ArrayList<>();
        for (GroupNode child : tree.children(home, 0, Integer.MAX_VALUE)) {
            if (child.kind().equals(Homes.CLUSTER)) {
                TreeChecks.walk(tree, child, node -> {
                    if (tree.isGroup(node.id())) {
                        ids.add(node.id());
                    }
                });
            }
        }
        return ids;
    }

    private static Change add(String id, ObjectType type, String kind, String parent, Bounds footprint,
            ElevationRange elevation) {
        return new Change.AddObject(new BuildingObject(id, type, kind, parent, null, footprint, elevation, null));
    }
}
