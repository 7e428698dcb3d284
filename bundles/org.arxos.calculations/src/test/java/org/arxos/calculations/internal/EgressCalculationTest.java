package org.arxos.calculations.internal;

import static org.arxos.calculations.internal.Model.box;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.arxos.calculations.EgressResult;
import org.arxos.calculations.EgressResult.Space;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.grouping.testing.SharedIfcFiles;
import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;
import org.arxos.model.geometry.ElevationRange;
import org.junit.jupiter.api.Test;

class EgressCalculationTest {

    /**
     * Floor f1 (the entrance floor, no doors: spaces join along shared walls). Stair ST (0,0)-(2,4), centre (1,2), is
     * the exit. Corridor CO (2,0)-(12,2), centre (7,1); rooms R1 (2,2)-(6,6), centre (4,4), and R2 (6,2)-(12,6),
     * centre (9,4); IS (20,20)-(22,22) touches nothing. Openings at the middle of each shared wall: ST-CO (2,1),
     * ST-R1 (2,3), CO-R1 (4,2), CO-R2 (9,2), R1-R2 (6,4).
     *
     * <p>By hand: CO = |(1,2)-(2,1)| + |(2,1)-(7,1)| = sqrt 2 + 5 = 6.414 (1 opening); R1 = sqrt 2 + |(2,3)-(4,4)| =
     * 1.414 + 2.236 = 3.650 (1); R2 through R1 = sqrt 2 + |(2,3)-(6,4)| + 3 = 1.414 + 4.123 + 3 = 8.537 (2), shorter
     * than through the corridor (sqrt 2 + |(2,1)-(9,2)| + 2 = 10.485); ST = 0; IS has no route.
     *
     * <p>Floor f2 (doors): A (0,0)-(4,4) and B (4.2,0)-(8,4) with door D1 (3.95,1.5)-(4.25,2.5) between them, a stair
     * component SC (0.5,0.5)-(1.5,1.5) in A, an exit door E (8,1)-(8.3,2) out of B, and C (0,4.2)-(4,8) with no door.
     * A = |(2,2)-(1,1)| = 1.414 to SC; B, centre (6.1,2), = |(6.1,2)-(8.15,1.5)| = 2.110 to E, shorter than through
     * D1 to SC (2 + |(4.1,2)-(1,1)| = 5.257); C has no route.
     *
     * <p>Floor f3 starts at 7 m, where SC (3.5 to 7 m) leads: SC is an exit there too. Space U (0,0)-(3,3), centre
     * (1.5,1.5), is |(1.5,1.5)-(1,1)| = 0.707 from it.
     */
    static Revision building() {
        Model m = Model.building().floor("f1", 0, 3.5f)
                .space("ST", "f1", "stair", 0, 0, 2, 4)
                .space("CO", "f1", "corridor", 2, 0, 12, 2)
                .space("R1", "f1", "office", 2, 2, 6, 6)
                .space("R2", "f1", "office", 6, 2, 12, 6)
                .space("IS", "f1", "office", 20, 20, 22, 22)
                .floor("f2", 3.5f, 7)
                .space("A", "f2", "space", 0, 0, 4, 4)
                .space("B", "f2", "space", 4.2f, 0, 8, 4)
                .space("C", "f2", "space", 0, 4.2f, 4, 8)
                .component("D1", "f2", "ifcdoor", box(3.95f, 1.5f, 4.25f, 2.5f), 3.5f, 5.5f)
                .component("SC", "f2", "ifcstair", box(0.5f, 0.5f, 1.5f, 1.5f), 3.5f, 7);
        m.floor("f3", 7, 10.5f).space("U", "f3", "space", 0, 0, 3, 3);
        m.add(new BuildingObject("E", ObjectType.COMPONENT, "ifcdoor", "f2", null, box(8, 1, 8.3f, 2),
                new ElevationRange(3.5f, 5.5f), Properties.of("exit", PropertyValue.of(true))));
        return m.revision();
    }

