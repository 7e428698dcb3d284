package org.arxos.compress.delta.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.arxos.model.BuildingObject;
import org.arxos.model.Revision;

/**
 * The base's objects grouped by type and kind, each group sorted by id. An object is usually moved to a parent like
 * its old one (a light to another electrical system, a space to another zone), which is then named by its place in
 * the old parent's group: a few bits where a reference among all objects takes many. Grouped on first use.
 */
final class ObjectClasses {

    private final Revision base;
    private Map<String, List<String>> groups;

    ObjectClasses(Revision base) {
        this.base = base;
    }

    /** The group of objects of {@code o}'s type and kind, sorted by id. */
    List<String> of(BuildingObject o) {
        if (groups == null) {
            groups = new HashMap<>();
            base.objects().forEach(b -> groups.computeIfAbsent(key(b), k -> new ArrayList<>()).add(b.id()));
            groups.values().forEach(ids -> ids.sort(null));
        }
        return groups.get(key(o));
    }

    private static String key(BuildingObject o) {
        return o.type().ordinal() + ":" + o.kind();
    }
}
