package org.arxos.grouping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.grouping.internal.FloatPages;
import org.arxos.grouping.internal.IdTable;
import org.arxos.grouping.internal.IntPages;
import org.arxos.grouping.internal.PagedArray;
import org.arxos.grouping.internal.RefPages;
import org.arxos.model.BuildingObject;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;

/**
 * An immutable hierarchy over one revision: a tree of groups whose leaves are the revision's objects. It holds ids,
 * counts and bounds, never copies of objects; leaf nodes are made from the revision when asked for.
 *
 * <p>A group either stands for an object (a floor, a zone: its id is the object's id, and the object is not also a
 * leaf) or is a pure group whose id contains {@code /}. A group's object count is the objects in its subtree, its own
 * included; its bounds are the union of its own footprint (when it stands for an object), its members' footprints and
 * its child groups' bounds.
 *
 * <p>Children are listed child groups first, in the order they were added, then member objects in the order they
 * were added. {@link #edit(Revision)} starts an {@link Editor} that makes the next revision's tree, sharing
 * everything it does not touch with this one; the cost of an edit is in proportion to the groups it touches.
 *
 * <p>The layout is per-group arrays indexed by group, kept in pages of 1,024 entries that an edit shares and copies
 * only where it writes (see {@link PagedArray}), a member array per group holding the revision's own id strings, and
 * one {@link IdTable} from every id in the tree to its group (16 bytes an id): a spatial tree of a million objects
 * at fan-out 16 retains about 34 bytes an object, its groups' own ids and labels included. Safe to read from many
 * threads.
 */
public final class GroupTree implements Hierarchy {

    static final int NONE = -1;

    final Revision source;
    final String layout;
    final int root;
    /** Group indexes in use, free ones included; a free index has a null id. */
    final int slots;
    final int groupCount;
    /** Indexes below {@link #slots} that are free, ascending. */
    final int[] free;
    final RefPages<String> ids;
    final RefPages<String> labels;
    final RefPages<String> kinds;
    final RefPages<String> objectIds;
    final IntPages parents;
    final IntPages objectCounts;
    /** Bounds by group; NaN where the subtree has no footprint. */
    final FloatPages minX;
    final FloatPages minY;
    final FloatPages maxX;
    final FloatPages maxY;
    final RefPages<int[]> childGroups;
    final RefPages<String[]> members;
    /** Every id in the tree: a leaf's id to its group's index, a group's id to {@code -(index + 1)}. */
    final IdTable table;

    /** Takes over the draft's arrays, which the draft never writes again. */
    GroupTree(GroupDraft draft, int[] free) {
        source = draft.revision;
        layout = draft.layout;
        root = draft.root;
        slots = draft.slots;
        groupCount = draft.live;
        this.free = free;
        ids = draft.ids;
        labels = draft.labels;
        kinds = draft.kinds;
        objectIds = draft.objectIds;
        parents = draft.parents;
        objectCounts = draft.objectCounts;
        minX = draft.minX;
        minY = draft.minY;
        maxX = draft.maxX;
        maxY = draft.maxY;
        childGroups = draft.childGroups;
        members = draft.members;
        table = draft.table;
        for (PagedArray<?> array : List.of(ids, labels, kinds, objectIds, parents, objectCounts, minX, minY, maxX,
                maxY, childGroups, members)) {
            array.freeze();
        }
    }

    /**
     * Starts a tree over {@code revision}. Its root group stands for the building object, or is the pure group
     * {@code "/"} when the revision has no building.
     */
    public static Builder builder(Revision revision) {
        return builder(revision, "");
    }

    /**
     * Starts a tree over {@code revision} whose {@link #layout()} is {@code layout}.
     *
     * @param layout what arranges the tree and with which settings (e.g. {@code "spatial;fan-out=16"}), so that a
     *               strategy edits only trees it made itself
     */
    public static Builder builder(Revision revision, String layout) {
        return new GroupBuilder(revision, layout);
    }

    /**
     * Starts a tree for {@code next}, a later revision of the same building, from this one. The root group is kept.
     *
     * @throws IllegalArgumentException when {@code next} has another building (or none) than the root stands for
     */
    public Editor edit(Revision next) {
        return new GroupEditor(this, next);
    }

    /** The revision the tree is over. */
    public Revision source() {
        return source;
    }

    /** What arranged the tree, as given to {@link #builder(Revision, String)}; kept by edits. */
    public String layout() {
        return layout;
    }

    public int groupCount() {
        return groupCount;
    }

    /** The id of the group the object is a member (leaf) of, or of its parent group if the object is a group. */
    public Optional<String> groupOf(String objectId) {
        int code = code(objectId);
        if (code == IdTable.ABSENT) {
            return Optional.empty();
        }
        int group = code >= 0 ? code : parents.get(-code - 1);
        return group == NONE ? Optional.empty() : Optional.of(ids.get(group));
    }

