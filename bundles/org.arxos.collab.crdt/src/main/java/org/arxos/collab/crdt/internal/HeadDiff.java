package org.arxos.collab.crdt.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.Connection;
import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;

/**
 * The change set that turns the server's head revision into the replicated tree, looking only at what the last
 * operation touched (including what undo and redo touched). Ordered so that every step is valid on its own: connections
 * go first, new objects are added parents first, moves go top-down by their new depth (so a move never passes through a
 * cycle), then edits and new connections, and removals last, children first.
 */
final class HeadDiff {

    private HeadDiff() {
    }

    static List<Change> between(Revision head, TreeState tree) {
        List<Change> disconnects = new ArrayList<>();
        List<Change> connects = new ArrayList<>();
        for (String id : tree.touchedConnections()) {
            Optional<Connection> before = head.connection(id);
            Connection after = tree.connection(id);
            if (before.isPresent() && !before.get().equals(after)) {
                disconnects.add(new Change.Disconnect(id));
            }
            if (after != null && !after.equals(before.orElse(null))) {
                connects.add(new Change.Connect(after));
            }
        }
        List<BuildingObject> added = new ArrayList<>();
        List<BuildingObject> moved = new ArrayList<>();
        List<BuildingObject> removed = new ArrayList<>();
        List<Change> edits = new ArrayList<>();
        for (String id : tree.touchedObjects()) {
            BuildingObject before = head.find(id).orElse(null);
            BuildingObject after = tree.live(id);
            if (before == null && after != null) {
                added.add(after);
            } else if (before != null && after == null) {
                removed.add(before);
            } else if (before != null) {
                if (!Objects.equals(before.parentId(), after.parentId())) {
                    moved.add(after);
                }
                edits(before, after, edits);
            }
        }
        added.sort(Comparator.comparingInt(o -> tree.depth(o.id())));
        moved.sort(Comparator.comparingInt(o -> tree.depth(o.id())));
        removed.sort(Comparator.comparingInt((BuildingObject o) -> depth(head, o)).reversed());
        List<Change> changes = new ArrayList<>(disconnects);
        added.forEach(o -> changes.add(new Change.AddObject(o)));
        moved.forEach(o -> changes.add(new Change.MoveObject(o.id(), o.parentId())));
        changes.addAll(edits);
        changes.addAll(connects);
        removed.forEach(o -> changes.add(new Change.RemoveObject(o.id())));
        return changes;
    }

    private static void edits(BuildingObject before, BuildingObject after, List<Change> edits) {
        String id = after.id();
        if (!Objects.equals(before.name(), after.name())) {
            edits.add(new Change.Rename(id, after.name()));
        }
        if (!Objects.equals(before.footprint(), after.footprint()) || !Objects.equals(before.elevation(), after.elevation())) {
            edits.add(new Change.SetGeometry(id, after.footprint(), after.elevation()));
        }
        Properties was = before.properties();
        Properties is = after.properties();
        if (!was.equals(is)) {
            for (int i = 0; i < was.size(); i++) {
                if (!is.contains(was.nameAt(i))) {
                    edits.add(new Change.ClearProperty(id, was.nameAt(i)));
                }
            }
            for (int i = 0; i < is.size(); i++) {
                PropertyValue value = is.valueAt(i);
                if (!value.equals(was.get(is.nameAt(i)).orElse(null))) {
                    edits.add(new Change.SetProperty(id, is.nameAt(i), value));
                }
            }
        }
    }

    private static int depth(Revision head, BuildingObject o) {
        int d = 0;
        for (String p = o.parentId(); p != null; p = head.get(p).parentId()) {
            d++;
        }
        return d;
    }
}
