package org.arxos.model.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.arxos.model.BuildingObject;
import org.arxos.model.Connection;

/**
 * The content of one revision, laid out for a million objects: records in slot tables, everything else in int arrays
 * by slot. An open-addressing index maps every id (object or connection) to its slot; children are a doubly linked
 * list by slot (first, last, next, previous), so child order is insertion order and moves are O(1); each object's
 * connections are a singly linked list threaded through the connection table, in the order they were made.
 *
 * <p>All arrays are {@link IntPages paged}: a writable copy shares every page with its source until it writes it, so
 * a change set costs memory and time in proportion to what it touches. Removed slots become tombstones (a null
 * record) and are compacted away when they exceed a quarter of the table. A store is frozen before a revision
 * exposes it and is never written afterwards, which makes it safe to share across threads.
 */
public final class Store {

    static final int NONE = -1;
    private static final int MIN_INDEX = 16;

    // objects by slot
    final RefPages<BuildingObject> objects;
    final IntPages parent;
    final IntPages firstChild;
    final IntPages lastChild;
    final IntPages nextSibling;
    final IntPages previousSibling;
    final IntPages childCount;
    final IntPages firstConnection;
    final IntPages lastConnection;
    final IntPages connectionCount;
    int objectSlots;
    int liveObjects;
    int rootSlot = NONE;

    // connections by slot
    final RefPages<Connection> connections;
    final IntPages from;
    final IntPages to;
    final IntPages nextAtFrom;
    final IntPages nextAtTo;
    int connectionSlots;
    int liveConnections;

    // id -> slot + 1 for objects, -(slot + 1) for connections, 0 for an empty position
    IntPages index;
    int indexMask;

    long lane0;
    long lane1;

    private Store(int expectedIds) {
        objects = new RefPages<>();
        parent = new IntPages();
        firstChild = new IntPages();
        lastChild = new IntPages();
        nextSibling = new IntPages();
        previousSibling = new IntPages();
        childCount = new IntPages();
        firstConnection = new IntPages();
        lastConnection = new IntPages();
        connectionCount = new IntPages();
        connections = new RefPages<>();
        from = new IntPages();
        to = new IntPages();
        nextAtFrom = new IntPages();
        nextAtTo = new IntPages();
        index = new IntPages();
        indexMask = indexCapacityFor(expectedIds) - 1;
    }

    private Store(Store source) {
        objects = source.objects.writableCopy();
        parent = source.parent.writableCopy();
        firstChild = source.firstChild.writableCopy();
        lastChild = source.lastChild.writableCopy();
        nextSibling = source.nextSibling.writableCopy();
        previousSibling = source.previousSibling.writableCopy();
        childCount = source.childCount.writableCopy();
        firstConnection = source.firstConnection.writableCopy();
        lastConnection = source.lastConnection.writableCopy();
        connectionCount = source.connectionCount.writableCopy();
        objectSlots = source.objectSlots;
        liveObjects = source.liveObjects;
        rootSlot = source.rootSlot;
        connections = source.connections.writableCopy();
        from = source.from.writableCopy();
        to = source.to.writableCopy();
        nextAtFrom = source.nextAtFrom.writableCopy();
        nextAtTo = source.nextAtTo.writableCopy();
        connectionSlots = source.connectionSlots;
        liveConnections = source.liveConnections;
        index = source.index.writableCopy();
        indexMask = source.indexMask;
        lane0 = source.lane0;
        lane1 = source.lane1;
    }

    /** A new, empty and frozen store. */
    public static Store empty() {
        return empty(0);
    }

    /** A new, empty and frozen store whose index takes {@code expectedIds} ids without growing. */
    public static Store empty(int expectedIds) {
        Store s = new Store(expectedIds);
        s.freeze();
        return s;
    }

    Store writableCopy() {
        return new Store(this);
    }

