package org.arxos.grouping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import org.arxos.grouping.internal.FloatPages;
import org.arxos.grouping.internal.IdTable;
import org.arxos.grouping.internal.IntPages;
import org.arxos.grouping.internal.RefPages;
import org.arxos.model.BuildingObject;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;

/**
 * A tree being built or edited: the paged arrays of {@link GroupTree} made writable. A new draft owns all it makes; an
 * edit shares every page of the per-group arrays and each group's member and child arrays with the tree it edits until
 * it writes them, so it copies only what it writes, and keeps its changes to the id table aside until
 * {@link #build()}, so ids that leave and come back to the same group (a region taken apart and rebuilt) cost no table
 * write at all. A draft builds once: {@link #build()} hands its arrays to the new tree without copying them, and the
 * draft can no longer be written.
 *
 * <p>Counts are kept exact along the ancestor chain on every change. Bounds grow by union at once; a removal that may
 * shrink a group (what left touched its edge) marks it, and {@link #build()} recomputes the marked groups deepest
 * first, passing the change up only as far as it reaches.
 */
abstract class GroupDraft implements GroupTree.Assembly {

    private static final int NONE = GroupTree.NONE;
    private static final int ABSENT = IdTable.ABSENT;
    private static final String[] NO_MEMBERS = {};
    private static final int[] NO_GROUPS = {};

    final Revision revision;
    final String layout;
    /** The revision the edited tree was over; null for a new tree. */
    private final Revision previous;
    int root = NONE;
    int slots;
    int live;
    final RefPages<String> ids;
    final RefPages<String> labels;
    final RefPages<String> kinds;
    final RefPages<String> objectIds;
    final IntPages parents;
    final IntPages objectCounts;
    final FloatPages minX;
    final FloatPages minY;
    final FloatPages maxX;
    final FloatPages maxY;
    final RefPages<int[]> childGroups;
    final RefPages<String[]> members;
    /** The used length of an owned child array; an array this draft does not own is full. */
    private final IntPages childGroupCounts = new IntPages();
    /** The used length of an owned member array; an array this draft does not own is full. */
    private final IntPages memberCounts = new IntPages();
    /** Groups whose member or child array this draft may write in place. */
    private final BitSet ownedMembers = new BitSet();
    private final BitSet ownedChildGroups = new BitSet();
    final IdTable table;
    /** An edit's changes to the table, applied by build; null when building, which writes the table directly. */
    private final Map<String, Integer> pending;
    /** Indexes free in the edited tree: what a new group takes first. */
    private final BitSet holes;
    /** Indexes freed by this edit: kept for a group that comes back with the same id. */
    private final BitSet freed = new BitSet();
    /** Groups whose bounds may be too large. */
    private final BitSet dirty = new BitSet();
    private boolean built;

    /** A new tree with its root. */
    GroupDraft(Revision revision, String layout) {
        this.revision = revision;
        this.layout = layout == null ? "" : layout;
        this.previous = null;
        ids = new RefPages<>();
        labels = new RefPages<>();
        kinds = new RefPages<>();
        objectIds = new RefPages<>();
        parents = new IntPages();
        objectCounts = new IntPages();
        minX = new FloatPages();
        minY = new FloatPages();
        maxX = new FloatPages();
        maxY = new FloatPages();
        childGroups = new RefPages<>();
        members = new RefPages<>();
        table = IdTable.forSize(revision.objectCount() + 16 + revision.objectCount() / 8);
        pending = null;
        holes = new BitSet();
        BuildingObject building = revision.root().orElse(null);
        root = building == null ? newGroup(NONE, "/", "(empty)", "empty", null)
                : newGroup(NONE, building.id(), labelOf(building), building.kind(), building.id());
        if (building != null) {
            addCount(root, 1);
            grow(root, boundsOf(building));
        }
    }

