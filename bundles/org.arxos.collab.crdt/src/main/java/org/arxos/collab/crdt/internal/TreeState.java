package org.arxos.collab.crdt.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.arxos.api.collab.FieldWrite;
import org.arxos.api.collab.Operation;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.arxos.model.Rule;
import org.arxos.model.Violation;

/**
 * The mutable tree of one replica. Every change is checked against the model's rules on the current state and, when it
 * passes, applied with a step that undoes it, so that the log can undo later operations, apply an earlier one and redo
 * them. A removed object stays as a tombstone (Kleppmann's trash): its id is never given to another object, and undoing
 * the removal puts it back.
 */
public final class TreeState {

    static final class Node {
        BuildingObject object;
        /** The parent's node, so that walking up to the root does not look ids up. */
        Node parent;
        boolean removed;
        int children;
        int connections;

        Node(BuildingObject object, Node parent) {
            this.object = object;
            this.parent = parent;
        }
    }

    private record Placed(Connection connection, Operation connectedBy) {
    }

    private final Map<String, Node> nodes = new HashMap<>();
    private final Map<String, Placed> connections = new HashMap<>();
    private final IndexedIds liveIds = new IndexedIds();
    private final IndexedIds connectionIds = new IndexedIds();
    private String rootId;
    /** Who last wrote each (object, field); kept only on the server, which reports conflicts. */
    private final Map<String, LogEntry> writers;
    private final Set<String> touchedObjects;
    private final Set<String> touchedConnections;

    public TreeState(Revision snapshot, boolean server) {
        this.writers = server ? new HashMap<>() : null;
        this.touchedObjects = server ? new HashSet<>() : null;
        this.touchedConnections = server ? new HashSet<>() : null;
        snapshot.objects().forEach(o -> {
            Node parent = o.parentId() == null ? null : nodes.get(o.parentId());
            nodes.put(o.id(), new Node(o, parent));
            liveIds.add(o.id());
            if (parent == null) {
                rootId = o.id();
            } else {
                parent.children++;
            }
        });
        snapshot.connections().forEach(c -> {
            connections.put(c.id(), new Placed(c, null));
            connectionIds.add(c.id());
            nodes.get(c.fromId()).connections++;
            nodes.get(c.toId()).connections++;
        });
    }

    // ---------------------------------------------------------------- reading

    public BuildingObject live(String id) {
        Node n = nodes.get(id);
        return n == null || n.removed ? null : n.object;
    }

    public Connection connection(String id) {
        Placed p = connections.get(id);
        return p == null ? null : p.connection;
    }

    public int liveCount() {
        return liveIds.size();
    }

    /** A live object's id picked at random, {@code null} when there is none. */
    public String randomObject(Random random) {
        return liveIds.random(random);
    }

    /** A connection's id picked at random, {@code null} when there is none. */
    public String randomConnection(Random random) {
        return connectionIds.random(random);
    }

    public int childCount(String id) {
        Node n = nodes.get(id);
        return n == null ? 0 : n.children;
    }

    public int connectionCount(String id) {
        Node n = nodes.get(id);
        return n == null ? 0 : n.connections;
    }

    public int connectionTotal() {
        return connections.size();
    }

    public Stream<Connection> connections() {
        return connections.values().stream().map(Placed::connection);
    }

    /** The number of ancestors of a live object (0 for the root). */
    public int depth(String id) {
        int d = 0;
        for (Node p = nodes.get(id).parent; p != null; p = p.parent) {
            d++;
        }
        return d;
    }

    /**
     * The live objects reachable from the root, parents first.
     *
     * @throws IllegalStateException when a live object cannot be reached: the tree has a cycle or lost a subtree
     */
    public List<BuildingObject> objectsParentsFirst() {
        Map<String, List<BuildingObject>> children = new HashMap<>();
        for (String id : liveIds.list()) {
            BuildingObject o = nodes.get(id).object;
            if (o.parentId() != null) {
                children.computeIfAbsent(o.parentId(), k -> new ArrayList<>()).add(o);
            }
        }
        List<BuildingObject> ordered = new ArrayList<>(liveIds.size());
        if (rootId != null) {
            ArrayDeque<BuildingObject> queue = new ArrayDeque<>();
            queue.add(nodes.get(rootId).object);
            while (!queue.isEmpty()) {
                BuildingObject o = queue.poll();
                ordered.add(o);
                queue.addAll(children.getOrDefault(o.id(), List.of()));
            }
        }
        if (ordered.size() != liveIds.size()) {
            throw new IllegalStateException((liveIds.size() - ordered.size())
                    + " live objects cannot be reached from the root: the tree has a cycle or lost a subtree");
        }
        return ordered;
    }

