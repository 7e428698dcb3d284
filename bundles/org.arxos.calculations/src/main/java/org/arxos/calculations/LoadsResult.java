package org.arxos.calculations;

import java.io.Serializable;
import java.util.List;

/**
 * Loads summed along connections, one roll-up per medium (connection kind).
 *
 * @param media the roll-ups in the order the media were asked for
 */
public record LoadsResult(List<Medium> media) implements Serializable {

    private static final long serialVersionUID = 1L;

    public LoadsResult {
        media = List.copyOf(media);
    }

    /**
     * @param kind     the connection kind followed ({@code power}, {@code air}, {@code water})
     * @param property the component property read as the load
     * @param unit     its unit, or {@code ""} when no component has one
     * @param total    the sum over the sources
     * @param sources  objects that feed others and are fed by none, by id
     * @param nodes    every object that feeds others (panels, circuits, risers, VAV boxes, branches), by id
     * @param cycles   groups of objects that feed each other in a circle, each sorted, sorted by first id; their
     *                 loads are summed once per group, never looped on
     * @param orphans  objects with a load that no connection of this kind reaches, by id
     */
    public record Medium(String kind, String property, String unit, double total, List<Node> sources,
            List<Node> nodes, List<List<String>> cycles, List<String> orphans) implements Serializable {

        private static final long serialVersionUID = 1L;

        public Medium {
            sources = List.copyOf(sources);
            nodes = List.copyOf(nodes);
            cycles = cycles.stream().map(List::copyOf).toList();
            orphans = List.copyOf(orphans);
        }
    }

    /**
     * @param id         the object
     * @param kind       its kind
     * @param total      the sum of the totals of the objects it feeds (for an object that feeds nothing, its own
     *                   load); an object fed from two places counts in both
     * @param declared   its own load property, or {@code null} when it has none; not added to the total when it
     *                   feeds others (a VAV box's declared airflow is compared with its terminals' sum this way)
     * @param downstream the number of objects it feeds, directly or not
     */
    public record Node(String id, String kind, double total, Double declared, int downstream) implements Serializable {

        private static final long serialVersionUID = 1L;
    }
}