    /** An edit of {@code base} for {@code next}. */
    GroupDraft(GroupTree base, Revision next) {
        String rootObject = base.objectIds.get(base.root);
        String nextBuilding = next.root().map(BuildingObject::id).orElse(null);
        if (rootObject == null ? nextBuilding != null : !rootObject.equals(nextBuilding)) {
            throw new IllegalArgumentException("revision " + next.number() + " has building '" + nextBuilding
                    + "' but the tree's root stands for '" + rootObject + "': build a new tree");
        }
        revision = next;
        layout = base.layout;
        previous = base.source;
        root = base.root;
        slots = base.slots;
        live = base.groupCount;
        ids = base.ids.writableCopy();
        labels = base.labels.writableCopy();
        kinds = base.kinds.writableCopy();
        objectIds = base.objectIds.writableCopy();
        parents = base.parents.writableCopy();
        objectCounts = base.objectCounts.writableCopy();
        minX = base.minX.writableCopy();
        minY = base.minY.writableCopy();
        maxX = base.maxX.writableCopy();
        maxY = base.maxY.writableCopy();
        childGroups = base.childGroups.writableCopy();
        members = base.members.writableCopy();
        holes = new BitSet();
        for (int g : base.free) {
            holes.set(g);
        }
        table = base.table.writableCopy();
        pending = new HashMap<>();
    }

    // ------------------------------------------------------------------ Assembly

    @Override
    public int root() {
        return root;
    }

    @Override
    public int addGroup(int parent, String id, String label, String kind, String objectId) {
        checkOpen();
        checkGroup(parent);
        if (id == null) {
            throw new IllegalArgumentException("a group under '" + ids.get(parent) + "' has no id");
        }
        if (objectId == null && id.indexOf('/') < 0) {
            throw new IllegalArgumentException("pure group id '" + id + "' must contain '/'");
        }
        if (objectId != null && !objectId.equals(id)) {
            throw new IllegalArgumentException("group '" + id + "' stands for object '" + objectId
                    + "' and must have the object's id");
        }
        checkFree(id);
        BuildingObject object = null;
        if (objectId != null) {
            object = revision.find(objectId).orElseThrow(() -> new IllegalArgumentException(
                    "group '" + id + "' stands for no object of revision " + revision.number()));
        }
        int group = newGroup(parent, id, label, kind, objectId);
        if (object != null) {
            addCount(group, 1);
            grow(group, boundsOf(object));
        }
        return group;
    }

    @Override
    public void addObject(int group, BuildingObject object) {
        checkOpen();
        checkGroup(group);
        String id = object.id();
        checkFree(id);
        int n = memberCount(group);
        String[] array = members.get(group);
        if (!ownedMembers.get(group) || n == array.length) {
            array = Arrays.copyOf(array, Math.max(4, n + (n >> 1) + 1));
            members.set(group, array);
            ownedMembers.set(group);
        }
        array[n] = id;
        memberCounts.set(group, n + 1);
        setCode(id, group);
        addCount(group, 1);
        grow(group, boundsOf(object));
    }

    @Override
    public int group(String id) {
        int code = code(id);
        return code == ABSENT || code >= 0 ? NONE : -code - 1;
    }

    @Override
    public int groupOf(String objectId) {
        int code = code(objectId);
        return code >= 0 ? code : NONE;
    }

    @Override
    public String id(int group) {
        checkGroup(group);
        return ids.get(group);
    }

    @Override
    public int parent(int group) {
        checkGroup(group);
        return parents.get(group);
    }

    @Override
    public void sortChildGroups(int group, Comparator<String> order) {
        checkOpen();
        checkGroup(group);
        int n = childGroupCount(group);
        int[] current = childGroups.get(group);
        Integer[] sorted = new Integer[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = current[i];
        }
        Arrays.sort(sorted, (a, b) -> order.compare(ids.get(a), ids.get(b)));
        for (int i = 0; i < n; i++) {
            if (sorted[i] != current[i]) {
                int[] array = writableChildGroups(group, n);
                for (int j = 0; j < n; j++) {
                    array[j] = sorted[j];
                }
                return;
            }
        }
    }

