package org.arxos.api.render;

import java.io.IOException;
import java.io.OutputStream;

import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Draws floors of stored buildings for every client (REST, tiles, shell): takes the hierarchy from the grouping
 * strategy asked for (or the serving one) and the renderer serving now, and checks the request against the floor.
 */
@ProviderType
public interface FloorRendering {

    /**
     * The part of the plan a floor covers: its own footprint, or else the extent of everything on it. Tiles are cut
     * from it (see {@link TileAddress}).
     *
     * @throws IllegalArgumentException naming the id when it is not a floor of the revision or nothing on it has a
     *                                  footprint
     */
    Bounds extent(Revision revision, String floorId);

    /**
     * Draws the request into {@code out}.
     *
     * @param strategy the grouping strategy's name, or {@code null} for the serving one
     * @throws IllegalArgumentException naming the problem when the floor is unknown, the viewport misses the floor,
     *                                  the format is not drawn or the drawing would be too large; nothing was written
     * @throws org.arxos.api.grouping.UnknownStrategyException when no strategy of that name runs
     */
    RenderedFloor render(String tenant, String buildingId, Revision revision, String strategy, RenderRequest request,
            OutputStream out) throws IOException;
}
