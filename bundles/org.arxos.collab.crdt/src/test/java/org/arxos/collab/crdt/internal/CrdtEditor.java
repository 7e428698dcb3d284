package org.arxos.collab.crdt.internal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.arxos.api.collab.HybridClock;
import org.arxos.api.collab.HybridTimestamp;
import org.arxos.api.collab.Operation;
import org.arxos.collab.crdt.testing.EditView;
import org.arxos.collab.crdt.testing.RandomEdits;
import org.arxos.collab.crdt.testing.SimulatedEditor;
import org.arxos.model.BuildingObject;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;

/** A client replica of the CRDT: applies its own edits at once and everything the server sends on in any order. */
final class CrdtEditor implements SimulatedEditor, EditView {

    private static final int COMPACT_EVERY = 256;

    private final String clientId;
    private final List<String> members;
    private final ReplicatedTree tree;
    private final HybridClock clock;
    private final ArrayDeque<Operation> unacknowledged = new ArrayDeque<>();
    private final TreeSet<Long> revisionsAhead = new TreeSet<>();
    private long physicalNow;
    private long sequence;
    private long revision;
    private int received;

    CrdtEditor(String clientId, List<String> members, Revision snapshot) {
        this.clientId = clientId;
        this.members = members;
        this.tree = new ReplicatedTree(snapshot, false);
        this.clock = new HybridClock(clientId, () -> physicalNow);
        this.revision = snapshot.number();
    }

    @Override
    public String clientId() {
        return clientId;
    }

    @Override
    public Operation edit(RandomEdits edits, long now) {
        ChangeSet changes = edits.next(this);
        if (changes == null) {
            return null;
        }
        physicalNow = now;
        Operation op = tree.local(clientId, ++sequence, clock.now(), revision, changes);
        unacknowledged.add(op);
        return op;
    }

    @Override
    public void receive(Operation broadcast, long serverRevision, long now) {
        physicalNow = now;
        clock.receive(broadcast.timestamp());
        if (broadcast.clientId().equals(clientId)) {
            tree.acknowledge(broadcast);
            unacknowledged.removeIf(op -> op.sequence() == broadcast.sequence());
        } else {
            tree.apply(broadcast, 0);
        }
        revisionsAhead.add(serverRevision);
        while (!revisionsAhead.isEmpty() && revisionsAhead.first() == revision + 1) {
            revision = revisionsAhead.pollFirst();
        }
        if (++received % COMPACT_EVERY == 0) {
            HybridTimestamp oldestOwn = unacknowledged.isEmpty() ? null : unacknowledged.peek().timestamp();
            tree.compact(members, oldestOwn);
        }
    }

    @Override
    public Revision building() {
        return tree.toRevision(revision);
    }

    @Override
    public int backlog() {
        return tree.logSize();
    }

    long redone() {
        return tree.redone();
    }

    @Override
    public BuildingObject find(String id) {
        return id == null ? null : tree.state().live(id);
    }

    @Override
    public String randomObject(Random random) {
        return tree.state().randomObject(random);
    }

    @Override
    public String randomConnection(Random random) {
        return tree.state().randomConnection(random);
    }

    @Override
    public int childCount(String id) {
        return tree.state().childCount(id);
    }

    @Override
    public int connectionCount(String id) {
        return tree.state().connectionCount(id);
    }

    @Override
    public int objectCount() {
        return tree.state().liveCount();
    }
}
