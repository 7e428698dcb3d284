package org.arxos.grouping.spatial.internal;

import java.util.Comparator;

import org.arxos.model.BuildingObject;
import org.arxos.model.Revision;

/**
 * The order of a group's child groups: floors and zones first, from the lowest (by the bottom of their elevation, those
 * without last) and then by id; then clusters, in Morton order of their cells; then the group of objects without a
 * footprint; then the building-wide group.
 */
final class ChildOrder implements Comparator<String> {

    private final Revision revision;

    ChildOrder(Revision revision) {
        this.revision = revision;
    }

    @Override
    public int compare(String a, String b) {
        int byRank = Integer.compare(rank(a), rank(b));
        if (byRank != 0 || rank(a) > 1) {
            return byRank;
        }
        if (rank(a) == 1) {
            return Cell.CLUSTER_ORDER.compare(a, b);
        }
        int byElevation = Float.compare(bottom(revision.get(a)), bottom(revision.get(b)));
        return byElevation != 0 ? byElevation : a.compareTo(b);
    }

    private static int rank(String groupId) {
        if (groupId.indexOf('/') < 0) {
            return 0;
        }
        if (groupId.endsWith("/" + Homes.NO_FOOTPRINT)) {
            return 2;
        }
        return groupId.endsWith("/" + Homes.BUILDING_WIDE) ? 3 : 1;
    }

    private static float bottom(BuildingObject o) {
        return o.elevation() == null ? Float.POSITIVE_INFINITY : o.elevation().bottom();
    }
}
