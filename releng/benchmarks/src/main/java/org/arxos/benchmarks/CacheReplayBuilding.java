package org.arxos.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.arxos.api.cache.Cache;
import org.arxos.api.cache.CachedOperation;
import org.arxos.api.cache.ValueCodec;
import org.arxos.api.compress.Compressor;
import org.arxos.api.compute.Calculation;
import org.arxos.api.compute.CalculationRequest;
import org.arxos.api.compute.Calculations;
import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.GroupingStrategy;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.api.grouping.HierarchyView;
import org.arxos.api.render.RenderRequest;
import org.arxos.api.render.Renderer;
import org.arxos.api.selection.Capability;
import org.arxos.compute.internal.CalculationJobs;
import org.arxos.compute.internal.JobSettings;
import org.arxos.compute.local.internal.LocalComputeEngine;
import org.arxos.core.internal.FloorDrawings;
import org.arxos.core.internal.HierarchyFloorRendering;
import org.arxos.core.internal.PrefetchSettings;
import org.arxos.core.internal.TilePrefetch;
import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;

/**
 * A building as the server holds it between requests (the revision, each strategy's hierarchy grouped once and kept,
 * as {@code HierarchyViews} keeps them) and what answers each replayed request, through the cache while one is in
 * use, computed otherwise:
 * <ul>
 * <li>tiles by core's {@link HierarchyFloorRendering}, as the HTTP API draws them (operation {@code render.floor}),
 * with the real renderer and the kept spatial hierarchy; while a cache is in use, core's {@link TilePrefetch} draws
 * the tiles around each requested one ahead in the background, as in the server;
 * <li>hierarchy pages as the HTTP API writes them from a kept hierarchy (operation {@code hierarchy.page}; the JSON
 * is written here, since the endpoint is reached only over HTTP);
 * <li>calculations (issue 7's takeoff, clash, loads, egress, clearance) through the job service, {@code
 * org.arxos.compute}'s {@link Calculations}, on the local compute engine, as a server runs them: the service keeps
 * each result in the cache under {@code calc.<name>} with the revision's content hash, the calculation's version and
 * the parameters.
 * </ul>
 */
final class CacheReplayBuilding implements AutoCloseable {

    static final String TENANT = "bench";
    static final String BUILDING = "b";
    static final String TILE_FORMAT = "svg";

    private static final Map<String, String> STRATEGIES = Map.of(
            "spatial", "org.arxos.grouping.spatial.internal.SpatialGroupingStrategy",
            "system", "org.arxos.grouping.system.internal.SystemGroupingStrategy",
            "functional", "org.arxos.grouping.functional.internal.FunctionalGroupingStrategy");

    private static final ValueCodec<byte[]> BYTES = new ValueCodec<>() {
        @Override
        public byte[] encode(byte[] value) {
            return value;
        }

        @Override
        public byte[] decode(byte[] bytes) {
            return bytes;
        }
    };

    private static final CachedOperation<byte[]> PAGES = new CachedOperation<>("hierarchy.page", BYTES);
    private static final List<String> CALCULATIONS = List.of("takeoff", "clash", "loads", "egress", "clearance");
    /** Compute workers: one per core of the benchmark's machine. */
    private static final int ENGINE_WORKERS = 2;

    /** A room or corridor of a floor, where viewers go. */
    record Space(String floorId, Bounds bounds) {
    }

    private final Revision revision;
    private final Map<String, GroupingStrategy> strategies = new LinkedHashMap<>();
    private final Map<String, Hierarchy> hierarchies = new LinkedHashMap<>();
    private final Map<String, Bounds> extents = new LinkedHashMap<>();
    private final List<Space> spaces = new ArrayList<>();
    private final CacheBenchmarkSelector selector = new CacheBenchmarkSelector();
    private final FloorDrawings drawings;
    private final TilePrefetch prefetch;
    private final HierarchyFloorRendering rendering;
    private final LocalComputeEngine engine = new LocalComputeEngine(ENGINE_WORKERS);
    private final CalculationJobs jobs;
    private volatile CacheBenchmarkComputations cache;
    private volatile boolean drawAhead = true;
    /** The replaying thread's (answers are asked for one at a time). */
    private final ByteArrayOutputStream tileBuffer = new ByteArrayOutputStream(1 << 16);

