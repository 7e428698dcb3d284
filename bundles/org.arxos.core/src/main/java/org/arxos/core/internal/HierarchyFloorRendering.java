package org.arxos.core.internal;

import java.io.IOException;
import java.io.OutputStream;

import org.arxos.api.render.FloorRendering;
import org.arxos.api.render.RenderRequest;
import org.arxos.api.render.RenderedFloor;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Draws floors for every client: checks the request against the floor, takes the drawing from {@link FloorDrawings}
 * (the cache, or the serving renderer with the hierarchy of the asked-for strategy) and, when the request is a tile of
 * the floor's pyramid, has the tiles around it drawn ahead.
 */
@Component
public final class HierarchyFloorRendering implements FloorRendering {

    private final FloorDrawings drawings;
    private final TilePrefetch prefetch;

    @Activate
    public HierarchyFloorRendering(@Reference FloorDrawings drawings, @Reference TilePrefetch prefetch) {
        this.drawings = drawings;
        this.prefetch = prefetch;
    }

    @Override
    public Bounds extent(Revision revision, String floorId) {
        return drawings.extent(revision, floorId);
    }

    @Override
    public RenderedFloor render(String tenant, String buildingId, Revision revision, String strategy,
            RenderRequest request, OutputStream out) throws IOException {
        Bounds extent = extent(revision, request.floorId());
        if (!extent.intersects(request.viewport())) {
            throw new IllegalArgumentException("the viewport " + describe(request.viewport()) + " does not overlap floor '"
                    + request.floorId() + "', which covers " + describe(extent));
        }
        FloorDrawing drawing = drawings.draw(tenant, buildingId, revision, strategy, request);
        out.write(drawing.bytes());
        TilePyramid.tileOf(extent, request).ifPresent(
                tile -> prefetch.around(tenant, buildingId, revision, strategy, tile, request, extent));
        return drawing.floor();
    }

    private static String describe(Bounds b) {
        return "(" + b.minX() + ", " + b.minY() + ") to (" + b.maxX() + ", " + b.maxY() + ")";
    }
}
