package org.arxos.model.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.arxos.model.Rule;
import org.arxos.model.Violation;

/**
 * Checks changes against the model rules and applies those that pass to a writable copy of a store. A change that
 * breaks a rule is recorded and skipped, so later changes are checked as if it had not been made; {@link #finish()}
 * then refuses the whole set. The source store is never written.
 */
public final class ChangeApplier {

    /** Beyond this many violations checking stops: the report is long enough to act on. */
    static final int MAX_VIOLATIONS = 1000;
    private static final int NAMED_IN_MESSAGE = 5;
    /** Deeper than the tree's levels (building, floor, zone, space or system, component): past it, the index. */
    private static final int ANCESTORS_BEFORE_INDEX = 8;

    private final Store store;
    private final ContentHasher hasher = new ContentHasher();
    private final List<Violation> violations = new ArrayList<>();
    private int index;
    private int lastAdded = Store.NONE;
    private int lastFrom = Store.NONE;

    public ChangeApplier(Store base) {
        this.store = base.writableCopy();
    }

    /** Applies every change, numbering them from 0; returns the frozen result or throws listing every violation. */
    public static Store apply(Store base, Iterator<? extends Change> changes) throws ChangeRejectedException {
        ChangeApplier applier = new ChangeApplier(base);
        while (changes.hasNext() && applier.violations.size() < MAX_VIOLATIONS) {
            applier.apply(changes.next());
        }
        return applier.finish();
    }

    public Store finish() throws ChangeRejectedException {
        if (!violations.isEmpty()) {
            throw new ChangeRejectedException(violations);
        }
        Store result = store.needsCompaction() ? store.compacted() : store;
        return result.freeze();
    }

    public void apply(Change change) {
        int i = index++;
        if (change instanceof Change.AddObject c) {
            add(i, c.object());
        } else if (change instanceof Change.RemoveObject c) {
            remove(i, c.id());
        } else if (change instanceof Change.MoveObject c) {
            move(i, c.id(), c.newParentId());
        } else if (change instanceof Change.SetProperty c) {
            setProperty(i, c);
        } else if (change instanceof Change.ClearProperty c) {
            clearProperty(i, c);
        } else if (change instanceof Change.SetGeometry c) {
            BuildingObject o = existing(i, c.id(), "change the geometry of");
            if (o != null) {
                replace(o, o.withGeometry(c.footprint(), c.elevation()));
            }
        } else if (change instanceof Change.Rename c) {
            rename(i, c);
        } else if (change instanceof Change.Connect c) {
            connect(i, c.connection());
        } else if (change instanceof Change.Disconnect c) {
            disconnect(i, c.connectionId());
        } else {
            violations.add(new Violation(i, null, Rule.INVALID_VALUE, "change " + i + " is missing"));
        }
    }

    // ---------------------------------------------------------------- objects

    private void add(int i, BuildingObject o) {
        if (o == null) {
            violation(i, null, Rule.INVALID_VALUE, "an object to add is missing");
            return;
        }
        String id = o.id();
        int indexPosition = freeIndexPosition(i, id, describe(o) + " cannot be added");
        if (indexPosition == Store.NONE) {
            return;
        }
        int parentSlot = Store.NONE;
        if (o.type() == ObjectType.BUILDING) {
            if (o.parentId() != null) {
                violation(i, id, Rule.SINGLE_ROOT, describe(o) + " cannot be placed under '" + o.parentId()
                        + "': a building is the root of the tree and has no parent");
                return;
            }
            BuildingObject root = store.root();
            if (root != null) {
                violation(i, id, Rule.SINGLE_ROOT, describe(o) + " cannot be added: this building already has its root, "
                        + describe(root));
                return;
            }
        } else {
            if (o.parentId() == null) {
                violation(i, id, Rule.SINGLE_ROOT, describe(o) + " has no parent: only the building may be the root; "
                        + article(o.type()) + " belongs under " + parentTypes(o.type()));
                return;
            }
            parentSlot = parentSlot(o.parentId());
            if (parentSlot == Store.NONE) {
                violation(i, id, Rule.UNKNOWN_PARENT, describe(o) + " cannot be added under '" + o.parentId()
                        + "': there is no object '" + o.parentId() + "'");
                return;
            }
            BuildingObject parent = store.objects.get(parentSlot);
            if (!o.type().canBeChildOf(parent.type())) {
                parentTypeViolation(i, o, parent);
                return;
            }
            if (o.parentId() != parent.id()) {
                // share the parent's id string instead of keeping an equal copy per child
                o = o.withParent(parent.id());
            }
        }
        lastAdded = store.addObject(o, parentSlot, indexPosition);
        hashAdd(o);
    }

