package org.arxos.render.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.Hierarchy;

/**
 * The group of each object of one floor in one hierarchy, asked of the hierarchy the first time a drawing needs it and
 * kept by the object's position in the {@link FloorIndex}. A hierarchy's answer never changes, and asking it is the
 * largest cost of a drawing (about a microsecond an object for the building's own tree over a million objects, against
 * a few nanoseconds here), so repeated drawings of a floor cost in proportion to what they draw. Holds one reference
 * per object, and each group once however many objects it has. Safe for concurrent drawings: two may look up the same
 * object, and both get the same answer.
 */
final class ObjectGroups {

    private final AtomicReferenceArray<GroupNode> groups;
    private final Map<String, GroupNode> shared = new ConcurrentHashMap<>();

    ObjectGroups(int objects) {
        groups = new AtomicReferenceArray<>(objects);
    }

    /** The group of the object at {@code position}; empty when the hierarchy has none for it. */
    Optional<GroupNode> groupOf(int position, String objectId, Hierarchy hierarchy) {
        GroupNode group = groups.get(position);
        if (group == null) {
            Optional<GroupNode> parent = hierarchy.parent(objectId);
            if (parent.isEmpty()) {
                return parent;
            }
            group = shared.computeIfAbsent(parent.get().id(), id -> parent.get());
            groups.set(position, group);
        }
        return Optional.of(group);
    }
}
