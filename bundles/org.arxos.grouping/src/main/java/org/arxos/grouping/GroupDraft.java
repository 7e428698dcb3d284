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

import org.arxos.grouping.internal.IdTable;
import org.arxos.model.BuildingObject;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;

/**
 * A tree being built or edited: the arrays of {@link GroupTree} made writable. A new draft owns all it makes; an edit
 * starts from copies of the small per-group arrays, shares each group's member and child arrays until it writes them,
 * and keeps its changes to the id table aside until {@link #build()}, so ids that leave and come back to the same
 * group (a region taken apart and rebuilt) cost no table write at all.
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
    String[] ids;
    String[] labels;
    String[] kinds;
    String[] objectIds;
    int[] parents;
    int[] objectCounts;
    float[] minX;
    float[] minY;
    float[] maxX;
    float[] maxY;
    int[][] childGroups;
    String[][] members;
    private int[] childGroupCounts;
    private int[] memberCounts;
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
        int expectedGroups = 16 + revision.objectCount() / 8;
        allocate(expectedGroups);
        table = IdTable.forSize(revision.objectCount() + expectedGroups);
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
        String rootObject = base.objectIds[base.root];
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
        ids = base.ids.clone();
        labels = base.labels.clone();
        kinds = base.kinds.clone();
        objectIds = base.objectIds.clone();
        parents = base.parents.clone();
        objectCounts = base.objectCounts.clone();
        minX = base.minX.clone();
        minY = base.minY.clone();
        maxX = base.maxX.clone();
        maxY = base.maxY.clone();
        childGroups = base.childGroups.clone();
        members = base.members.clone();
        childGroupCounts = new int[slots];
        memberCounts = new int[slots];
        holes = new BitSet();
        for (int g = 0; g < slots; g++) {
            childGroupCounts[g] = childGroups[g].length;
            memberCounts[g] = members[g].length;
            if (ids[g] == null) {
                holes.set(g);
            }
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
            throw new IllegalArgumentException("a group under '" + ids[parent] + "' has no id");
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
        int n = memberCounts[group];
        String[] array = members[group];
        if (!ownedMembers.get(group) || n == array.length) {
            array = Arrays.copyOf(array, Math.max(4, n + (n >> 1) + 1));
            members[group] = array;
            ownedMembers.set(group);
        }
        array[n] = id;
        memberCounts[group] = n + 1;
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
        return ids[group];
    }

    @Override
    public int parent(int group) {
        checkGroup(group);
        return parents[group];
    }

    @Override
    public void sortChildGroups(int group, Comparator<String> order) {
        checkOpen();
        checkGroup(group);
        int n = childGroupCounts[group];
        int[] current = childGroups[group];
        Integer[] sorted = new Integer[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = current[i];
        }
        Arrays.sort(sorted, (a, b) -> order.compare(ids[a], ids[b]));
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
            if (members[g].length != memberCounts[g]) {
                members[g] = memberCounts[g] == 0 ? NO_MEMBERS : Arrays.copyOf(members[g], memberCounts[g]);
            }
        }
        for (int g = ownedChildGroups.nextSetBit(0); g >= 0; g = ownedChildGroups.nextSetBit(g + 1)) {
            if (childGroups[g].length != childGroupCounts[g]) {
                childGroups[g] = childGroupCounts[g] == 0 ? NO_GROUPS
                        : Arrays.copyOf(childGroups[g], childGroupCounts[g]);
            }
        }
        return new GroupTree(this);
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
        if (childGroupCounts[group] > 0 || memberCounts[group] > 0) {
            throw new IllegalStateException("group '" + ids[group] + "' is not empty: " + childGroupCounts[group]
                    + " child groups and " + memberCounts[group] + " members");
        }
        removeSubtree(group);
    }

    public void removeSubtree(int group) {
        checkOpen();
        checkGroup(group);
        if (group == root) {
            throw new IllegalStateException("the root group '" + ids[group] + "' cannot be removed");
        }
        detach(group);
        release(group);
    }

    public void moveGroup(int group, int newParent) {
        checkOpen();
        checkGroup(group);
        checkGroup(newParent);
        if (group == root) {
            throw new IllegalStateException("the root group '" + ids[group] + "' cannot be moved");
        }
        for (int p = newParent; p != NONE; p = parents[p]) {
            if (p == group) {
                throw new IllegalArgumentException("group '" + ids[group] + "' cannot move under '" + ids[newParent]
                        + "', which lies in its own subtree");
            }
        }
        detach(group);
        parents[group] = newParent;
        appendChildGroup(newParent, group);
        addCount(newParent, objectCounts[group]);
        grow(newParent, boundsOf(group));
    }

    public void setMembers(int group, List<BuildingObject> objects) {
        checkOpen();
        checkGroup(group);
        int n = memberCounts[group];
        String[] current = members[group];
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
                throw new IllegalArgumentException("object '" + o.id() + "' is listed twice for group '" + ids[group]
                        + "'");
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
        members[group] = array;
        memberCounts[group] = objects.size();
        ownedMembers.set(group);
        addCount(group, delta);
        // the listed objects carry their footprints: the group's bounds are known without looking anything up
        recompute(group, objects);
    }

    public void setLabel(int group, String label) {
        checkOpen();
        checkGroup(group);
        labels[group] = label;
    }

    public List<String> members(int group) {
        checkGroup(group);
        return List.of(Arrays.copyOf(members[group], memberCounts[group]));
    }

    public List<Integer> childGroups(int group) {
        checkGroup(group);
        List<Integer> list = new ArrayList<>(childGroupCounts[group]);
        for (int i = 0; i < childGroupCounts[group]; i++) {
            list.add(childGroups[group][i]);
        }
        return List.copyOf(list);
    }

    public int objectCount(int group) {
        checkGroup(group);
        return objectCounts[group];
    }

    // ------------------------------------------------------------------ groups

    /** Takes a leaf out of its group's members, with its count and bounds; the caller says where it goes. */
    private void takeOut(int group, String objectId) {
        int n = memberCounts[group];
        String[] array = writableMembers(group);
        int at = n - 1;
        while (!array[at].equals(objectId)) {
            at--;
        }
        System.arraycopy(array, at + 1, array, at, n - at - 1);
        array[n - 1] = null;
        memberCounts[group] = n - 1;
        addCount(group, -1);
        if (mayShrink(group, objectId, null)) {
            dirty.set(group);
        }
    }

    private int newGroup(int parent, String id, String label, String kind, String objectId) {
        int group = slotFor(id);
        ids[group] = id;
        labels[group] = label;
        kinds[group] = kind;
        objectIds[group] = objectId;
        parents[group] = parent;
        objectCounts[group] = 0;
        minX[group] = minY[group] = maxX[group] = maxY[group] = Float.NaN;
        childGroups[group] = NO_GROUPS;
        childGroupCounts[group] = 0;
        members[group] = NO_MEMBERS;
        memberCounts[group] = 0;
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
        if (slots == ids.length) {
            allocate(slots + (slots >> 1) + 16);
        }
        return slots++;
    }

    /** Takes a group out of its parent's child groups, with its count and bounds. */
    private void detach(int group) {
        int parent = parents[group];
        int n = childGroupCounts[parent];
        int[] array = writableChildGroups(parent, n);
        int at = 0;
        while (array[at] != group) {
            at++;
        }
        System.arraycopy(array, at + 1, array, at, n - at - 1);
        childGroupCounts[parent] = n - 1;
        addCount(parent, -objectCounts[group]);
        if (touchesEdge(parent, minX[group], minY[group], maxX[group], maxY[group])) {
            dirty.set(parent);
        }
    }

    /** Frees a detached group and everything under it; its leaves leave the tree. */
    private void release(int group) {
        for (int i = 0; i < childGroupCounts[group]; i++) {
            release(childGroups[group][i]);
        }
        for (int i = 0; i < memberCounts[group]; i++) {
            setCode(members[group][i], ABSENT);
        }
        setCode(ids[group], ABSENT);
        ids[group] = labels[group] = kinds[group] = objectIds[group] = null;
        childGroups[group] = NO_GROUPS;
        childGroupCounts[group] = 0;
        members[group] = NO_MEMBERS;
        memberCounts[group] = 0;
        parents[group] = NONE;
        objectCounts[group] = 0;
        dirty.clear(group);
        freed.set(group);
        live--;
    }

    private void appendChildGroup(int parent, int group) {
        int n = childGroupCounts[parent];
        int[] array = childGroups[parent];
        if (!ownedChildGroups.get(parent) || n == array.length) {
            array = Arrays.copyOf(array, Math.max(4, n + (n >> 1) + 1));
            childGroups[parent] = array;
            ownedChildGroups.set(parent);
        }
        array[n] = group;
        childGroupCounts[parent] = n + 1;
    }

    private int[] writableChildGroups(int group, int n) {
        if (!ownedChildGroups.get(group)) {
            childGroups[group] = Arrays.copyOf(childGroups[group], Math.max(4, n));
            ownedChildGroups.set(group);
        }
        return childGroups[group];
    }

    private String[] writableMembers(int group) {
        if (!ownedMembers.get(group)) {
            members[group] = members[group].clone();
            ownedMembers.set(group);
        }
        return members[group];
    }

    private void allocate(int capacity) {
        ids = ids == null ? new String[capacity] : Arrays.copyOf(ids, capacity);
        labels = labels == null ? new String[capacity] : Arrays.copyOf(labels, capacity);
        kinds = kinds == null ? new String[capacity] : Arrays.copyOf(kinds, capacity);
        objectIds = objectIds == null ? new String[capacity] : Arrays.copyOf(objectIds, capacity);
        parents = parents == null ? new int[capacity] : Arrays.copyOf(parents, capacity);
        objectCounts = objectCounts == null ? new int[capacity] : Arrays.copyOf(objectCounts, capacity);
        minX = minX == null ? new float[capacity] : Arrays.copyOf(minX, capacity);
        minY = minY == null ? new float[capacity] : Arrays.copyOf(minY, capacity);
        maxX = maxX == null ? new float[capacity] : Arrays.copyOf(maxX, capacity);
        maxY = maxY == null ? new float[capacity] : Arrays.copyOf(maxY, capacity);
        childGroups = childGroups == null ? new int[capacity][] : Arrays.copyOf(childGroups, capacity);
        members = members == null ? new String[capacity][] : Arrays.copyOf(members, capacity);
        childGroupCounts = childGroupCounts == null ? new int[capacity] : Arrays.copyOf(childGroupCounts, capacity);
        memberCounts = memberCounts == null ? new int[capacity] : Arrays.copyOf(memberCounts, capacity);
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
                    + (code >= 0 ? "as a member of group '" + ids[code] + "'" : "as a group"));
        }
    }

    private void checkGroup(int group) {
        if (group < 0 || group >= slots || ids[group] == null) {
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
        for (int g = group; g != NONE; g = parents[g]) {
            objectCounts[g] += delta;
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
        for (int g = group; g != NONE; g = parents[g]) {
            if (Float.isNaN(minX[g])) {
                minX[g] = x0;
                minY[g] = y0;
                maxX[g] = x1;
                maxY[g] = y1;
            } else if (minX[g] <= x0 && minY[g] <= y0 && x1 <= maxX[g] && y1 <= maxY[g]) {
                return;
            } else {
                minX[g] = Math.min(minX[g], x0);
                minY[g] = Math.min(minY[g], y0);
                maxX[g] = Math.max(maxX[g], x1);
                maxY[g] = Math.max(maxY[g], y1);
            }
        }
    }

    private Bounds boundsOf(int group) {
        return Float.isNaN(minX[group]) ? null : new Bounds(minX[group], minY[group], maxX[group], maxY[group]);
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
        return !Float.isNaN(x0) && !Float.isNaN(minX[group])
                && (x0 <= minX[group] || y0 <= minY[group] || x1 >= maxX[group] || y1 >= maxY[group]);
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
                deepestFirst.add((long) (depth - 1) << 32 | parents[group]);
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
        float oldX0 = minX[group], oldY0 = minY[group], oldX1 = maxX[group], oldY1 = maxY[group];
        float x0 = Float.POSITIVE_INFINITY, y0 = Float.POSITIVE_INFINITY;
        float x1 = Float.NEGATIVE_INFINITY, y1 = Float.NEGATIVE_INFINITY;
        List<Bounds> parts = new ArrayList<>();
        if (objectIds[group] != null) {
            revision.find(objectIds[group]).map(GroupDraft::boundsOf).ifPresent(parts::add);
        }
        if (memberObjects != null) {
            memberObjects.stream().map(GroupDraft::boundsOf).filter(b -> b != null).forEach(parts::add);
        } else {
            for (int i = 0; i < memberCounts[group]; i++) {
                revision.find(members[group][i]).map(GroupDraft::boundsOf).ifPresent(parts::add);
            }
        }
        for (int i = 0; i < childGroupCounts[group]; i++) {
            Bounds b = boundsOf(childGroups[group][i]);
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
        minX[group] = none ? Float.NaN : x0;
        minY[group] = none ? Float.NaN : y0;
        maxX[group] = none ? Float.NaN : x1;
        maxY[group] = none ? Float.NaN : y1;
        int parent = parents[group];
        if (parent == NONE) {
            return false;
        }
        grow(parent, minX[group], minY[group], maxX[group], maxY[group]);
        boolean shrank = !Float.isNaN(oldX0) && (none || x0 > oldX0 || y0 > oldY0 || x1 < oldX1 || y1 < oldY1);
        if (shrank && !dirty.get(parent) && touchesEdge(parent, oldX0, oldY0, oldX1, oldY1)) {
            dirty.set(parent);
            return true;
        }
        return false;
    }

    private int depth(int group) {
        int depth = 0;
        for (int g = parents[group]; g != NONE; g = parents[g]) {
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
