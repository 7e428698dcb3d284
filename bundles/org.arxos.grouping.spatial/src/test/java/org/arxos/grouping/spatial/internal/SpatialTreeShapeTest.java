package org.arxos.grouping.spatial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.grouping.GroupTree;
import org.arxos.grouping.testing.HierarchyListing;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shape of spatial hierarchies of generated buildings: complete, of bounded fan-out and depth, and deterministic. */
class SpatialTreeShapeTest {

    @ParameterizedTest
    @CsvSource({"1, 100, 16", "2, 3000, 4", "3, 20000, 16", "4, 90000, 16", "5, 20000, 2"})
    void everyObjectOnceInClustersOfBoundedFanOutAndDepth(long seed, int items, int fanOut) {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(seed, items));
        GroupTree tree = new SpatialGroupingStrategy(fanOut).group(revision);

        TreeChecks.assertEveryObjectOnce(tree, revision);
        TreeChecks.assertBoundedClusters(tree, fanOut);
        assertEquals(revision.number(), tree.revision());
    }

    @Test
    void componentsOfAZonesSystemsBelongToTheZoneAndRisersToTheBuilding() {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(11, 5000));
        GroupTree tree = new SpatialGroupingStrategy(16).group(revision);

        assertEquals("f1z1", homeOf(tree, "f1z1e-c2"));
        assertEquals("f1z1", homeOf(tree, "f1z1s1"));
        assertEquals("b/building-wide", homeOf(tree, "be-c2"));
        assertEquals("b/building-wide", homeOf(tree, "bm-c1"));
        assertEquals("f1z1/no-footprint", tree.parent("f1z1e").orElseThrow().id());
        assertEquals("b/building-wide/no-footprint", tree.parent("be").orElseThrow().id());
    }

    @Test
    void twoGroupingsOfOneRevisionAreEqual() {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(12, 20000));
        SpatialGroupingStrategy strategy = new SpatialGroupingStrategy(16);

        HierarchyListing.assertSameTree(strategy.group(revision), strategy.group(revision), "grouped twice");
    }

    @Test
    void theSameBuildingAddedInAnotherOrderGivesTheSameGroups() throws ChangeRejectedException {
        ChangeSet generated = SyntheticBuilding.generate(GeneratorSettings.of(13, 20000));
        Revision revision = Revision.EMPTY.apply(generated);
        // the objects shuffled, parents still before children; the connections after them as before
        SplittableRandom random = new SplittableRandom(13);
        List<Change.AddObject> adds = new ArrayList<>();
        List<Change> rest = new ArrayList<>();
        for (Change c : generated.changes()) {
            if (c instanceof Change.AddObject add) {
                adds.add(add);
            } else {
                rest.add(c);
            }
        }
        List<double[]> keys = new ArrayList<>();
        for (Change.AddObject add : adds) {
            keys.add(new double[] {depth(revision, add.object()), random.nextDouble()});
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < adds.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> keys.get(i)[0]).thenComparingDouble(i -> keys.get(i)[1]));
        List<Change> shuffled = new ArrayList<>();
        order.forEach(i -> shuffled.add(adds.get(i)));
        shuffled.addAll(rest);
        Revision reordered = Revision.EMPTY.apply(new ChangeSet("test", "shuffled", shuffled));
        assertTrue(!revision.objects().map(BuildingObject::id).toList()
                .equals(reordered.objects().map(BuildingObject::id).toList()), "the orders differ");

        SpatialGroupingStrategy strategy = new SpatialGroupingStrategy(16);
        HierarchyListing.assertSameTree(strategy.group(revision), strategy.group(reordered), "added in another order");
    }

    private static String homeOf(GroupTree tree, String objectId) {
        String group = tree.groupOf(objectId).orElseThrow();
        while (tree.node(group).orElseThrow().kind().equals(Homes.CLUSTER)) {
            group = tree.parent(group).orElseThrow().id();
        }
        return group;
    }

    private static int depth(Revision revision, BuildingObject o) {
        int depth = 0;
        for (String id = o.parentId(); id != null; id = revision.get(id).parentId()) {
            depth++;
        }
        return depth;
    }
}
