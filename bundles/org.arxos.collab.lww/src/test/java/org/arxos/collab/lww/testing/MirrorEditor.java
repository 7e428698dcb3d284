package org.arxos.collab.lww.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import org.arxos.api.collab.HybridClock;
import org.arxos.api.collab.Operation;
import org.arxos.api.collab.VersionVector;
import org.arxos.collab.crdt.testing.EditView;
import org.arxos.collab.crdt.testing.RandomEdits;
import org.arxos.collab.crdt.testing.SimulatedEditor;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;

/**
 * A client of a server-ordered replica in the simulation: it holds the building as the server applied it, by applying
 * the broadcast changes in server order, and edits what it sees, that building with its own pending operations applied
 * where they still apply. The server alone decides conflicts, so the client transforms nothing.
 */
public final class MirrorEditor implements SimulatedEditor, EditView {

    private final String clientId;
    private final HybridClock clock;
    private Revision confirmed;
    private long revision;
    private final List<Change> inbox = new ArrayList<>();
    private final ArrayDeque<Operation> pending = new ArrayDeque<>();
    private Revision local;
    private long sequence;
    private long physicalNow;
    private final List<String> objectIds = new ArrayList<>();
    private final List<String> connectionIds = new ArrayList<>();

    public MirrorEditor(String clientId, Revision snapshot) {
        this.clientId = clientId;
        this.clock = new HybridClock(clientId, () -> physicalNow);
        this.confirmed = snapshot;
        this.revision = snapshot.number();
        snapshot.objects().forEach(o -> objectIds.add(o.id()));
        snapshot.connections().forEach(c -> connectionIds.add(c.id()));
    }

    @Override
    public String clientId() {
        return clientId;
    }

    @Override
    public Operation edit(RandomEdits edits, long now) {
        physicalNow = now;
        ChangeSet changes = edits.next(this);
        if (changes == null) {
            return null;
        }
        Revision next;
        try {
            next = local().apply(changes);
        } catch (ChangeRejectedException e) {
            return null;
        }
        Operation op = new Operation(clientId, ++sequence, clock.now(), revision, VersionVector.EMPTY, changes);
        pending.add(op);
        local = next;
        remember(changes);
        return op;
    }

    @Override
    public void receive(Operation broadcast, long serverRevision, long now) {
        physicalNow = now;
        clock.receive(broadcast.timestamp());
        if (serverRevision != revision + 1) {
            throw new IllegalStateException(clientId + " at revision " + revision + " received revision " + serverRevision);
        }
        revision = serverRevision;
        inbox.addAll(broadcast.changes().changes());
        if (broadcast.clientId().equals(clientId)) {
            Operation acknowledged = pending.poll();
            if (acknowledged == null || acknowledged.sequence() != broadcast.sequence()) {
                throw new IllegalStateException(clientId + " received the acknowledgement of #" + broadcast.sequence()
                        + " out of order");
            }
        } else {
            remember(broadcast.changes());
        }
        local = null;
    }

    @Override
    public Revision building() {
        if (!inbox.isEmpty()) {
            try {
                confirmed = confirmed.apply(new ChangeSet("server", "", inbox));
            } catch (ChangeRejectedException e) {
                throw new IllegalStateException(clientId + " cannot apply what the server applied: " + e.getMessage(), e);
            }
            inbox.clear();
        }
        return confirmed;
    }

    @Override
    public int backlog() {
        return pending.size();
    }

    private Revision local() {
        if (local == null) {
            Revision view = building();
            for (Operation p : pending) {
                try {
                    view = view.apply(p.changes());
                } catch (ChangeRejectedException e) {
                    // the server will refuse it too, or apply part of it: the view waits for its answer
                }
            }
            local = view;
        }
        return local;
    }

    private void remember(ChangeSet changes) {
        for (Change c : changes.changes()) {
            if (c instanceof Change.AddObject a) {
                objectIds.add(a.object().id());
            } else if (c instanceof Change.Connect k) {
                connectionIds.add(k.connection().id());
            }
        }
    }

    @Override
    public BuildingObject find(String id) {
        return id == null ? null : local().find(id).orElse(null);
    }

    @Override
    public String randomObject(Random random) {
        Revision view = local();
        return pick(objectIds, random, id -> view.find(id).isPresent());
    }

    @Override
    public String randomConnection(Random random) {
        Revision view = local();
        return pick(connectionIds, random, id -> view.connection(id).isPresent());
    }

    /** A random id that is still there; ids that are gone are forgotten on the way. */
    private static String pick(List<String> ids, Random random, Predicate<String> present) {
        while (!ids.isEmpty()) {
            int i = random.nextInt(ids.size());
            String id = ids.get(i);
            if (present.test(id)) {
                return id;
            }
            ids.set(i, ids.get(ids.size() - 1));
            ids.remove(ids.size() - 1);
        }
        return null;
    }

    @Override
    public int childCount(String id) {
        return local().childCount(id);
    }

    @Override
    public int connectionCount(String id) {
        return local().connectionsOf(id).size();
    }

    @Override
    public int objectCount() {
        return local().objectCount();
    }
}
