package org.arxos.grouping.spatial.internal;

import org.arxos.grouping.GroupTree;
import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;

/**
 * Where objects live in the spatial hierarchy. Floors and zones are homes: groups that stand for their object, a floor
 * under the root and a zone under its parent floor or zone. Every other object belongs to its nearest floor or zone
 * ancestor, or, with no floor above it, to the building-wide group under the root. Group ids of a home's packing are
 * made from the home's id, so they never clash with object ids (which cannot contain {@code /}).
 */
final class Homes {

    static final String BUILDING_WIDE = "building-wide";
    static final String NO_FOOTPRINT = "no-footprint";
    static final String CLUSTER = "cluster";

    private Homes() {
    }

    static boolean isHome(ObjectType type) {
        return type == ObjectType.FLOOR || type == ObjectType.ZONE;
    }

    /** The id of the pure group holding what belongs to no floor: {@code <root>/building-wide}. */
    static String buildingWideId(String rootId) {
        return rootId + "/" + BUILDING_WIDE;
    }

    static String noFootprintId(String homeId) {
        return homeId + "/" + NO_FOOTPRINT;
    }

    static int addNoFootprintGroup(GroupTree.Assembly tree, int home, String homeId) {
        return tree.addGroup(home, noFootprintId(homeId), "Without footprint", NO_FOOTPRINT, null);
    }

    /** A cluster's id from its address on the grid of cells, e.g. {@code f3z2/q48.12.7}. */
    static String clusterId(String homeId, String address) {
        return homeId + "/" + address;
    }

    /** Whether a group under a home is one of its clusters (not a zone, not the group without footprints). */
    static boolean isCluster(String groupId) {
        return groupId.indexOf('/') >= 0 && !groupId.endsWith("/" + NO_FOOTPRINT);
    }

    /** Whether the group is a home: one that stands for a floor or zone, or the building-wide group. */
    static boolean isHomeGroup(String groupId) {
        return groupId.indexOf('/') < 0 || groupId.endsWith("/" + BUILDING_WIDE);
    }

    /** The home of an object that is not itself a home: its nearest floor or zone ancestor, else building-wide. */
    static String homeOf(Revision revision, BuildingObject object, String buildingWideId) {
        for (String id = object.parentId(); id != null; ) {
            BuildingObject ancestor = revision.get(id);
            if (isHome(ancestor.type())) {
                return ancestor.id();
            }
            id = ancestor.parentId();
        }
        return buildingWideId;
    }

    /** The group a floor or zone goes under: the root for a floor, its parent for a zone. */
    static String containerOf(BuildingObject home, String rootId) {
        return home.type() == ObjectType.FLOOR ? rootId : home.parentId();
    }

    static String labelOf(BuildingObject object) {
        return object.name() != null ? object.name() : object.id();
    }
}
