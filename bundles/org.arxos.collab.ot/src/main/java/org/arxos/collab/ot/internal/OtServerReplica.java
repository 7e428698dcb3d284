package org.arxos.collab.ot.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.arxos.api.collab.Operation;
import org.arxos.api.collab.Resolution;
import org.arxos.api.collab.ServerReplica;
import org.arxos.model.Revision;

/**
 * The server of server-ordered operational transformation: operations are applied in the order they arrive, each
 * transformed against what other clients did after the revision it was made against; every client receives the
 * transformed operations in that order, its own included as the acknowledgement.
 */
public final class OtServerReplica implements ServerReplica {

    private final String buildingId;
    private final int maxHistory;
    private Revision head;
    /** What was applied after revision {@code firstRevision - 1}, one operation per revision. */
    private final List<Operation> history = new ArrayList<>();
    private long firstRevision;
    private final Map<String, Long> lastSequence = new HashMap<>();

    public OtServerReplica(String buildingId, Revision snapshot, int maxHistory) {
        this.buildingId = buildingId;
        this.maxHistory = maxHistory;
        this.head = snapshot;
        this.firstRevision = snapshot.number() + 1;
    }

    @Override
    public Resolution submit(Operation op) {
        if (op.baseRevision() > head.number()) {
            throw new IllegalArgumentException("operation " + op.label() + " is based on revision " + op.baseRevision()
                    + " of building '" + buildingId + "', which is only at " + head.number());
        }
        if (op.baseRevision() < firstRevision - 1) {
            throw new IllegalArgumentException("operation " + op.label() + " is based on revision " + op.baseRevision()
                    + " of building '" + buildingId + "', more than " + maxHistory
                    + " revisions ago: the client must catch up and redo it");
        }
        long expected = lastSequence.getOrDefault(op.clientId(), 0L) + 1;
        if (op.sequence() != expected) {
            throw new IllegalArgumentException("operation " + op.label() + " arrived out of order: the server expected "
                    + op.clientId() + "#" + expected);
        }
        List<Operation> concurrent = new ArrayList<>();
        for (int i = (int) (op.baseRevision() + 1 - firstRevision); i < history.size(); i++) {
            Operation other = history.get(i);
            if (!other.clientId().equals(op.clientId())) {
                concurrent.add(other);
            }
        }
        OperationTransformer.Rebased rebased = OperationTransformer.rebase(head, op, concurrent);
        head = rebased.revision();
        lastSequence.put(op.clientId(), op.sequence());
        Operation broadcast = op.withChanges(rebased.applied());
        history.add(broadcast);
        if (history.size() >= 2 * maxHistory) {
            history.subList(0, maxHistory).clear();
            firstRevision += maxHistory;
        }
        return new Resolution(head.number(), rebased.applied(), broadcast, rebased.rejected(), rebased.conflicts());
    }

    @Override
    public Revision head() {
        return head;
    }
}