    // ---------------------------------------------------------------- what the server reports

    /** The entry that last wrote {@code field} of {@code id}, where writers are kept; {@code null} otherwise. */
    public LogEntry writer(String id, String field) {
        return writers == null ? null : writers.get(writerKey(id, field));
    }

    public Set<String> touchedObjects() {
        return touchedObjects;
    }

    public Set<String> touchedConnections() {
        return touchedConnections;
    }

    public void clearTouched() {
        touchedObjects.clear();
        touchedConnections.clear();
    }

    // ---------------------------------------------------------------- applying

    /**
     * Applies the entry's operation, all of its changes or none: on the first change that breaks a rule, what was
     * applied is undone and the entry records the violation.
     */
    void apply(LogEntry entry) {
        entry.undo.clear();
        entry.rejected = null;
        List<Change> changes = entry.operation.changes().changes();
        for (int i = 0; i < changes.size(); i++) {
            Violation v = apply(i, changes.get(i), entry);
            if (v != null) {
                undo(entry);
                entry.rejected = v;
                return;
            }
        }
    }

    void undo(LogEntry entry) {
        for (int i = entry.undo.size() - 1; i >= 0; i--) {
            entry.undo.get(i).run();
        }
        entry.undo.clear();
    }

    private Violation apply(int i, Change change, LogEntry entry) {
        if (change instanceof Change.AddObject c) {
            return add(i, c.object(), entry);
        } else if (change instanceof Change.RemoveObject c) {
            return remove(i, c.id(), entry);
        } else if (change instanceof Change.MoveObject c) {
            return move(i, c.id(), c.newParentId(), entry);
        } else if (change instanceof Change.SetProperty c) {
            if (c.name() == null || c.name().isBlank() || c.value() == null) {
                return new Violation(i, c.id(), Rule.INVALID_VALUE, "a property to set needs a name and a value");
            }
            return update(i, c.id(), c.name(), entry, o -> o.withProperties(o.properties().with(c.name(), c.value())));
        } else if (change instanceof Change.ClearProperty c) {
            if (c.name() == null || c.name().isBlank()) {
                return new Violation(i, c.id(), Rule.INVALID_VALUE, "the property to clear needs a name");
            }
            return update(i, c.id(), c.name(), entry, o -> o.withProperties(o.properties().without(c.name())));
        } else if (change instanceof Change.SetGeometry c) {
            return update(i, c.id(), FieldWrite.GEOMETRY, entry, o -> o.withGeometry(c.footprint(), c.elevation()));
        } else if (change instanceof Change.Rename c) {
            if (c.name() != null && c.name().isBlank()) {
                return new Violation(i, c.id(), Rule.INVALID_VALUE, "a new name cannot be blank; give null to clear it");
            }
            return update(i, c.id(), FieldWrite.NAME, entry, o -> o.withName(c.name()));
        } else if (change instanceof Change.Connect c) {
            return connect(i, c.connection(), entry);
        } else if (change instanceof Change.Disconnect c) {
            return disconnect(i, c.connectionId(), entry);
        }
        return new Violation(i, null, Rule.INVALID_VALUE, "change " + i + " is missing");
    }

