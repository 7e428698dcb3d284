package org.arxos.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.arxos.api.cache.Cache;
import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.CachedOperation;
import org.arxos.api.cache.ValueCodec;
import org.arxos.api.compress.Compressor;
import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.GroupingStrategy;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.api.grouping.HierarchyView;
import org.arxos.api.render.RenderRequest;
import org.arxos.api.render.Renderer;
import org.arxos.api.selection.Capability;
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
 * <li>calculations, whose stand-in is a fresh grouping of the whole building (operation {@code calc.grouping}).
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
    private static final CachedOperation<byte[]> CALCULATIONS = new CachedOperation<>("calc.grouping", BYTES);

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
    private volatile CacheBenchmarkComputations cache;
    private volatile boolean drawAhead = true;

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
                        DefaultComponent.create("org.arxos.compress.internal.CodecCompressor", Compressor.class));
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
    }

    /** What the server sends for the request. */
    byte[] answer(CacheReplayRequest request) {
        if (request instanceof CacheReplayRequest.Tile tile && !drawAhead) {
            return drawings.draw(TENANT, BUILDING, revision, "spatial", tileRequest(tile)).bytes();
        }
        if (request instanceof CacheReplayRequest.Tile tile) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                rendering.render(TENANT, BUILDING, revision, "spatial", tileRequest(tile), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
        if (request instanceof CacheReplayRequest.Page page) {
            return PAGES.get(Optional.ofNullable(cache), PAGES.key(TENANT, BUILDING, revision.number(),
                    revision.contentHash(), page.strategy(), page.nodeId(), page.offset(), page.limit()),
                    () -> page(page));
        }
        CacheReplayRequest.Calculation calculation = (CacheReplayRequest.Calculation) request;
        return CALCULATIONS.get(Optional.ofNullable(cache), calculationKey(calculation), () -> calculate(calculation));
    }

    private CacheKey calculationKey(CacheReplayRequest.Calculation calculation) {
        return CALCULATIONS.key(TENANT, BUILDING, revision.contentHash(), calculation.strategy(),
                calculation.floorId());
    }

    /** Answers the request into the cache unless it is there, as the warming after an import does. */
    void warm(CacheReplayRequest request) {
        if (request instanceof CacheReplayRequest.Tile tile) {
            drawings.warm(TENANT, BUILDING, revision, "spatial", tileRequest(tile));
        } else if (request instanceof CacheReplayRequest.Calculation calculation) {
            CALCULATIONS.warm(Optional.ofNullable(cache), calculationKey(calculation), () -> calculate(calculation));
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

    /** Groups the whole building afresh and lists the groups under the floor's node with their object counts. */
    private byte[] calculate(CacheReplayRequest.Calculation calculation) {
        Hierarchy grouped = strategies.get(calculation.strategy()).group(revision);
        String node = floorNode(grouped, calculation.floorId()).orElse(grouped.root().id());
        StringBuilder report = new StringBuilder("floor ").append(calculation.floorId()).append('\n');
        for (int offset = 0; offset < grouped.node(node).orElseThrow().childCount(); offset += 1_000) {
            for (GroupNode group : grouped.children(node, offset, 1_000)) {
                report.append(group.label()).append('\t').append(group.objectCount()).append('\n');
            }
        }
        return report.toString().getBytes(StandardCharsets.UTF_8);
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
