package org.arxos.calculations;

import java.io.Serializable;
import java.util.List;

/**
 * Every pair of components closer than the clearance distance in 3D (footprint outlines extruded over their elevation
 * ranges; touching or overlapping pairs are at distance 0).
 *
 * @param distance      the clearance distance in metres
 * @param tile          the tile size in metres the floors were split by
 * @param checked       components with a footprint and an elevation range
 * @param skipped       components left out for lack of geometry
 * @param slices        the floor and tile slices the search was split into
 * @param pairs         all pairs closer than the distance
 * @param byDisciplines pairs per pair of disciplines, sorted
 * @param closest       the closest pairs, at most {@code limit}, by distance, then in the revision's order
 */
public record ClearanceResult(double distance, double tile, long checked, long skipped, int slices, long pairs,
        List<DisciplinePairs> byDisciplines, List<Pair> closest) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ClearanceResult {
        byDisciplines = List.copyOf(byDisciplines);
        closest = List.copyOf(closest);
    }

    /**
     * @param first    the component that comes first in the revision's depth-first order
     * @param second   the other component
     * @param distance metres between them, to 0.1 mm
     */
    public record Pair(String first, String second, double distance) implements Serializable {

        private static final long serialVersionUID = 1L;
    }
}
