package org.arxos.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.api.render.TileAddress;
import org.arxos.model.geometry.Bounds;

/**
 * A seeded stretch of use of one building as its server sees it, session after session. Most viewers come for one
 * space (a room, a plant room, a corridor): spaces are visited in proportion to 1 / rank of a seeded order (Zipf), so
 * a few are asked for often and most rarely. Such a viewer opens the space's floor whole, zooms towards the space a
 * level at a time until it fills about a tile, then looks around it: pans, zooms in or out, opens the hierarchy a
 * level at a time, runs a calculation of the building (a takeoff, clash detection, load roll-up, egress distances or
 * clearances; mostly with the default parameters). The other viewers (a fifth of the sessions) browse a
 * random floor: pan and zoom towards anywhere. A viewer's map client keeps what it has fetched during the session, so
 * the server sees each tile and page at most once per session: what repeats is what sessions share.
 *
 * <p>The requests come in steps: what one action of a viewer (opening a view, a pan, a zoom, opening a node, running
 * a calculation) asks for at once. A person takes seconds between actions, time in which the server's background
 * work (drawing tiles ahead, writing behind) runs.
 */
final class CacheReplayTrace {

    /** The viewer's window, in pixels: 4 x 3 tiles of 256. */
    private static final int VIEW_WIDTH = 1024;
    private static final int VIEW_HEIGHT = 768;
    private static final int START_ZOOM = 2;
    private static final int MAX_ZOOM = 7;
    private static final double BROWSING = 0.2;
    private static final int ACTIONS_AT_SPACE = 6;
    private static final int BROWSING_ACTIONS = 16;
    private static final int PAGE_LIMIT = 50;
    /** The calculations with their default parameters: what the warming after an import runs. */
    static final List<CacheReplayRequest.Calculation> STANDARD_CALCULATIONS = Stream.of("takeoff", "clash", "loads",
            "egress", "clearance").map(name -> new CacheReplayRequest.Calculation(name, Map.of())).toList();

    /** A calculation viewers run, and its share of the calculations they run. */
    private record Choice(double share, CacheReplayRequest.Calculation calculation) {
    }

    /** Mostly with the default parameters; some viewers change one. The shares add up to 1. */
    private static final List<Choice> CALCULATIONS = List.of(
            new Choice(0.25, new CacheReplayRequest.Calculation("takeoff", Map.of())),
            new Choice(0.10, new CacheReplayRequest.Calculation("takeoff", Map.of("groupBy", "floor,kind"))),
            new Choice(0.15, new CacheReplayRequest.Calculation("clash", Map.of())),
            new Choice(0.05, new CacheReplayRequest.Calculation("clash", Map.of("tolerance", "0.05"))),
            new Choice(0.10, new CacheReplayRequest.Calculation("loads", Map.of())),
            new Choice(0.15, new CacheReplayRequest.Calculation("egress", Map.of())),
            new Choice(0.12, new CacheReplayRequest.Calculation("clearance", Map.of())),
            new Choice(0.08, new CacheReplayRequest.Calculation("clearance", Map.of("distance", "1"))));

    private record Point(double x, double y) {
    }

    private final CacheReplayBuilding building;
    private final SplittableRandom random;
    private final List<CacheReplayBuilding.Space> spaces;
    private final double[] popularity;
    private final List<String> floors;
    private final Map<String, String> floorNodes = new HashMap<>();
    private final List<List<CacheReplayRequest>> steps = new ArrayList<>();

    private CacheReplayTrace(CacheReplayBuilding building, long seed) {
        this.building = building;
        this.random = new SplittableRandom(seed);
        this.floors = List.copyOf(building.extents().keySet());
        floors.forEach(floor -> floorNodes.put(floor,
                CacheReplayBuilding.floorNode(building.hierarchy("spatial"), floor).orElse(null)));
        List<CacheReplayBuilding.Space> ranked = new ArrayList<>(building.spaces());
        for (int i = ranked.size() - 1; i > 0; i--) {
            ranked.set(i, ranked.set(random.nextInt(i + 1), ranked.get(i)));
        }
        this.spaces = ranked;
        this.popularity = new double[ranked.size()];
        double total = 0;
        for (int rank = 0; rank < ranked.size(); rank++) {
            total += 1.0 / (rank + 1);
            popularity[rank] = total;
        }
        for (int rank = 0; rank < ranked.size(); rank++) {
            popularity[rank] /= total;
        }
    }