    Store freeze() {
        objects.freeze();
        parent.freeze();
        firstChild.freeze();
        lastChild.freeze();
        nextSibling.freeze();
        previousSibling.freeze();
        childCount.freeze();
        firstConnection.freeze();
        lastConnection.freeze();
        connectionCount.freeze();
        connections.freeze();
        from.freeze();
        to.freeze();
        nextAtFrom.freeze();
        nextAtTo.freeze();
        index.freeze();
        return this;
    }

    // ---------------------------------------------------------------- reading

    public String contentHash() {
        return ContentHasher.hex(lane0, lane1);
    }

    public int objectCount() {
        return liveObjects;
    }

    public int connectionCount() {
        return liveConnections;
    }

    /** Object slots in use, tombstones included; for tests of compaction. */
    public int objectSlots() {
        return objectSlots;
    }

    /** Connection slots in use, tombstones included; for tests of compaction. */
    public int connectionSlots() {
        return connectionSlots;
    }

    public BuildingObject root() {
        return rootSlot == NONE ? null : objects.get(rootSlot);
    }

    /** The object with this id, or null. */
    public BuildingObject object(String id) {
        int slot = objectSlot(id);
        return slot == NONE ? null : objects.get(slot);
    }

    /** The connection with this id, or null. */
    public Connection connection(String id) {
        int slot = connectionSlot(id);
        return slot == NONE ? null : connections.get(slot);
    }

    public int childCount(String id) {
        int slot = objectSlot(id);
        return slot == NONE ? 0 : childCount.get(slot);
    }

    public List<BuildingObject> children(String id) {
        int slot = objectSlot(id);
        if (slot == NONE) {
            return List.of();
        }
        List<BuildingObject> result = new ArrayList<>(childCount.get(slot));
        for (int c = firstChild.get(slot); c != NONE; c = nextSibling.get(c)) {
            result.add(objects.get(c));
        }
        return Collections.unmodifiableList(result);
    }

    public List<Connection> connectionsOf(String id) {
        int slot = objectSlot(id);
        if (slot == NONE) {
            return List.of();
        }
        List<Connection> result = new ArrayList<>(connectionCount.get(slot));
        for (int c = firstConnection.get(slot); c != NONE; c = nextAt(c, slot)) {
            Connection connection = connections.get(c);
            if (connection != null) {
                result.add(connection);
            }
        }
        return Collections.unmodifiableList(result);
    }

    /** Every object, depth-first pre-order from the root, children in insertion order. */
    public Stream<BuildingObject> objects() {
        return StreamSupport.stream(Spliterators.spliterator(new PreOrder(), liveObjects,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT | Spliterator.IMMUTABLE), false);
    }

    /** Every connection in the order they were made. */
    public Stream<Connection> connections() {
        Iterator<Connection> it = new Iterator<>() {
            private int slot = advance(0);

            private int advance(int s) {
                while (s < connectionSlots && connections.get(s) == null) {
                    s++;
                }
                return s;
            }

            @Override
            public boolean hasNext() {
                return slot < connectionSlots;
            }

            @Override
            public Connection next() {
                if (slot >= connectionSlots) {
                    throw new NoSuchElementException();
                }
                Connection c = connections.get(slot);
                slot = advance(slot + 1);
                return c;
            }
        };
        return StreamSupport.stream(Spliterators.spliterator(it, liveConnections,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT | Spliterator.IMMUTABLE), false);
    }

    /** Visits object slots depth-first from the root without a stack, using the parent and sibling links. */
    private final class PreOrder implements Iterator<BuildingObject> {
        private int next = rootSlot;

        @Override
        public boolean hasNext() {
            return next != NONE;
        }

        @Override
        public BuildingObject next() {
            int s = next;
            if (s == NONE) {
                throw new NoSuchElementException();
            }
            next = successor(s);
            return objects.get(s);
        }
    }

    int successor(int s) {
        int c = firstChild.get(s);
        if (c != NONE) {
            return c;
        }
        while (s != NONE) {
            int n = nextSibling.get(s);
            if (n != NONE) {
                return n;
            }
            s = parent.get(s);
        }
        return NONE;
    }

    int nextAt(int connectionSlot, int objectSlot) {
        return from.get(connectionSlot) == objectSlot ? nextAtFrom.get(connectionSlot) : nextAtTo.get(connectionSlot);
    }

