package org.arxos.calculations.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.arxos.api.compute.Calculation;
import org.arxos.calculations.ClashResult;
import org.arxos.calculations.ClearanceResult;
import org.arxos.calculations.EgressResult;
import org.arxos.calculations.LoadsResult;
import org.arxos.calculations.TakeoffResult;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.grouping.testing.SharedIfcFiles;
import org.arxos.model.Revision;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every calculation gives the same result, to the byte once serialized, with a one-worker and a four-worker local
 * engine, on generated buildings and on the shared IFC files.
 */
class EnginesAgreeTest {

    private static final Map<String, Calculation<?>> CALCULATIONS = new LinkedHashMap<>();

    static {
        CALCULATIONS.put("takeoff", new TakeoffCalculation());
        CALCULATIONS.put("clash", new ClashCalculation());
        CALCULATIONS.put("loads", new LoadsCalculation());
        CALCULATIONS.put("egress", new EgressCalculation());
        CALCULATIONS.put("clearance", new ClearanceCalculation());
    }

    @TestFactory
    Stream<DynamicTest> onGeneratedBuildings() {
        Revision small = SyntheticBuilding.generateRevision(GeneratorSettings.of(21, 5_000));
        Revision larger = SyntheticBuilding.generateRevision(GeneratorSettings.of(22, 40_000));
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Revision> building : Map.of("generated 5000", small, "generated 40000", larger)
                .entrySet()) {
            CALCULATIONS.forEach((name, calculation) -> tests.add(DynamicTest.dynamicTest(building.getKey() + " " + name,
                    () -> assertAgree(calculation, building.getValue(), Map.of()))));
        }
        tests.add(DynamicTest.dynamicTest("generated 40000 clearance in 4 m tiles, 1.2 m",
                () -> assertAgree(new ClearanceCalculation(), larger, Map.of("distance", "1.2", "tile", "4"))));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> onTheSharedIfcFiles() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : SharedIfcFiles.all()) {
            Revision revision = SharedIfcFiles.read(file);
            CALCULATIONS.forEach((name, calculation) -> tests.add(DynamicTest.dynamicTest(
                    file.getFileName() + " " + name, () -> assertAgree(calculation, revision, Map.of()))));
            tests.add(DynamicTest.dynamicTest(file.getFileName() + " summary", () -> summarize(file, revision)));
        }
        return tests.stream();
    }

    private static <R extends Serializable> void assertAgree(Calculation<R> calculation, Revision revision,
            Map<String, String> parameters) throws Exception {
        R one = Engines.runOnOne(calculation, revision, parameters);
        R many = Engines.run(calculation, revision, parameters);
        assertEquals(one, many);
        assertArrayEquals(ClearanceCalculationTest.serialize(one), ClearanceCalculationTest.serialize(many));
    }

    /** What the real files give, for the record (docs/calculations.md), with the facts every file must meet. */
    private static void summarize(Path file, Revision revision) throws Exception {
        TakeoffResult takeoff = Engines.run(new TakeoffCalculation(), revision, Map.of("groupBy", "kind"));
        ClashResult clash = Engines.run(new ClashCalculation(), revision, Map.of());
        LoadsResult loads = Engines.run(new LoadsCalculation(), revision, Map.of());
        EgressResult egress = Engines.run(new EgressCalculation(), revision, Map.of());
        ClearanceResult clearance = Engines.run(new ClearanceCalculation(), revision, Map.of());
        long spaces = revision.objects().filter(o -> o.type() == org.arxos.model.ObjectType.SPACE).count();
        long components = revision.objects().filter(o -> o.type() == org.arxos.model.ObjectType.COMPONENT).count();
        System.out.printf("%s: takeoff %d kinds, %d objects, %.1f m2; clash %d (%s); clearance %d pairs in %d slices;"
                + " egress %d of %d spaces reach an exit, longest %.2f m; loads %s%n", file.getFileName(),
                takeoff.rows().size(), takeoff.total().count(), takeoff.total().area(), clash.clashes(),
                clash.byDisciplines(), clearance.pairs(), clearance.slices(), egress.reachable(), spaces,
                egress.longest(), loads.media().stream().map(m -> m.kind() + " " + m.nodes().size() + " nodes")
                        .toList());
        assertEquals(spaces + components, takeoff.total().count());
        assertEquals(components, clash.checked() + clash.skipped());
        assertEquals(components, clearance.checked() + clearance.skipped());
        assertEquals(spaces, egress.spaces().size());
        assertTrue(clearance.pairs() >= clash.clashes(), "every clash is a pair at distance 0");
    }
}
