package org.arxos.grouping.spatial.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.arxos.grouping.GroupTree;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;

/**
 * Brings a spatial tree forward by one change set, touching only the clusters on the paths of the objects that were
 * added, removed, moved to another home or whose centre moved. Those clusters are opened, their untouched child
 * clusters kept whole, and {@link CellPacker} packs what they held with what arrived, exactly as a full build packs it:
 * the result equals grouping the new revision afresh, at a cost in proportion to the change. Floors and zones that
 * were added, removed, moved (with their whole subtree, which stays packed as it was), reshaped or renamed are changed
 * in place.
 */
final class SpatialRegrouping {

    /** Where an object left from (its group and home, if they stay) and the home it goes to (null when removed). */
    private record Move(int oldGroup, String oldHome, String newHome) {
    }

    private final Revision before;
    private final Revision after;
    private final GroupTree.Editor tree;
    private final int fanOut;
    private final String rootId;
    private final String buildingWide;

    /** Objects other than floors and zones that a change reached. */
    private final Set<String> reached = new LinkedHashSet<>();
    /** Of those, the ones whose home or centre changed, or whose footprint came or went. */
    private final Map<String, Move> moves = new LinkedHashMap<>();
    /** Floors and zones that a change reached. */
    private final Set<String> changedHomes = new LinkedHashSet<>();
    /** Groups whose child groups may be out of order. */
    private final Set<String> unsorted = new HashSet<>();
    /** Cells of the clusters looked at, by group. */
    private final Map<Integer, Cell> cells = new HashMap<>();
    private boolean rootChanged;

    private SpatialRegrouping(GroupTree previous, Revision after, int fanOut) {
        this.before = previous.source();
        this.after = after;
        this.tree = previous.edit(after);
        this.fanOut = fanOut;
        this.rootId = previous.root().id();
        this.buildingWide = Homes.buildingWideId(rootId);
    }

    /** The tree of {@code after}, which is {@code previous}'s revision with {@code changes} applied. */
    static GroupTree apply(GroupTree previous, Revision after, ChangeSet changes, int fanOut) {
        return new SpatialRegrouping(previous, after, fanOut).run(changes);
    }

    private GroupTree run(ChangeSet changes) {
        for (Change change : changes.changes()) {
            collect(change);
        }
        locate();
        // what moves leaves now and is added where it belongs by the packing of its new home
        moves.keySet().forEach(tree::removeObject);
        addHomes();
        moveHomes();
        removeHomes();
        List<HomeEdit> edits = new ArrayList<>();
        for (String home : homesToEdit()) {
            edits.add(new HomeEdit(home));
        }
        Set<Integer> written = new HashSet<>();
        for (HomeEdit edit : edits) {
            edit.write(written);
        }
        removeOpened(edits, written);
        int buildingWideGroup = tree.group(buildingWide);
        if (buildingWideGroup >= 0 && tree.objectCount(buildingWideGroup) == 0) {
            tree.removeSubtree(buildingWideGroup); // it goes with its content
            unsorted.remove(buildingWide);
        }
        ChildOrder order = new ChildOrder(after);
        for (int group : written) {
            tree.sortChildGroups(group, order);
        }
        for (String id : unsorted) {
            int group = tree.group(id);
            if (group >= 0) {
                tree.sortChildGroups(group, order);
            }
        }
        // an object that kept its group kept its old footprint in the group's bounds
        for (String id : reached) {
            BuildingObject now = after.find(id).orElse(null);
            if (now != null && tree.groupOf(id) >= 0 && !Objects.equals(boundsOf(before.find(id).orElse(null)),
                    boundsOf(now))) {
                tree.updateObject(now);
            }
        }
        refreshHomes();
        return tree.build();
    }

    private void collect(Change change) {
        if (change instanceof Change.AddObject || change instanceof Change.RemoveObject
                || change instanceof Change.SetGeometry || change instanceof Change.Rename) {
            reach(change.targetId());
        } else if (change instanceof Change.MoveObject move) {
            reach(move.id());
            // an object that is not a floor or zone takes its whole subtree to its new home
            after.find(move.id()).filter(o -> !Homes.isHome(o.type())).ifPresent(o -> reachDescendants(o.id()));
        }
    }

    private void reach(String id) {
        BuildingObject was = before.find(id).orElse(null);
        BuildingObject now = after.find(id).orElse(null);
        if (id.equals(rootId)) {
            rootChanged = true;
            return;
        }
        if (was != null && Homes.isHome(was.type()) || now != null && Homes.isHome(now.type())) {
            changedHomes.add(id);
        }
        if (was != null && !Homes.isHome(was.type()) || now != null && !Homes.isHome(now.type())) {
            reached.add(id);
        }
    }

    private void reachDescendants(String id) {
        Deque<String> pending = new ArrayDeque<>(List.of(id));
        while (!pending.isEmpty()) {
            for (BuildingObject child : after.children(pending.pop())) {
                reached.add(child.id());
                pending.push(child.id());
            }
        }
    }