    @Override
    public GroupTree build() {
        checkOpen();
        built = true;
        recomputeDirtyBounds();
        if (pending != null) {
            pending.forEach((id, code) -> {
                if (code == ABSENT) {
                    table.remove(id);
                } else {
                    table.put(id, code);
                }
            });
        }
        table.freeze();
        for (int g = ownedMembers.nextSetBit(0); g >= 0; g = ownedMembers.nextSetBit(g + 1)) {
            if (members.get(g).length != memberCount(g)) {
                members.set(g, memberCount(g) == 0 ? NO_MEMBERS : Arrays.copyOf(members.get(g), memberCount(g)));
            }
        }
        for (int g = ownedChildGroups.nextSetBit(0); g >= 0; g = ownedChildGroups.nextSetBit(g + 1)) {
            if (childGroups.get(g).length != childGroupCount(g)) {
                childGroups.set(g, childGroupCount(g) == 0 ? NO_GROUPS
                        : Arrays.copyOf(childGroups.get(g), childGroupCount(g)));
            }
        }
        holes.or(freed);
        return new GroupTree(this, holes.stream().toArray());
    }

    // ------------------------------------------------------------------ Editor

    public boolean removeObject(String objectId) {
        checkOpen();
        int group = groupOf(objectId);
        if (group == NONE) {
            return false;
        }
        takeOut(group, objectId);
        setCode(objectId, ABSENT);
        return true;
    }

    public void updateObject(BuildingObject object) {
        checkOpen();
        int code = code(object.id());
        if (code == ABSENT) {
            throw new IllegalArgumentException("object '" + object.id() + "' is not in the tree");
        }
        int group = code >= 0 ? code : -code - 1;
        Bounds now = boundsOf(object);
        if (mayShrink(group, object.id(), now)) {
            dirty.set(group);
        }
        grow(group, now);
    }

    public void removeGroup(int group) {
        checkOpen();
        checkGroup(group);
        if (childGroupCount(group) > 0 || memberCount(group) > 0) {
            throw new IllegalStateException("group '" + ids.get(group) + "' is not empty: " + childGroupCount(group)
                    + " child groups and " + memberCount(group) + " members");
        }
        removeSubtree(group);
    }

    public void removeSubtree(int group) {
        checkOpen();
        checkGroup(group);
        if (group == root) {
            throw new IllegalStateException("the root group '" + ids.get(group) + "' cannot be removed");
        }
        detach(group);
        release(group);
    }

    public void moveGroup(int group, int newParent) {
        checkOpen();
        checkGroup(group);
        checkGroup(newParent);
        if (group == root) {
            throw new IllegalStateException("the root group '" + ids.get(group) + "' cannot be moved");
        }
        for (int p = newParent; p != NONE; p = parents.get(p)) {
            if (p == group) {
                throw new IllegalArgumentException("group '" + ids.get(group) + "' cannot move under '"
                        + ids.get(newParent) + "', which lies in its own subtree");
            }
        }
        detach(group);
        parents.set(group, newParent);
        appendChildGroup(newParent, group);
        addCount(newParent, objectCounts.get(group));
        grow(newParent, boundsOf(group));
    }

    public void setMembers(int group, List<BuildingObject> objects) {
        checkOpen();
        checkGroup(group);
        int n = memberCount(group);
        String[] current = members.get(group);
        if (n == objects.size()) {
            int same = 0;
            while (same < n && current[same].equals(objects.get(same).id())) {
                same++;
            }
            if (same == n) {
                return;
            }
        }
        Set<String> listed = new HashSet<>(objects.size() * 2);
        for (BuildingObject o : objects) {
            if (!listed.add(o.id())) {
                throw new IllegalArgumentException("object '" + o.id() + "' is listed twice for group '"
                        + ids.get(group) + "'");
            }
        }
        Set<String> staying = new HashSet<>(n * 2);
        int delta = 0;
        for (int i = 0; i < n; i++) {
            if (listed.contains(current[i])) {
                staying.add(current[i]);
            } else {
                setCode(current[i], ABSENT);
                delta--;
            }
        }
        String[] array = new String[Math.max(4, objects.size())];
        for (int i = 0; i < objects.size(); i++) {
            BuildingObject o = objects.get(i);
            if (!staying.contains(o.id())) {
                int code = code(o.id());
                if (code >= 0) {
                    takeOut(code, o.id());
                } else if (code != ABSENT) {
                    throw new IllegalArgumentException("object '" + o.id() + "' is in the tree as a group");
                }
                setCode(o.id(), group);
                delta++;
            }
            array[i] = o.id();
        }
        members.set(group, array);
        memberCounts.set(group, objects.size());
        ownedMembers.set(group);
        addCount(group, delta);
        // the listed objects carry their footprints: the group's bounds are known without looking anything up
        recompute(group, objects);
    }

