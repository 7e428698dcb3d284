package org.arxos.grouping.functional.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.arxos.grouping.GroupTree;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;

/**
 * Brings a functional hierarchy forward by one change set. An object's group depends on its type, kind, the kind of
 * its parent system and its floor, so only these objects can change groups: added, removed and moved ones, the
 * subtree of an object moved to another floor, objects whose {@code containedIn} changed, and, after any addition,
 * removal or move, the objects on no floor of their own that take it from {@code containedIn} (few: the components
 * of building-wide systems). Of those, the ones whose group differs move; function and floor groups left empty are
 * removed, so the result is the tree a full grouping makes.
 */
final class FunctionalTreeEdit {

    private final GroupTree previous;
    private final Revision before;
    private final Revision after;
    private final FunctionalPlacements placements;
    private final Floors floorsBefore;
    private final Set<String> candidates = new LinkedHashSet<>();
    private final Set<String> reshaped = new LinkedHashSet<>();
    private final Set<String> renamed = new LinkedHashSet<>();

    private FunctionalTreeEdit(GroupTree previous, Revision revision, FunctionRules rules) {
        this.previous = previous;
        this.before = previous.source();
        this.after = revision;
        this.placements = new FunctionalPlacements(revision, rules);
        this.floorsBefore = new Floors(before);
    }

    static GroupTree apply(GroupTree previous, Revision revision, ChangeSet changes, FunctionRules rules) {
        return new FunctionalTreeEdit(previous, revision, rules).run(changes);
    }

    private GroupTree run(ChangeSet changes) {
        boolean structural = false;
        for (Change change : changes.changes()) {
            if (change instanceof Change.AddObject || change instanceof Change.RemoveObject) {
                candidates.add(change.targetId());
                structural = true;
            } else if (change instanceof Change.MoveObject move) {
                candidates.add(move.id());
                moved(move.id());
                structural = true;
            } else if (change instanceof Change.SetProperty set && set.name().equals(Floors.CONTAINED_IN)
                    || change instanceof Change.ClearProperty clear
                            && clear.name().equals(Floors.CONTAINED_IN)) {
                candidates.add(change.targetId());
            } else if (change instanceof Change.SetGeometry) {
                reshaped.add(change.targetId());
            } else if (change instanceof Change.Rename) {
                renamed.add(change.targetId());
            }
        }
        if (structural) {
            after.root().ifPresent(this::floorlessSystems);
        }
        GroupTree.Editor editor = previous.edit(after);
        Set<String> emptied = new LinkedHashSet<>();
        Set<String> placed = new LinkedHashSet<>();
        for (String id : candidates) {
            BuildingObject object = after.find(id).orElse(null);
            FunctionGroup wanted = object == null ? null : placements.groupOf(object);
            String had = previous.groupOf(id).orElse(null);
            if (Objects.equals(had, wanted == null ? null : wanted.id())) {
                continue;
            }
            if (had != null) {
                editor.removeObject(id);
                emptied.add(had);
            }
            if (wanted != null) {
                editor.addObject(wanted.indexIn(editor), object);
                placed.add(id);
            }
        }
        for (String id : reshaped) {
            if (!placed.contains(id)) {
                after.find(id).filter(o -> editor.groupOf(o.id()) >= 0 || editor.group(o.id()) >= 0)
                        .ifPresent(editor::updateObject);
            }
        }
        for (String id : renamed) {
            after.find(id).ifPresent(object -> {
                if (object.type() == ObjectType.FLOOR) {
                    relabelFloorGroups(editor, object);
                } else if (object.type() == ObjectType.BUILDING) {
                    editor.setLabel(editor.root(), labelOf(object));
                }
            });
        }
        for (String id : emptied) {
            removeIfEmpty(editor, id);
            int slash = id.indexOf('/', 1);
            if (slash > 0) {
                removeIfEmpty(editor, id.substring(0, slash));
            }
        }
        return editor.build();
    }

    /** An object moved to another floor takes its subtree with it. */
    private void moved(String id) {
        BuildingObject now = after.find(id).orElse(null);
        BuildingObject then = before.find(id).orElse(null);
        if (now == null || then == null
                || Objects.equals(floorsBefore.ofAncestors(then), placements.floors().ofAncestors(now))) {
            return;
        }
        Deque<String> pending = new ArrayDeque<>();
        pending.push(id);
        while (!pending.isEmpty()) {
            for (BuildingObject child : after.children(pending.pop())) {
                candidates.add(child.id());
                pending.push(child.id());
            }
        }
    }

    /** The systems that hang from the building and their subtrees: these take their floor from containedIn. */
    private void floorlessSystems(BuildingObject building) {
        Deque<BuildingObject> pending = new ArrayDeque<>();
        for (BuildingObject child : after.children(building.id())) {
            if (child.type() == ObjectType.SYSTEM) {
                pending.push(child);
            }
        }
        while (!pending.isEmpty()) {
            BuildingObject object = pending.pop();
            if (object.properties().contains(Floors.CONTAINED_IN)) {
                candidates.add(object.id());
            }
            after.children(object.id()).forEach(pending::push);
        }
    }

    /** The floor's groups, one per function, are labelled with the floor's name. */
    private static void relabelFloorGroups(GroupTree.Editor editor, BuildingObject floor) {
        String label = labelOf(floor);
        for (int function : editor.childGroups(editor.root())) {
            int group = editor.group(editor.id(function) + "/" + floor.id());
            if (group >= 0) {
                editor.setLabel(group, label);
            }
        }
    }

    private static String labelOf(BuildingObject object) {
        return object.name() != null ? object.name() : object.id();
    }

    private static void removeIfEmpty(GroupTree.Editor editor, String id) {
        int group = editor.group(id);
        if (group >= 0 && editor.members(group).isEmpty() && editor.childGroups(group).isEmpty()) {
            editor.removeGroup(group);
        }
    }
}