    private Violation add(int i, BuildingObject o, LogEntry entry) {
        if (o == null) {
            return new Violation(i, null, Rule.INVALID_VALUE, "an object to add is missing");
        }
        String id = o.id();
        Node existing = nodes.get(id);
        if (existing != null || connections.containsKey(id)) {
            return new Violation(i, id, Rule.UNIQUE_ID, "'" + id + "' cannot be added: the id is taken by "
                    + (existing == null ? "a connection" : existing.removed ? "a removed object" : "another object"));
        }
        Node parent = null;
        if (o.type() == ObjectType.BUILDING) {
            if (o.parentId() != null || rootId != null) {
                return new Violation(i, id, Rule.SINGLE_ROOT, "building '" + id + "' cannot be added: a building is the"
                        + " only root and has no parent");
            }
        } else {
            if (o.parentId() == null) {
                return new Violation(i, id, Rule.SINGLE_ROOT, "'" + id + "' has no parent: only the building is the root");
            }
            parent = nodes.get(o.parentId());
            if (parent == null || parent.removed) {
                return new Violation(i, id, Rule.UNKNOWN_PARENT, "'" + id + "' cannot be added under '" + o.parentId()
                        + "': there is no such object" + (parent == null ? "" : " any more"));
            }
            if (!o.type().canBeChildOf(parent.object.type())) {
                return parentType(i, o, parent.object);
            }
        }
        Node p = parent;
        Node n = new Node(o, p);
        nodes.put(id, n);
        liveIds.add(id);
        if (p == null) {
            rootId = id;
        } else {
            p.children++;
        }
        touchObject(id);
        entry.undo.add(() -> {
            liveIds.remove(id);
            nodes.remove(id);
            if (p == null) {
                rootId = null;
            } else {
                p.children--;
            }
            touchObject(id);
        });
        return null;
    }

    private Violation remove(int i, String id, LogEntry entry) {
        Node n = liveNode(id);
        if (n == null) {
            return unknown(i, id, "remove");
        }
        if (n.children > 0) {
            return new Violation(i, id, n.object.type() == ObjectType.BUILDING ? Rule.SINGLE_ROOT : Rule.HAS_CHILDREN,
                    "'" + id + "' cannot be removed: it has " + n.children + " children");
        }
        if (n.connections > 0) {
            return new Violation(i, id, Rule.DANGLING_CONNECTION, "'" + id + "' cannot be removed: it has "
                    + n.connections + " connections");
        }
        Node parent = n.parent;
        n.removed = true;
        liveIds.remove(id);
        if (parent == null) {
            rootId = null;
        } else {
            parent.children--;
        }
        touchObject(id);
        entry.undo.add(() -> {
            n.removed = false;
            liveIds.add(id);
            if (parent == null) {
                rootId = id;
            } else {
                parent.children++;
            }
            touchObject(id);
        });
        return null;
    }

    private Violation move(int i, String id, String newParentId, LogEntry entry) {
        Node n = liveNode(id);
        if (n == null) {
            return unknown(i, id, "move");
        }
        if (n.object.type() == ObjectType.BUILDING || newParentId == null) {
            return new Violation(i, id, Rule.SINGLE_ROOT, "'" + id + "' cannot be moved "
                    + (newParentId == null ? "to the top: only the building is the root" : ": it is the root"));
        }
        Node target = liveNode(newParentId);
        if (target == null) {
            return new Violation(i, id, Rule.UNKNOWN_PARENT, "'" + id + "' cannot be moved under '" + newParentId
                    + "': there is no such object" + (nodes.containsKey(newParentId) ? " any more" : ""));
        }
        if (!n.object.type().canBeChildOf(target.object.type())) {
            return parentType(i, n.object, target.object);
        }
        for (Node a = target; a != null; a = a.parent) {
            if (a == n) {
                return new Violation(i, id, Rule.CYCLE, "'" + id + "' cannot be moved under '" + newParentId
                        + "': that is inside '" + id + "', which would then contain itself");
            }
        }
        BuildingObject before = n.object;
        Node oldParent = n.parent;
        oldParent.children--;
        target.children++;
        n.parent = target;
        n.object = before.withParent(target.object.id());
        touchObject(id);
        LogEntry previousWriter = write(id, FieldWrite.PARENT, entry);
        entry.undo.add(() -> {
            target.children--;
            oldParent.children++;
            n.parent = oldParent;
            n.object = before;
            touchObject(id);
            unwrite(id, FieldWrite.PARENT, previousWriter);
        });
        return null;
    }

