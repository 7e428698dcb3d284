package org.arxos.grouping.functional.internal;

import java.util.HashMap;
import java.util.Map;

import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;

/**
 * The floor each object of one revision is on: the nearest floor among its ancestors (a floor is on itself). An
 * object with none, such as a component of a building-wide system, is on the floor of the object its
 * {@value #CONTAINED_IN} property names, if any: the IFC importer records there the storey or space of an element it
 * put into a system, and IFC systems mostly hang from the building. The floor of each parent is worked out once, so
 * one instance serves one pass over one revision.
 */
final class Floors {

    static final String CONTAINED_IN = "containedIn";

    /** Stands for "no floor" in the cache, where {@code null} means "not worked out yet"; no id is empty. */
    private static final String NONE = "";

    private final Revision revision;
    private final Map<String, String> byParent = new HashMap<>();

    Floors(Revision revision) {
        this.revision = revision;
    }

    /** The id of the floor the object is on, or {@code null}. */
    String of(BuildingObject object) {
        String floor = ofAncestors(object);
        if (floor != null) {
            return floor;
        }
        PropertyValue containedIn = object.properties().get(CONTAINED_IN).orElse(null);
        if (containedIn instanceof PropertyValue.Text text) {
            return revision.find(text.value()).map(this::ofAncestors).orElse(null);
        }
        return null;
    }

    /** The floor among the object's ancestors, the object itself if it is a floor, or {@code null}. */
    String ofAncestors(BuildingObject object) {
        if (object.type() == ObjectType.FLOOR) {
            return object.id();
        }
        if (object.parentId() == null) {
            return null;
        }
        String floor = byParent.get(object.parentId());
        if (floor == null) {
            floor = ofAncestors(revision.get(object.parentId()));
            byParent.put(object.parentId(), floor == null ? NONE : floor);
            return floor;
        }
        return floor == NONE ? null : floor;
    }
}
