package org.arxos.compress.delta.internal;

import java.util.List;
import java.util.Objects;

import org.arxos.model.BuildingObject;
import org.arxos.model.Connection;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;

/**
 * The base object an added object is coded as a copy of: a sibling of the same type and kind, the nearest one with
 * the same elevation and properties if there is one. Copying beside an existing object is the commonest way objects
 * are added, so most of what an added object holds is then the template's, and its footprint a small shift.
 */
final class Templates {

    /** Siblings looked at: enough for any system or space, bounded for a floor with thousands of objects. */
    private static final int MAX_CANDIDATES = 512;
    private static final double DIFFERENT_VALUES = 1e12;

    private Templates() {
    }

    /** The template for {@code added}; {@code null} when its parent has no child of its type and kind in the base. */
    static BuildingObject siblingLike(Revision base, BuildingObject added) {
        if (added.parentId() == null) {
            return null;
        }
        List<BuildingObject> siblings = base.children(added.parentId());
        BuildingObject best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int i = 0; i < siblings.size() && i < MAX_CANDIDATES; i++) {
            BuildingObject s = siblings.get(i);
            if (s.type() != added.type() || !s.kind().equals(added.kind())) {
                continue;
            }
            double score = distance(s, added)
                    + (Objects.equals(s.elevation(), added.elevation()) ? 0 : DIFFERENT_VALUES)
                    + (s.properties().equals(added.properties()) ? 0 : DIFFERENT_VALUES);
            if (score < bestScore) {
                best = s;
                bestScore = score;
            }
        }
        return best;
    }

    /** The connection feeding {@code objectId} in the base (the first by id that ends there), or {@code null}. */
    static Connection feedOf(Revision base, String objectId) {
        Connection feed = null;
        for (Connection c : base.connectionsOf(objectId)) {
            if (c.toId().equals(objectId) && (feed == null || c.id().compareTo(feed.id()) < 0)) {
                feed = c;
            }
        }
        return feed;
    }

    private static double distance(BuildingObject a, BuildingObject b) {
        if (a.footprint() == null || b.footprint() == null) {
            return a.footprint() == b.footprint() ? 0 : DIFFERENT_VALUES;
        }
        Bounds p = a.footprint().bounds();
        Bounds q = b.footprint().bounds();
        return Math.abs((double) p.minX() - q.minX()) + Math.abs((double) p.minY() - q.minY());
    }
}
