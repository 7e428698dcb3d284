package org.arxos.calculations.internal;

import static org.arxos.calculations.internal.Model.box;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.arxos.calculations.ClearanceResult;
import org.arxos.calculations.ClearanceResult.Pair;
import org.arxos.calculations.internal.PairSearch.Criterion;
import org.arxos.calculations.internal.PairSearch.Items;
import org.arxos.calculations.internal.PairSearch.Slice;
import org.arxos.calculations.internal.PairSearch.Tally;
import org.arxos.calculations.internal.PairSearch.Task;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Polygon;
import org.junit.jupiter.api.Test;

class ClearanceCalculationTest {

    /**
     * One floor, components from 0 to 1 m high unless said. A (0,0)-(1,1); B (1.3,0)-(2,1): 0.3 from A. C
     * (0,1.45)-(1,2): 0.45 from A, hypot(0.3, 0.45) = 0.54 from B. D is A's box from 1.3 to 2 m: 0.3 above A,
     * hypot(0.3, 0.3) = 0.4243 from B, hypot(0.45, 0.3) = 0.54 from C. E (10,10)-(11,11) is far from all. F is the
     * triangle (3,0) (5,0) (3,2), hypotenuse x + y = 5; G (4.2,1.2)-(5,2) overlaps F's bounds but its nearest corner
     * is (5.4 - 5) / sqrt(2) = 0.2828 from the hypotenuse; H (4.5,1.5)-(5,2) is 1 / sqrt(2) = 0.71 from F and
     * inside G (distance 0).
     *
     * <p>Closer than 0.5 m: G-H 0, F-G 0.2828, A-B 0.3, A-D 0.3, B-D 0.4243, A-C 0.45.
     */
    static Revision building() {
        return Model.building().floor("f1", 0, 3)
                .component("A", "f1", "box", box(0, 0, 1, 1), 0, 1)
                .component("B", "f1", "box", box(1.3f, 0, 2, 1), 0, 1)
                .component("C", "f1", "box", box(0, 1.45f, 1, 2), 0, 1)
                .component("D", "f1", "box", box(0, 0, 1, 1), 1.3f, 2)
                .component("E", "f1", "box", box(10, 10, 11, 11), 0, 1)
                .component("F", "f1", "ifcslab", new Polygon(3, 0, 5, 0, 3, 2), 0, 1)
                .component("G", "f1", "box", box(4.2f, 1.2f, 5, 2), 0, 1)
                .component("H", "f1", "box", box(4.5f, 1.5f, 5, 2), 0, 1)
                .revision();
    }

    @Test
    void findsEveryPairCloserThanTheDistance() throws Exception {
        ClearanceResult result = Engines.run(new ClearanceCalculation(), building(), Map.of("distance", "0.5"));
        assertEquals(6, result.pairs());
        assertEquals(List.of(new Pair("G", "H", 0), new Pair("F", "G", 0.2828), new Pair("A", "B", 0.3),
                new Pair("A", "D", 0.3), new Pair("B", "D", 0.4243), new Pair("A", "C", 0.45)), result.closest());
        assertEquals(8, result.checked());

        ClearanceResult limited = Engines.run(new ClearanceCalculation(), building(),
                Map.of("distance", "0.5", "limit", "2", "tile", "1"));
        assertEquals(6, limited.pairs());
        assertEquals(result.closest().subList(0, 2), limited.closest());

        ClearanceResult tight = Engines.run(new ClearanceCalculation(), building(), Map.of("distance", "0.29"));
        assertEquals(List.of(new Pair("G", "H", 0), new Pair("F", "G", 0.2828)), tight.closest());
    }

