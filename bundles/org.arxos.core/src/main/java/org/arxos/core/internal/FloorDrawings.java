package org.arxos.core.internal;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.arxos.api.cache.Cache;
import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.CachedOperation;
import org.arxos.api.grouping.HierarchyView;
import org.arxos.api.grouping.HierarchyViews;
import org.arxos.api.render.RenderRequest;
import org.arxos.api.render.RenderResult;
import org.arxos.api.render.RenderedFloor;
import org.arxos.api.render.Renderer;
import org.arxos.api.selection.CallGuard;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.Implementation;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.api.selection.Served;
import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Drawings of floors with the hierarchy of the asked-for (or serving) grouping strategy and the serving renderer,
 * through the cache when one runs. A drawing is keyed by everything its bytes depend on: the revision's content hash,
 * the strategy and the renderer (name and service id, so an instance swapped for another misses) and the whole
 * request. The instances are those the selector will call first; should another one answer (the first failed), the
 * entry is dropped again, so the key never serves another instance's drawing.
 *
 * <p>A floor's extent is its footprint where it has one, so its tile pyramid stays put while objects are edited;
 * otherwise the union of the footprints of everything on it, found once per revision and floor.
 */
@Component(service = FloorDrawings.class)
public final class FloorDrawings {

    static final CachedOperation<FloorDrawing> DRAWINGS = new CachedOperation<>("render.floor", FloorDrawing.CODEC);

    private static final int EXTENTS_KEPT = 256;

    /** The grouping strategy and the renderer expected to draw a request. */
    private record Makers(Implementation strategy, Implementation renderer) {

        boolean made(RenderedFloor floor) {
            return floor.strategyImplementation() == strategy.serviceId() && floor.strategy().equals(strategy.name())
                    && floor.rendererImplementation() == renderer.serviceId()
                    && floor.renderer().equals(renderer.name());
        }
    }