    private Violation update(int i, String id, String field, LogEntry entry,
            UnaryOperator<BuildingObject> edit) {
        Node n = liveNode(id);
        if (n == null) {
            return unknown(i, id, "change " + field + " of");
        }
        BuildingObject before = n.object;
        n.object = edit.apply(before);
        touchObject(id);
        LogEntry previousWriter = write(id, field, entry);
        entry.undo.add(() -> {
            n.object = before;
            touchObject(id);
            unwrite(id, field, previousWriter);
        });
        return null;
    }

    private Violation connect(int i, Connection c, LogEntry entry) {
        if (c == null) {
            return new Violation(i, null, Rule.INVALID_VALUE, "a connection to make is missing");
        }
        String id = c.id();
        if (connections.containsKey(id) || nodes.containsKey(id)) {
            return new Violation(i, id, Rule.UNIQUE_ID, "connection '" + id + "' cannot be made: the id is taken");
        }
        Node from = liveNode(c.fromId());
        Node to = liveNode(c.toId());
        if (from == null || to == null || from == to) {
            return new Violation(i, id, Rule.DANGLING_CONNECTION, "connection '" + id + "' cannot be made: "
                    + (from == to && from != null ? "it would join '" + c.fromId() + "' to itself"
                            : "'" + (from == null ? c.fromId() : c.toId()) + "' does not exist"));
        }
        connections.put(id, new Placed(c, entry.operation));
        connectionIds.add(id);
        from.connections++;
        to.connections++;
        touchConnection(id);
        entry.undo.add(() -> {
            connections.remove(id);
            connectionIds.remove(id);
            from.connections--;
            to.connections--;
            touchConnection(id);
        });
        return null;
    }

    /** Add-wins: a disconnect takes away only a connection whose making its author had seen. */
    private Violation disconnect(int i, String id, LogEntry entry) {
        Placed placed = connections.get(id);
        if (placed == null) {
            return new Violation(i, id, Rule.UNKNOWN_ID, "cannot disconnect '" + id + "': there is no such connection");
        }
        Operation by = placed.connectedBy;
        Operation op = entry.operation;
        boolean observed = by == null || (by.clientId().equals(op.clientId()) && by.sequence() < op.sequence())
                || op.observed().includes(by.clientId(), by.sequence());
        if (!observed) {
            return null;
        }
        Node from = nodes.get(placed.connection.fromId());
        Node to = nodes.get(placed.connection.toId());
        connections.remove(id);
        connectionIds.remove(id);
        from.connections--;
        to.connections--;
        touchConnection(id);
        entry.undo.add(() -> {
            connections.put(id, placed);
            connectionIds.add(id);
            from.connections++;
            to.connections++;
            touchConnection(id);
        });
        return null;
    }

    // ---------------------------------------------------------------- helpers

    private Node liveNode(String id) {
        Node n = id == null ? null : nodes.get(id);
        return n == null || n.removed ? null : n;
    }

    private Violation unknown(int i, String id, String action) {
        Node n = id == null ? null : nodes.get(id);
        return new Violation(i, id, id == null ? Rule.INVALID_VALUE : Rule.UNKNOWN_ID, "cannot " + action + " '" + id
                + "': " + (n != null ? "it was removed" : "there is no such object"));
    }

    private static Violation parentType(int i, BuildingObject o, BuildingObject parent) {
        return new Violation(i, o.id(), Rule.PARENT_TYPE, "a " + o.type().id() + " ('" + o.id()
                + "') cannot be placed under a " + parent.type().id() + " ('" + parent.id() + "')");
    }

    private LogEntry write(String id, String field, LogEntry entry) {
        return writers == null ? null : writers.put(writerKey(id, field), entry);
    }

    private void unwrite(String id, String field, LogEntry previous) {
        if (writers != null) {
            if (previous == null) {
                writers.remove(writerKey(id, field));
            } else {
                writers.put(writerKey(id, field), previous);
            }
        }
    }

    private static String writerKey(String id, String field) {
        return id + '\u0000' + field;
    }

    private void touchObject(String id) {
        if (touchedObjects != null) {
            touchedObjects.add(id);
        }
    }

    private void touchConnection(String id) {
        if (touchedConnections != null) {
            touchedConnections.add(id);
        }
    }
}