    /**
     * The slot of the object with this id, looked for first among the last added object and its ancestors: objects
     * added parents first, as a restore or an import adds them, mostly follow their parent, a sibling or a parent's
     * sibling, and this spares the index probe. A slot is never reused before compaction, so a live object found
     * there with that id is the one.
     */
    private int parentSlot(String parentId) {
        int s = lastAdded;
        for (int step = 0; step < ANCESTORS_BEFORE_INDEX && s != Store.NONE; step++) {
            BuildingObject candidate = store.objects.get(s);
            if (candidate != null && candidate.id().equals(parentId)) {
                return s;
            }
            s = store.parent.get(s);
        }
        return store.objectSlot(parentId);
    }

    private void remove(int i, String id) {
        BuildingObject o = existing(i, id, "remove");
        if (o == null) {
            return;
        }
        int slot = store.objectSlot(id);
        int children = store.childCount.get(slot);
        int connections = store.connectionCount.get(slot);
        boolean refused = false;
        if (children > 0) {
            Rule rule = o.type() == ObjectType.BUILDING ? Rule.SINGLE_ROOT : Rule.HAS_CHILDREN;
            violation(i, id, rule, describe(o) + " cannot be removed: it still has " + plural(children, "child", "children")
                    + " (" + namedChildren(slot) + "); remove or move them first");
            refused = true;
        }
        if (connections > 0) {
            violation(i, id, Rule.DANGLING_CONNECTION, describe(o) + " cannot be removed: it still has "
                    + plural(connections, "connection", "connections") + " (" + namedConnections(slot)
                    + "); disconnect them first");
            refused = true;
        }
        if (refused) {
            return;
        }
        store.removeObject(slot);
        hashRemove(o);
    }

    private void move(int i, String id, String newParentId) {
        BuildingObject o = existing(i, id, "move");
        if (o == null) {
            return;
        }
        if (o.type() == ObjectType.BUILDING) {
            violation(i, id, Rule.SINGLE_ROOT, describe(o) + " cannot be moved: it is the root of the tree");
            return;
        }
        if (newParentId == null) {
            violation(i, id, Rule.SINGLE_ROOT, describe(o) + " cannot be moved to the top: only the building may be the root");
            return;
        }
        int slot = store.objectSlot(id);
        int newParent = store.objectSlot(newParentId);
        if (newParent == Store.NONE) {
            violation(i, id, Rule.UNKNOWN_PARENT, describe(o) + " cannot be moved under '" + newParentId
                    + "': there is no object '" + newParentId + "'");
            return;
        }
        BuildingObject parent = store.objects.get(newParent);
        if (!o.type().canBeChildOf(parent.type())) {
            parentTypeViolation(i, o, parent);
            return;
        }
        if (newParent == slot) {
            violation(i, id, Rule.CYCLE, describe(o) + " cannot be moved under itself");
            return;
        }
        for (int a = store.parent.get(newParent); a != Store.NONE; a = store.parent.get(a)) {
            if (a == slot) {
                violation(i, id, Rule.CYCLE, describe(o) + " cannot be moved under " + describe(parent) + ": "
                        + describe(parent) + " is inside " + describe(o) + ", which would then contain itself");
                return;
            }
        }
        if (store.parent.get(slot) == newParent) {
            return;
        }
        BuildingObject moved = o.withParent(parent.id());
        store.moveObject(slot, newParent, moved);
        hashRemove(o);
        hashAdd(moved);
    }

