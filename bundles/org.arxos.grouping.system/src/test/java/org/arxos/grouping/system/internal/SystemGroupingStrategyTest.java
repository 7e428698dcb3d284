package org.arxos.grouping.system.internal;

import static org.arxos.model.ObjectType.COMPONENT;
import static org.arxos.model.ObjectType.FLOOR;
import static org.arxos.model.ObjectType.SPACE;
import static org.arxos.model.ObjectType.SYSTEM;
import static org.arxos.model.ObjectType.ZONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.grouping.GroupTree;
import org.arxos.grouping.testing.Buildings;
import org.arxos.grouping.testing.HierarchyListing;
import org.arxos.grouping.testing.RandomChanges;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.Connection;
import org.arxos.model.Properties;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.junit.jupiter.api.Test;

class SystemGroupingStrategyTest {

    private final SystemGroupingStrategy strategy = new SystemGroupingStrategy();

    private static Revision small() {
        return Buildings.building("b")
                .add("f1", FLOOR, "floor", "b")
                .add("z1", ZONE, "zone", "f1")
                .add("z2", ZONE, "zone", "z1")
                .add("r1", SPACE, "office", "z2")
                .add("chair", COMPONENT, "furniture", "r1")
                .add("wall", COMPONENT, "ifcwall", "f1")
                .add("be", SYSTEM, "electrical", "b")
                .add("sb", COMPONENT, "switchboard", "be")
                .add("e1", SYSTEM, "electrical", "z1")
                .add("e1a", SYSTEM, "electrical", "e1")
                .add("p", COMPONENT, "panel", "e1")
                .add("l1", COMPONENT, "light-fixture", "e1")
                .add("l2", COMPONENT, "light-fixture", "e1a")
                .add("m1", SYSTEM, "mechanical", "z1")
                .add("t", COMPONENT, "thermostat", "m1")
                .connect("k1", "sb", "p", "power")
                .connect("k2", "p", "l1", "power")
                .revision();
    }

    @Test
    void disciplinesSystemsAndWhatIsInNoSystem() {
        Hierarchy h = strategy.group(small());

        assertEquals("b", h.root().id());
        assertEquals(Set.of("/not-in-a-system", "/electrical", "/mechanical"), idSet(h, "b"));
        assertEquals(Set.of("be", "e1"), idSet(h, "/electrical"));
        assertEquals("Electrical", h.node("/electrical").orElseThrow().label());
        assertEquals(Set.of("e1a", "p"), idSet(h, "e1"), "a nested system nests beside the system's sources");
        assertEquals(List.of("l1"), ids(h, "p"));
        assertEquals(List.of("e1a/unconnected"), ids(h, "e1a"));
        assertEquals(List.of("m1/unconnected"), ids(h, "m1"));
        assertEquals(List.of("t"), ids(h, "m1/unconnected"));
        assertEquals(List.of("sb"), ids(h, "be"), "the switchboard feeds only another system");

        assertEquals(List.of("f1"), ids(h, "/not-in-a-system"));
        assertEquals(List.of("z1", "wall"), ids(h, "f1"));
        assertEquals(List.of("z2"), ids(h, "z1"));
        assertEquals(List.of("r1", "chair"), ids(h, "z2"), "a component in a space is placed beside the space");
        HierarchyListing.assertEveryObjectOnce(h, small());
    }

    @Test
    void groupsCountAndBoundTheirSubtree() {
        Revision revision = small();
        Hierarchy h = strategy.group(revision);

        GroupNode e1 = h.node("e1").orElseThrow();
        assertEquals(5, e1.objectCount(), "e1, e1a, p, l1, l2");
        assertEquals("e1", e1.objectId());
        assertEquals("electrical", e1.kind());
        assertEquals(union(revision, "p", "l1", "l2"), e1.bounds());
        GroupNode p = h.node("p").orElseThrow();
        assertEquals("panel", p.kind());
        assertEquals(union(revision, "p", "l1"), p.bounds());
        assertEquals("/electrical", h.parent("be").orElseThrow().id());
    }

