package org.arxos.collab.ot.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.arxos.api.collab.Conflict;
import org.arxos.api.collab.FieldWrite;
import org.arxos.api.collab.Operation;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;
import org.arxos.model.Rule;
import org.arxos.model.Violation;

/**
 * Transforms an operation made against an older revision so that it applies after the operations that came between
 * (server order). Objects and connections are addressed by id, so no change shifts another's position: transforming
 * decides, change by change, whether the intention still holds. A change on something a concurrent operation removed
 * becomes a no-op with a reason; of two writes of one field the later in server order wins and the overwritten value is
 * reported; a move that concurrent moves turned into a cycle, a removal of an object that concurrently received a
 * child or a connection, and anything else the model's rules refuse on the new state become no-ops with the model's
 * reason. The server rebases incoming operations with it, and clients rebase their pending ones the same way.
 */
public final class OperationTransformer {

    /**
     * @param revision  {@code onto} with the transformed changes applied: always the next revision number
     * @param applied   the changes that were applied, in order
     * @param appliedAt for each applied change, its index in the operation
     * @param rejected  changes turned into no-ops, indexed as in the operation
     * @param conflicts fields of concurrent operations this one overwrote
     */
    public record Rebased(Revision revision, ChangeSet applied, List<Integer> appliedAt, List<Violation> rejected,
            List<Conflict> conflicts) {
    }

    private OperationTransformer() {
    }

