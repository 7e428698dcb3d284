package org.arxos.grouping.spatial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CellTest {

    @Test
    void aCellIsNamedFromTheOriginAndReadBackFromItsId() {
        Cell cell = Cell.containing(Cell.unit(49.5), Cell.unit(-27.25), 48);

        assertEquals("q48.12.-7", cell.address());
        assertEquals(4.0, cell.width());
        assertEquals(cell, Cell.ofClusterId("f3z2/" + cell.address()));
        assertEquals(cell, Cell.ofClusterId("b/building-wide/" + cell.address() + ".2.1"));
        assertTrue(Cell.isChunk("f3z2/q72.1.2.3"));
        assertFalse(Cell.isChunk("f3z2/q72.1.2"));
    }

    @Test
    void theSmallestCellOfTwoPositionsHoldsThemInDifferentSubCells() {
        long x1 = Cell.unit(1), y1 = Cell.unit(1), x2 = Cell.unit(3), y2 = Cell.unit(1);
        int level = Cell.commonLevel(x1 & x2, x1 | x2, y1 & y2, y1 | y2, 4);
        Cell cell = Cell.containing(x1, y1, level);

        assertTrue(cell.contains(x2, y2));
        assertTrue(Cell.subcell(x1, y1, level, 4) != Cell.subcell(x2, y2, level, 4));
        assertEquals("q48.0.0", cell.address());
    }

    @Test
    void clustersSortInMortonOrder() {
        List<String> ids = new ArrayList<>(List.of("z/q48.1.1", "z/q48.0.1", "z/q48.1.0", "z/q50.0.0"));

        ids.sort(Cell.CLUSTER_ORDER);

        // the x bit is the higher of each pair: (0, 1) before (1, 0)
        assertEquals(List.of("z/q50.0.0", "z/q48.0.1", "z/q48.1.0", "z/q48.1.1"), ids);
    }
}