    @Test
    void generatedBuildingsFollowTheirFeedTreeExactly() {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(3, 20_000));
        GroupTree tree = strategy.group(revision);

        HierarchyListing.assertEveryObjectOnce(tree, revision);
        FeedTrees.assertExact(tree, revision);
        int within = FeedTrees.assertFollowsConnections(tree, revision);
        assertTrue(within > revision.connectionCount() / 2, "most connections are inside a system: " + within);
        long lights = revision.objects().filter(o -> o.kind().equals("light-fixture")).count();
        long underCircuits = revision.objects().filter(o -> o.kind().equals("light-fixture"))
                .map(o -> revision.get(tree.groupOf(o.id()).orElseThrow()))
                .filter(circuit -> circuit.kind().equals("circuit")
                        && revision.get(tree.groupOf(circuit.id()).orElseThrow()).kind().equals("panel"))
                .count();
        assertEquals(lights, underCircuits, "every light under its circuit under its panel");
        revision.objects().filter(o -> o.kind().equals("occupancy-sensor") || o.kind().equals("thermostat"))
                .forEach(o -> assertEquals(o.parentId() + "/unconnected", tree.groupOf(o.id()).orElseThrow()));
        assertEquals("bm", tree.groupOf("bm-c1").orElseThrow(), "the air handler feeds only the zones' systems");
    }

    @Test
    void theSameContentMadeInAnotherOrderGivesTheSameGroups() throws ChangeRejectedException {
        ChangeSet generated = SyntheticBuilding.generate(GeneratorSettings.of(11, 8_000));
        Revision inOrder = Revision.EMPTY.apply(generated);
        Revision shuffled = Revision.EMPTY.apply(shuffled(generated, inOrder));
        assertEquals(inOrder.contentHash(), shuffled.contentHash());

        HierarchyListing.assertSame(strategy.group(inOrder), strategy.group(shuffled), "shuffled");
        HierarchyListing.assertSame(strategy.group(inOrder), strategy.group(inOrder), "grouped twice");
    }

    @Test
    void regroupingEqualsGroupingOverRandomChangeSets() throws ChangeRejectedException {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(5, 6_000));
        Hierarchy hierarchy = strategy.group(revision);
        RandomChanges random = new RandomChanges(17);
        for (int round = 0; round < 40; round++) {
            ChangeSet changes = random.next(revision, 1 + round % 25);
            Revision next = revision.apply(changes);
            Hierarchy regrouped = strategy.regroup(hierarchy, next, changes);

            HierarchyListing.assertSame(strategy.group(next), regrouped, "round " + round + ", " + changes.changes());
            HierarchyListing.assertEveryObjectOnce(regrouped, next);
            FeedTrees.assertFollowsConnections((GroupTree) regrouped, next);
            revision = next;
            hierarchy = regrouped;
        }
    }

    @Test
    void aZoneMovedToAnotherFloorTakesItsSpacesAlong() throws ChangeRejectedException {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(5, 6_000));
        ChangeSet move = ChangeSet.of("test", "", new Change.MoveObject("f1z2", "f2"),
                new Change.MoveObject("f1z1s3", "f1z3"));
        Revision next = revision.apply(move);

        Hierarchy regrouped = strategy.regroup(strategy.group(revision), next, move);

        HierarchyListing.assertSame(strategy.group(next), regrouped, "moved");
        assertEquals("f2", regrouped.parent("f1z2").orElseThrow().id());
        assertEquals("f1z3", regrouped.parent("f1z1s3").orElseThrow().id());
    }

    @Test
    void feedsThatTurnRoundAndSystemsThatNestAreRegroupedAsGroupingWould() throws ChangeRejectedException {
        Revision revision = small();
        ChangeSet changes = ChangeSet.of("test", "",
                new Change.Disconnect("k2"),
                new Change.Connect(new Connection("k3", "l1", "p", "power", Properties.EMPTY)),
                new Change.MoveObject("m1", "e1a"),
                new Change.MoveObject("e1a", "z2"),
                new Change.Rename("p", "Panel P"),
                new Change.Rename("b", "Tower"),
                new Change.SetGeometry("b", new Bounds(-5, -5, 1, 1), null),
                new Change.MoveObject("wall", "e1"),
                new Change.Connect(new Connection("k4", "p", "wall", "power", Properties.EMPTY)));
        Revision next = revision.apply(changes);

        Hierarchy regrouped = strategy.regroup(strategy.group(revision), next, changes);

        HierarchyListing.assertSame(strategy.group(next), regrouped, "changed");
        assertEquals(Set.of("be", "e1", "e1a"), idSet(regrouped, "/electrical"));
        assertEquals("e1a", regrouped.parent("m1").orElseThrow().id());
        assertEquals("Panel P", regrouped.node("p").orElseThrow().label());
        assertEquals("Tower", regrouped.root().label());
        assertEquals(-5, regrouped.root().bounds().minX());
        assertEquals("l1", regrouped.parent("p").orElseThrow().id(), "the feed from l1 counts, the one from be not");
        assertEquals("e1", regrouped.parent("l1").orElseThrow().id());
        assertEquals("p", regrouped.parent("wall").orElseThrow().id());
    }

    @Test
    void removingEverythingOfASystemRemovesItsEmptyPureGroups() throws ChangeRejectedException {
        Revision revision = small();
        ChangeSet changes = ChangeSet.of("test", "", new Change.RemoveObject("t"), new Change.RemoveObject("m1"));
        Revision next = revision.apply(changes);

        Hierarchy regrouped = strategy.regroup(strategy.group(revision), next, changes);

        HierarchyListing.assertSame(strategy.group(next), regrouped, "removed");
        assertTrue(regrouped.node("/mechanical").isEmpty());
    }

    @Test
    void aHierarchyOfAnotherLayoutIsGroupedAfresh() throws ChangeRejectedException {
        Revision revision = small();
        GroupTree.Builder other = GroupTree.builder(revision, "spatial");
        revision.objects().filter(o -> o.parentId() != null).forEach(o -> other.addObject(other.root(), o));
        ChangeSet rename = ChangeSet.of("test", "", new Change.Rename("l1", "Light"));
        Revision next = revision.apply(rename);
        GroupTree foreign = other.build();

        Hierarchy regrouped = strategy.regroup(foreign, next, rename);

        assertNotSame(foreign, regrouped);
        HierarchyListing.assertSame(strategy.group(next), regrouped, "regrouped afresh");
    }

    /** The generator's changes with objects in another (still parents first) order and connections reversed. */
    private static ChangeSet shuffled(ChangeSet generated, Revision revision) {
        List<Change> objects = new ArrayList<>();
        List<Change> connections = new ArrayList<>();
        for (Change c : generated.changes()) {
            (c instanceof Change.Connect ? connections : objects).add(c);
        }
        // children of every parent in reverse: a depth-first walk that takes the last child first
        List<Change> reordered = new ArrayList<>();
        List<BuildingObject> pending = new ArrayList<>(List.of(revision.root().orElseThrow()));
        SplittableRandom random = new SplittableRandom(1);
        while (!pending.isEmpty()) {
            BuildingObject o = pending.remove(pending.size() - 1);
            reordered.add(new Change.AddObject(o));
            List<BuildingObject> children = new ArrayList<>(revision.children(o.id()));
            Collections.shuffle(children, new Random(random.nextLong()));
            pending.addAll(children);
        }
        assertEquals(objects.size(), reordered.size());
        Collections.reverse(connections);
        reordered.addAll(connections);
        return new ChangeSet("test", "shuffled", reordered);
    }

    private static Set<String> idSet(Hierarchy h, String node) {
        return Set.copyOf(ids(h, node));
    }

    private static List<String> ids(Hierarchy h, String node) {
        return h.children(node, 0, Integer.MAX_VALUE).stream().map(GroupNode::id).toList();
    }

    private static Bounds union(Revision revision, String... ids) {
        Bounds b = null;
        for (String id : ids) {
            Bounds f = revision.get(id).footprint().bounds();
            b = b == null ? f : b.union(f);
        }
        return b;
    }
}
