package org.arxos.calculations.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.arxos.calculations.LoadsResult;
import org.arxos.calculations.LoadsResult.Medium;
import org.arxos.calculations.LoadsResult.Node;
import org.arxos.model.Revision;
import org.junit.jupiter.api.Test;

class LoadsCalculationTest {

    /**
     * Power: switchboard S feeds panels P1 and P2. P1 feeds circuit C1 (lights L1 100 W, L2 50 W, receptacle R1
     * 180 W) and circuit C2 (light L3 20 W). P2 feeds X, and X (10 W) and Y (5 W) feed each other. O (75 W) has no
     * connection.
     *
     * <p>By hand: C1 = 330 W over 3 objects; C2 = 20 W over 1; P1 = 350 W over C1, C2 and their 4 = 6; the cycle X-Y
     * feeds nothing outside itself, so it counts its own 15 W, and each of X and Y reaches 1 other; P2 = 15 W over 2;
     * S = 365 W over 10. The building's total is S's 365 W.
     *
     * <p>Air: air handler AHU feeds VAV box V (declared 300 l/s), which feeds diffusers D1 (100 l/s) and D2
     * (150 l/s): V = 250 l/s against its declared 300, AHU = 250 l/s.
     */
    static Revision building() {
        return Model.building().system("e", "b", "electrical").system("m", "b", "mechanical")
                .load("S", "e", "switchboard", "rating", 2500, "A")
                .load("P1", "e", "panel", "rating", 225, "A")
                .load("P2", "e", "panel", "rating", 225, "A")
                .load("C1", "e", "circuit", "rating", 16, "A")
                .load("C2", "e", "circuit", "rating", 16, "A")
                .load("L1", "e", "light-fixture", "load", 100, "W")
                .load("L2", "e", "light-fixture", "load", 50, "W")
                .load("R1", "e", "receptacle", "load", 180, "W")
                .load("L3", "e", "light-fixture", "load", 20, "W")
                .load("X", "e", "equipment", "load", 10, "W")
                .load("Y", "e", "equipment", "load", 5, "W")
                .load("O", "e", "equipment", "load", 75, "W")
                .load("AHU", "m", "air-handler", "rating", 1, "kW")
                .load("V", "m", "vav-box", "airflow", 300, "l/s")
                .load("D1", "m", "duct-terminal", "airflow", 100, "l/s")
                .load("D2", "m", "duct-terminal", "airflow", 150, "l/s")
                .connect("k1", "S", "P1", "power").connect("k2", "S", "P2", "power")
                .connect("k3", "P1", "C1", "power").connect("k4", "P1", "C2", "power")
                .connect("k5", "C1", "L1", "power").connect("k6", "C1", "L2", "power")
                .connect("k7", "C1", "R1", "power").connect("k8", "C2", "L3", "power")
                .connect("k9", "P2", "X", "power").connect("k10", "X", "Y", "power").connect("k11", "Y", "X", "power")
                .connect("a1", "AHU", "V", "air").connect("a2", "V", "D1", "air").connect("a3", "V", "D2", "air")
                .revision();
    }

    @Test
    void sumsLoadsUpToTheSourcesAndReportsCyclesAndOrphans() throws Exception {
        LoadsResult result = Engines.run(new LoadsCalculation(), building(), Map.of("kinds", "power,air"));
        assertEquals(2, result.media().size());
        Medium power = result.media().get(0);
        assertEquals("power", power.kind());
        assertEquals("load", power.property());
        assertEquals("W", power.unit());
        assertEquals(365, power.total(), 1e-9);
        assertEquals(List.of(new Node("S", "switchboard", 365, null, 10)), power.sources());
        assertEquals(List.of(new Node("C1", "circuit", 330, null, 3), new Node("C2", "circuit", 20, null, 1),
                new Node("P1", "panel", 350, null, 6), new Node("P2", "panel", 15, null, 2),
                new Node("S", "switchboard", 365, null, 10), new Node("X", "equipment", 15, 10.0, 1),
                new Node("Y", "equipment", 15, 5.0, 1)), power.nodes());
        assertEquals(List.of(List.of("X", "Y")), power.cycles());
        assertEquals(List.of("O"), power.orphans());

        Medium air = result.media().get(1);
        assertEquals("airflow", air.property());
        assertEquals("l/s", air.unit());
        assertEquals(250, air.total(), 1e-9);
        assertEquals(List.of(new Node("AHU", "air-handler", 250, null, 3), new Node("V", "vav-box", 250, 300.0, 2)),
                air.nodes());
        assertTrue(air.cycles().isEmpty());
        assertTrue(air.orphans().isEmpty());
    }