    /**
     * @param onto       the revision to apply to: the one the operation was made against, with {@code concurrent}
     *                   (and maybe more) applied
     * @param op         the operation
     * @param concurrent operations the author had not seen when it made {@code op}, in the order they were applied
     */
    public static Rebased rebase(Revision onto, Operation op, List<Operation> concurrent) {
        ConcurrentEdits edits = new ConcurrentEdits(concurrent);
        List<Change> changes = op.changes().changes();
        List<Integer> kept = new ArrayList<>(changes.size());
        List<Violation> rejected = new ArrayList<>();
        Set<String> droppedAdds = new HashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            Violation v = transform(i, changes.get(i), edits, droppedAdds);
            if (v == null) {
                kept.add(i);
            } else {
                rejected.add(v);
                dropAdded(changes.get(i), droppedAdds);
            }
        }
        Rebased applied = applyWhatPasses(onto, op, kept, rejected, edits);
        List<Conflict> conflicts = new ArrayList<>();
        for (int i : applied.appliedAt) {
            FieldWrite w = FieldWrite.of(changes.get(i));
            ConcurrentEdits.Write earlier = w == null ? null : edits.write(w.targetId(), w.field());
            if (earlier != null && !Objects.equals(earlier.value(), w.value())) {
                conflicts.add(new Conflict(w.targetId(), w.field(), Conflict.Outcome.OVERWRITTEN,
                        new Conflict.AuthoredValue(w.value(), op.changes().author(), op.label()),
                        new Conflict.AuthoredValue(earlier.value(), earlier.by().changes().author(), earlier.by().label())));
            }
        }
        return new Rebased(applied.revision, applied.applied, applied.appliedAt, applied.rejected, conflicts);
    }

    /** Why the change cannot keep its intention after the concurrent edits, or {@code null} when it can. */
    private static Violation transform(int i, Change c, ConcurrentEdits edits, Set<String> droppedAdds) {
        for (String id : ids(c)) {
            if (droppedAdds.contains(id)) {
                return new Violation(i, c.targetId(), Rule.UNKNOWN_ID, "'" + id
                        + "' is not there: adding it was refused earlier in the same operation");
            }
        }
        if (c instanceof Change.AddObject a) {
            Operation by = edits.addedIds.get(a.object().id());
            if (by != null) {
                return concurrently(i, a.object().id(), Rule.UNIQUE_ID, "'" + a.object().id()
                        + "' cannot be added: the id was taken", by);
            }
            return removed(i, a.object().id(), a.object().parentId(), Rule.UNKNOWN_PARENT, "cannot be added under", edits);
        } else if (c instanceof Change.RemoveObject r) {
            Operation by = edits.removedObjects.get(r.id());
            return by == null ? null : concurrently(i, r.id(), Rule.UNKNOWN_ID, "'" + r.id() + "' is removed already", by);
        } else if (c instanceof Change.MoveObject m) {
            Violation v = removed(i, m.id(), m.id(), Rule.UNKNOWN_ID, "cannot be moved", edits);
            return v != null ? v : removed(i, m.id(), m.newParentId(), Rule.UNKNOWN_PARENT, "cannot be moved under", edits);
        } else if (c instanceof Change.Connect k) {
            Operation by = edits.addedIds.get(k.connection().id());
            if (by != null) {
                return concurrently(i, k.connection().id(), Rule.UNIQUE_ID, "connection '" + k.connection().id()
                        + "' cannot be made: the id was taken", by);
            }
            Violation v = removed(i, k.connection().id(), k.connection().fromId(), Rule.DANGLING_CONNECTION,
                    "cannot connect from", edits);
            return v != null ? v : removed(i, k.connection().id(), k.connection().toId(), Rule.DANGLING_CONNECTION,
                    "cannot connect to", edits);
        } else if (c instanceof Change.Disconnect d) {
            Operation by = edits.removedConnections.get(d.connectionId());
            return by == null ? null : concurrently(i, d.connectionId(), Rule.UNKNOWN_ID, "connection '"
                    + d.connectionId() + "' is gone already", by);
        }
        return removed(i, c.targetId(), c.targetId(), Rule.UNKNOWN_ID, "cannot be changed", edits);
    }

    /** A violation when {@code id} was removed concurrently. */
    private static Violation removed(int i, String target, String id, Rule rule, String what, ConcurrentEdits edits) {
        Operation by = edits.removedObjects.get(id);
        return by == null ? null : concurrently(i, target, rule, "'" + target + "' " + what + " '" + id
                + "': it was removed", by);
    }

    private static Violation concurrently(int i, String target, Rule rule, String message, Operation by) {
        return new Violation(i, target, rule, message + " concurrently by " + by.changes().author() + " ("
                + by.label() + ")");
    }

    /**
     * Applies the kept changes; where the model refuses some (a cycle made by concurrent moves, a removal of an object
     * that gained a child), those become no-ops with the model's reason and the rest is tried again.
     */
    private static Rebased applyWhatPasses(Revision onto, Operation op, List<Integer> kept, List<Violation> rejected,
            ConcurrentEdits edits) {
        List<Change> changes = op.changes().changes();
        List<Integer> trying = new ArrayList<>(kept);
        while (true) {
            List<Change> attempt = new ArrayList<>(trying.size());
            trying.forEach(i -> attempt.add(changes.get(i)));
            ChangeSet set = new ChangeSet(op.changes().author(), op.changes().message(), attempt);
            try {
                Revision result = onto.apply(set);
                rejected.sort((a, b) -> Integer.compare(a.changeIndex(), b.changeIndex()));
                return new Rebased(result, set, List.copyOf(trying), rejected, List.of());
            } catch (ChangeRejectedException e) {
                Map<Integer, Violation> refused = new HashMap<>();
                for (Violation v : e.violations()) {
                    int original = trying.get(v.changeIndex());
                    boolean attached = v.rule() == Rule.HAS_CHILDREN || v.rule() == Rule.DANGLING_CONNECTION;
                    Operation by = attached ? edits.attachedTo.get(v.targetId()) : null;
                    String cause = by == null ? ""
                            : " (" + by.label() + " by " + by.changes().author() + " attached to it concurrently)";
                    refused.putIfAbsent(original, new Violation(original, v.targetId(), v.rule(), v.message() + cause));
                }
                rejected.addAll(refused.values());
                Set<String> droppedAdds = new HashSet<>();
                List<Integer> next = new ArrayList<>();
                for (int i : trying) {
                    if (refused.containsKey(i)) {
                        dropAdded(changes.get(i), droppedAdds);
                    } else if (ids(changes.get(i)).stream().anyMatch(droppedAdds::contains)) {
                        rejected.add(new Violation(i, changes.get(i).targetId(), Rule.UNKNOWN_ID,
                                "it needs an object or connection whose adding was refused earlier in the same operation"));
                        dropAdded(changes.get(i), droppedAdds);
                    } else {
                        next.add(i);
                    }
                }
                trying = next;
            }
        }
    }

    private static void dropAdded(Change c, Set<String> droppedAdds) {
        if (c instanceof Change.AddObject a) {
            droppedAdds.add(a.object().id());
        } else if (c instanceof Change.Connect k) {
            droppedAdds.add(k.connection().id());
        }
    }

    /** Every id a change needs to exist (its target, new parent, connection ends). */
    private static List<String> ids(Change c) {
        if (c instanceof Change.AddObject a) {
            return a.object().parentId() == null ? List.of() : List.of(a.object().parentId());
        } else if (c instanceof Change.MoveObject m) {
            return m.newParentId() == null ? List.of(m.id()) : List.of(m.id(), m.newParentId());
        } else if (c instanceof Change.Connect k) {
            return List.of(k.connection().fromId(), k.connection().toId());
        }
        return c.targetId() == null ? List.of() : List.of(c.targetId());
    }
}
