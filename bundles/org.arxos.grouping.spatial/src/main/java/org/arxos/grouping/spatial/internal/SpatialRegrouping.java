package org.arxos.grouping.spatial.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
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
 * Brings a spatial tree forward by one change set, touching only the homes (floors, zones, the building-wide group)
 * whose objects or footprints the changes reach. Those homes are packed again exactly as a full build packs them, so
 * the result equals grouping the new revision afresh, and the new packing replaces the old one cluster by cluster: a
 * cluster whose members did not change is not written. Floors and zones that were added, removed, moved (with their
 * whole subtree, which stays packed as it was), reshaped or renamed are changed in place.
 */
final class SpatialRegrouping {

    private final Revision before;
    private final Revision after;
    private final GroupTree.Editor tree;
    private final int fanOut;
    private final String rootId;
    private final String buildingWide;

    /** Objects other than floors and zones that a change reached. */
    private final Set<String> reached = new LinkedHashSet<>();
    /** Of those, the ones whose home or footprint changed, to the home they belong to now (null when removed). */
    private final Map<String, String> relocated = new HashMap<>();
    /** Floors and zones that a change reached. */
    private final Set<String> changedHomes = new LinkedHashSet<>();
    /** Homes to pack again. */
    private final Set<String> repack = new LinkedHashSet<>();
    /** Groups whose child groups may be out of order. */
    private final Set<String> unsorted = new HashSet<>();
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
        Map<String, List<String>> contents = contentsOfRepackedHomes();
        addHomes();
        moveHomes();
        removeHomes();
        pack(contents);
        refreshHomes();
        ChildOrder order = new ChildOrder(after);
        for (String id : unsorted) {
            int group = tree.group(id);
            if (group >= 0) {
                tree.sortChildGroups(group, order);
            }
        }
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

    /** Finds where each reached object was and now belongs, and marks both homes when anything spatial changed. */
    private void locate() {
        for (String id : reached) {
            int group = tree.groupOf(id);
            String oldHome = group >= 0 ? homeOfGroup(group) : null;
            BuildingObject now = after.find(id).filter(o -> !Homes.isHome(o.type())).orElse(null);
            String newHome = now == null ? null : Homes.homeOf(after, now, buildingWide);
            // STR orders items by the centres of their footprints, but nodes by the centres of their bounds, which
            // any change of an extent can move: only an unchanged footprint in an unchanged home keeps the packing
            if (oldHome != null && oldHome.equals(newHome)
                    && Objects.equals(boundsOf(before.get(id)), boundsOf(now))) {
                continue;
            }
            relocated.put(id, newHome);
            if (oldHome != null) {
                repack.add(oldHome);
            }
            if (newHome != null) {
                repack.add(newHome);
            }
        }
        for (String id : changedHomes) {
            if (!isHomeIn(after, id)) {
                repack.add(id);
            }
        }
    }

    private String homeOfGroup(int group) {
        int g = group;
        while (!Homes.isHomeGroup(tree.id(g))) {
            g = tree.parent(g);
        }
        return tree.id(g);
    }

    /** The ids of the objects each home to pack again holds now, in its members and its packing's groups. */
    private Map<String, List<String>> contentsOfRepackedHomes() {
        Map<String, List<String>> contents = new HashMap<>();
        for (String home : repack) {
            int group = tree.group(home);
            if (group < 0) {
                continue;
            }
            List<String> ids = new ArrayList<>(tree.members(group));
            for (int child : tree.childGroups(group)) {
                if (!Homes.isHomeGroup(tree.id(child))) {
                    collectMembers(child, ids);
                }
            }
            contents.put(home, ids);
        }
        return contents;
    }

    private void collectMembers(int group, List<String> ids) {
        ids.addAll(tree.members(group));
        for (int child : tree.childGroups(group)) {
            collectMembers(child, ids);
        }
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

    /** Packs every home to pack again from what it held, less what left, plus what arrived; homes in parallel. */
    private void pack(Map<String, List<String>> contents) {
        Map<String, List<String>> arriving = new HashMap<>();
        relocated.forEach((id, home) -> {
            if (home != null) {
                arriving.computeIfAbsent(home, h -> new ArrayList<>()).add(id);
            }
        });
        List<String> homes = repack.stream().filter(h -> h.equals(buildingWide) || isHomeIn(after, h)).toList();
        List<ClusterPacking> packings = homes.parallelStream().map(home -> {
            List<BuildingObject> objects = new ArrayList<>();
            for (String id : contents.getOrDefault(home, List.of())) {
                if (!relocated.containsKey(id)) {
                    objects.add(after.get(id));
                }
            }
            for (String id : arriving.getOrDefault(home, List.of())) {
                objects.add(after.get(id));
            }
            return ClusterPacking.of(objects, fanOut);
        }).toList();
        for (int i = 0; i < homes.size(); i++) {
            String home = homes.get(i);
            ClusterPacking packing = packings.get(i);
            int group = tree.group(home);
            if (home.equals(buildingWide)) {
                if (packing.isEmpty()) {
                    if (group >= 0) {
                        tree.removeSubtree(group);
                    }
                    continue;
                }
                if (group < 0) {
                    group = tree.addGroup(tree.root(), buildingWide, "Building-wide", Homes.BUILDING_WIDE, null);
                    unsorted.add(rootId);
                }
            }
            if (packing.replace(tree, group, home)) {
                unsorted.add(home);
            }
        }
        // an object that kept its group kept its old footprint in the group's bounds
        relocated.forEach((id, home) -> {
            if (home != null) {
                tree.updateObject(after.get(id));
            }
        });
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
