package org.arxos.grouping.system.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.arxos.grouping.GroupTree;
import org.arxos.model.Revision;

/**
 * Brings a system hierarchy forward by one change set. Only the objects the changes touch are looked at, and in a
 * system whose feeds they change, the touched components when the change is local ({@link LocalLayoutChange}), else
 * all its components; of those, only the ones not where their new placement says are changed: a leaf moves, a group
 * moves with its subtree, a component that starts or stops feeding others turns into a group or a leaf. Pure groups
 * left empty are removed, so the result is the tree {@link SystemGroupingStrategy#group} makes of the new revision.
 *
 * <p>The components of a touched system are fixed in feed order, so the feeder a component goes under is right
 * before the component is looked at. A group that cannot move (its new parent lies inside it, when a feed turns
 * round) or stops being one is taken apart, and what was inside goes back where its own placement says.
 */
final class SystemTreeEdit {

    private final GroupTree previous;
    private final GroupTree.Editor editor;
    private final SystemPlacements placements;
    private final GroupPlacer placer;
    private final Set<String> takenOut = new LinkedHashSet<>();
    private final Set<String> emptied = new LinkedHashSet<>();

    private SystemTreeEdit(GroupTree previous, Revision revision) {
        this.previous = previous;
        this.editor = previous.edit(revision);
        this.placements = new SystemPlacements(revision);
        this.placer = new GroupPlacer(editor, placements);
    }

    static GroupTree apply(GroupTree previous, Revision revision, ChangeScope scope) {
        return new SystemTreeEdit(previous, revision).run(scope);
    }

    private GroupTree run(ChangeScope scope) {
        Revision revision = placements.revision();
        Set<String> candidates = new LinkedHashSet<>();
        scope.systems().forEach((system, touched) -> {
            if (revision.find(system).isEmpty()) {
                return;
            }
            Optional<Map<String, Placement>> local = LocalLayoutChange.of(system, touched, previous, revision);
            if (local.isPresent()) {
                placements.assume(local.get());
                candidates.addAll(local.get().keySet());
            } else {
                placements.layout(system).components().forEach(c -> candidates.add(c.id()));
            }
        });
        candidates.addAll(scope.objects());
        candidates.forEach(this::fix);
        takenOut.forEach(placer::place);
        for (String id : scope.renamed()) {
            int group = editor.group(id);
            if (group >= 0) {
                editor.setLabel(group, SystemPlacements.label(revision.get(id)));
            }
        }
        for (String id : scope.reshaped()) {
            if (placer.contains(id)) {
                editor.updateObject(revision.get(id));
            }
        }
        for (String id : emptied) {
            int group = editor.group(id);
            if (group >= 0 && editor.members(group).isEmpty() && editor.childGroups(group).isEmpty()) {
                editor.removeGroup(group);
            }
        }
        return editor.build();
    }

    /** Puts the object where its placement says, if it is not there already. */
    private void fix(String id) {
        Placement wanted = placements.of(id);
        int group = editor.group(id);
        int leafOf = group < 0 ? editor.groupOf(id) : -1;
        if (group < 0 && leafOf < 0) {
            if (wanted != null) {
                placer.place(id);
            }
            return;
        }
        int parent = group >= 0 ? editor.parent(group) : leafOf;
        String parentId = editor.id(parent);
        if (wanted != null && wanted.group() == (group >= 0) && parentId.equals(wanted.parent().id())) {
            return;
        }
        if (isPure(parentId)) {
            emptied.add(parentId);
        }
        if (group < 0) {
            editor.removeObject(id);
        } else if (wanted != null && wanted.group()) {
            int target = placer.group(wanted.parent());
            if (!isWithin(target, group)) {
                editor.moveGroup(group, target);
                return;
            }
            takeApart(group);
        } else {
            takeApart(group);
        }
        if (wanted != null) {
            placer.place(id);
        }
    }

    private boolean isWithin(int group, int ancestor) {
        for (int g = group; g >= 0; g = editor.parent(g)) {
            if (g == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Removes a group with its subtree and notes the objects in it, which go back where they belong. */
    private void takeApart(int top) {
        Deque<Integer> pending = new ArrayDeque<>();
        pending.push(top);
        while (!pending.isEmpty()) {
            int group = pending.pop();
            String id = editor.id(group);
            if (!isPure(id)) {
                takenOut.add(id);
            }
            takenOut.addAll(editor.members(group));
            editor.childGroups(group).forEach(pending::push);
        }
        editor.removeSubtree(top);
    }

    private static boolean isPure(String groupId) {
        return groupId.indexOf('/') >= 0;
    }
}
