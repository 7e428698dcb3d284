package org.arxos.benchmarks;

import java.util.Map;

import org.arxos.api.render.TileAddress;

/** One request of the replayed use of a building, as a client sends it. */
sealed interface CacheReplayRequest {

    /** The kind of request, as the benchmark's tables name it. */
    String kind();

    /** A tile of a floor's pyramid, drawn as SVG: the format the HTTP API and the import warming draw by default. */
    record Tile(TileAddress address) implements CacheReplayRequest {
        @Override
        public String kind() {
            return "tile";
        }
    }

    /** A page of a node's children in a strategy's hierarchy, as {@code GET /api/buildings/{id}/hierarchy} sends it. */
    record Page(String strategy, String nodeId, int offset, int limit) implements CacheReplayRequest {
        @Override
        public String kind() {
            return "page";
        }
    }

    /**
     * A calculation of the building (issue 7's takeoff, clash, loads, egress or clearance) with the parameters the
     * viewer chose, run through the job service.
     */
    record Calculation(String calculation, Map<String, String> parameters) implements CacheReplayRequest {

        public Calculation {
            parameters = Map.copyOf(parameters);
        }

        @Override
        public String kind() {
            return "calculation";
        }
    }
}
