package org.arxos.collab.ot.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import org.arxos.api.collab.HybridClock;
import org.arxos.api.collab.Operation;
import org.arxos.collab.crdt.testing.EditView;
import org.arxos.collab.crdt.testing.RandomEdits;
import org.arxos.collab.crdt.testing.SimulatedEditor;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;

/**
 * An OT client in the simulation. Revisions have no random access, so it remembers the ids it has heard of and forgets
 * those that are gone when it picks one.
 */
final class OtEditor implements SimulatedEditor, EditView {

    private final OtClient client;
    private final String clientId;
    private final HybridClock clock;
    private final List<String> objectIds = new ArrayList<>();
    private final List<String> connectionIds = new ArrayList<>();
    private long physicalNow;
    private int refusedLocally;

    OtEditor(String clientId, Revision snapshot) {
        this.clientId = clientId;
        this.client = new OtClient(clientId, snapshot);
        this.clock = new HybridClock(clientId, () -> physicalNow);
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
        try {
            Operation op = client.edit(changes, clock.now());
            remember(changes);
            return op;
        } catch (ChangeRejectedException e) {
            refusedLocally++;
            return null;
        }
    }

    @Override
    public void receive(Operation broadcast, long revision, long now) {
        physicalNow = now;
        clock.receive(broadcast.timestamp());
        client.receive(broadcast, revision);
        if (!broadcast.clientId().equals(clientId)) {
            remember(broadcast.changes());
        }
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
    public Revision building() {
        return client.confirmed();
    }

    @Override
    public int backlog() {
        return client.pendingCount();
    }

    int refusedLocally() {
        return refusedLocally;
    }

    @Override
    public BuildingObject find(String id) {
        return id == null ? null : client.local().find(id).orElse(null);
    }

    @Override
    public String randomObject(Random random) {
        Revision view = client.local();
        return pick(objectIds, random, id -> view.find(id).isPresent());
    }

    @Override
    public String randomConnection(Random random) {
        Revision view = client.local();
        return pick(connectionIds, random, id -> view.connection(id).isPresent());
    }

    /** A random id that is still there, forgetting those that are not. */
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
        return client.local().childCount(id);
    }

    @Override
    public int connectionCount(String id) {
        return client.local().connectionsOf(id).size();
    }

    @Override
    public int objectCount() {
        return client.local().objectCount();
    }
}
