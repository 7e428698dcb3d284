package org.arxos.calculations.internal;

import static org.arxos.calculations.internal.Model.box;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.arxos.calculations.ClashResult;
import org.arxos.calculations.ClashResult.Clash;
import org.arxos.calculations.DisciplinePairs;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Polygon;
import org.junit.jupiter.api.Test;

class ClashCalculationTest {

    /**
     * Floor f1 (0 to 3.5 m), zone z with an electrical system e (light L, light L2 far away, receptacle R) and a
     * mechanical system m (duct D, diffuser T). L and R are the box (0,0)-(1,1) from 2.6 to 2.8 m; D is (0.5,0.5)-(2,2)
     * from 2.7 to 3.0 m: L-D and R-D overlap 0.5 x 0.5 x 0.1 m, depth 0.1. T is (0.95,0)-(1.5,1) from 2.6 to 2.8 m:
     * L-T and R-T overlap 0.05 x 1 x 0.2 m, depth 0.05. L-R and D-T are one discipline each: no clash.
     *
     * <p>Floor f2 (3.5 to 7 m): an architectural wall, the triangle (0,0) (4,0) (0,4), and two structural beams over
     * its whole height: W1 (3,3)-(4,4) overlaps the wall's bounds but lies beyond its hypotenuse x + y = 4, so it does
     * not clash; W2 (0.5,0.5)-(1,1) lies inside it: depth min(0.5, 0.5, 3) = 0.5.
     */
    static Revision building() {
        return Model.building().floor("f1", 0, 3.5f).zone("z", "f1")
                .system("e", "z", "electrical")
                .component("L", "e", "light-fixture", box(0, 0, 1, 1), 2.6f, 2.8f)
                .component("L2", "e", "light-fixture", box(5, 5, 6, 6), 2.6f, 2.8f)
                .component("R", "e", "receptacle", box(0, 0, 1, 1), 2.6f, 2.8f)
                .system("m", "z", "mechanical")
                .component("D", "m", "duct", box(0.5f, 0.5f, 2, 2), 2.7f, 3.0f)
                .component("T", "m", "duct-terminal", box(0.95f, 0, 1.5f, 1), 2.6f, 2.8f)
                .floor("f2", 3.5f, 7)
                .component("wall", "f2", "ifcwall", new Polygon(0, 0, 4, 0, 0, 4), 3.5f, 6.5f)
                .component("W1", "f2", "ifcbeam", box(3, 3, 4, 4), 3.5f, 6.5f)
                .component("W2", "f2", "ifcbeam", box(0.5f, 0.5f, 1, 1), 3.5f, 6.5f)
                .revision();
    }

    @Test
    void findsTheOverlapsBetweenDisciplinesDeepestFirst() throws Exception {
        ClashResult result = Engines.run(new ClashCalculation(), building(), Map.of());
        assertEquals(5, result.clashes());
        assertEquals(List.of(new Clash("wall", "W2", "architectural", "structural", 0.5),
                new Clash("L", "D", "electrical", "mechanical", 0.1),
                new Clash("R", "D", "electrical", "mechanical", 0.1),
                new Clash("L", "T", "electrical", "mechanical", 0.05),
                new Clash("R", "T", "electrical", "mechanical", 0.05)), result.listed());
        assertEquals(List.of(new DisciplinePairs("architectural", "structural", 1),
                new DisciplinePairs("electrical", "mechanical", 4)), result.byDisciplines());
        assertEquals(8, result.checked());
        assertEquals(0, result.skipped());
    }

    @Test
    void theToleranceAcceptsShallowOverlaps() throws Exception {
        ClashResult result = Engines.run(new ClashCalculation(), building(), Map.of("tolerance", "0.06"));
        assertEquals(List.of("W2", "D", "D"), result.listed().stream().map(Clash::second).toList());
        assertEquals(3, result.clashes());
    }

    @Test
    void smallTilesFindEveryClashOnceAndDisciplinesNarrowTheCheck() throws Exception {
        ClashResult whole = Engines.run(new ClashCalculation(), building(), Map.of());
        ClashResult tiled = Engines.run(new ClashCalculation(), building(), Map.of("tile", "1"));
        assertTrue(tiled.slices() > whole.slices(), tiled.slices() + " vs " + whole.slices());
        assertEquals(whole.listed(), tiled.listed());
        assertEquals(whole.clashes(), tiled.clashes());

        ClashResult electrical = Engines.run(new ClashCalculation(), building(),
                Map.of("disciplines", "electrical,mechanical", "limit", "1"));
        assertEquals(4, electrical.clashes());
        assertEquals(List.of(new Clash("L", "D", "electrical", "mechanical", 0.1)), electrical.listed());
    }

    @Test
    void badParametersAreNamed() {
        for (Map<String, String> bad : List.of(Map.of("tolerance", "-1"), Map.of("tolerance", "lots"),
                Map.of("disciplines", "acoustics"), Map.of("tile", "0"), Map.of("limit", "1000001"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Engines.run(new ClashCalculation(), building(), bad));
            String name = bad.keySet().iterator().next();
            assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
        }
    }
}