    private void setProperty(int i, Change.SetProperty c) {
        BuildingObject o = existing(i, c.id(), "set a property of");
        if (o == null) {
            return;
        }
        if (c.name() == null || c.name().isBlank()) {
            violation(i, c.id(), Rule.INVALID_VALUE, "a property of " + describe(o) + " must have a name");
            return;
        }
        if (c.value() == null) {
            violation(i, c.id(), Rule.INVALID_VALUE, "property '" + c.name() + "' of " + describe(o)
                    + " must have a value; use clear-property to remove it");
            return;
        }
        Properties p = o.properties().with(c.name(), c.value());
        if (p != o.properties()) {
            replace(o, o.withProperties(p));
        }
    }

    private void clearProperty(int i, Change.ClearProperty c) {
        BuildingObject o = existing(i, c.id(), "clear a property of");
        if (o == null) {
            return;
        }
        if (c.name() == null || c.name().isBlank()) {
            violation(i, c.id(), Rule.INVALID_VALUE, "the property to clear on " + describe(o) + " must have a name");
            return;
        }
        Properties p = o.properties().without(c.name());
        if (p != o.properties()) {
            replace(o, o.withProperties(p));
        }
    }

    private void rename(int i, Change.Rename c) {
        BuildingObject o = existing(i, c.id(), "rename");
        if (o == null) {
            return;
        }
        if (c.name() != null && c.name().isBlank()) {
            violation(i, c.id(), Rule.INVALID_VALUE, "the new name of " + describe(o)
                    + " is blank; give a name or null to clear it");
            return;
        }
        replace(o, o.withName(c.name()));
    }

    private void replace(BuildingObject old, BuildingObject replacement) {
        store.replaceObject(store.objectSlot(old.id()), replacement);
        hashRemove(old);
        hashAdd(replacement);
    }

    // ---------------------------------------------------------------- connections

    private void connect(int i, Connection c) {
        if (c == null) {
            violation(i, null, Rule.INVALID_VALUE, "a connection to make is missing");
            return;
        }
        String id = c.id();
        int indexPosition = freeIndexPosition(i, id, "connection '" + id + "' cannot be made");
        if (indexPosition == Store.NONE) {
            return;
        }
        int fromSlot = endSlot(c.fromId());
        int toSlot = endSlot(c.toId());
        if (fromSlot == Store.NONE || toSlot == Store.NONE) {
            StringBuilder m = new StringBuilder("connection '").append(id).append("' cannot be made: ");
            if (fromSlot == Store.NONE) {
                m.append("its source '").append(c.fromId()).append("' does not exist");
            }
            if (toSlot == Store.NONE) {
                m.append(fromSlot == Store.NONE ? " and " : "").append("its target '").append(c.toId())
                        .append("' does not exist");
            }
            violation(i, id, Rule.DANGLING_CONNECTION, m.toString());
            return;
        }
        BuildingObject fromObject = store.objects.get(fromSlot);
        if (fromSlot == toSlot) {
            violation(i, id, Rule.DANGLING_CONNECTION, "connection '" + id + "' cannot join " + describe(fromObject)
                    + " to itself");
            return;
        }
        BuildingObject toObject = store.objects.get(toSlot);
        if (c.fromId() != fromObject.id() || c.toId() != toObject.id()) {
            c = new Connection(id, fromObject.id(), toObject.id(), c.kind(), c.properties());
        }
        store.addConnection(c, fromSlot, toSlot, indexPosition);
        lastFrom = fromSlot;
        hashAdd(c);
    }

    /**
     * The slot of a connection's end, tried first against the previous connection's source: a source (a panel, an
     * air handler) feeds its consumers one connection after another. Verified like {@link #parentSlot}.
     */
    private int endSlot(String id) {
        if (lastFrom != Store.NONE) {
            BuildingObject candidate = store.objects.get(lastFrom);
            if (candidate != null && candidate.id().equals(id)) {
                return lastFrom;
            }
        }
        return store.objectSlot(id);
    }

