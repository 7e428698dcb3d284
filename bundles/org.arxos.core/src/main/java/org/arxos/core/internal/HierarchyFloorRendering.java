package org.arxos.core.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.arxos.api.grouping.HierarchyView;
import org.arxos.api.grouping.HierarchyViews;
import org.arxos.api.render.FloorRendering;
import org.arxos.api.render.RenderRequest;
import org.arxos.api.render.RenderResult;
import org.arxos.api.render.RenderedFloor;
import org.arxos.api.render.Renderer;
import org.arxos.api.selection.CallGuard;
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
 * Renders with the hierarchy of the asked-for (or serving) grouping strategy and the serving renderer. A floor's
 * extent is its footprint where it has one, so its tile pyramid stays put while objects are edited; otherwise the
 * union of the footprints of everything on it, found once per revision and floor.
 */
@Component
public final class HierarchyFloorRendering implements FloorRendering {

    private static final int EXTENTS_KEPT = 256;

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
    public HierarchyFloorRendering(@Reference ImplementationSelector selector, @Reference HierarchyViews views) {
        this.selector = selector;
        this.views = views;
    }

    @Override
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

    @Override
    public RenderedFloor render(String tenant, String buildingId, Revision revision, String strategy,
            RenderRequest request, OutputStream out) throws IOException {
        Bounds extent = extent(revision, request.floorId());
        if (!extent.intersects(request.viewport())) {
            throw new IllegalArgumentException("the viewport " + describe(request.viewport()) + " does not overlap floor '"
                    + request.floorId() + "', which covers " + describe(extent));
        }
        HierarchyView view = views.view(tenant, buildingId, revision, strategy);
        // Drawn into memory first: a renderer that fails half way must not leave half a drawing for the next to
        // append to. Drawings are bounded by the element cap, so this is a few megabytes at most.
        // The renderer refuses a format it does not draw (IllegalArgumentException, per the SPI): the client's error.
        Served<Drawing> served = selector.call(Renderer.class, null, (renderer, implementation) -> {
            ByteArrayOutputStream drawing = new ByteArrayOutputStream(1 << 16);
            return new Drawing(renderer.render(revision, view.hierarchy(), request, drawing), drawing);
        }, CallGuard.<Drawing>validating(d -> d.result() == null ? Optional.of("returned no render result")
                : Optional.empty()).answering(IllegalArgumentException.class));
        served.value().bytes().writeTo(out);
        return new RenderedFloor(view.strategy(), view.implementation(), served.implementation().name(),
                served.implementation().serviceId(), served.value().result());
    }

    private record Drawing(RenderResult result, ByteArrayOutputStream bytes) {
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

    private static String describe(Bounds b) {
        return "(" + b.minX() + ", " + b.minY() + ") to (" + b.maxX() + ", " + b.maxY() + ")";
    }
}
