package org.arxos.model;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;

import org.arxos.model.internal.ChangeApplier;
import org.arxos.model.internal.Store;

/**
 * An immutable state of one building: its object tree and connections. A new revision is made only by
 * {@link #apply(ChangeSet) applying} a change set, which checks every {@link Rule}; revisions share unchanged objects.
 *
 * <p>Immutable and safe to share across threads. Lookups by id are O(1); applying a change set costs time and memory
 * in proportion to the change set, not to the building, because a new revision shares its records and the pages of
 * its index structures with the revision it came from. The {@link #contentHash() content hash} is maintained
 * incrementally for the same reason.
 */
public final class Revision {

    /** The revision before anything was added: number 0, no objects. */
    public static final Revision EMPTY = new Revision(0, Store.empty());
    /** Far beyond any building the importers take (two million items): a larger size only sizes this much up front. */
    private static final int MAX_PRESIZED_IDS = 1 << 24;

    private final long number;
    private final Store store;
    /** Kept as text: caches key every answer by it, many times a millisecond. */
    private final String contentHash;

    private Revision(long number, Store store) {
        this.number = number;
        this.store = store;
        this.contentHash = store.contentHash();
    }

    /** Builds revision {@code number} from stored content, checking the same rules as {@link #apply}. */
    public static Revision restore(long number, Stream<BuildingObject> objectsParentsFirst, Stream<Connection> connections)
            throws ChangeRejectedException {
        if (number < 0) {
            throw new IllegalArgumentException("a revision number cannot be negative: " + number);
        }
        Spliterator<BuildingObject> objects = objectsParentsFirst.spliterator();
        Spliterator<Connection> links = connections.spliterator();
        long objectCount = objects.getExactSizeIfKnown();
        long connectionCount = links.getExactSizeIfKnown();
        // content of a known size (a decoder's arrays) gets its index sized once instead of grown step by step
        int expectedIds = objectCount < 0 || connectionCount < 0 ? 0
                : (int) Math.min(objectCount + connectionCount, MAX_PRESIZED_IDS);
        Iterator<BuildingObject> objectsLeft = Spliterators.iterator(objects);
        Iterator<Connection> connectionsLeft = Spliterators.iterator(links);
        Iterator<Change> changes = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return objectsLeft.hasNext() || connectionsLeft.hasNext();
            }

            @Override
            public Change next() {
                return objectsLeft.hasNext() ? new Change.AddObject(objectsLeft.next())
                        : new Change.Connect(connectionsLeft.next());
            }
        };
        return new Revision(number, ChangeApplier.apply(Store.empty(expectedIds), changes));
    }

    public long number() {
        return number;
    }

    /** A hash of the content (objects and connections, not the number): 32 lower-case hex characters. */
    public String contentHash() {
        return contentHash;
    }

    /** The building object, the root of the tree; empty for {@link #EMPTY} and after the building was removed. */
    public Optional<BuildingObject> root() {
        return Optional.ofNullable(store.root());
    }

    public Optional<BuildingObject> find(String id) {
        return Optional.ofNullable(store.object(id));
    }

    /** @throws NoSuchElementException naming the id when there is no such object */
    public BuildingObject get(String id) {
        BuildingObject o = store.object(id);
        if (o == null) {
            throw new NoSuchElementException("revision " + number + " has no object '" + id + "'");
        }
        return o;
    }

    /**
     * The children of an object in the order they were added (an object moved here counts as added when it moved);
     * empty for an unknown id.
     */
    public List<BuildingObject> children(String id) {
        return store.children(id);
    }

    public int childCount(String id) {
        return store.childCount(id);
    }

    /** Every object, depth-first from the root, children in the order they were added; so parents come first. */
    public Stream<BuildingObject> objects() {
        return store.objects();
    }

    public int objectCount() {
        return store.objectCount();
    }

    public Optional<Connection> connection(String id) {
        return Optional.ofNullable(store.connection(id));
    }

    /** Connections that start or end at the object, in the order they were made. */
    public List<Connection> connectionsOf(String objectId) {
        return store.connectionsOf(objectId);
    }

    /** Every connection, in the order they were made. */
    public Stream<Connection> connections() {
        return store.connections();
    }

    public int connectionCount() {
        return store.connectionCount();
    }

    /**
     * Applies the changes in order and returns revision {@code number() + 1}; this revision is unchanged either way.
     *
     * @throws ChangeRejectedException listing every change that breaks a rule, naming the object and the rule
     */
    public Revision apply(ChangeSet changes) throws ChangeRejectedException {
        Store next = changes.size() == 0 ? store : ChangeApplier.apply(store, changes.changes().iterator());
        return new Revision(number + 1, next);
    }

    /** The internal store, for tests in this package. */
    Store store() {
        return store;
    }

    @Override
    public String toString() {
        return "Revision " + number + " (" + objectCount() + " objects, " + connectionCount() + " connections, "
                + contentHash() + ")";
    }
}