    @Test
    void shortestWalksToTheExitsOfEachFloor() throws Exception {
        EgressResult result = Engines.run(new EgressCalculation(), building(), Map.of());
        assertEquals(List.of(new Space("CO", "f1", 6.414, "ST", 1), new Space("IS", "f1", null, null, 0),
                new Space("R1", "f1", 3.65, "ST", 1), new Space("R2", "f1", 8.537, "ST", 2),
                new Space("ST", "f1", 0.0, "ST", 0),
                new Space("A", "f2", 1.414, "SC", 0), new Space("B", "f2", 2.11, "E", 0),
                new Space("C", "f2", null, null, 0), new Space("U", "f3", 0.707, "SC", 0)), result.spaces());
        assertEquals(7, result.reachable());
        assertEquals(2, result.unreachable());
        assertEquals(8.537, result.longest());
    }

    @Test
    void adjacencyCanBeAskedForWhereThereAreDoorsAndTheOpeningWidthCounts() throws Exception {
        // f2 by adjacency: the 0.2 m wall gaps are within a reach of 0.3, so C joins A and B joins A without D1
        EgressResult adjacency = Engines.run(new EgressCalculation(), building(), Map.of("graph", "adjacency"));
        Space c = adjacency.spaces().stream().filter(s -> s.space().equals("C")).findFirst().orElseThrow();
        assertEquals("SC", c.exit());
        assertEquals(1, c.openings());
        // walls shorter than the opening width join nothing: on f1 every opening is 2 to 6 m long
        EgressResult wide = Engines.run(new EgressCalculation(), building(), Map.of("opening", "6.5"));
        assertEquals(List.of("ST"), wide.spaces().stream().filter(s -> s.floor().equals("f1") && s.distance() != null)
                .map(Space::space).toList());
    }

    @Test
    void everySpaceOfAGeneratedBuildingReachesAStair() throws Exception {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(9, 20_000));
        EgressResult result = Engines.run(new EgressCalculation(), revision, Map.of());
        long spaces = revision.objects().filter(o -> o.type() == ObjectType.SPACE).count();
        assertEquals(spaces, result.spaces().size());
        assertEquals(0, result.unreachable(), () -> result.spaces().stream().filter(s -> s.distance() == null)
                .map(Space::space).toList().toString());
        assertTrue(result.longest() > 10 && result.longest() < 500, "longest " + result.longest());
        assertTrue(result.spaces().stream().allMatch(s -> s.exit().contains("s")), "exits are stair spaces");
    }

    @Test
    void onTheSharedFilesStairsServeTheStoreysTheyLeadTo() throws Exception {
        // FZK-Haus: the stair stands on the ground floor and rises 3.56 m, past the attic's 2.7 m: all 7 spaces
        EgressResult haus = Engines.run(new EgressCalculation(),
                SharedIfcFiles.read(SharedIfcFiles.file("AC20-FZK-Haus.ifc")), Map.of());
        assertEquals(7, haus.reachable());
        assertEquals(0, haus.unreachable());
        // duplex: two flights of 3.05 m reach Level 2 at 3.1 m; the roof's space R301 has no stair
        Revision duplex = SharedIfcFiles.read(SharedIfcFiles.file("duplex.ifc"));
        EgressResult result = Engines.run(new EgressCalculation(), duplex, Map.of());
        assertEquals(List.of("R301"), result.spaces().stream().filter(s -> s.distance() == null)
                .map(s -> duplex.get(s.space()).name()).toList());
        assertEquals(20, result.reachable());
    }

    @Test
    void badParametersAreNamed() {
        for (Map<String, String> bad : List.of(Map.of("graph", "stairs"), Map.of("reach", "-0.1"),
                Map.of("opening", "wide"), Map.of("exits", "doors"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Engines.run(new EgressCalculation(), building(), bad));
            String name = bad.keySet().iterator().next();
            assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
        }
    }
}