    /**
     * The steps of consecutive periods of {@code sessions} sessions each, one session after another; the spaces'
     * popularity is the same in every period. A step is the requests of one action of a viewer.
     */
    static List<List<List<CacheReplayRequest>>> generate(CacheReplayBuilding building, int periods, int sessions,
            long seed) {
        CacheReplayTrace trace = new CacheReplayTrace(building, seed);
        List<List<List<CacheReplayRequest>>> traces = new ArrayList<>();
        for (int period = 0; period < periods; period++) {
            for (int s = 0; s < sessions; s++) {
                if (trace.spaces.isEmpty() || trace.random.nextDouble() < BROWSING) {
                    trace.browse();
                } else {
                    trace.visit();
                }
            }
            traces.add(trace.steps.stream().filter(step -> !step.isEmpty()).map(List::copyOf).toList());
            trace.steps.clear();
        }
        return traces;
    }

    /** Goes to a space chosen by popularity and looks around it. */
    private void visit() {
        double pick = random.nextDouble();
        int rank = 0;
        while (rank < popularity.length - 1 && popularity[rank] < pick) {
            rank++;
        }
        CacheReplayBuilding.Space space = spaces.get(rank);
        Bounds room = space.bounds();
        Session session = new Session(space.floorId(), new Point((room.minX() + room.maxX()) / 2.0,
                (room.minY() + room.maxY()) / 2.0));
        session.view();
        int target = (int) Math.ceil(Math.log(session.side / Math.max(Math.max(room.width(), room.height()), 0.5))
                / Math.log(2));
        target = Math.max(START_ZOOM + 1, Math.min(MAX_ZOOM, target));
        while (session.zoom < target) {
            session.zoomIn();
        }
        session.x = session.focus.x();
        session.y = session.focus.y();
        session.view();
        for (int action = 0; action < ACTIONS_AT_SPACE; action++) {
            double p = random.nextDouble();
            if (p < 0.35) {
                session.pan(false);
            } else if (p < 0.45 && session.zoom < MAX_ZOOM) {
                session.zoomIn();
            } else if (p < 0.55) {
                session.zoomOut();
            } else if (p < 0.9) {
                session.openNode();
            } else {
                session.calculate();
            }
        }
    }

    /** Pans and zooms about a random floor towards a random point. */
    private void browse() {
        String floor = floors.get(random.nextInt(floors.size()));
        Bounds e = building.extents().get(floor);
        Session session = new Session(floor, new Point(e.minX() + random.nextDouble() * e.width(),
                e.minY() + random.nextDouble() * e.height()));
        session.view();
        for (int action = 0; action < BROWSING_ACTIONS; action++) {
            double p = random.nextDouble();
            if (p < 0.3 && session.zoom < MAX_ZOOM) {
                session.zoomIn();
            } else if (p < 0.4) {
                session.zoomOut();
            } else if (p < 0.85) {
                session.pan(random.nextBoolean());
            } else if (p < 0.97) {
                session.openNode();
            } else {
                session.calculate();
            }
        }
    }

    /** What one viewer sees and has fetched. */
    private final class Session {

        private final String floor;
        private final Bounds extent;
        private final double side;
        private final Point focus;
        private final Set<CacheReplayRequest> fetched = new HashSet<>();
        private final String strategy;
        private String node;
        private int zoom = START_ZOOM;
        private double x;
        private double y;

        Session(String floor, Point focus) {
            this.floor = floor;
            this.extent = building.extents().get(floor);
            this.side = Math.max(Math.max(extent.width(), extent.height()), 1e-3);
            this.focus = focus;
            double pick = random.nextDouble();
            this.strategy = pick < 0.7 ? "spatial" : pick < 0.9 ? "system" : "functional";
            String floorNode = strategy.equals("spatial") ? floorNodes.get(floor) : null;
            this.node = floorNode != null ? floorNode : building.hierarchy(strategy).root().id();
            this.x = (extent.minX() + extent.maxX()) / 2.0;
            this.y = (extent.minY() + extent.maxY()) / 2.0;
        }

