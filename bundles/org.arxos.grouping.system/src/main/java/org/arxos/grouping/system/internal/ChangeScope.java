package org.arxos.grouping.system.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;

/**
 * What one change set touches in the system hierarchy.
 *
 * @param objects     objects whose placement may have changed: added, removed or moved ones, and the components
 *                    in a moved space (they are placed beside the space)
 * @param systems     systems whose layout may have changed, each with its components the changes touch: a component
 *                    came or went, or a flow connection of one of its components was made or removed
 * @param reshaped    objects whose geometry changed
 * @param renamed     objects whose name changed
 */
record ChangeScope(Set<String> objects, Map<String, Set<String>> systems, Set<String> reshaped,
        Set<String> renamed) {

    static ChangeScope of(ChangeSet changes, Revision before, Revision after) {
        ChangeScope scope = new ChangeScope(new LinkedHashSet<>(), new LinkedHashMap<>(), new LinkedHashSet<>(),
                new LinkedHashSet<>());
        Map<String, Connection> made = new HashMap<>();
        for (Change change : changes.changes()) {
            if (change instanceof Change.AddObject add) {
                scope.placementChanged(add.object().id(), before, after);
            } else if (change instanceof Change.RemoveObject remove) {
                scope.placementChanged(remove.id(), before, after);
            } else if (change instanceof Change.MoveObject move) {
                scope.placementChanged(move.id(), before, after);
                if (after.find(move.id()).map(o -> o.type() == ObjectType.SPACE).orElse(false)) {
                    for (BuildingObject inside : after.children(move.id())) {
                        scope.objects.add(inside.id());
                    }
                }
            } else if (change instanceof Change.SetGeometry geometry) {
                scope.reshaped.add(geometry.id());
            } else if (change instanceof Change.Rename rename) {
                scope.renamed.add(rename.id());
            } else if (change instanceof Change.Connect connect) {
                made.put(connect.connection().id(), connect.connection());
                scope.flowChanged(connect.connection(), before, after);
            } else if (change instanceof Change.Disconnect disconnect) {
                Connection gone = made.remove(disconnect.connectionId());
                if (gone == null) {
                    gone = before.connection(disconnect.connectionId()).orElse(null);
                }
                if (gone != null) {
                    scope.flowChanged(gone, before, after);
                }
            }
        }
        return scope;
    }

    private void placementChanged(String id, Revision before, Revision after) {
        objects.add(id);
        layoutChanged(id, before);
        layoutChanged(id, after);
    }

    private void flowChanged(Connection connection, Revision before, Revision after) {
        if (SystemLayout.carriesFlow(connection)) {
            for (Revision revision : new Revision[] {before, after}) {
                layoutChanged(connection.fromId(), revision);
                layoutChanged(connection.toId(), revision);
            }
        }
    }

    /** Notes the object as touched in the system it is a component of in that revision, if any. */
    private void layoutChanged(String id, Revision revision) {
        BuildingObject object = revision.find(id).orElse(null);
        if (object != null && object.type() == ObjectType.COMPONENT) {
            revision.find(object.parentId()).filter(p -> p.type() == ObjectType.SYSTEM).ifPresent(
                    system -> systems.computeIfAbsent(system.id(), s -> new LinkedHashSet<>()).add(object.id()));
        }
    }
}
