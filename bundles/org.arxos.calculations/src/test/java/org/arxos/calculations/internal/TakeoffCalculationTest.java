package org.arxos.calculations.internal;

import static org.arxos.calculations.internal.Model.box;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.arxos.calculations.TakeoffResult;
import org.arxos.calculations.TakeoffResult.Row;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Polygon;
import org.arxos.model.geometry.Polyline;
import org.junit.jupiter.api.Test;

class TakeoffCalculationTest {

    /**
     * Floor f1 with zone z1. Space s1 in z1: 4 x 5 m, 3 m high (length 5, area 20, volume 60). Space s2 on the floor:
     * the triangle (0,0) (6,0) (0,4), 2.5 m high (length 6, area 12, volume 30). System e1 in z1: two 1 x 0.5 m
     * lights 0.1 m high (length 1, area 0.5, volume 0.05 each). System ps in z1: a pipe run (0,0) (3,0) (3,4): length
     * 3 + 4 = 7, no area.
     */
    static Revision building() {
        return Model.building().floor("f1", 0, 3).zone("z1", "f1")
                .space("s1", "z1", "office", box(0, 0, 4, 5), 0, 3)
                .space("s2", "f1", "office", new Polygon(0, 0, 6, 0, 0, 4), 0, 2.5f)
                .system("e1", "z1", "electrical")
                .component("l1", "e1", "light-fixture", box(1, 1, 2, 1.5f), 2.5f, 2.6f)
                .component("l2", "e1", "light-fixture", box(3, 1, 4, 1.5f), 2.5f, 2.6f)
                .system("ps", "z1", "plumbing")
                .component("p1", "ps", "pipe", new Polyline(0, 0, 3, 0, 3, 4), 0.5f, 0.5f)
                .revision();
    }

    @Test
    void groupsByFloorZoneSystemAndKind() throws Exception {
        TakeoffResult result = Engines.run(new TakeoffCalculation(), building(), Map.of());
        assertEquals(List.of("floor", "zone", "system", "kind"), result.groupBy());
        assertEquals(4, result.rows().size(), result.rows().toString());
        assertRow(result.rows().get(0), "f1", "", "", "space", "office", 1, 6, 12, 30);
        assertRow(result.rows().get(1), "f1", "z1", "", "space", "office", 1, 5, 20, 60);
        assertRow(result.rows().get(2), "f1", "z1", "e1", "component", "light-fixture", 2, 2, 1, 0.1);
        assertRow(result.rows().get(3), "f1", "z1", "ps", "component", "pipe", 1, 7, 0, 0);
        assertRow(result.total(), "", "", "", "", "", 5, 20, 33, 90.1);
    }

    @Test
    void groupsByKindAlone() throws Exception {
        TakeoffResult result = Engines.run(new TakeoffCalculation(), building(), Map.of("groupBy", "kind"));
        assertEquals(List.of("kind"), result.groupBy());
        assertEquals(3, result.rows().size(), result.rows().toString());
        assertRow(result.rows().get(0), "", "", "", "component", "light-fixture", 2, 2, 1, 0.1);
        assertRow(result.rows().get(1), "", "", "", "component", "pipe", 1, 7, 0, 0);
        assertRow(result.rows().get(2), "", "", "", "space", "office", 2, 11, 32, 90);
    }

    @Test
    void aComponentOfABuildingWideSystemLandsOnTheFloorItIsContainedInOrByElevation() throws Exception {
        Revision revision = Model.building().floor("f1", 0, 3).floor("f2", 3, 6)
                .system("be", "b", "electrical")
                .component("riser2", "be", "riser", box(0, 0, 1, 1), 3, 6)
                .add(new org.arxos.model.BuildingObject("lamp", org.arxos.model.ObjectType.COMPONENT, "ifclamp", "be",
                        null, box(0, 0, 1, 1), null, org.arxos.model.Properties.of("containedIn",
                                org.arxos.model.PropertyValue.of("f1"))))
                .revision();
        TakeoffResult result = Engines.run(new TakeoffCalculation(), revision, Map.of("groupBy", "floor,kind"));
        assertEquals(List.of("floor", "kind"), result.groupBy());
        assertEquals(List.of("f1/ifclamp", "f2/riser"),
                result.rows().stream().map(r -> r.floor() + "/" + r.kind()).toList());
    }

    @Test
    void badParametersAreNamed() {
        IllegalArgumentException unknownDimension = assertThrows(IllegalArgumentException.class,
                () -> Engines.run(new TakeoffCalculation(), building(), Map.of("groupBy", "floor,room")));
        assertTrue(unknownDimension.getMessage().contains("'groupBy'"), unknownDimension.getMessage());
        assertTrue(unknownDimension.getMessage().contains("'room'"), unknownDimension.getMessage());
        IllegalArgumentException unknownParameter = assertThrows(IllegalArgumentException.class,
                () -> Engines.run(new TakeoffCalculation(), building(), Map.of("group", "floor")));
        assertTrue(unknownParameter.getMessage().contains("'group'"), unknownParameter.getMessage());
    }

    @Test
    void reportsProgressAndStopsWhenCancelled() throws Exception {
        Revision revision = org.arxos.generator.SyntheticBuilding
                .generateRevision(org.arxos.generator.GeneratorSettings.of(3, 50_000));
        TestContext context = new TestContext(revision, Map.of(), Engines.MANY);
        new TakeoffCalculation().calculate(context);
        assertTrue(context.progressReports().size() > 1, context.progressReports().toString());
        assertEquals(1.0, context.progressReports().get(context.progressReports().size() - 1));

        TestContext cancelled = new TestContext(revision, Map.of(), Engines.MANY);
        cancelled.cancel();
        assertThrows(java.util.concurrent.CancellationException.class,
                () -> new TakeoffCalculation().calculate(cancelled));
    }

    private static void assertRow(Row row, String floor, String zone, String system, String type, String kind,
            long count, double length, double area, double volume) {
        String what = row.toString();
        assertEquals(floor, row.floor(), what);
        assertEquals(zone, row.zone(), what);
        assertEquals(system, row.system(), what);
        assertEquals(type, row.type(), what);
        assertEquals(kind, row.kind(), what);
        assertEquals(count, row.count(), what);
        assertEquals(length, row.length(), 1e-5, what);
        assertEquals(area, row.area(), 1e-5, what);
        assertEquals(volume, row.volume(), 1e-5, what);
    }
}
