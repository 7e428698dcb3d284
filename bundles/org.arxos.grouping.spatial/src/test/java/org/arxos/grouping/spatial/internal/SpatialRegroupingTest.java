package org.arxos.grouping.spatial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.grouping.GroupTree;
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

            TreeChecks.assertSameTree(strategy.group(next), tree, "seed " + seed + ", round " + round);
            TreeChecks.assertEveryObjectOnce(tree, next);
            TreeChecks.assertBalancedClusters(tree, fanOut);
            revision = next;
        }
    }

    @Test
    void removingAWholeZone() throws ChangeRejectedException {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(5, 4000));
        ChangeSet changes = new ChangeSet("test", "", new RandomChanges(revision, new SplittableRandom(5))
                .removeZone("f2z3"));

        GroupTree regrouped = checkRegroup(revision, changes);

        assertTrue(regrouped.node("f2z3").isEmpty());
        assertTrue(regrouped.node("f2z3/c1").isEmpty());
    }

    @Test
    void movingAZoneToAnotherFloor() throws ChangeRejectedException {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(6, 4000));

        GroupTree regrouped = checkRegroup(revision, ChangeSet.of("test", "", new Change.MoveObject("f1z2", "f3")));

        assertEquals("f3", regrouped.parent("f1z2").orElseThrow().id());
        assertEquals("f1z2", regrouped.parent("f1z2/c1").orElseThrow().id());
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
        TreeChecks.assertSameTree(new SpatialGroupingStrategy(16).group(next.apply(back)), again, "moved back");
        assertEquals("b/building-wide/no-footprint", again.parent("bm").orElseThrow().id());
    }

    /** The centre stays, but the bounds of the clusters above it change, and with them the order STR packs them in. */
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

    private static GroupTree checkRegroup(Revision revision, ChangeSet changes) throws ChangeRejectedException {
        SpatialGroupingStrategy strategy = new SpatialGroupingStrategy(16);
        Revision next = revision.apply(changes);
        GroupTree regrouped = strategy.regroup(strategy.group(revision), next, changes);
        TreeChecks.assertSameTree(strategy.group(next), regrouped, "regrouped");
        TreeChecks.assertEveryObjectOnce(regrouped, next);
        return regrouped;
    }

    private static Change add(String id, ObjectType type, String kind, String parent, Bounds footprint,
            ElevationRange elevation) {
        return new Change.AddObject(new BuildingObject(id, type, kind, parent, null, footprint, elevation, null));
    }
}