    private void disconnect(int i, String id) {
        int slot = store.connectionSlot(id);
        if (slot == Store.NONE) {
            String reason = id == null ? "no connection id was given"
                    : store.objectSlot(id) != Store.NONE ? "'" + id + "' is an object, not a connection"
                    : "there is no connection '" + id + "'";
            violation(i, id, id == null ? Rule.INVALID_VALUE : Rule.UNKNOWN_ID, "cannot disconnect '" + id + "': " + reason);
            return;
        }
        Connection c = store.connections.get(slot);
        store.removeConnection(slot);
        hashRemove(c);
    }

    // ---------------------------------------------------------------- helpers

    private BuildingObject existing(int i, String id, String action) {
        if (id == null) {
            violation(i, null, Rule.INVALID_VALUE, "cannot " + action + " an object: no id was given");
            return null;
        }
        BuildingObject o = store.object(id);
        if (o == null) {
            String reason = store.connectionSlot(id) != Store.NONE ? "'" + id + "' is a connection, not an object"
                    : "there is no object '" + id + "'";
            violation(i, id, Rule.UNKNOWN_ID, "cannot " + action + " '" + id + "': " + reason);
        }
        return o;
    }

    /** Where the new id goes in the index, or {@link Store#NONE} after recording that the id is taken. */
    private int freeIndexPosition(int i, String id, String what) {
        int position = store.freeIndexPosition(id);
        if (position != Store.NONE) {
            return position;
        }
        BuildingObject existing = store.object(id);
        violation(i, id, Rule.UNIQUE_ID, what + ": id '" + id + "' is already used by "
                + (existing != null ? describe(existing) : "connection '" + id + "'"));
        return Store.NONE;
    }

    private void parentTypeViolation(int i, BuildingObject o, BuildingObject parent) {
        violation(i, o.id(), Rule.PARENT_TYPE, describe(o) + " cannot be placed under " + describe(parent) + ": "
                + article(o.type()) + " belongs under " + parentTypes(o.type()));
    }

    private String namedChildren(int slot) {
        List<String> names = new ArrayList<>();
        for (int c = store.firstChild.get(slot); c != Store.NONE && names.size() < NAMED_IN_MESSAGE; c = store.nextSibling.get(c)) {
            names.add(describe(store.objects.get(c)));
        }
        return String.join(", ", names) + (store.childCount.get(slot) > names.size() ? ", ..." : "");
    }

    private String namedConnections(int slot) {
        List<String> names = new ArrayList<>();
        for (int c = store.firstConnection.get(slot); c != Store.NONE && names.size() < NAMED_IN_MESSAGE; c = store.nextAt(c, slot)) {
            Connection connection = store.connections.get(c);
            if (connection != null) {
                names.add("'" + connection.id() + "'");
            }
        }
        return String.join(", ", names) + (store.connectionCount.get(slot) > names.size() ? ", ..." : "");
    }

    static String describe(BuildingObject o) {
        return o.type().id() + " '" + o.id() + "'";
    }

    private static String article(ObjectType type) {
        return "a " + type.id();
    }

    /** "a floor or zone", "a building, zone or system". */
    private static String parentTypes(ObjectType type) {
        Set<ObjectType> allowed = type.allowedParents();
        List<String> ids = new ArrayList<>();
        for (ObjectType t : allowed) {
            ids.add(t.id());
        }
        if (ids.isEmpty()) {
            return "nothing";
        }
        String last = ids.remove(ids.size() - 1);
        return "a " + (ids.isEmpty() ? last : String.join(", ", ids) + " or " + last);
    }

    private static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private void violation(int i, String id, Rule rule, String message) {
        violations.add(new Violation(i, id, rule, message));
    }

    private void hashAdd(BuildingObject o) {
        hasher.hash(o);
        accumulate(1);
    }

    private void hashRemove(BuildingObject o) {
        hasher.hash(o);
        accumulate(-1);
    }

    private void hashAdd(Connection c) {
        hasher.hash(c);
        accumulate(1);
    }

    private void hashRemove(Connection c) {
        hasher.hash(c);
        accumulate(-1);
    }

    /** Adds (sign 1) or takes away (sign -1) the hasher's last item from the revision's multiset hash. */
    private void accumulate(long sign) {
        store.lane0 += sign * hasher.lane0;
        store.lane1 += sign * hasher.lane1;
    }
}
