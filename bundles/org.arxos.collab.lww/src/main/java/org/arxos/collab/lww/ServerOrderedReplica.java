package org.arxos.collab.lww;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.arxos.api.collab.Conflict;
import org.arxos.api.collab.FieldWrite;
import org.arxos.api.collab.Operation;
import org.arxos.api.collab.Resolution;
import org.arxos.api.collab.ServerReplica;
import org.arxos.api.security.Role;
import org.arxos.collab.lww.internal.FieldWriters;
import org.arxos.collab.lww.internal.ParkedConflicts;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;
import org.arxos.model.Violation;

/**
 * A server replica that applies operations in server order, as submitted, and remembers which operation last wrote
 * every field. A write of a field that another client wrote after the operation's base revision is concurrent: the
 * {@link FieldPolicy} decides whether it overwrites, is dropped or is parked, and the resolution reports the conflict
 * with both values and both authors. A removal of an object counts as writing no value to each of its fields written
 * concurrently, and is applied only if every one of them lets it. What the model's rules refuse (unknown object,
 * cycle, ...) is not applied and is reported with the model's reason, naming the concurrent removal where one is
 * responsible; the rest of the operation applies. Clients mirror the server by applying the broadcast changes in server
 * order.
 */
public final class ServerOrderedReplica implements ServerReplica {

    private final String buildingId;
    private final ReplicaLimits limits;
    private final FieldPolicy policy;
    private final ChangeGuard guard;
    private final long snapshotNumber;
    private Revision head;
    private final Map<String, Long> lastSequence = new HashMap<>();
    private final FieldWriters writers = new FieldWriters();
    private final ParkedConflicts parked = new ParkedConflicts();

    public ServerOrderedReplica(String buildingId, Revision snapshot, ReplicaLimits limits, FieldPolicy policy,
            ChangeGuard guard) {
        this.buildingId = buildingId;
        this.limits = limits;
        this.policy = policy;
        this.guard = guard;
        this.snapshotNumber = snapshot.number();
        this.head = snapshot;
    }

    /** Resolves an operation whose author is an editor. */
    @Override
    public Resolution submit(Operation operation) {
        return submit(operation, Role.EDITOR);
    }