    public void setLabel(int group, String label) {
        checkOpen();
        checkGroup(group);
        labels.set(group, label);
    }

    public List<String> members(int group) {
        checkGroup(group);
        return List.of(Arrays.copyOf(members.get(group), memberCount(group)));
    }

    public List<Integer> childGroups(int group) {
        checkGroup(group);
        List<Integer> list = new ArrayList<>(childGroupCount(group));
        for (int i = 0; i < childGroupCount(group); i++) {
            list.add(childGroups.get(group)[i]);
        }
        return List.copyOf(list);
    }

    public int objectCount(int group) {
        checkGroup(group);
        return objectCounts.get(group);
    }

    // ------------------------------------------------------------------ groups

    /** Takes a leaf out of its group's members, with its count and bounds; the caller says where it goes. */
    private void takeOut(int group, String objectId) {
        int n = memberCount(group);
        String[] array = writableMembers(group);
        int at = n - 1;
        while (!array[at].equals(objectId)) {
            at--;
        }
        System.arraycopy(array, at + 1, array, at, n - at - 1);
        array[n - 1] = null;
        memberCounts.set(group, n - 1);
        addCount(group, -1);
        if (mayShrink(group, objectId, null)) {
            dirty.set(group);
        }
    }

    private int newGroup(int parent, String id, String label, String kind, String objectId) {
        int group = slotFor(id);
        ids.set(group, id);
        labels.set(group, label);
        kinds.set(group, kind);
        objectIds.set(group, objectId);
        parents.set(group, parent);
        objectCounts.set(group, 0);
        minX.set(group, Float.NaN);
        minY.set(group, Float.NaN);
        maxX.set(group, Float.NaN);
        maxY.set(group, Float.NaN);
        childGroups.set(group, NO_GROUPS);
        members.set(group, NO_MEMBERS);
        ownedChildGroups.clear(group);
        ownedMembers.clear(group);
        if (parent != NONE) {
            appendChildGroup(parent, group);
        }
        setCode(id, -group - 1);
        live++;
        return group;
    }

    /** The index for a new group: its own old index when it comes back in this edit, else a hole, else a new one. */
    private int slotFor(String id) {
        if (pending != null && pending.get(id) != null) {
            int old = table.get(id);
            if (old != ABSENT && old < 0 && freed.get(-old - 1)) {
                freed.clear(-old - 1);
                return -old - 1;
            }
        }
        int hole = holes.nextSetBit(0);
        if (hole >= 0) {
            holes.clear(hole);
            return hole;
        }
        return slots++;
    }

    /** Takes a group out of its parent's child groups, with its count and bounds. */
    private void detach(int group) {
        int parent = parents.get(group);
        int n = childGroupCount(parent);
        int[] array = writableChildGroups(parent, n);
        int at = 0;
        while (array[at] != group) {
            at++;
        }
        System.arraycopy(array, at + 1, array, at, n - at - 1);
        childGroupCounts.set(parent, n - 1);
        addCount(parent, -objectCounts.get(group));
        if (touchesEdge(parent, minX.get(group), minY.get(group), maxX.get(group), maxY.get(group))) {
            dirty.set(parent);
        }
    }

    /** Frees a detached group and everything under it; its leaves leave the tree. */
    private void release(int group) {
        for (int i = 0; i < childGroupCount(group); i++) {
            release(childGroups.get(group)[i]);
        }
        for (int i = 0; i < memberCount(group); i++) {
            setCode(members.get(group)[i], ABSENT);
        }
        setCode(ids.get(group), ABSENT);
        ids.set(group, null);
        labels.set(group, null);
        kinds.set(group, null);
        objectIds.set(group, null);
        childGroups.set(group, NO_GROUPS);
        childGroupCounts.set(group, 0);
        members.set(group, NO_MEMBERS);
        memberCounts.set(group, 0);
        parents.set(group, NONE);
        objectCounts.set(group, 0);
        dirty.clear(group);
        freed.set(group);
        live--;
    }

