package org.arxos.calculations;

import java.io.Serializable;
import java.util.List;

/**
 * Quantities of spaces and components, one row per group.
 *
 * @param groupBy the dimensions the rows are grouped by, in the order {@code floor, zone, system, kind}
 * @param rows    sorted by floor, zone, system, type and kind; a dimension not grouped by is {@code ""}
 * @param total   the sum of all rows, with every dimension {@code ""}
 */
public record TakeoffResult(List<String> groupBy, List<Row> rows, Row total) implements Serializable {

    private static final long serialVersionUID = 1L;

    public TakeoffResult {
        groupBy = List.copyOf(groupBy);
        rows = List.copyOf(rows);
    }

    /**
     * @param floor  the floor's id, or {@code ""} for objects on no floor
     * @param zone   the nearest enclosing zone's id, or {@code ""}
     * @param system the nearest enclosing system's id, or {@code ""}
     * @param type   {@code space} or {@code component}
     * @param kind   the objects' kind
     * @param count  objects in the group
     * @param length metres: polyline lengths, else the longer side of the footprint's bounds
     * @param area   square metres of footprint (polygon or bounds; 0 for polylines)
     * @param volume cubic metres: footprint area times elevation height
     */
    public record Row(String floor, String zone, String system, String type, String kind, long count, double length,
            double area, double volume) implements Serializable {

        private static final long serialVersionUID = 1L;
    }
}
