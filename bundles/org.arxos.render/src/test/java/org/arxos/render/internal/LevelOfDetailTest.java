package org.arxos.render.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.arxos.render.internal.DrawingPlan.Aggregate;
import org.junit.jupiter.api.Test;

class LevelOfDetailTest {

    private static final int ITEMS = 20_000;
    private static final int[] CAPS = {5_000, 400, 60, 7, 1};
    private static final double[] THRESHOLDS = {0, 3, 12};

    @Test
    void randomViewportsAgreeWithBruteForceInTheBuildingsOwnTree() {
        Revision revision = TestBuildings.generated(ITEMS);
        checkRandomViewports(revision, TestBuildings.containment(revision), 11);
    }

    @Test
    void randomViewportsAgreeWithBruteForceWithPureGroups() {
        Revision revision = TestBuildings.generated(ITEMS);
        checkRandomViewports(revision, new ClusteredHierarchy(revision), 12);
    }

    /** One index per floor for both hierarchies: each keeps its own groups, filled over many drawings. */
    private static final Map<String, FloorIndex> INDEXES = new ConcurrentHashMap<>();

    private static void checkRandomViewports(Revision revision, Hierarchy hierarchy, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<BuildingObject> floors = TestBuildings.floors(revision);
        int capped = 0;
        int uncapped = 0;
        for (int i = 0; i < 120; i++) {
            BuildingObject floor = floors.get(random.nextInt(floors.size()));
            List<BuildingObject> objects = TestBuildings.floorObjects(revision, floor.id());
            FloorIndex index = INDEXES.computeIfAbsent(floor.id(), id -> FloorIndex.build(revision, floor));
            assertEquals(objects.size(), index.size());
            double scale = Math.pow(10, -0.7 + 3.2 * random.nextDouble());
            Bounds viewport = randomViewport(random, TestBuildings.extent(objects), scale);
            int cap = CAPS[random.nextInt(CAPS.length)];
            double threshold = THRESHOLDS[random.nextInt(THRESHOLDS.length)];
            DrawingPlan plan = LevelOfDetail.plan(index, hierarchy, viewport, scale, threshold, cap);
            PlanCheck.check(plan, objects, hierarchy, threshold, cap);
            if (plan.capped()) {
                capped++;
            } else if (!plan.aggregates().isEmpty() && !plan.drawn().isEmpty()) {
                uncapped++;
            }
        }
        assertTrue(capped >= 10 && uncapped >= 10, "the cases must exercise both: " + capped + " capped, "
                + uncapped + " uncapped with drawn objects and aggregates");
    }

    /** Anything from a few pixels of the floor to all of it and beyond, never more than 4,000 px a side. */
    static Bounds randomViewport(SplittableRandom random, Bounds extent, double scale) {
        double width = Math.min(extent.width() * Math.pow(10, -2 + 2.2 * random.nextDouble()), 4_000 / scale);
        double height = Math.min(extent.height() * Math.pow(10, -2 + 2.2 * random.nextDouble()), 4_000 / scale);
        double cx = extent.minX() + extent.width() * (-0.05 + 1.1 * random.nextDouble());
        double cy = extent.minY() + extent.height() * (-0.05 + 1.1 * random.nextDouble());
        return new Bounds((float) (cx - width / 2), (float) (cy - height / 2), (float) (cx + width / 2),
                (float) (cy + height / 2));
    }

