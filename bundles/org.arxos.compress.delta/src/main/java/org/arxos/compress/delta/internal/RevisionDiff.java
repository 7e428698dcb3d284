package org.arxos.compress.delta.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.arxos.compress.bim.column.NaturalIdOrder;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.Connection;
import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;

/**
 * The change set that turns one revision into another, in an order that applies: connections that go or change are
 * disconnected first (except those of removed objects), new objects are added parents first, moved objects are moved
 * shallowest first (so a move never puts an object inside itself), then geometry, names and properties change,
 * objects go deepest first, each right after its remaining connections, and new or changed connections are made
 * last. Within a group, changes are sorted by their target's {@link IdTable} number, new objects and connections by
 * id, so that references and ids cost little. An object whose type or kind changed cannot be expressed (no change sets
 * them): the diff is then empty and the caller stores the target whole.
 */
final class RevisionDiff {

    private RevisionDiff() {
    }

    static Optional<ChangeSet> between(Revision base, Revision target, IdTable objects, IdTable connections,
            String author, String message) {
        List<Change> disconnects = new ArrayList<>();
        List<BuildingObject> adds = new ArrayList<>();
        List<BuildingObject> moves = new ArrayList<>();
        List<BuildingObject> edits = new ArrayList<>();
        List<BuildingObject> removes = new ArrayList<>();
        List<Change.Connect> connects = new ArrayList<>();

        Iterator<BuildingObject> targetObjects = target.objects().iterator();
        while (targetObjects.hasNext()) {
            BuildingObject after = targetObjects.next();
            BuildingObject before = base.find(after.id()).orElse(null);
            if (before == null) {
                adds.add(after);
            } else if (before.type() != after.type() || !before.kind().equals(after.kind())) {
                return Optional.empty();
            } else if (!before.equals(after)) {
                if (!Objects.equals(before.parentId(), after.parentId())) {
                    moves.add(after);
                }
                edits.add(after);
            }
        }
        Iterator<BuildingObject> baseObjects = base.objects().iterator();
        while (baseObjects.hasNext()) {
            BuildingObject before = baseObjects.next();
            if (target.find(before.id()).isEmpty()) {
                removes.add(before);
            }
        }
        Set<String> removed = new HashSet<>();
        removes.forEach(o -> removed.add(o.id()));
        Iterator<Connection> baseConnections = base.connections().iterator();
        while (baseConnections.hasNext()) {
            Connection before = baseConnections.next();
            boolean goesWithAnObject = removed.contains(before.fromId()) || removed.contains(before.toId());
            if (!goesWithAnObject && !target.connection(before.id()).map(before::equals).orElse(false)) {
                disconnects.add(new Change.Disconnect(before.id()));
            }
        }
        Iterator<Connection> targetConnections = target.connections().iterator();
        while (targetConnections.hasNext()) {
            Connection after = targetConnections.next();
            if (!base.connection(after.id()).map(after::equals).orElse(false)) {
                connects.add(new Change.Connect(after));
            }
        }

        Comparator<String> byNumber = Comparator.comparingInt(objects::numberOf);
        // parents first; beside that in id order, in which ids and the connections made to them cost least
        adds.sort(Comparator.<BuildingObject>comparingInt(o -> depth(target, o))
                .thenComparing(BuildingObject::id, NaturalIdOrder.INSTANCE));
        connects.sort(Comparator.comparing(c -> c.connection().id(), NaturalIdOrder.INSTANCE));
        disconnects.sort(Comparator.comparing(Change::targetId, Comparator.comparingInt(connections::numberOf)));
        moves.sort(Comparator.<BuildingObject>comparingInt(o -> depth(target, o))
                .thenComparing(BuildingObject::id, byNumber));
        edits.sort(Comparator.comparing(BuildingObject::id, byNumber));
        removes.sort(Comparator.<BuildingObject>comparingInt(o -> -depth(base, o))
                .thenComparing(BuildingObject::id, byNumber));

        List<Change> changes = new ArrayList<>(disconnects);
        for (BuildingObject o : adds) {
            changes.add(new Change.AddObject(o));
        }
        for (BuildingObject o : moves) {
            changes.add(new Change.MoveObject(o.id(), o.parentId()));
        }
        for (BuildingObject after : edits) {
            edit(base.get(after.id()), after, changes);
        }
        Set<String> disconnected = new HashSet<>();
        for (BuildingObject o : removes) {
            for (String connection : ConnectionsOf.sorted(base, o.id())) {
                if (disconnected.add(connection)) {
                    changes.add(new Change.Disconnect(connection));
                }
            }
            changes.add(new Change.RemoveObject(o.id()));
        }
        changes.addAll(connects);
        return Optional.of(new ChangeSet(author, message, changes));
    }

    private static void edit(BuildingObject before, BuildingObject after, List<Change> changes) {
        if (!Objects.equals(before.footprint(), after.footprint())
                || !Objects.equals(before.elevation(), after.elevation())) {
            changes.add(new Change.SetGeometry(after.id(), after.footprint(), after.elevation()));
        }
        if (!Objects.equals(before.name(), after.name())) {
            changes.add(new Change.Rename(after.id(), after.name()));
        }
        Properties old = before.properties();
        Properties now = after.properties();
        for (int i = 0; i < old.size(); i++) {
            if (!now.contains(old.nameAt(i))) {
                changes.add(new Change.ClearProperty(after.id(), old.nameAt(i)));
            }
        }
        for (int i = 0; i < now.size(); i++) {
            PropertyValue value = now.valueAt(i);
            if (!old.get(now.nameAt(i)).map(value::equals).orElse(false)) {
                changes.add(new Change.SetProperty(after.id(), now.nameAt(i), value));
            }
        }
    }

    private static int depth(Revision revision, BuildingObject o) {
        int depth = 0;
        for (String parent = o.parentId(); parent != null; parent = revision.get(parent).parentId()) {
            depth++;
        }
        return depth;
    }
}