    @Override
    public Resolution submit(Operation op, Role role) {
        requireAcceptable(op);
        long revision = head.number() + 1;
        List<Change> changes = op.changes().changes();
        List<Violation> rejected = new ArrayList<>();
        Map<Integer, List<Conflict>> conflicts = new TreeMap<>();
        Map<Integer, List<Conflict>> overwrites = new HashMap<>();
        List<Integer> trying = new ArrayList<>(changes.size());
        int parking = 0;
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            Violation refused = guard.refuse(i, c, op, role, head);
            if (refused != null) {
                rejected.add(refused);
                continue;
            }
            List<ConcurrentWrite> concurrent = concurrentWrites(c, op);
            Conflict.Outcome decided = decide(concurrent);
            boolean full = parked.size() + parking + concurrent.size() > limits.maxParked();
            Conflict.Outcome outcome = decided == Conflict.Outcome.PARKED && full ? Conflict.Outcome.DROPPED : decided;
            parking += outcome == Conflict.Outcome.PARKED ? concurrent.size() : 0;
            List<Conflict> reported = concurrent.stream().map(w -> conflict(w, outcome, op)).toList();
            if (outcome == Conflict.Outcome.OVERWRITTEN) {
                trying.add(i);
                overwrites.put(i, reported);
            } else {
                conflicts.put(i, reported);
            }
        }
        ChangeSet applied = applyWhatPasses(op, trying, rejected);
        conflicts.values().forEach(reported -> reported.stream().filter(k -> k.outcome() == Conflict.Outcome.PARKED)
                .forEach(k -> parked.park(k, revision)));
        for (int i : trying) {
            conflicts.put(i, overwrites.get(i));
            record(changes.get(i), op, revision);
        }
        if (revision % limits.maxHistory() == 0) {
            writers.forgetUpTo(revision - limits.maxHistory());
        }
        lastSequence.put(op.clientId(), op.sequence());
        rejected.sort((a, b) -> Integer.compare(a.changeIndex(), b.changeIndex()));
        return new Resolution(head.number(), applied, op.withChanges(applied), rejected,
                conflicts.values().stream().flatMap(List::stream).toList());
    }

    @Override
    public List<Conflict> parked() {
        return parked.list();
    }

    @Override
    public Revision head() {
        return head;
    }

    private void requireAcceptable(Operation op) {
        if (op.baseRevision() > head.number()) {
            throw new IllegalArgumentException("operation " + op.label() + " is based on revision " + op.baseRevision()
                    + " of building '" + buildingId + "', which is only at " + head.number());
        }
        long oldest = Math.max(snapshotNumber, head.number() - limits.maxHistory());
        if (op.baseRevision() < oldest) {
            throw new IllegalArgumentException("operation " + op.label() + " is based on revision " + op.baseRevision()
                    + " of building '" + buildingId + "', older than revision " + oldest + " (at most "
                    + limits.maxHistory() + " revisions back, not before the snapshot): the client must catch up and redo it");
        }
        Long last = lastSequence.get(op.clientId());
        if (last != null && op.sequence() != last + 1) {
            throw new IllegalArgumentException("operation " + op.label() + (op.sequence() <= last ? " was seen already"
                    : " arrived out of order") + ": the server expected " + op.clientId() + "#" + (last + 1));
        }
    }

    /** The fields the change writes that another client wrote, with another value, after the operation's base. */
    private List<ConcurrentWrite> concurrentWrites(Change c, Operation op) {
        if (c instanceof Change.RemoveObject r) {
            BuildingObject target = head.find(r.id()).orElse(null);
            if (target == null) {
                return List.of();
            }
            List<ConcurrentWrite> concurrent = new ArrayList<>();
            writers.concurrentOn(r.id(), op.clientId(), op.baseRevision()).forEach((field, w) -> {
                if (w.value().value() != null) {
                    concurrent.add(new ConcurrentWrite(target, new FieldWrite(r.id(), field, null), c, w.value()));
                }
            });
            concurrent.sort((a, b) -> a.incoming().field().compareTo(b.incoming().field()));
            return concurrent;
        }
        FieldWrite write = FieldWrite.of(c);
        BuildingObject target = write == null ? null : head.find(write.targetId()).orElse(null);
        if (target == null) {
            return List.of();
        }
        FieldWriters.LastWrite last = writers.get(write.targetId(), write.field());
        return last == null || !last.concurrentWith(op.clientId(), op.baseRevision())
                || Objects.equals(last.value().value(), write.value()) ? List.of()
                        : List.of(new ConcurrentWrite(target, write, c, last.value()));
    }

    /** Parked if any field parks, dropped if any keeps its value, applied otherwise. */
    private Conflict.Outcome decide(List<ConcurrentWrite> concurrent) {
        Conflict.Outcome outcome = Conflict.Outcome.OVERWRITTEN;
        for (ConcurrentWrite w : concurrent) {
            Conflict.Outcome o = Objects.requireNonNull(policy.decide(w), "a field policy decided nothing");
            if (o == Conflict.Outcome.MERGED) {
                throw new IllegalStateException("field policy " + policy + " merged '" + w.incoming().targetId() + "' "
                        + w.incoming().field() + ": a server-ordered replica holds one value per field");
            }
            if (o == Conflict.Outcome.PARKED || o == Conflict.Outcome.DROPPED && outcome == Conflict.Outcome.OVERWRITTEN) {
                outcome = o;
            }
        }
        return outcome;
    }

    private static Conflict conflict(ConcurrentWrite w, Conflict.Outcome outcome, Operation op) {
        Conflict.AuthoredValue incoming = new Conflict.AuthoredValue(w.incoming().value(), op.changes().author(), op.label());
        return outcome == Conflict.Outcome.OVERWRITTEN
                ? new Conflict(w.incoming().targetId(), w.incoming().field(), outcome, incoming, w.current())
                : new Conflict(w.incoming().targetId(), w.incoming().field(), outcome, w.current(), incoming);
    }

    /**
     * Applies the changes at {@code trying} to the head; those the model's rules refuse are taken out with the model's
     * reason and the rest is tried again. Leaves in {@code trying} the indexes applied.
     */
    private ChangeSet applyWhatPasses(Operation op, List<Integer> trying, List<Violation> rejected) {
        List<Change> changes = op.changes().changes();
        while (true) {
            List<Change> attempt = new ArrayList<>(trying.size());
            trying.forEach(i -> attempt.add(changes.get(i)));
            ChangeSet set = new ChangeSet(op.changes().author(), op.changes().message(), attempt);
            try {
                head = head.apply(set);
                return set;
            } catch (ChangeRejectedException e) {
                Set<Integer> refused = new HashSet<>();
                for (Violation v : e.violations()) {
                    int original = trying.get(v.changeIndex());
                    if (refused.add(original)) {
                        rejected.add(new Violation(original, v.targetId(), v.rule(), v.message()
                                + removedConcurrently(changes.get(original), op)));
                    }
                }
                trying.removeIf(refused::contains);
            }
        }
    }

    /** Names the concurrent removal of an object the change needs, or nothing. */
    private String removedConcurrently(Change c, Operation op) {
        for (String id : idsNeeded(c)) {
            FieldWriters.LastWrite removal = writers.removalConcurrentWith(id, op.clientId(), op.baseRevision());
            if (removal != null) {
                return " ('" + id + "' was removed concurrently by " + removal.value().author() + " ("
                        + removal.value().operation() + "))";
            }
        }
        return "";
    }

    private static List<String> idsNeeded(Change c) {
        if (c instanceof Change.AddObject a) {
            return a.object().parentId() == null ? List.of() : List.of(a.object().parentId());
        } else if (c instanceof Change.MoveObject m) {
            return m.newParentId() == null ? List.of(m.id()) : List.of(m.id(), m.newParentId());
        } else if (c instanceof Change.Connect k) {
            return List.of(k.connection().fromId(), k.connection().toId());
        }
        return c.targetId() == null ? List.of() : List.of(c.targetId());
    }

    /**
     * Remembers an applied change's writes. An applied write of a field decides the conflicts parked on it at or before
     * its base revision (its author saw them); those parked later wait.
     */
    private void record(Change c, Operation op, long revision) {
        if (c instanceof Change.RemoveObject r) {
            writers.remove(r.id(), new FieldWriters.LastWrite(new Conflict.AuthoredValue(null, op.changes().author(),
                    op.label()), op.clientId(), revision));
            parked.forget(r.id());
            return;
        }
        FieldWrite w = FieldWrite.of(c);
        if (w != null) {
            writers.write(w.targetId(), w.field(), new FieldWriters.LastWrite(new Conflict.AuthoredValue(w.value(),
                    op.changes().author(), op.label()), op.clientId(), revision));
            parked.decide(w.targetId(), w.field(), op.baseRevision());
        }
    }
}