        /** One level closer, half way towards the focus, as a mouse wheel over it does. */
        void zoomIn() {
            zoom++;
            x = (x + focus.x()) / 2;
            y = (y + focus.y()) / 2;
            view();
        }

        void zoomOut() {
            if (zoom > 0) {
                zoom--;
                view();
            }
        }

        /** One tile's width, towards the focus or in a random direction. */
        void pan(boolean towardsFocus) {
            double tile = side / (1 << zoom);
            double dx = focus.x() - x;
            double dy = focus.y() - y;
            if (towardsFocus && Math.hypot(dx, dy) > tile) {
                if (Math.abs(dx) > Math.abs(dy)) {
                    x += Math.signum(dx) * tile;
                } else {
                    y += Math.signum(dy) * tile;
                }
            } else {
                int direction = random.nextInt(4);
                x += direction == 0 ? tile : direction == 1 ? -tile : 0;
                y += direction == 2 ? tile : direction == 3 ? -tile : 0;
            }
            x = Math.max(extent.minX(), Math.min(extent.maxX(), x));
            y = Math.max(extent.minY(), Math.min(extent.maxY(), y));
            view();
        }

        /** The tiles in the window that show some of the floor. */
        void view() {
            step();
            int tiles = 1 << zoom;
            double tile = side / tiles;
            double halfWidth = VIEW_WIDTH / 2.0 / TileAddress.TILE_PIXELS * tile;
            double halfHeight = VIEW_HEIGHT / 2.0 / TileAddress.TILE_PIXELS * tile;
            int fromX = clamp((int) Math.floor((x - halfWidth - extent.minX()) / tile), tiles);
            int toX = clamp((int) Math.floor((x + halfWidth - extent.minX()) / tile), tiles);
            int fromY = clamp((int) Math.floor((extent.maxY() - y - halfHeight) / tile), tiles);
            int toY = clamp((int) Math.floor((extent.maxY() - y + halfHeight) / tile), tiles);
            for (int ty = fromY; ty <= toY; ty++) {
                for (int tx = fromX; tx <= toX; tx++) {
                    TileAddress address = new TileAddress(floor, zoom, tx, ty);
                    if (address.viewport(extent).intersects(extent)) {
                        request(new CacheReplayRequest.Tile(address));
                    }
                }
            }
        }

        /** Opens the current node's first page, then goes down to one of its children that has children. */
        void openNode() {
            step();
            Hierarchy hierarchy = building.hierarchy(strategy);
            request(new CacheReplayRequest.Page(strategy, node, 0, PAGE_LIMIT));
            List<GroupNode> deeper = hierarchy.children(node, 0, PAGE_LIMIT).stream()
                    .filter(child -> child.childCount() > 0).toList();
            if (deeper.isEmpty()) {
                node = hierarchy.parent(node).map(GroupNode::id).orElse(node);
            } else {
                // the first entries of a list are opened more often than the last
                node = deeper.get(Math.min(random.nextInt(deeper.size()), random.nextInt(deeper.size()))).id();
            }
        }

        void calculate() {
            step();
            double pick = random.nextDouble();
            int i = 0;
            while (i < CALCULATIONS.size() - 1 && pick >= CALCULATIONS.get(i).share()) {
                pick -= CALCULATIONS.get(i).share();
                i++;
            }
            request(CALCULATIONS.get(i).calculation());
        }

        /** Begins the requests of a new action. */
        private void step() {
            if (steps.isEmpty() || !steps.get(steps.size() - 1).isEmpty()) {
                steps.add(new ArrayList<>());
            }
        }

        private void request(CacheReplayRequest request) {
            if (fetched.add(request)) {
                steps.get(steps.size() - 1).add(request);
            }
        }
    }

    private static int clamp(int tile, int tiles) {
        return Math.max(0, Math.min(tiles - 1, tile));
    }
}