    @Test
    void tilesAndBandsFindEveryPairExactlyOnce() throws Exception {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(11, 20_000));
        Map<String, String> oneSlicePerStorey = Map.of("distance", "1", "tile", "10000", "limit", "100000");
        Map<String, String> smallTiles = Map.of("distance", "1", "tile", "2", "limit", "100000");
        ClearanceResult whole = Engines.run(new ClearanceCalculation(), revision, oneSlicePerStorey);
        ClearanceResult tiled = Engines.run(new ClearanceCalculation(), revision, smallTiles);
        assertTrue(whole.pairs() > 5_000, "pairs: " + whole.pairs());
        assertTrue(tiled.slices() > 50 * whole.slices(), tiled.slices() + " vs " + whole.slices());
        assertEquals(whole.pairs(), tiled.pairs());
        assertEquals(whole.closest(), tiled.closest());
        assertEquals(whole.byDisciplines(), tiled.byDisciplines());
    }

    /**
     * Against a search of all pairs without slices: tiles and storey bands smaller than the distance put most pairs
     * across slice borders, where each must be owned by exactly one slice.
     */
    @Test
    void slicedSearchFindsThePairsOfASearchOverAllPairs() throws Exception {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(3, 3_000));
        Items items = PairSearch.collect(revision, new Places(revision), d -> true);
        float[] box = items.boxes();
        double distance = 2.5;
        long pairs = 0;
        for (int a = 0; a < items.size(); a++) {
            for (int b = a + 1; b < items.size(); b++) {
                if (Math.sqrt(squared(gap(box, a, b, 0)) + squared(gap(box, a, b, 1)) + squared(gap(box, a, b, 4)))
                        < distance) {
                    pairs++;
                }
            }
        }
        ClearanceResult sliced = Engines.run(new ClearanceCalculation(), revision,
                Map.of("distance", String.valueOf(distance), "tile", "2"));
        assertTrue(pairs > 5_000 && sliced.slices() > 500, pairs + " pairs in " + sliced.slices() + " slices");
        assertEquals(pairs, sliced.pairs());
    }

    /** The gap between two boxes along the axis whose minimum is at {@code min} (x 0, y 1, z 4); 0 if they overlap. */
    private static double gap(float[] box, int a, int b, int min) {
        int max = min == 4 ? 5 : min + 2;
        return Math.max(0, Math.max((double) box[6 * b + min] - box[6 * a + max],
                (double) box[6 * a + min] - box[6 * b + max]));
    }

    private static double squared(double value) {
        return value * value;
    }

    @Test
    void slicesAndTasksSerializeSmallAndComputeTheSameAfterTheTrip() throws Exception {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(5, 10_000));
        Places places = new Places(revision);
        Items items = PairSearch.collect(revision, places, d -> true);
        float[] bands = places.storeyBottoms();
        List<Slice> slices = PairSearch.slices(items, 1, 8, bands);
        Task task = new Task(Criterion.CLEARANCE, 1, 1, 8, bands, items.disciplineNames().size(), 50);
        byte[] taskBytes = serialize(task);
        assertTrue(taskBytes.length < 1024, "task bytes: " + taskBytes.length);
        Task copy = (Task) deserialize(taskBytes);
        long sliceBytes = 0;
        long entries = 0;
        for (Slice slice : slices) {
            byte[] bytes = serialize(slice);
            sliceBytes += bytes.length;
            entries += slice.items().length;
            Tally here = task.apply(slice);
            Tally there = (Tally) deserialize(serialize(copy.apply((Slice) deserialize(bytes))));
            assertEquals(here.count(), there.count());
            assertTrue(Arrays.equals(here.first(), there.first()) && Arrays.equals(here.second(), there.second())
                    && Arrays.equals(here.measure(), there.measure()) && Arrays.equals(here.byDisciplines(),
                            there.byDisciplines()));
        }
        // ids and coordinates only: well under 100 bytes per component and slice
        assertTrue(sliceBytes < 100 * entries, sliceBytes + " bytes for " + entries + " entries");
    }

    @Test
    void aJobCancelledWhileItsSlicesRunStopsAndReportsProgressUntilThen() throws Exception {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(12, 20_000));
        Map<String, String> parameters = Map.of("distance", "2", "tile", "3");
        TestContext finished = new TestContext(revision, parameters, Engines.ONE);
        new ClearanceCalculation().calculate(finished);
        assertTrue(finished.progressReports().size() >= 12, finished.progressReports().toString());
        assertEquals(1.0, finished.progressReports().get(finished.progressReports().size() - 1));

        TestContext cancelled = new TestContext(revision, parameters, Engines.ONE);
        cancelled.cancelAt(0.1);
        assertThrows(CancellationException.class, () -> new ClearanceCalculation().calculate(cancelled));
        assertTrue(cancelled.progressReports().stream().allMatch(p -> p < 0.95), cancelled.progressReports().toString());
    }

    @Test
    void anEmptyRevisionGivesEmptyResults() throws Exception {
        assertEquals(0, Engines.run(new ClearanceCalculation(), Revision.EMPTY, Map.of()).pairs());
        assertEquals(0, Engines.run(new ClashCalculation(), Revision.EMPTY, Map.of()).clashes());
        assertEquals(0, Engines.run(new TakeoffCalculation(), Revision.EMPTY, Map.of()).total().count());
        assertEquals(0, Engines.run(new EgressCalculation(), Revision.EMPTY, Map.of()).spaces().size());
        assertEquals(0, Engines.run(new LoadsCalculation(), Revision.EMPTY, Map.of()).media().get(0).total());
    }

    @Test
    void badParametersAreNamed() {
        List<Map<String, String>> bad = new ArrayList<>(List.of(Map.of("distance", "0"), Map.of("distance", "51"),
                Map.of("distance", "x"), Map.of("tile", "0.5"), Map.of("limit", "-1"), Map.of("distant", "1")));
        for (Map<String, String> parameters : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Engines.run(new ClearanceCalculation(), building(), parameters));
            String name = parameters.keySet().iterator().next();
            assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
        }
    }

    @Test
    void tooManySliceEntriesFailNamingTheTile() {
        Revision huge = Model.building().floor("f1", 0, 3)
                .component("slab", "f1", "ifcslab", box(0, 0, 100_000, 100_000), 0, 1).revision();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Engines.run(new ClearanceCalculation(), huge, Map.of("tile", "1")));
        assertTrue(e.getMessage().contains("'tile'") && e.getMessage().contains("slab"), e.getMessage());
    }

    @Test
    void towersSideBySideShareTheirStoreyBands() throws Exception {
        Model oneTower = Model.building().floor("a0", 0, 3).floor("a1", 3, 6)
                .component("a0-x", "a0", "box", box(0, 0, 1, 1), 0, 1)
                .component("a0-y", "a0", "box", box(1.2f, 0, 2, 1), 0, 1)
                .component("a1-x", "a1", "box", box(0, 0, 1, 1), 3, 4);
        Revision one = oneTower.revision();
        Revision two = oneTower.floor("b0", 0, 3).floor("b1", 3, 6)
                .component("b0-x", "b0", "box", box(50, 0, 51, 1), 0, 1)
                .component("b0-y", "b0", "box", box(51.2f, 0, 52, 1), 0, 1)
                .component("b1-x", "b1", "box", box(50, 0, 51, 1), 3, 4).revision();
        assertTrue(Arrays.equals(new float[] {0, 3}, new Places(two).storeyBottoms()),
                Arrays.toString(new Places(two).storeyBottoms()));
        Map<String, String> oneTile = Map.of("distance", "0.5", "tile", "1000");
        ClearanceResult single = Engines.run(new ClearanceCalculation(), one, oneTile);
        ClearanceResult twin = Engines.run(new ClearanceCalculation(), two, oneTile);
        assertEquals(List.of(new Pair("a0-x", "a0-y", 0.2)), single.closest());
        assertEquals(List.of(new Pair("a0-x", "a0-y", 0.2), new Pair("b0-x", "b0-y", 0.2)), twin.closest());
        assertEquals(single.slices(), twin.slices(), "the second tower's storeys make no band of their own");
    }

    @Test
    void componentsFarOutAreSearchedLikeAnyOther() throws Exception {
        float far = 3e38f;
        Revision revision = Model.building().floor("f1", 0, 3)
                .component("P", "f1", "box", box(far, far, far, far), 0, 1)
                .component("Q", "f1", "box", box(far, far, far, far), 0, 1).revision();
        ClearanceResult result = Engines.run(new ClearanceCalculation(), revision, Map.of());
        assertEquals(List.of(new Pair("P", "Q", 0)), result.closest());
    }

    static byte[] serialize(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    static Object deserialize(byte[] bytes) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }
}
