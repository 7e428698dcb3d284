package org.arxos.grouping.system.internal;

import java.util.ArrayDeque;
import java.util.Deque;

import org.arxos.grouping.GroupTree;
import org.arxos.model.BuildingObject;

/**
 * Puts objects into a tree where their {@link Placement placements} say, making the groups they go into first: pure
 * groups when the first object arrives, and groups standing for objects by placing those objects.
 */
final class GroupPlacer {

    private final GroupTree.Assembly tree;
    private final SystemPlacements placements;
    private String lastParentId;
    private int lastParent;

    GroupPlacer(GroupTree.Assembly tree, SystemPlacements placements) {
        this.tree = tree;
        this.placements = placements;
    }

    boolean contains(String objectId) {
        return tree.group(objectId) >= 0 || tree.groupOf(objectId) >= 0;
    }

    /** Places the object unless it is in the tree already or not in the revision. */
    void place(String objectId) {
        // Feed chains can be thousands of components long: place missing feeders top down, without recursion.
        Deque<String> missing = new ArrayDeque<>();
        for (String id = objectId; !contains(id);) {
            Placement placement = placements.of(id);
            if (placement == null) {
                break;
            }
            missing.push(id);
            GroupRef above = placement.parent();
            while (above instanceof GroupRef.Pure pure) {
                above = pure.parent();
            }
            id = above.id();
        }
        while (!missing.isEmpty()) {
            String id = missing.pop();
            BuildingObject object = placements.revision().get(id);
            Placement placement = placements.of(object);
            int parent = group(placement.parent());
            if (placement.group()) {
                tree.addGroup(parent, id, SystemPlacements.label(object), object.kind(), id);
            } else {
                tree.addObject(parent, object);
            }
        }
    }

    /**
     * Adds an object that is not in the tree yet under a group that is, as a builder adding everything parents first
     * does; the parent's index is remembered from one call to the next, since siblings come together.
     */
    void add(BuildingObject object, Placement placement) {
        GroupRef parent = placement.parent();
        if (!parent.id().equals(lastParentId)) {
            lastParent = group(parent);
            lastParentId = parent.id();
        }
        if (placement.group()) {
            tree.addGroup(lastParent, object.id(), SystemPlacements.label(object), object.kind(), object.id());
        } else {
            tree.addObject(lastParent, object);
        }
    }

    /** The index of the group, made first if it is not in the tree yet. */
    int group(GroupRef ref) {
        int index = tree.group(ref.id());
        if (index >= 0) {
            return index;
        }
        if (ref instanceof GroupRef.Pure pure) {
            return tree.addGroup(group(pure.parent()), pure.id(), pure.label(), pure.kind(), null);
        }
        place(ref.id());
        index = tree.group(ref.id());
        if (index < 0) {
            throw new IllegalStateException("object '" + ref.id() + "' is placed as a leaf, not as a group");
        }
        return index;
    }
}