    /** Whether the node is a group rather than a leaf; false for an unknown id. */
    public boolean isGroup(String nodeId) {
        int code = code(nodeId);
        return code != IdTable.ABSENT && code < 0;
    }

    @Override
    public long revision() {
        return source.number();
    }

    @Override
    public GroupNode root() {
        return groupNode(root);
    }

    @Override
    public Optional<GroupNode> node(String nodeId) {
        int code = code(nodeId);
        if (code == IdTable.ABSENT) {
            return Optional.empty();
        }
        return code < 0 ? Optional.of(groupNode(-code - 1)) : source.find(nodeId).map(GroupTree::leafNode);
    }

    @Override
    public Optional<GroupNode> parent(String nodeId) {
        int code = code(nodeId);
        if (code == IdTable.ABSENT) {
            return Optional.empty();
        }
        int group = code >= 0 ? code : parents.get(-code - 1);
        return group == NONE ? Optional.empty() : Optional.of(groupNode(group));
    }

    @Override
    public List<GroupNode> children(String nodeId, int offset, int limit) {
        int code = code(nodeId);
        if (code == IdTable.ABSENT || code >= 0 || limit <= 0) {
            return List.of();
        }
        int group = -code - 1;
        int[] groups = childGroups.get(group);
        String[] leaves = members.get(group);
        int from = Math.min(Math.max(offset, 0), groups.length + leaves.length);
        int to = (int) Math.min(groups.length + leaves.length, (long) from + limit);
        List<GroupNode> page = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            page.add(i < groups.length ? groupNode(groups[i]) : leafNode(source.get(leaves[i - groups.length])));
        }
        return page;
    }

    @Override
    public String toString() {
        return "GroupTree " + layout + " of revision " + source.number() + " (" + groupCount + " groups, "
                + objectCounts.get(root) + " objects)";
    }

    private int code(String id) {
        return id == null ? IdTable.ABSENT : table.get(id);
    }

    private GroupNode groupNode(int group) {
        float x0 = minX.get(group);
        Bounds bounds = Float.isNaN(x0) ? null : new Bounds(x0, minY.get(group), maxX.get(group), maxY.get(group));
        return new GroupNode(ids.get(group), labels.get(group), kinds.get(group), objectIds.get(group),
                childGroups.get(group).length + members.get(group).length, objectCounts.get(group), bounds);
    }

    private static GroupNode leafNode(BuildingObject object) {
        return new GroupNode(object.id(), object.name() != null ? object.name() : object.id(), object.kind(),
                object.id(), 0, 1, object.footprint() == null ? null : object.footprint().bounds());
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

        /** The id of the group at this index. @throws IllegalArgumentException when there is none */
        String id(int group);

        /** The index of the group's parent group, or -1 for the root. */
        int parent(int group);

        /**
         * Puts the group's child groups in the order of their ids by {@code order}; the sort is stable, so groups the
         * order finds equal keep their order.
         */
        void sortChildGroups(int group, Comparator<String> order);

        GroupTree build();
    }

    /** Builds a tree from nothing. */
    public interface Builder extends Assembly {
    }

    /**
     * Changes a copy of a tree for a later revision; the tree it came from is unchanged. Objects handed to it must be
     * the later revision's. A group removed and added again with the same id in one edit keeps its index, so a strategy
     * that takes a region apart and rebuilds it the same way writes almost nothing.
     */
    public interface Editor extends Assembly {

        /** Takes a leaf out of its group. @return whether it was a leaf */
        boolean removeObject(String objectId);

        /** Takes the object's new footprint into its group's bounds (after a geometry change). */
        void updateObject(BuildingObject object);

        /** Removes an empty group (no members, no child groups). @throws IllegalStateException when not empty */
        void removeGroup(int group);

        /**
         * Removes a group with everything under it: its child groups and all their leaves, which leave the tree.
         *
         * @throws IllegalStateException for the root
         */
        void removeSubtree(int group);

        /**
         * Moves a group, with its subtree, to be the last child group of {@code newParent}.
         *
         * @throws IllegalArgumentException when {@code newParent} is the group or lies under it
         * @throws IllegalStateException    for the root
         */
        void moveGroup(int group, int newParent);

        /**
         * Makes the group's leaves exactly {@code objects}, in this order, with their footprints as given. An object
         * that is a leaf of another group moves here; a leaf of this group that is not listed leaves the tree. Costs
         * nothing when the list is what the group holds already (then a leaf whose footprint changed needs
         * {@link #updateObject}), else in proportion to the list.
         *
         * @throws IllegalArgumentException when an object is a group or is listed twice
         */
        void setMembers(int group, List<BuildingObject> objects);

        /** Sets the label of a group (after its object was renamed). */
        void setLabel(int group, String label);

        /** The ids of the group's leaves, in order. */
        List<String> members(int group);

        /** The indexes of the group's child groups, in order. */
        List<Integer> childGroups(int group);

        /** The objects in the group's subtree, its own object included. */
        int objectCount(int group);
    }
}
