package org.arxos.model;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An immutable state of one building: its object tree and connections. A new revision is made only by
 * {@link #apply(ChangeSet) applying} a change set, which checks every {@link Rule}; revisions share unchanged objects.
 */
public final class Revision {

    /** The revision before anything was added: number 0, no objects. */
    public static final Revision EMPTY = null; // TODO(model): implement

    /** Builds revision {@code number} from stored content, checking the same rules as {@link #apply}. */
    public static Revision restore(long number, Stream<BuildingObject> objectsParentsFirst, Stream<Connection> connections)
            throws ChangeRejectedException {
        throw new UnsupportedOperationException("TODO(model)");
    }

    public long number() {
        throw new UnsupportedOperationException("TODO(model)");
    }

    /** A hash of the content (objects and connections, not the number): 32 lower-case hex characters. */
    public String contentHash() {
        throw new UnsupportedOperationException("TODO(model)");
    }

    /** The building object, the root of the tree; empty only for {@link #EMPTY}. */
    public Optional<BuildingObject> root() {
        throw new UnsupportedOperationException("TODO(model)");
    }

    public Optional<BuildingObject> find(String id) {
        throw new UnsupportedOperationException("TODO(model)");
    }

    /** @throws NoSuchElementException naming the id when there is no such object */
    public BuildingObject get(String id) {
        throw new UnsupportedOperationException("TODO(model)");
    }

    /** The children of an object in the order they were added; empty for an unknown id. */
    public List<BuildingObject> children(String id) {
        throw new UnsupportedOperationException("TODO(model)");
    }

    public int childCount(String id) {
        throw new UnsupportedOperationException("TODO(model)");
    }

    /** Every object, depth-first from the root, children in the order they were added; so parents come first. */
    public Stream<BuildingObject> objects() {
        throw new UnsupportedOperationException("TODO(model)");
    }

    public int objectCount() {
        throw new UnsupportedOperationException("TODO(model)");
    }

    public Optional<Connection> connection(String id) {
        throw new UnsupportedOperationException("TODO(model)");
    }

    /** Connections that start or end at the object, in the order they were made. */
    public List<Connection> connectionsOf(String objectId) {
        throw new UnsupportedOperationException("TODO(model)");
    }

    /** Every connection, in the order they were made. */
    public Stream<Connection> connections() {
        throw new UnsupportedOperationException("TODO(model)");
    }

    public int connectionCount() {
        throw new UnsupportedOperationException("TODO(model)");
    }

    /**
     * Applies the changes in order and returns revision {@code number() + 1}; this revision is unchanged either way.
     *
     * @throws ChangeRejectedException listing every change that breaks a rule, naming the object and the rule
     */
    public Revision apply(ChangeSet changes) throws ChangeRejectedException {
        throw new UnsupportedOperationException("TODO(model)");
    }
}