    /** @param prefetch how core's tile prefetch is set (it draws ahead only while a cache is in use) */
    CacheReplayBuilding(Revision revision, PrefetchSettings prefetch) {
        this.revision = revision;
        for (String name : List.of("spatial", "system", "functional")) {
            GroupingStrategy strategy = DefaultComponent.create(STRATEGIES.get(name), GroupingStrategy.class);
            strategies.put(name, strategy);
            hierarchies.put(name, strategy.group(revision));
        }
        selector.with(Capability.GROUPING, "spatial", strategies.get("spatial"))
                .with(Capability.RENDERER, "svg-png",
                        DefaultComponent.create("org.arxos.render.internal.SvgPngRenderer", Renderer.class))
                .with(Capability.COMPRESSOR, "codec",
                        DefaultComponent.create("org.arxos.compress.internal.CodecCompressor", Compressor.class))
                .with(Capability.REPOSITORY, "replay", new CacheReplayRepository(TENANT, BUILDING, revision))
                .with(Capability.COMPUTE_ENGINE, "local", engine);
        for (String name : CALCULATIONS) {
            selector.with(Capability.CALCULATION, name, DefaultComponent.create("org.arxos.calculations.internal."
                    + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Calculation", Calculation.class));
        }
        jobs = new CalculationJobs(selector, JobSettings.defaults(), Clock.systemUTC());
        drawings = new FloorDrawings(selector, (tenant, building, kept, strategy) ->
                new HierarchyView(strategy, 1, hierarchies.get(strategy)));
        this.prefetch = new TilePrefetch(drawings, prefetch);
        this.rendering = new HierarchyFloorRendering(drawings, this.prefetch);
        revision.objects().filter(o -> o.type() == ObjectType.FLOOR).forEach(floor -> {
            try {
                extents.put(floor.id(), drawings.extent(revision, floor.id()));
            } catch (IllegalArgumentException nothingToDraw) {
                // a floor without footprints has no tiles
            }
        });
        revision.objects().filter(o -> o.type() == ObjectType.SPACE && o.footprint() != null).forEach(space -> {
            String floor = floorOf(space);
            if (extents.containsKey(floor)) {
                spaces.add(new Space(floor, space.footprint().bounds()));
            }
        });
    }

    /** The selector the cache gets its compressor from. */
    CacheBenchmarkSelector selector() {
        return selector;
    }

    /** The floors that have something to draw, with the part of the plan their tiles are cut from. */
    Map<String, Bounds> extents() {
        return extents;
    }

    /** The spaces with a footprint, in the revision's order. */
    List<Space> spaces() {
        return spaces;
    }

    Hierarchy hierarchy(String strategy) {
        return hierarchies.get(strategy);
    }

    /** Answers through this cache from now on; none (null): every answer is computed. */
    void useCache(Cache cache) {
        this.cache = cache == null ? null : new CacheBenchmarkComputations(cache);
        selector.useCache(this.cache);
    }

    /** Whether this thread's latest request through the cache was computed (a miss); false without a cache. */
    boolean computedAndReset() {
        CacheBenchmarkComputations current = cache;
        return current != null && current.computedAndReset();
    }

    /**
     * Whether tiles are asked for as the server's rendering does, which draws the tiles around them ahead (the
     * default), or from the drawings directly, which does not: for measuring one level's latency.
     */
    void drawAhead(boolean on) {
        drawAhead = on;
    }

    /** Tiles waiting to be drawn ahead or being drawn. */
    int prefetchPending() {
        return prefetch.pending();
    }

    /** Tiles not drawn ahead because the prefetch queue was full. */
    long prefetchDropped() {
        return prefetch.dropped();
    }

    @Override
    public void close() {
        prefetch.close();
        jobs.close();
        engine.close();
    }

    /** What the server answers the request with: a drawing's or a page's bytes, a calculation's result. */
    Object answer(CacheReplayRequest request) {
        if (request instanceof CacheReplayRequest.Tile tile && !drawAhead) {
            return drawings.draw(TENANT, BUILDING, revision, "spatial", tileRequest(tile)).bytes();
        }
        if (request instanceof CacheReplayRequest.Tile tile) {
            // one buffer for every tile, as a server writes into its response buffer: allocating and growing one per
            // request is no part of answering
            tileBuffer.reset();
            try {
                rendering.render(TENANT, BUILDING, revision, "spatial", tileRequest(tile), tileBuffer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return tileBuffer.toByteArray();
        }
        if (request instanceof CacheReplayRequest.Page page) {
            return PAGES.get(Optional.ofNullable(cache), PAGES.key(TENANT, BUILDING, revision.number(),
                    revision.contentHash(), page.strategy(), page.nodeId(), page.offset(), page.limit()),
                    () -> page(page));
        }
        return calculate((CacheReplayRequest.Calculation) request);
    }

    /** The bytes an answer is compared by: a calculation's result as text (records print every component). */
    static byte[] bytes(Object answer) {
        return answer instanceof byte[] bytes ? bytes : String.valueOf(answer).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Answers the request into the cache unless it is there, as the warming after an import does. A calculation is
     * run as a job of the lowest priority: the job service stores its result.
     */
    void warm(CacheReplayRequest request) {
        if (request instanceof CacheReplayRequest.Tile tile) {
            drawings.warm(TENANT, BUILDING, revision, "spatial", tileRequest(tile));
        } else if (request instanceof CacheReplayRequest.Calculation calculation) {
            jobs.run(new CalculationRequest(TENANT, BUILDING, revision.number(), calculation.calculation(),
                    calculation.parameters(), Integer.MIN_VALUE));
        } else {
            throw new IllegalArgumentException("hierarchy pages are not warmed: " + request);
        }
    }

    private RenderRequest tileRequest(CacheReplayRequest.Tile tile) {
        return tile.address().request(extents.get(tile.address().floorId()), TILE_FORMAT,
                RenderRequest.DEFAULT_MAX_ELEMENTS, RenderRequest.DEFAULT_MIN_PIXELS);
    }

    private byte[] page(CacheReplayRequest.Page page) {
        Hierarchy hierarchy = hierarchies.get(page.strategy());
        GroupNode node = hierarchy.node(page.nodeId()).orElseThrow();
        StringBuilder json = new StringBuilder(256 + 160 * page.limit());
        json.append("{\"building\":\"").append(BUILDING).append("\",\"revision\":").append(revision.number())
                .append(",\"strategy\":\"").append(page.strategy()).append("\",\"node\":");
        node(json, node).append(",\"parent\":");
        Optional<GroupNode> parent = hierarchy.parent(node.id());
        if (parent.isPresent()) {
            node(json, parent.get());
        } else {
            json.append("null");
        }
        json.append(",\"offset\":").append(page.offset()).append(",\"limit\":").append(page.limit())
                .append(",\"children\":[");
        List<GroupNode> children = hierarchy.children(node.id(), page.offset(), page.limit());
        for (int i = 0; i < children.size(); i++) {
            node(json.append(i == 0 ? "" : ","), children.get(i));
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder node(StringBuilder json, GroupNode node) {
        Bounds b = node.bounds();
        json.append("{\"id\":\"").append(node.id()).append("\",\"label\":\"").append(node.label())
                .append("\",\"kind\":\"").append(node.kind()).append("\",\"objectId\":")
                .append(node.objectId() == null ? "null" : "\"" + node.objectId() + "\"")
                .append(",\"childCount\":").append(node.childCount()).append(",\"objectCount\":")
                .append(node.objectCount());
        if (b != null) {
            json.append(String.format(Locale.ROOT, ",\"bounds\":[%.2f,%.2f,%.2f,%.2f]", b.minX(), b.minY(), b.maxX(),
                    b.maxY()));
        }
        return json.append('}');
    }

    private Serializable calculate(CacheReplayRequest.Calculation calculation) {
        return jobs.run(new CalculationRequest(TENANT, BUILDING, revision.number(), calculation.calculation(),
                calculation.parameters(), 0)).value();
    }

    /** The node of the floor in a hierarchy, looked for in its top two levels. */
    static Optional<String> floorNode(Hierarchy hierarchy, String floorId) {
        List<GroupNode> level = hierarchy.children(hierarchy.root().id(), 0, 100_000);
        for (int depth = 0; depth < 2; depth++) {
            List<GroupNode> next = new ArrayList<>();
            for (GroupNode node : level) {
                if (floorId.equals(node.objectId())) {
                    return Optional.of(node.id());
                }
                next.addAll(hierarchy.children(node.id(), 0, 100_000));
            }
            level = next;
        }
        return Optional.empty();
    }

    /** The floor an object is on, or null. */
    private String floorOf(BuildingObject object) {
        for (BuildingObject o = object; o != null; o = o.parentId() == null ? null : revision.get(o.parentId())) {
            if (o.type() == ObjectType.FLOOR) {
                return o.id();
            }
        }
        return null;
    }
}
