package org.arxos.benchmarks;

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
     * A calculation for a floor. Until the calculations of issue 7 exist, a fresh grouping of the whole building by a
     * strategy stands in for one (the expensive operation that exists), reported for the floor: the groups under the
     * floor's node, or the top-level groups where the strategy does not group by floor.
     */
    record Calculation(String strategy, String floorId) implements CacheReplayRequest {
        @Override
        public String kind() {
            return "calculation";
        }
    }
}