    private void appendChildGroup(int parent, int group) {
        int n = childGroupCount(parent);
        int[] array = childGroups.get(parent);
        if (!ownedChildGroups.get(parent) || n == array.length) {
            array = Arrays.copyOf(array, Math.max(4, n + (n >> 1) + 1));
            childGroups.set(parent, array);
            ownedChildGroups.set(parent);
        }
        array[n] = group;
        childGroupCounts.set(parent, n + 1);
    }

    private int[] writableChildGroups(int group, int n) {
        if (!ownedChildGroups.get(group)) {
            childGroups.set(group, Arrays.copyOf(childGroups.get(group), Math.max(4, n)));
            childGroupCounts.set(group, n);
            ownedChildGroups.set(group);
        }
        return childGroups.get(group);
    }

    private String[] writableMembers(int group) {
        if (!ownedMembers.get(group)) {
            String[] array = members.get(group);
            members.set(group, array.clone());
            memberCounts.set(group, array.length);
            ownedMembers.set(group);
        }
        return members.get(group);
    }

    private int memberCount(int group) {
        return ownedMembers.get(group) ? memberCounts.get(group) : members.get(group).length;
    }

    private int childGroupCount(int group) {
        return ownedChildGroups.get(group) ? childGroupCounts.get(group) : childGroups.get(group).length;
    }

    // ------------------------------------------------------------------ ids

    private int code(String id) {
        if (id == null) {
            return ABSENT;
        }
        if (pending != null) {
            Integer code = pending.get(id);
            if (code != null) {
                return code;
            }
        }
        return table.get(id);
    }

    private void setCode(String id, int code) {
        if (pending != null) {
            pending.put(id, code);
        } else {
            table.put(id, code);
        }
    }

    private void checkFree(String id) {
        int code = code(id);
        if (code != ABSENT) {
            throw new IllegalArgumentException("id '" + id + "' is already in the tree, "
                    + (code >= 0 ? "as a member of group '" + ids.get(code) + "'" : "as a group"));
        }
    }

    private void checkGroup(int group) {
        if (group < 0 || group >= slots || ids.get(group) == null) {
            throw new IllegalArgumentException("there is no group with index " + group);
        }
    }

    private void checkOpen() {
        if (built) {
            throw new IllegalStateException("this tree was already built; start a new edit from it");
        }
    }

    // ------------------------------------------------------------------ counts and bounds

    private void addCount(int group, int delta) {
        for (int g = group; g != NONE; g = parents.get(g)) {
            objectCounts.set(g, objectCounts.get(g) + delta);
        }
    }

    /** Widens the group and its ancestors to {@code b}, stopping at the first that already holds it. */
    private void grow(int group, Bounds b) {
        if (b != null) {
            grow(group, b.minX(), b.minY(), b.maxX(), b.maxY());
        }
    }

    private void grow(int group, float x0, float y0, float x1, float y1) {
        if (Float.isNaN(x0)) {
            return;
        }
        for (int g = group; g != NONE; g = parents.get(g)) {
            if (Float.isNaN(minX.get(g))) {
                minX.set(g, x0);
                minY.set(g, y0);
                maxX.set(g, x1);
                maxY.set(g, y1);
            } else if (minX.get(g) <= x0 && minY.get(g) <= y0 && x1 <= maxX.get(g) && y1 <= maxY.get(g)) {
                return;
            } else {
                minX.set(g, Math.min(minX.get(g), x0));
                minY.set(g, Math.min(minY.get(g), y0));
                maxX.set(g, Math.max(maxX.get(g), x1));
                maxY.set(g, Math.max(maxY.get(g), y1));
            }
        }
    }

    private Bounds boundsOf(int group) {
        float x0 = minX.get(group);
        return Float.isNaN(x0) ? null : new Bounds(x0, minY.get(group), maxX.get(group), maxY.get(group));
    }

    /**
     * Whether the group may shrink now that the object's footprint left it or changed to {@code now}: the footprints
     * it may have brought in (the edited revision's and this one's) are checked against the group's edges.
     */
    private boolean mayShrink(int group, String objectId, Bounds now) {
        return heldEdge(group, revision, objectId, now) || previous != null && heldEdge(group, previous, objectId, now);
    }