    private final ImplementationSelector selector;
    private final HierarchyViews views;
    private final Map<String, Bounds> extents = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bounds> eldest) {
            return size() > EXTENTS_KEPT;
        }
    };

    @Activate
    public FloorDrawings(@Reference ImplementationSelector selector, @Reference HierarchyViews views) {
        this.selector = selector;
        this.views = views;
    }

    /** @see org.arxos.api.render.FloorRendering#extent */
    public Bounds extent(Revision revision, String floorId) {
        BuildingObject floor = floor(revision, floorId);
        if (floor.footprint() != null) {
            return floor.footprint().bounds();
        }
        String key = revision.contentHash() + "/" + floorId;
        synchronized (extents) {
            Bounds known = extents.get(key);
            if (known != null) {
                return known;
            }
        }
        Bounds extent = null;
        for (BuildingObject o : (Iterable<BuildingObject>) revision.objects()::iterator) {
            if (o.footprint() != null && onFloor(revision, o, floorId)) {
                extent = extent == null ? o.footprint().bounds() : extent.union(o.footprint().bounds());
            }
        }
        if (extent == null) {
            throw new IllegalArgumentException("floor '" + floorId + "' has nothing with a footprint to draw");
        }
        synchronized (extents) {
            extents.put(key, extent);
        }
        return extent;
    }

    /**
     * The drawing of a request, from the cache or drawn now.
     *
     * @param strategy the grouping strategy's name, or {@code null} for the serving one
     * @throws IllegalArgumentException when the renderer refuses the request (the format, the size)
     */
    public FloorDrawing draw(String tenant, String buildingId, Revision revision, String strategy,
            RenderRequest request) {
        Optional<Makers> makers = makers(strategy);
        if (makers.isEmpty()) {
            return drawNow(tenant, buildingId, revision, strategy, request);
        }
        Optional<Cache> cache = selector.select(Cache.class);
        CacheKey key = key(tenant, buildingId, revision, makers.get(), request);
        FloorDrawing drawing = DRAWINGS.get(cache, key,
                () -> drawNow(tenant, buildingId, revision, strategy, request));
        if (!makers.get().made(drawing.floor())) {
            cache.ifPresent(c -> c.invalidate(key.toString()));
        }
        return drawing;
    }

    /** Draws the request into the cache unless it is there already; without a cache nothing is drawn. */
    public void warm(String tenant, String buildingId, Revision revision, String strategy, RenderRequest request) {
        Optional<Cache> cache = selector.select(Cache.class);
        Optional<Makers> makers = makers(strategy);
        if (cache.isPresent() && makers.isPresent()) {
            CacheKey key = key(tenant, buildingId, revision, makers.get(), request);
            DRAWINGS.warm(cache, key, () -> drawNow(tenant, buildingId, revision, strategy, request));
        }
    }

    private static CacheKey key(String tenant, String buildingId, Revision revision, Makers makers,
            RenderRequest request) {
        Bounds viewport = request.viewport();
        // the request by its components: a record's toString formats them, which took a third of a cached tile's time
        return DRAWINGS.key(tenant, buildingId, revision.contentHash(), makers.strategy().name(),
                makers.strategy().serviceId(), makers.renderer().name(), makers.renderer().serviceId(),
                request.floorId(), viewport.minX(), viewport.minY(), viewport.maxX(), viewport.maxY(), request.scale(),
                request.format(), request.maxElements(), request.minPixels());
    }

    /** The instances the selector calls first, or empty when a strategy or the renderer is missing. */
    private Optional<Makers> makers(String strategy) {
        return firstCalled(selector.capability(Capability.GROUPING), strategy).flatMap(
                grouping -> firstCalled(selector.capability(Capability.RENDERER), null)
                        .map(renderer -> new Makers(grouping, renderer)));
    }

    /** The named implementation (empty when none has the name: the call will say so), else the serving one. */
    private static Optional<Implementation> firstCalled(CapabilityStatus status, String asked) {
        String name = asked != null ? asked : status.serving();
        return status.implementations().stream().filter(i -> i.name().equals(name)).findFirst();
    }

    private FloorDrawing drawNow(String tenant, String buildingId, Revision revision, String strategy,
            RenderRequest request) {
        HierarchyView view = views.view(tenant, buildingId, revision, strategy);
        // Drawn into memory first: a renderer that fails half way must not leave half a drawing for the next to
        // append to. Drawings are bounded by the element cap, so this is a few megabytes at most.
        // The renderer refuses a format it does not draw (IllegalArgumentException, per the SPI): the client's error.
        Served<Drawn> served = selector.call(Renderer.class, null, (renderer, implementation) -> {
            ByteArrayOutputStream drawing = new ByteArrayOutputStream(1 << 16);
            return new Drawn(renderer.render(revision, view.hierarchy(), request, drawing), drawing);
        }, CallGuard.<Drawn>validating(d -> d.result() == null ? Optional.of("returned no render result")
                : Optional.empty()).answering(IllegalArgumentException.class));
        return new FloorDrawing(new RenderedFloor(view.strategy(), view.implementation(),
                served.implementation().name(), served.implementation().serviceId(), served.value().result()),
                served.value().bytes().toByteArray());
    }

    private record Drawn(RenderResult result, ByteArrayOutputStream bytes) {
    }

    private static BuildingObject floor(Revision revision, String floorId) {
        BuildingObject floor = revision.find(floorId).orElseThrow(() -> new IllegalArgumentException(
                "revision " + revision.number() + " has no floor '" + floorId + "'"));
        if (floor.type() != ObjectType.FLOOR) {
            throw new IllegalArgumentException("'" + floorId + "' is a " + floor.type().id() + ", not a floor");
        }
        return floor;
    }

    private static boolean onFloor(Revision revision, BuildingObject object, String floorId) {
        for (BuildingObject o = object; o != null; o = o.parentId() == null ? null : revision.get(o.parentId())) {
            if (o.id().equals(floorId)) {
                return true;
            }
        }
        return false;
    }
}
