package org.arxos.calculations;

import java.io.Serializable;
import java.util.List;

/**
 * Components of different disciplines whose boxes overlap by more than the tolerance on every axis (and whose
 * outlines intersect where they have polygons or polylines).
 *
 * @param tolerance     metres of overlap on each axis that are accepted
 * @param checked       components with a footprint and an elevation range
 * @param skipped       components left out for lack of geometry
 * @param slices        the floor and tile slices the search was split into
 * @param clashes       all clashes found
 * @param byDisciplines clashes per pair of disciplines, sorted
 * @param listed        the deepest clashes, at most {@code limit}, deepest first, then in the revision's order
 */
public record ClashResult(double tolerance, long checked, long skipped, int slices, long clashes,
        List<DisciplinePairs> byDisciplines, List<Clash> listed) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ClashResult {
        byDisciplines = List.copyOf(byDisciplines);
        listed = List.copyOf(listed);
    }

    /**
     * @param first            the component that comes first in the revision's depth-first order
     * @param second           the other component
     * @param firstDiscipline  the first's discipline
     * @param secondDiscipline the second's discipline
     * @param depth            metres, to 0.1 mm: the smallest overlap over the three axes
     */
    public record Clash(String first, String second, String firstDiscipline, String secondDiscipline, double depth)
            implements Serializable {

        private static final long serialVersionUID = 1L;
    }
}
