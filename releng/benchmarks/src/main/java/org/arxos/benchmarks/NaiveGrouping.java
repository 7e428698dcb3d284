package org.arxos.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.arxos.model.BuildingObject;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;

/**
 * The baseline of each grouping strategy: a tree of the same shape built the plain way, one linear scan of the
 * objects into a {@code HashMap<String, List<String>>} from group key to member ids (a group's list also holds its
 * child groups' keys), every ancestor found by walking the parent chain again, no incremental update, no bounds or
 * counts kept.
 */
enum NaiveGrouping {

    /** Floor, zone, then square cells of {@value #CELL_METRES} m by the centre of the object's bounds. */
    SPATIAL("spatial") {
        @Override
        String groupOf(Revision revision, BuildingObject object) {
            String place = "/" + ancestor(revision, object, ObjectType.FLOOR) + "/"
                    + ancestor(revision, object, ObjectType.ZONE);
            if (object.footprint() == null) {
                return place;
            }
            Bounds b = object.footprint().bounds();
            return place + "/" + (int) Math.floor((b.minX() + b.maxX()) / 2 / CELL_METRES) + ","
                    + (int) Math.floor((b.minY() + b.maxY()) / 2 / CELL_METRES);
        }
    },

    /** Discipline, system, then the component that feeds the object, if any; else floor and zone. */
    SYSTEM("system") {
        @Override
        String groupOf(Revision revision, BuildingObject object) {
            BuildingObject system = ancestorObject(revision, object, ObjectType.SYSTEM);
            if (system == null) {
                return "/not-in-a-system/" + ancestor(revision, object, ObjectType.FLOOR) + "/"
                        + ancestor(revision, object, ObjectType.ZONE);
            }
            String group = "/" + system.kind() + "/" + system.id();
            for (Connection c : revision.connectionsOf(object.id())) {
                if (c.toId().equals(object.id())) {
                    return group + "/" + c.fromId();
                }
            }
            return group;
        }
    },

    /** The object's kind (standing in for its function), then its floor. */
    FUNCTIONAL("functional") {
        @Override
        String groupOf(Revision revision, BuildingObject object) {
            return "/" + object.kind() + "/" + ancestor(revision, object, ObjectType.FLOOR);
        }
    };

    static final float CELL_METRES = 8;

    private final String strategy;

    NaiveGrouping(String strategy) {
        this.strategy = strategy;
    }

    /** The {@code arxos.impl} name of the strategy this is the baseline of. */
    String strategy() {
        return strategy;
    }

    /** The key of the group the object goes into, its parent groups being the key's {@code /}-prefixes. */
    abstract String groupOf(Revision revision, BuildingObject object);

    Map<String, List<String>> group(Revision revision) {
        Map<String, List<String>> groups = new HashMap<>();
        groups.put("/", new ArrayList<>());
        revision.objects().forEach(object -> members(groups, groupOf(revision, object)).add(object.id()));
        return groups;
    }

    /** The member list of a group, made on first use and listed in its parent group's. */
    private static List<String> members(Map<String, List<String>> groups, String key) {
        List<String> members = groups.get(key);
        if (members == null) {
            members = new ArrayList<>();
            groups.put(key, members);
            int slash = key.lastIndexOf('/');
            members(groups, slash == 0 ? "/" : key.substring(0, slash)).add(key);
        }
        return members;
    }

    static String ancestor(Revision revision, BuildingObject object, ObjectType type) {
        BuildingObject found = ancestorObject(revision, object, type);
        return found == null ? "-" : found.id();
    }

    /** The object itself or its nearest ancestor of the type, or {@code null}. */
    static BuildingObject ancestorObject(Revision revision, BuildingObject object, ObjectType type) {
        for (BuildingObject o = object; o != null; o = o.parentId() == null ? null : revision.get(o.parentId())) {
            if (o.type() == type) {
                return o;
            }
        }
        return null;
    }
}
