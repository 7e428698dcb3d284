package org.arxos.compress.delta.internal;

import java.util.Objects;

import org.arxos.model.BuildingObject;
import org.arxos.model.geometry.ElevationRange;
import org.arxos.model.geometry.Footprint;

/** Which half of a geometry change keeps what the object had in the base, so that it need not be written. */
final class GeometryFlags {

    static final int SAME_FOOTPRINT = 1;
    static final int SAME_ELEVATION = 2;

    private GeometryFlags() {
    }

    /** @param old the object in the base, or {@code null} when the base has no such object */
    static int of(BuildingObject old, Footprint footprint, ElevationRange elevation) {
        if (old == null) {
            return 0;
        }
        return (Objects.equals(old.footprint(), footprint) ? SAME_FOOTPRINT : 0)
                | (Objects.equals(old.elevation(), elevation) ? SAME_ELEVATION : 0);
    }
}
