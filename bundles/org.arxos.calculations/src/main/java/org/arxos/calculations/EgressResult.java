package org.arxos.calculations;

import java.io.Serializable;
import java.util.List;

/**
 * The shortest walking distance from every space to an exit of its floor.
 *
 * @param graph       how spaces were joined: {@code doors}, {@code adjacency} or {@code auto} (per floor)
 * @param reachable   spaces with a route to an exit
 * @param unreachable spaces without one
 * @param longest     the longest of the shortest distances, metres (0 when no space reaches an exit)
 * @param spaces      every space on a floor, by floor (elevation, then id) and then space id
 */
public record EgressResult(String graph, int reachable, int unreachable, double longest, List<Space> spaces)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public EgressResult {
        spaces = List.copyOf(spaces);
    }

    /**
     * @param space    the space's id
     * @param floor    its floor's id
     * @param distance metres from the space's centre to the exit, to the millimetre; {@code null} when no exit is
     *                 reachable
     * @param exit     the exit reached (a stair or exit space, a stair component or an exit door), or {@code null}
     * @param openings the doors or openings passed through on the way
     */
    public record Space(String space, String floor, Double distance, String exit, int openings)
            implements Serializable {

        private static final long serialVersionUID = 1L;
    }
}