    private boolean heldEdge(int group, Revision in, String objectId, Bounds now) {
        Bounds b = in.find(objectId).map(GroupDraft::boundsOf).orElse(null);
        return b != null && !b.equals(now) && touchesEdge(group, b.minX(), b.minY(), b.maxX(), b.maxY());
    }

    private boolean touchesEdge(int group, float x0, float y0, float x1, float y1) {
        float gx0 = minX.get(group);
        return !Float.isNaN(x0) && !Float.isNaN(gx0)
                && (x0 <= gx0 || y0 <= minY.get(group) || x1 >= maxX.get(group) || y1 >= maxY.get(group));
    }

    /** Recomputes the marked groups deepest first; a group that shrank marks its parent if it held the parent's edge. */
    private void recomputeDirtyBounds() {
        PriorityQueue<Long> deepestFirst = new PriorityQueue<>(Comparator.reverseOrder());
        for (int g = dirty.nextSetBit(0); g >= 0; g = dirty.nextSetBit(g + 1)) {
            deepestFirst.add((long) depth(g) << 32 | g);
        }
        while (!deepestFirst.isEmpty()) {
            long next = deepestFirst.poll();
            int group = (int) next;
            int depth = (int) (next >>> 32);
            if (recompute(group, null)) {
                deepestFirst.add((long) (depth - 1) << 32 | parents.get(group));
            }
        }
    }

    /**
     * Sets the group's bounds from its own footprint, its members' (those given, or else the revision's) and its child
     * groups' bounds, widens its ancestors to them, and marks its parent when it shrank from the parent's edge.
     *
     * @return whether the parent was marked
     */
    private boolean recompute(int group, List<BuildingObject> memberObjects) {
        dirty.clear(group);
        float oldX0 = minX.get(group), oldY0 = minY.get(group), oldX1 = maxX.get(group), oldY1 = maxY.get(group);
        float x0 = Float.POSITIVE_INFINITY, y0 = Float.POSITIVE_INFINITY;
        float x1 = Float.NEGATIVE_INFINITY, y1 = Float.NEGATIVE_INFINITY;
        List<Bounds> parts = new ArrayList<>();
        if (objectIds.get(group) != null) {
            revision.find(objectIds.get(group)).map(GroupDraft::boundsOf).ifPresent(parts::add);
        }
        if (memberObjects != null) {
            memberObjects.stream().map(GroupDraft::boundsOf).filter(b -> b != null).forEach(parts::add);
        } else {
            for (int i = 0; i < memberCount(group); i++) {
                revision.find(members.get(group)[i]).map(GroupDraft::boundsOf).ifPresent(parts::add);
            }
        }
        for (int i = 0; i < childGroupCount(group); i++) {
            Bounds b = boundsOf(childGroups.get(group)[i]);
            if (b != null) {
                parts.add(b);
            }
        }
        for (Bounds b : parts) {
            x0 = Math.min(x0, b.minX());
            y0 = Math.min(y0, b.minY());
            x1 = Math.max(x1, b.maxX());
            y1 = Math.max(y1, b.maxY());
        }
        boolean none = parts.isEmpty();
        minX.set(group, none ? Float.NaN : x0);
        minY.set(group, none ? Float.NaN : y0);
        maxX.set(group, none ? Float.NaN : x1);
        maxY.set(group, none ? Float.NaN : y1);
        int parent = parents.get(group);
        if (parent == NONE) {
            return false;
        }
        grow(parent, minX.get(group), minY.get(group), maxX.get(group), maxY.get(group));
        boolean shrank = !Float.isNaN(oldX0) && (none || x0 > oldX0 || y0 > oldY0 || x1 < oldX1 || y1 < oldY1);
        if (shrank && !dirty.get(parent) && touchesEdge(parent, oldX0, oldY0, oldX1, oldY1)) {
            dirty.set(parent);
            return true;
        }
        return false;
    }

    private int depth(int group) {
        int depth = 0;
        for (int g = parents.get(group); g != NONE; g = parents.get(g)) {
            depth++;
        }
        return depth;
    }

    private static Bounds boundsOf(BuildingObject object) {
        return object.footprint() == null ? null : object.footprint().bounds();
    }

    private static String labelOf(BuildingObject object) {
        return object.name() != null ? object.name() : object.id();
    }
}
