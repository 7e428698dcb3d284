package org.arxos.grouping.spatial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.junit.jupiter.api.Test;

/** Leaf clusters are runs of neighbouring sub-cells, filled up to the fan-out. */
class CellPackerTest {

    /** Packs at a fan-out of 4: the 32 m square at the origin splits into its four 16 m quarters. */
    private final CellPacker packer = new CellPacker(4, kept -> List.of());

    @Test
    void neighbouringSubcellsShareALeafUpToTheFanOut() {
        // quarters in Morton order: south-west (a), north-west (b, c), south-east (d), north-east (e)
        CellPacking packing = packer.pack(List.of(at("e", 17, 17), at("d", 17, 1), at("c", 2, 18), at("b", 1, 17),
                at("a", 1, 1)));

        assertEquals(List.of(), packing.members());
        assertEquals(2, packing.clusters().size());
        CellPacker.Cluster run = (CellPacker.Cluster) packing.clusters().get(0);
        assertEquals("q44.0.0", run.address(), "named after its first quarter");
        assertEquals(List.of("a", "b", "c", "d"), ids(run.members()));
        CellPacker.Cluster single = (CellPacker.Cluster) packing.clusters().get(1);
        assertEquals(Cell.containing(Cell.unit(17), Cell.unit(17), 72).address(), single.address(),
                "named after the smallest cell of its objects");
        assertEquals(List.of("e"), ids(single.members()));
    }

    @Test
    void aDividedSubcellEndsARun() {
        CellPacking packing = packer.pack(List.of(at("a", 1, 1), at("b1", 1, 17), at("b2", 9, 17), at("b3", 1, 25),
                at("b4", 9, 25), at("b5", 10, 26), at("d", 17, 1)));

        List<CellPacker.Part> parts = packing.clusters();
        assertEquals(3, parts.size());
        assertEquals(List.of("a"), ids(((CellPacker.Cluster) parts.get(0)).members()));
        CellPacker.Cluster divided = (CellPacker.Cluster) parts.get(1);
        assertEquals("q44.0.1", divided.address());
        assertEquals(List.of(), divided.members());
        // its 8 m quarters in Morton order hold b1, b3, b2 and b4 with b5
        assertEquals(2, divided.children().size());
        assertEquals(List.of("b1", "b3", "b2"), ids(((CellPacker.Cluster) divided.children().get(0)).members()));
        assertEquals(List.of("b4", "b5"), ids(((CellPacker.Cluster) divided.children().get(1)).members()));
        assertEquals(List.of("d"), ids(((CellPacker.Cluster) parts.get(2)).members()));
    }

    private static CellPacker.Placed at(String id, double x, double y) {
        BuildingObject object = new BuildingObject(id, ObjectType.COMPONENT, "sensor", null, null, null, null,
                Properties.EMPTY);
        return new CellPacker.Placed(Cell.unit(x), Cell.unit(y), object);
    }

    private static List<String> ids(List<BuildingObject> objects) {
        return objects.stream().map(BuildingObject::id).toList();
    }
}