    // ---------------------------------------------------------------- index

    int objectSlot(String id) {
        int code = indexCode(id);
        return code > 0 ? code - 1 : NONE;
    }

    int connectionSlot(String id) {
        int code = indexCode(id);
        return code < 0 ? -code - 1 : NONE;
    }

    /** The index entry of {@code id}: slot + 1 for an object, -(slot + 1) for a connection, 0 when absent. */
    private int indexCode(String id) {
        if (id == null) {
            return 0;
        }
        int pos = probe(id);
        return pos < 0 ? 0 : index.get(pos);
    }

    /** The index position holding {@code id}, or {@code ~position} of the empty position where it would go. */
    private int probe(String id) {
        int mask = indexMask;
        int pos = mix(id.hashCode()) & mask;
        while (true) {
            int code = index.get(pos);
            if (code == 0) {
                return ~pos;
            }
            if (idOf(code).equals(id)) {
                return pos;
            }
            pos = (pos + 1) & mask;
        }
    }

    private String idOf(int code) {
        return code > 0 ? objects.get(code - 1).id() : connections.get(-code - 1).id();
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static int indexCapacityFor(int ids) {
        // load factor at most 2/3
        long wanted = Math.max(MIN_INDEX, (long) ids * 3 / 2 + 1);
        return (int) Math.min(1 << 30, Long.highestOneBit(wanted - 1) << 1);
    }

    /**
     * The index position a new id would take, or {@link #NONE} when the id is already used: one probe both checks the
     * id and finds its place, valid until the next write.
     */
    int freeIndexPosition(String id) {
        int pos = probe(id);
        return pos < 0 ? ~pos : NONE;
    }

    /** @param position the id's {@link #freeIndexPosition free position}, found since the last write */
    private void indexInsert(int position, int code) {
        index.set(position, code);
        if ((long) (liveObjects + liveConnections + 1) * 3 > (long) (indexMask + 1) * 2) {
            rebuildIndex(liveObjects + liveConnections + 1);
        }
    }

    /** Removes an id with backward-shift deletion, so the index never holds tombstones. */
    private void indexDelete(String id) {
        int gap = probe(id);
        if (gap < 0) {
            throw new IllegalStateException("id '" + id + "' is not indexed");
        }
        int mask = indexMask;
        int j = gap;
        while (true) {
            j = (j + 1) & mask;
            int code = index.get(j);
            if (code == 0) {
                break;
            }
            int home = mix(idOf(code).hashCode()) & mask;
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                index.set(gap, code);
                gap = j;
            }
        }
        index.set(gap, 0);
    }

    private void rebuildIndex(int ids) {
        index = new IntPages();
        indexMask = indexCapacityFor(ids) - 1;
        for (int s = 0; s < objectSlots; s++) {
            BuildingObject o = objects.get(s);
            if (o != null) {
                index.set(~probe(o.id()), s + 1);
            }
        }
        for (int s = 0; s < connectionSlots; s++) {
            Connection c = connections.get(s);
            if (c != null) {
                index.set(~probe(c.id()), -(s + 1));
            }
        }
    }

    // ---------------------------------------------------------------- writing (unchecked; ChangeApplier checks)

    /** @param indexPosition the id's {@link #freeIndexPosition free index position} */
    int addObject(BuildingObject o, int parentSlot, int indexPosition) {
        int s = objectSlots++;
        objects.set(s, o);
        parent.set(s, parentSlot);
        firstChild.set(s, NONE);
        lastChild.set(s, NONE);
        nextSibling.set(s, NONE);
        previousSibling.set(s, NONE);
        childCount.set(s, 0);
        firstConnection.set(s, NONE);
        lastConnection.set(s, NONE);
        connectionCount.set(s, 0);
        if (parentSlot == NONE) {
            rootSlot = s;
        } else {
            linkChild(parentSlot, s);
        }
        indexInsert(indexPosition, s + 1);
        liveObjects++;
        return s;
    }

