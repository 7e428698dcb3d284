package org.arxos.collab.ot.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.arxos.api.collab.HybridTimestamp;
import org.arxos.api.collab.Operation;
import org.arxos.api.collab.VersionVector;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;

/**
 * The client side of server-ordered operational transformation. It holds the building as the server confirmed it
 * and the operations it sent that the server has not acknowledged yet; what the user sees is the confirmed building
 * with those pending operations rebased on top, as the server will rebase them. The server's operations must arrive
 * in server order (one WebSocket); they are applied in one step when the building is next needed.
 */
public final class OtClient {

    private record Received(long revision, Operation operation) {
    }

    private final String clientId;
    private Revision confirmed;
    private long revision;
    private final List<Change> inbox = new ArrayList<>();
    private final ArrayDeque<Operation> pending = new ArrayDeque<>();
    /** Other clients' operations after the oldest pending operation's base: what pending operations rebase on. */
    private final List<Received> others = new ArrayList<>();
    private Revision local;
    private long sequence;

    public OtClient(String clientId, Revision snapshot) {
        this.clientId = clientId;
        this.confirmed = snapshot;
        this.revision = snapshot.number();
        this.local = snapshot;
    }

    /**
     * Applies an edit locally and gives the operation to send.
     *
     * @throws ChangeRejectedException when the edit breaks the model's rules on what the user sees; nothing is sent
     */
    public Operation edit(ChangeSet changes, HybridTimestamp timestamp) throws ChangeRejectedException {
        Revision next = local().apply(changes);
        Operation op = new Operation(clientId, sequence + 1, timestamp, revision, VersionVector.EMPTY, changes);
        sequence++;
        pending.add(op);
        local = next;
        return op;
    }

    /**
     * Takes the next operation the server applied.
     *
     * @param serverRevision the server's revision after it
     * @throws IllegalStateException when an operation was missed: the client must catch up from the log
     */
    public void receive(Operation broadcast, long serverRevision) {
        if (serverRevision != revision + 1) {
            throw new IllegalStateException(clientId + " at revision " + revision + " received revision " + serverRevision
                    + ": it missed operations and must catch up");
        }
        revision = serverRevision;
        inbox.addAll(broadcast.changes().changes());
        if (broadcast.clientId().equals(clientId)) {
            Operation acknowledged = pending.poll();
            if (acknowledged == null || acknowledged.sequence() != broadcast.sequence()) {
                throw new IllegalStateException(clientId + " received the acknowledgement of #" + broadcast.sequence()
                        + " but waits for " + (acknowledged == null ? "none" : "#" + acknowledged.sequence()));
            }
        } else if (!pending.isEmpty()) {
            others.add(new Received(serverRevision, broadcast));
        }
        local = null;
    }

    /** The building as the server confirmed it. */
    public Revision confirmed() {
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

    /** The building as the user sees it: confirmed, with the pending operations rebased on it. */
    public Revision local() {
        if (local == null) {
            Revision view = confirmed();
            long oldestBase = pending.isEmpty() ? revision : pending.peek().baseRevision();
            others.removeIf(r -> r.revision <= oldestBase);
            for (Operation p : pending) {
                List<Operation> concurrent = new ArrayList<>();
                for (Received r : others) {
                    if (r.revision > p.baseRevision()) {
                        concurrent.add(r.operation);
                    }
                }
                view = OperationTransformer.rebase(view, p, concurrent).revision();
            }
            local = view;
        }
        return local;
    }

    /** The server revision this client has received up to. */
    public long revision() {
        return revision;
    }

    public int pendingCount() {
        return pending.size();
    }
}