    /** Finds where each reached object was and now belongs; only a new home or a new centre moves it. */
    private void locate() {
        for (String id : reached) {
            int group = tree.groupOf(id);
            String oldHome = group >= 0 ? homeOfGroup(group) : null;
            BuildingObject now = after.find(id).filter(o -> !Homes.isHome(o.type())).orElse(null);
            String newHome = now == null ? null : Homes.homeOf(after, now, buildingWide);
            if (oldHome != null && oldHome.equals(newHome) && sameCentre(before.get(id), now)) {
                continue;
            }
            boolean stays = oldHome != null && (oldHome.equals(buildingWide) || isHomeIn(after, oldHome));
            moves.put(id, stays ? new Move(group, oldHome, newHome) : new Move(-1, null, newHome));
        }
    }

    private static boolean sameCentre(BuildingObject was, BuildingObject now) {
        Bounds a = boundsOf(was);
        Bounds b = boundsOf(now);
        return a == null ? b == null : b != null && Cell.centreX(a) == Cell.centreX(b)
                && Cell.centreY(a) == Cell.centreY(b);
    }

    private String homeOfGroup(int group) {
        int g = group;
        while (!Homes.isHomeGroup(tree.id(g))) {
            g = tree.parent(g);
        }
        return tree.id(g);
    }

    /** Homes that objects left or joined, that are still homes. */
    private Set<String> homesToEdit() {
        Set<String> homes = new LinkedHashSet<>();
        moves.values().forEach(move -> {
            if (move.oldHome() != null) {
                homes.add(move.oldHome());
            }
            if (move.newHome() != null) {
                homes.add(move.newHome());
            }
        });
        return homes;
    }

    /** Adds the groups of new floors and zones, parents first. */
    private void addHomes() {
        List<BuildingObject> added = new ArrayList<>();
        for (String id : changedHomes) {
            if (isHomeIn(after, id) && tree.group(id) < 0) {
                added.add(after.get(id));
            }
        }
        added.sort(Comparator.comparingInt(this::depthAfter));
        for (BuildingObject home : added) {
            tree.removeObject(home.id()); // an object that was not a home, removed and added again as one
            String container = Homes.containerOf(home, rootId);
            tree.addGroup(tree.group(container), home.id(), Homes.labelOf(home), home.type().id(), home.id());
            unsorted.add(container);
            unsorted.add(home.id());
        }
    }

    private void moveHomes() {
        for (String id : changedHomes) {
            int group = tree.group(id);
            if (group >= 0 && isHomeIn(after, id)) {
                String container = Homes.containerOf(after.get(id), rootId);
                int parent = tree.group(container);
                if (tree.parent(group) != parent) {
                    tree.moveGroup(group, parent);
                }
                unsorted.add(container);
            }
        }
    }

    /**
     * Removes the groups of floors and zones that are gone, deepest first, with their packings; objects of those that
     * still exist were moved, and arrive at their new homes when those are packed.
     */
    private void removeHomes() {
        List<Integer> gone = new ArrayList<>();
        for (String id : changedHomes) {
            int group = tree.group(id);
            if (group >= 0 && !isHomeIn(after, id)) {
                gone.add(group);
            }
        }
        gone.sort(Comparator.comparingInt(this::depthInTree).reversed());
        for (int group : gone) {
            tree.childGroups(group).forEach(tree::removeSubtree);
            tree.members(group).forEach(tree::removeObject);
            tree.removeGroup(group);
        }
    }

    /** Removes the opened clusters that the new packings do not hold, each with the opened ones below it. */
    private void removeOpened(List<HomeEdit> edits, Set<Integer> written) {
        Set<Integer> stale = new HashSet<>();
        edits.forEach(edit -> stale.addAll(edit.opened));
        stale.removeAll(written);
        List<Integer> topmost = stale.stream().filter(g -> !stale.contains(tree.parent(g))).toList();
        topmost.forEach(tree::removeSubtree);
    }

    /** Takes the new names and footprints of changed floors and zones, and of the building, into their groups. */
    private void refreshHomes() {
        for (String id : changedHomes) {
            int group = tree.group(id);
            if (group >= 0) {
                BuildingObject now = after.get(id);
                tree.setLabel(group, Homes.labelOf(now));
                tree.updateObject(now);
            }
        }
        if (rootChanged) {
            BuildingObject building = after.get(rootId);
            tree.setLabel(tree.root(), Homes.labelOf(building));
            tree.updateObject(building);
        }
    }

    /**
     * One home's part of the edit: read from the tree before anything is written, then written. Clusters on the path
     * of an object that left (from its old group up) or arrives (from the home down to the deepest cluster whose cell
     * holds its centre) are opened; the packing of what they held, and of what arrived, replaces them.
     */
    private final class HomeEdit {

        private final String home;
        /** Clusters opened, whose groups go unless the new packing holds them again. */
        private final Set<Integer> opened = new HashSet<>();
        private final List<BuildingObject> arrivingWithoutFootprint = new ArrayList<>();
        private final boolean noFootprintChanged;
        private final CellPacking packing;