    @Test
    void aHierarchyOfAnotherRevisionIsAFaultThatNamesTheObject() {
        Revision revision = TestBuildings.generated(ITEMS);
        BuildingObject floor = TestBuildings.floors(revision).get(0);
        FloorIndex index = FloorIndex.build(revision, floor);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LevelOfDetail.plan(index,
                TestBuildings.containment(Revision.EMPTY), index.extent(), 10, 3, 100));
        assertTrue(e.getMessage().startsWith("the hierarchy of revision 0 has no group for object '"), e.getMessage());
    }

    @Test
    void aCapOfOneLeavesOneAggregateOfTheFloorForEverything() {
        Revision revision = TestBuildings.generated(ITEMS);
        BuildingObject floor = TestBuildings.floors(revision).get(2);
        List<BuildingObject> objects = TestBuildings.floorObjects(revision, floor.id());
        Hierarchy hierarchy = new ClusteredHierarchy(revision);
        Bounds all = TestBuildings.extent(objects);

        DrawingPlan plan = LevelOfDetail.plan(FloorIndex.build(revision, floor), hierarchy, all, 20, 3, 1);

        assertTrue(plan.capped());
        assertEquals(List.of(), plan.drawn());
        assertEquals(1, plan.aggregates().size());
        Aggregate only = plan.aggregates().get(0);
        assertEquals(floor.id(), only.group().id());
        assertEquals(objects.size(), only.count());
    }

    /** The building's objects by kind, beside the floors rather than inside them. */
    private static Hierarchy byKind(Revision revision) {
        String root = revision.root().orElseThrow().id();
        return new Hierarchy() {
            @Override
            public long revision() {
                return revision.number();
            }

            @Override
            public GroupNode root() {
                return node(root).orElseThrow();
            }

            @Override
            public Optional<GroupNode> node(String nodeId) {
                if (nodeId.startsWith("kind/")) {
                    return Optional.of(new GroupNode(nodeId, nodeId, "kind", null, 0, 0, null));
                }
                return revision.find(nodeId).map(o -> new GroupNode(o.id(), o.id(), o.type().id(), o.id(), 0, 0,
                        o.footprint() == null ? null : o.footprint().bounds()));
            }

            @Override
            public Optional<GroupNode> parent(String nodeId) {
                if (nodeId.equals(root)) {
                    return Optional.empty();
                }
                boolean top = nodeId.startsWith("kind/") || revision.get(nodeId).type() == ObjectType.FLOOR;
                return node(top ? root : "kind/" + revision.get(nodeId).kind());
            }

            @Override
            public List<GroupNode> children(String nodeId, int offset, int limit) {
                return List.of();
            }
        };
    }

    @Test
    void objectsOutsideTheFloorsNodeRiseToTheRootWhenTheCapAsks() {
        Revision revision = TestBuildings.generated(ITEMS);
        BuildingObject floor = TestBuildings.floors(revision).get(0);
        List<BuildingObject> objects = TestBuildings.floorObjects(revision, floor.id());
        Hierarchy hierarchy = byKind(revision);
        FloorIndex index = FloorIndex.build(revision, floor);
        for (int cap : new int[] {1, 3, 40}) {
            DrawingPlan plan = LevelOfDetail.plan(index, hierarchy, index.extent(), 5, 3, cap);
            PlanCheck.check(plan, objects, hierarchy, 3, cap);
        }
        DrawingPlan one = LevelOfDetail.plan(index, hierarchy, index.extent(), 5, 3, 1);
        assertEquals(List.of("b"), one.aggregates().stream().map(a -> a.group().id()).toList());
        // With no outlines of their own, the kinds' aggregates are outlined by the objects they stand for.
        DrawingPlan kinds = LevelOfDetail.plan(index, hierarchy, index.extent(), 0.5, 3, 5_000);
        for (Aggregate a : kinds.aggregates()) {
            assertTrue(a.group().id().startsWith("kind/") && index.extent().contains(a.outline()), a.toString());
        }
    }

    @Test
    void theCapCoarsensGroupsBeforeItSummarisesDrawnObjects() {
        Revision revision = TestBuildings.generated(ITEMS);
        BuildingObject floor = TestBuildings.floors(revision).get(0);
        Hierarchy hierarchy = new ClusteredHierarchy(revision);
        FloorIndex index = FloorIndex.build(revision, floor);
        Bounds all = index.extent();
        // At 4 px/m rooms and zones are drawn and most components are summarised by their kind clusters.
        DrawingPlan free = LevelOfDetail.plan(index, hierarchy, all, 4, 3, 100_000);
        assertFalse(free.capped());
        int drawn = free.drawn().size();
        assertTrue(free.aggregates().size() > 20 && drawn > 20, free.aggregates().size() + " / " + drawn);

        // Room for every drawn object and a few groups: the clusters rise to systems, zones and the floor, and no
        // drawn object is given up.
        DrawingPlan coarser = LevelOfDetail.plan(index, hierarchy, all, 4, 3, drawn + 5);
        assertTrue(coarser.capped());
        assertEquals(drawn, coarser.drawn().size());
        assertTrue(coarser.aggregates().size() <= 5);
        assertEquals(free.summarized(), coarser.summarized());
        PlanCheck.check(coarser, TestBuildings.floorObjects(revision, floor.id()), hierarchy, 3, drawn + 5);

        // Room for half of them: the smallest drawn objects go into the groups.
        DrawingPlan half = LevelOfDetail.plan(index, hierarchy, all, 4, 3, drawn / 2);
        assertTrue(half.capped());
        assertTrue(half.drawn().size() + half.aggregates().size() <= drawn / 2);
        assertTrue(half.drawn().size() >= drawn / 2 - 20, "most of the cap still goes to drawn objects: "
                + half.drawn().size() + " of " + drawn / 2);
        PlanCheck.check(half, TestBuildings.floorObjects(revision, floor.id()), hierarchy, 3, drawn / 2);
    }
}
