package org.arxos.collab.crdt.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.arxos.api.collab.Conflict;
import org.arxos.api.collab.FieldWrite;
import org.arxos.api.collab.HybridTimestamp;
import org.arxos.api.collab.Operation;
import org.arxos.api.collab.Resolution;
import org.arxos.api.collab.ServerReplica;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;

/**
 * The server's CRDT replica: a {@link ReplicatedTree} that also keeps the head as a model revision (each operation's
 * effect is applied to it, so the model checks the tree once more) and reports properties, names, geometry and parents
 * that concurrent operations overwrote.
 */
public final class CrdtServerReplica implements ServerReplica {

    /** How often the log is compacted, in operations. */
    private static final int COMPACT_EVERY = 1024;

    private final String buildingId;
    private final long maxLagMillis;
    private final ReplicatedTree tree;
    private Revision head;

    public CrdtServerReplica(String buildingId, Revision snapshot, long maxLagMillis) {
        this.buildingId = buildingId;
        this.maxLagMillis = maxLagMillis;
        this.tree = new ReplicatedTree(snapshot, true);
        this.head = snapshot;
    }

    @Override
    public Resolution submit(Operation op) {
        if (op.baseRevision() > head.number()) {
            throw new IllegalArgumentException("operation " + op.label() + " is based on revision " + op.baseRevision()
                    + " of building '" + buildingId + "', which is only at " + head.number());
        }
        if (tree.hasSeen(op)) {
            throw new IllegalArgumentException("operation " + op.label() + " was submitted before");
        }
        List<Written> before = written(op);
        TreeState state = tree.state();
        state.clearTouched();
        LogEntry entry = tree.applyAuthoritatively(op, head.number() + 1);
        ChangeSet effect = new ChangeSet(op.changes().author(), "crdt " + op.label(), HeadDiff.between(head, state));
        try {
            head = head.apply(effect);
        } catch (ChangeRejectedException e) {
            throw new IllegalStateException("the replicated tree of building '" + buildingId
                    + "' and its head disagree after " + op.label() + ": " + e.getMessage(), e);
        }
        if (head.number() % COMPACT_EVERY == 0) {
            HybridTimestamp latest = tree.latest();
            tree.compact(tree.clients(), new HybridTimestamp(Math.max(0, latest.wallMillis() - maxLagMillis), 0,
                    latest.clientId()));
        }
        if (entry.rejected() != null) {
            return new Resolution(head.number(), effect, op.withChanges(new ChangeSet(op.changes().author(),
                    op.changes().message(), List.of())), List.of(entry.rejected()), List.of());
        }
        return new Resolution(head.number(), effect, op, List.of(), conflicts(entry, before));
    }

    @Override
    public Revision head() {
        return head;
    }

    public ReplicatedTree tree() {
        return tree;
    }

    /** A field an operation writes, with its writer and value before the operation was applied. */
    private record Written(FieldWrite write, LogEntry writer, String value) {
    }

    private List<Written> written(Operation op) {
        List<Written> fields = new ArrayList<>();
        TreeState state = tree.state();
        for (Change c : op.changes().changes()) {
            FieldWrite w = FieldWrite.of(c);
            if (w != null) {
                fields.add(new Written(w, state.writer(w.targetId(), w.field()),
                        FieldWrite.current(state.live(w.targetId()), w.field())));
            }
        }
        return fields;
    }

    private List<Conflict> conflicts(LogEntry entry, List<Written> before) {
        Operation op = entry.operation();
        List<Conflict> conflicts = new ArrayList<>();
        for (Written w : before) {
            String id = w.write.targetId();
            String field = w.write.field();
            LogEntry now = tree.state().writer(id, field);
            if (now == entry && concurrent(w.writer, op) && !Objects.equals(w.value, w.write.value())) {
                conflicts.add(new Conflict(id, field, Conflict.Outcome.OVERWRITTEN, authored(w.write.value(), entry),
                        authored(w.value, w.writer)));
            } else if (now != entry && concurrent(now, op)) {
                String kept = FieldWrite.current(tree.state().live(id), field);
                conflicts.add(new Conflict(id, field, Conflict.Outcome.DROPPED, authored(kept, now),
                        authored(w.write.value(), entry)));
            }
        }
        return conflicts;
    }

    /** Whether the writer's operation was applied after the revision {@code op} was made against, by someone else. */
    private static boolean concurrent(LogEntry writer, Operation op) {
        return writer != null && writer.serverRevision() > op.baseRevision()
                && !writer.operation().clientId().equals(op.clientId());
    }

    private static Conflict.AuthoredValue authored(String value, LogEntry by) {
        return new Conflict.AuthoredValue(value, by.operation().changes().author(), by.operation().label());
    }
}