    /**
     * Z (7 kW) feeds W (3 kW), W feeds Q (1 kW), Q feeds Z, and W feeds T (2 kW). The circle Z-W-Q feeds T outside
     * itself: each of its objects carries T's 2 kW and reaches T plus the two others. Nothing is fed by none, so there
     * is no source and the total over sources is 0; T, being fed, is no orphan.
     */
    @Test
    void aCycleIsSummedOnceAndThePropertyCanBeChosen() throws Exception {
        Revision revision = Model.building().system("e", "b", "electrical")
                .load("Z", "e", "equipment", "demand", 7, "kW")
                .load("W", "e", "equipment", "demand", 3, "kW")
                .load("Q", "e", "equipment", "demand", 1, "kW")
                .load("T", "e", "equipment", "demand", 2, "kW")
                .connect("k1", "Z", "W", "power").connect("k2", "W", "Q", "power").connect("k3", "Q", "Z", "power")
                .connect("k4", "W", "T", "power").revision();
        Medium power = Engines.run(new LoadsCalculation(), revision,
                Map.of("kinds", "power", "property.power", "demand")).media().get(0);
        assertEquals(List.of(List.of("Q", "W", "Z")), power.cycles());
        assertEquals("kW", power.unit());
        assertEquals(0, power.total(), 1e-9);
        assertTrue(power.sources().isEmpty());
        assertTrue(power.orphans().isEmpty());
        assertEquals(List.of(new Node("Q", "equipment", 2, 1.0, 3), new Node("W", "equipment", 2, 3.0, 3),
                new Node("Z", "equipment", 2, 7.0, 3)), power.nodes());
    }

    @Test
    void loadsInDifferentUnitsFailNamingThem() {
        Revision revision = Model.building().system("e", "b", "electrical")
                .load("P", "e", "panel", "rating", 1, "A")
                .load("A1", "e", "light-fixture", "load", 100, "W")
                .load("A2", "e", "light-fixture", "load", 0.1, "kW")
                .connect("k1", "P", "A1", "power").connect("k2", "P", "A2", "power").revision();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Engines.run(new LoadsCalculation(), revision, Map.of("kinds", "power")));
        assertTrue(e.getMessage().contains("kW") && e.getMessage().contains("A2"), e.getMessage());
    }

    @Test
    void aLongChainDoesNotOverflowTheStack() throws Exception {
        Model model = Model.building().system("e", "b", "electrical");
        int length = 20_000;
        for (int i = 0; i < length; i++) {
            model.load("n" + i, "e", "segment", "load", 1, "W");
        }
        for (int i = 1; i < length; i++) {
            model.connect("k" + i, "n" + (i - 1), "n" + i, "power");
        }
        Medium power = Engines.run(new LoadsCalculation(), model.revision(), Map.of("kinds", "power")).media().get(0);
        assertEquals(1, power.sources().size());
        assertEquals(1, power.total(), 1e-9); // only the last segment feeds nothing
        assertEquals(length - 1, power.sources().get(0).downstream());
    }

    @Test
    void badParametersAreNamed() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Engines.run(new LoadsCalculation(), building(), Map.of("medium", "power")));
        assertTrue(unknown.getMessage().contains("'medium'"), unknown.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> Engines.run(new LoadsCalculation(), building(), Map.of("kinds", " , ")));
        assertTrue(empty.getMessage().contains("'kinds'"), empty.getMessage());
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> Engines.run(new LoadsCalculation(), building(), Map.of("property.power", " ")));
        assertTrue(blank.getMessage().contains("'property.power'"), blank.getMessage());
    }
}
