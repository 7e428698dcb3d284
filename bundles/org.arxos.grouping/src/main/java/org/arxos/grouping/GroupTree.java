package org.arxos.grouping;

import java.util.List;
import java.util.Optional;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.model.BuildingObject;
import org.arxos.model.Revision;

/**
 * An immutable hierarchy over one revision: a tree of groups whose leaves are the revision's objects. It holds ids,
 * counts and bounds, never copies of objects; leaf nodes are made from the revision when asked for.
 *
 * <p>A group either stands for an object (a floor, a zone: its id is the object's id, and the object is not also a
 * leaf) or is a pure group whose id contains {@code /}. A group's object count is the objects in its subtree, its own
 * included; its bounds are the union of its members' footprints and its child groups' bounds.
 *
 * <p>Children are listed child groups first, in the order they were added, then member objects in the order they
 * were added. {@link #edit(Revision)} starts an {@link Editor} that makes the next revision's tree, sharing
 * everything it does not touch with this one; the cost of an edit is in proportion to the groups it touches.
 */
public final class GroupTree implements Hierarchy {

    /**
     * Starts a tree over {@code revision}. Its root group stands for the building object, or is the pure group
     * {@code "/"} when the revision has no building.
     */
    public static Builder builder(Revision revision) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Starts a tree for {@code next}, a later revision of the same building, from this one. */
    public Editor edit(Revision next) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The revision the tree is over. */
    public Revision source() {
        throw new UnsupportedOperationException("not yet");
    }

    public int groupCount() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The id of the group the object is a member (leaf) of, or of its parent group if the object is a group. */
    public Optional<String> groupOf(String objectId) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public long revision() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public GroupNode root() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Optional<GroupNode> node(String nodeId) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Optional<GroupNode> parent(String nodeId) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public List<GroupNode> children(String nodeId, int offset, int limit) {
        throw new UnsupportedOperationException("not yet");
    }

    /** What building a tree and editing one share: adding groups and members, finding groups. */
    public interface Assembly {

        /** The root group's index. */
        int root();

        /**
         * Adds a group under {@code parent} and returns its index.
         *
         * @param objectId the object the group stands for (then {@code id} must equal it), or {@code null} for a pure
         *                 group (then {@code id} must contain {@code /})
         * @throws IllegalArgumentException when the id is taken or breaks the rule above
         */
        int addGroup(int parent, String id, String label, String kind, String objectId);

        /** Adds an object as a leaf of {@code group}. @throws IllegalArgumentException when it is already in the tree */
        void addObject(int group, BuildingObject object);

        /** The index of the group with this id, or -1. */
        int group(String id);

        /** The index of the group the object is a leaf of, or -1. */
        int groupOf(String objectId);

        GroupTree build();
    }

    /** Builds a tree from nothing. */
    public interface Builder extends Assembly {
    }

    /** Changes a copy of a tree for a later revision; the tree it came from is unchanged. */
    public interface Editor extends Assembly {

        /** Takes a leaf out of its group. @return whether it was a leaf */
        boolean removeObject(String objectId);

        /** Takes the object's new footprint into its group's bounds (after a geometry change). */
        void updateObject(BuildingObject object);

        /** Removes an empty group (no members, no child groups). @throws IllegalStateException when not empty */
        void removeGroup(int group);

        /** The ids of the group's leaves, in order. */
        List<String> members(int group);

        /** The indexes of the group's child groups, in order. */
        List<Integer> childGroups(int group);
    }
}