    void removeObject(int s) {
        BuildingObject o = objects.get(s);
        int p = parent.get(s);
        if (p == NONE) {
            rootSlot = NONE;
        } else {
            unlinkChild(p, s);
        }
        indexDelete(o.id());
        objects.set(s, null);
        liveObjects--;
    }

    void moveObject(int s, int newParent, BuildingObject moved) {
        unlinkChild(parent.get(s), s);
        linkChild(newParent, s);
        parent.set(s, newParent);
        objects.set(s, moved);
    }

    void replaceObject(int s, BuildingObject replacement) {
        objects.set(s, replacement);
    }

    private void linkChild(int p, int s) {
        int last = lastChild.get(p);
        previousSibling.set(s, last);
        nextSibling.set(s, NONE);
        if (last == NONE) {
            firstChild.set(p, s);
        } else {
            nextSibling.set(last, s);
        }
        lastChild.set(p, s);
        childCount.add(p, 1);
    }

    private void unlinkChild(int p, int s) {
        int prev = previousSibling.get(s);
        int next = nextSibling.get(s);
        if (prev == NONE) {
            firstChild.set(p, next);
        } else {
            nextSibling.set(prev, next);
        }
        if (next == NONE) {
            lastChild.set(p, prev);
        } else {
            previousSibling.set(next, prev);
        }
        previousSibling.set(s, NONE);
        nextSibling.set(s, NONE);
        childCount.add(p, -1);
    }

    /** @param indexPosition the id's {@link #freeIndexPosition free index position} */
    int addConnection(Connection c, int fromSlot, int toSlot, int indexPosition) {
        int s = connectionSlots++;
        connections.set(s, c);
        from.set(s, fromSlot);
        to.set(s, toSlot);
        nextAtFrom.set(s, NONE);
        nextAtTo.set(s, NONE);
        appendAdjacent(fromSlot, s);
        appendAdjacent(toSlot, s);
        connectionCount.add(fromSlot, 1);
        connectionCount.add(toSlot, 1);
        indexInsert(indexPosition, -(s + 1));
        liveConnections++;
        return s;
    }

    /** Leaves the slot in its endpoints' lists as a tombstone, which readers skip and compaction drops. */
    void removeConnection(int s) {
        Connection c = connections.get(s);
        connectionCount.add(from.get(s), -1);
        connectionCount.add(to.get(s), -1);
        indexDelete(c.id());
        connections.set(s, null);
        liveConnections--;
    }

    private void appendAdjacent(int objectSlot, int connectionSlot) {
        int tail = lastConnection.get(objectSlot);
        if (tail == NONE) {
            firstConnection.set(objectSlot, connectionSlot);
        } else if (from.get(tail) == objectSlot) {
            nextAtFrom.set(tail, connectionSlot);
        } else {
            nextAtTo.set(tail, connectionSlot);
        }
        lastConnection.set(objectSlot, connectionSlot);
    }

    // ---------------------------------------------------------------- compaction

    boolean needsCompaction() {
        int deadObjects = objectSlots - liveObjects;
        int deadConnections = connectionSlots - liveConnections;
        return (deadObjects > 32 && deadObjects * 4L > objectSlots)
                || (deadConnections > 32 && deadConnections * 4L > connectionSlots);
    }

    /** A writable copy without tombstones, same content, child order and connection order. */
    Store compacted() {
        Store c = new Store(liveObjects + liveConnections);
        int[] newSlot = new int[objectSlots];
        for (int s = rootSlot; s != NONE; s = successor(s)) {
            int p = parent.get(s);
            BuildingObject o = objects.get(s);
            newSlot[s] = c.addObject(o, p == NONE ? NONE : newSlot[p], c.freeIndexPosition(o.id()));
        }
        for (int s = 0; s < connectionSlots; s++) {
            Connection connection = connections.get(s);
            if (connection != null) {
                c.addConnection(connection, newSlot[from.get(s)], newSlot[to.get(s)],
                        c.freeIndexPosition(connection.id()));
            }
        }
        c.lane0 = lane0;
        c.lane1 = lane1;
        return c;
    }
}