        HomeEdit(String home) {
            this.home = home;
            int group = tree.group(home);
            Set<Integer> touched = new HashSet<>();
            List<CellPacker.Item> arriving = new ArrayList<>();
            boolean leftNoFootprint = false;
            for (Map.Entry<String, Move> entry : moves.entrySet()) {
                Move move = entry.getValue();
                if (home.equals(move.oldHome())) {
                    if (tree.id(move.oldGroup()).endsWith("/" + Homes.NO_FOOTPRINT)) {
                        leftNoFootprint = true;
                    } else {
                        for (int g = move.oldGroup(); g != group; g = tree.parent(g)) {
                            touched.add(g);
                        }
                        touched.add(group);
                    }
                }
                if (home.equals(move.newHome())) {
                    BuildingObject object = after.get(entry.getKey());
                    if (object.footprint() == null) {
                        arrivingWithoutFootprint.add(object);
                    } else {
                        CellPacker.Placed placed = CellPacker.Placed.of(object);
                        arriving.add(placed);
                        if (group >= 0) {
                            touchPathTo(group, placed, touched);
                        }
                    }
                }
            }
            noFootprintChanged = leftNoFootprint || !arrivingWithoutFootprint.isEmpty();
            if (touched.isEmpty() && arriving.isEmpty()) {
                packing = null;
                return;
            }
            List<CellPacker.Item> items = group >= 0 ? open(group, touched) : new ArrayList<>();
            items.addAll(arriving);
            packing = new CellPacker(fanOut, kept -> {
                opened.add(kept.group());
                return open(kept.group(), Set.of());
            }).pack(items);
        }

        private void touchPathTo(int homeGroup, CellPacker.Placed placed, Set<Integer> touched) {
            touched.add(homeGroup);
            for (int group = homeGroup; group >= 0; ) {
                int next = -1;
                for (int child : tree.childGroups(group)) {
                    Cell cell = cellOf(child);
                    if (cell != null && cell.contains(placed.x(), placed.y())) {
                        next = child;
                        break;
                    }
                }
                if (next >= 0) {
                    touched.add(next);
                }
                group = next;
            }
        }

        /** A cluster's cell, or null for a group that is not a cluster of a cell (a zone, a chunk, no-footprint). */
        private Cell cellOf(int group) {
            return cells.computeIfAbsent(group, g -> {
                String id = tree.id(g);
                return Homes.isCluster(id) && !Cell.isChunk(id) ? Cell.ofClusterId(id) : null;
            });
        }

        /**
         * What a group holds as items: its objects, its touched and its leaf clusters opened (a leaf is a run of
         * sub-cells that a change next to it may lengthen or cut), the others kept whole.
         */
        private List<CellPacker.Item> open(int group, Set<Integer> touched) {
            List<CellPacker.Item> items = new ArrayList<>();
            for (String id : tree.members(group)) {
                items.add(CellPacker.Placed.of(after.get(id)));
            }
            for (int child : tree.childGroups(group)) {
                String id = tree.id(child);
                if (!Homes.isCluster(id)) {
                    continue;
                }
                Cell cell = cellOf(child);
                if (cell == null || touched.contains(child) || tree.objectCount(child) <= fanOut) {
                    opened.add(child);
                    items.addAll(open(child, touched));
                } else {
                    items.add(new CellPacker.Kept(cell, child, tree.objectCount(child)));
                }
            }
            return items;
        }

        void write(Set<Integer> written) {
            int group = tree.group(home);
            if (group < 0) {
                // only the building-wide group comes and goes with its content
                group = tree.addGroup(tree.root(), buildingWide, "Building-wide", Homes.BUILDING_WIDE, null);
                unsorted.add(rootId);
            }
            if (packing != null) {
                packing.applyTo(tree, group, home, written);
                unsorted.add(home);
            }
            if (noFootprintChanged) {
                writeNoFootprint(group);
            }
        }

        private void writeNoFootprint(int homeGroup) {
            int group = tree.group(Homes.noFootprintId(home));
            List<BuildingObject> objects = new ArrayList<>(arrivingWithoutFootprint);
            if (group >= 0) {
                tree.members(group).forEach(id -> objects.add(after.get(id)));
            }
            objects.sort(Comparator.comparing(BuildingObject::id));
            if (objects.isEmpty()) {
                if (group >= 0) {
                    tree.removeSubtree(group);
                }
                return;
            }
            if (group < 0) {
                group = Homes.addNoFootprintGroup(tree, homeGroup, home);
                unsorted.add(home);
            }
            tree.setMembers(group, objects);
        }
    }

    private static boolean isHomeIn(Revision revision, String id) {
        return revision.find(id).filter(o -> Homes.isHome(o.type())).isPresent();
    }

    private int depthAfter(BuildingObject object) {
        int depth = 0;
        for (String id = object.parentId(); id != null; id = after.get(id).parentId()) {
            depth++;
        }
        return depth;
    }

    private int depthInTree(int group) {
        int depth = 0;
        for (int g = tree.parent(group); g >= 0; g = tree.parent(g)) {
            depth++;
        }
        return depth;
    }

    private static Bounds boundsOf(BuildingObject object) {
        return object == null || object.footprint() == null ? null : object.footprint().bounds();
    }
}
