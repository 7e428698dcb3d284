package org.arxos.collab.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.arxos.api.collab.Acknowledgement;
import org.arxos.api.collab.AppliedOperation;
import org.arxos.api.collab.Conflict;
import org.arxos.api.collab.ConflictResolver;
import org.arxos.api.collab.HybridTimestamp;
import org.arxos.api.collab.Member;
import org.arxos.api.collab.Operation;
import org.arxos.api.collab.Resolution;
import org.arxos.api.collab.ServerReplica;
import org.arxos.api.collab.SessionError;
import org.arxos.api.collab.SessionListener;
import org.arxos.api.collab.VersionVector;
import org.arxos.api.collab.Welcome;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.repository.ConcurrentChangeException;
import org.arxos.api.security.Role;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;
import org.arxos.model.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One building being edited on this node: its sessions, its replica and its place in the operation log. Everything
 * that touches that state runs on the room's serial executor, in server order.
 *
 * <p>The replica is a pure function of the log: it starts at an <em>epoch</em> snapshot (the first revision of the
 * log, then every {@code snapshotEvery} revisions, on every node alike) and resolves the logged operations in revision
 * order. Each node appends under the lock of the building's head row after applying what other nodes appended before,
 * so every node's replica resolves the same operations in the same order from the same snapshot. Sequences are
 * renumbered per epoch for the replica (a replica opened at a snapshot expects each client from its first operation
 * on) and operations based before the epoch are resolved as based on it.
 *
 * <p>State is changed only by applying logged operations: a batch that fails to commit leaves the room
 * <em>stale</em>, and the next task rebuilds it from the log before going on, so nothing that was not committed is
 * ever sent or kept.
 */
final class Room {

    static final String UNDO_SUFFIX = ":undo";
    private static final String UNDO = "undo ";
    private static final String REDO = "redo ";
    private static final long CALL_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(Room.class);

    /** An operation waiting for the next group commit. */
    private record Pending(Session session, Operation operation, long receivedNanos, List<Violation> overwritten,
            List<Integer> indexes) {
    }

    /** An operation applied to the replica, with the resolution its author is told. */
    private record Resolved(LoggedOperation row, Resolution resolution) {
    }

    /** What became of one entry of a batch, sent once the batch is committed. */
    private record Outcome(Session session, LoggedOperation applied, Acknowledgement ack, SessionError error) {
    }

    private final CollaborationHost host;
    private final RoomKey key;
    private final String policy;
    private final SerialExecutor thread;
    private final SerialExecutor snapshots;
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private volatile List<Member> members = List.of();
    private volatile boolean closed;

    private Connection connection;
    private boolean stale = true;
    private ConflictResolver resolver;
    private ServerReplica replica;
    private long revision;
    /** The last revision sent to the sessions, or -1 before the room was first loaded. */
    private long delivered = -1;
    private long epochStart;
    private final Map<String, Long> sequenceOffsets = new HashMap<>();
    private Map<String, OperationLog.ClientPosition> clients = new HashMap<>();
    private final Deque<AppliedOperation> recent = new ArrayDeque<>();
    private final Map<String, Deque<Undoable>> undoable = new HashMap<>();
    private final Map<String, Deque<Undoable>> redoable = new HashMap<>();
    private final Set<String> claimed = new HashSet<>();
    private final Map<String, Long> reserved = new HashMap<>();
    private HybridTimestamp latest;
    private final AtomicBoolean commitScheduled = new AtomicBoolean();
    private volatile long lastCommitNanos = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

    Room(CollaborationHost host, RoomKey key, String policy) {
        this.host = host;
        this.key = key;
        this.policy = policy;
        // the log's connection goes back to the pool whenever the room has nothing to do
        this.thread = new SerialExecutor(host.pool(), this::closeConnection);
        this.snapshots = new SerialExecutor(host.pool());
    }

    RoomKey key() {
        return key;
    }

    CollaborationHost host() {
        return host;
    }

    List<Member> members() {
        return members;
    }

    /** Joins a session: welcome first, then the others are told. Waits for the room's thread. */
    Session join(Session session, long since) {
        return call(() -> {
            if (closed) {
                return null;
            }
            ensureLoaded();
            if (since > revision) {
                throw new IllegalArgumentException("since " + since + " is after the head revision " + revision
                        + " of building '" + key.buildingId() + "'");
            }
            Welcome welcome = welcome(since, session);
            Session replaced = sessions.put(session.clientId(), session);
            if (replaced != null) {
                host.sessionEnded(key);
                replaced.close("replaced by a new session of the same client");
            }
            publishMembers();
            session.send(l -> l.welcome(welcome));
            Member member = session.member(true);
            others(session).forEach(s -> s.send(l -> l.presence(member)));
            return session;
        });
    }

    void submit(Session session, Operation operation) {
        pending.add(new Pending(session, operation, System.nanoTime(), List.of(), null));
        scheduleCommit();
    }

    /**
     * Has the pending operations committed: at once when the last commit started at least the configured interval
     * ago, else when it will have; one commit is on its way at a time and takes everything pending when it starts.
     */
    private void scheduleCommit() {
        if (!commitScheduled.compareAndSet(false, true)) {
            return;
        }
        long wait = lastCommitNanos + TimeUnit.MILLISECONDS.toNanos(host.settings().commitIntervalMillis())
                - System.nanoTime();
        if (wait <= 0) {
            thread.execute(this::commitPending);
        } else {
            host.later(() -> thread.execute(this::commitPending), wait);
        }
    }

    void presenceChanged(Session session) {
        thread.execute(() -> {
            if (sessions.get(session.clientId()) == session) {
                publishMembers();
                Member member = session.member(true);
                others(session).forEach(s -> s.send(l -> l.presence(member)));
            }
        });
    }

    void leave(Session session) {
        thread.execute(() -> {
            if (sessions.get(session.clientId()) != session) {
                return;
            }
            sessions.remove(session.clientId());
            publishMembers();
            host.sessionEnded(key);
            Member gone = session.member(false);
            sessions.values().forEach(s -> s.send(l -> l.presence(gone)));
            if (sessions.isEmpty() && host.closeIfEmpty(this)) {
                closed = true;
                if (!stale) {
                    snapshot(revision, false);
                }
                closeConnection();
            }
        });
    }

    /** Reads what other nodes appended, when told they did; a stale room is rebuilt, which reads it too. */
    void sync(long upTo) {
        thread.execute(() -> {
            if (closed) {
                return;
            }
            try {
                if (stale) {
                    ensureLoaded();
                    return;
                }
                if (upTo <= revision) {
                    return;
                }
                Connection c = connection();
                List<LoggedOperation> rows = host.log().read(c, key, revision, upTo);
                c.commit();
                List<Outcome> outcomes = new ArrayList<>();
                for (LoggedOperation row : rows) {
                    replay(row);
                    outcomes.add(new Outcome(null, row, null, null));
                }
                deliver(outcomes);
            } catch (SQLException | RuntimeException e) {
                fail("reading the operations of other nodes", e);
            }
        });
    }

    /** Reopens the replica at the head when the building's resolver was swapped or came back. */
    void resolverChanged() {
        thread.execute(() -> {
            if (closed || stale) {
                return;
            }
            ConflictResolver now = host.resolver(policy);
            if (now != null && now != resolver) {
                LOG.info("Reopening building {} at revision {} with another '{}' resolver", key, revision, policy);
                reopen(now, replica.head());
            }
            resolver = now;
        });
    }

    void undo(Session session, boolean undo) {
        thread.execute(() -> {
            if (!ready(session)) {
                return;
            }
            String owner = session.clientId();
            Undoable entry = (undo ? undoable : redoable).getOrDefault(owner, new ArrayDeque<>()).stream()
                    .filter(u -> !claimed.contains(u.label()))
                    .findFirst().orElse(null);
            if (entry == null) {
                session.refuse(SessionError.Code.NOTHING_TO_UNDO, "client '" + owner + "' has nothing to "
                        + (undo ? "undo" : "redo"), 0);
                return;
            }
            Undoable.Selection selection = entry.select(replica.head());
            claimed.add(entry.label());
            String client = owner + UNDO_SUFFIX;
            long sequence = Math.max(reserved.getOrDefault(client, 0L), position(client).sequence()) + 1;
            reserved.put(client, sequence);
            Operation op = new Operation(client, sequence, nextTimestamp(client), revision, VersionVector.EMPTY,
                    new ChangeSet(session.user(), (undo ? UNDO : REDO) + entry.label(), selection.changes()));
            pending.add(new Pending(session, op, System.nanoTime(), selection.overwritten(), selection.indexes()));
            commitPending();
        });
    }

    List<Conflict> parked() {
        return call(() -> {
            ensureLoaded();
            return replica.parked();
        });
    }

    /** One group commit: everything pending goes into one transaction. */
    private void commitPending() {
        commitScheduled.set(false);
        lastCommitNanos = System.nanoTime();
        if (pending.isEmpty()) {
            return;
        }
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < host.settings().maxBatch() && (next = pending.poll()) != null) {
            batch.add(next);
        }
        if (closed || !ensureLoadedFor(batch)) {
            return;
        }
        if (commit(batch)) {
            return;
        }
        // the room disagreed with the log and was rebuilt from it; the batch was never committed: once more
        if (ensureLoadedFor(batch) && !commit(batch)) {
            batch.forEach(p -> p.session().refuse(SessionError.Code.UNAVAILABLE, "building '" + key.buildingId()
                    + "' disagrees with its operation log; nothing was applied: resend", p.operation().sequence()));
        }
    }

    /**
     * Commits one batch; false when it could not, with the room stale. Failures of the database are reported to the
     * clients at once, a room that disagrees with the log is left for the caller to rebuild and retry.
     */
    private boolean commit(List<Pending> batch) {
        if (resolver == null) {
            batch.forEach(p -> p.session().refuse(SessionError.Code.UNAVAILABLE, "no '" + policy + "' conflict "
                    + "resolver is running for building '" + key.buildingId() + "'", p.operation().sequence()));
            return true;
        }
        List<Outcome> outcomes = new ArrayList<>();
        List<LoggedOperation> rows = new ArrayList<>();
        Map<String, OperationLog.ClientPosition> positions = new HashMap<>();
        long boundary = 0;
        try {
            Connection c = connection();
            long head = host.log().lockHead(c, key);
            for (LoggedOperation row : host.log().read(c, key, revision, head)) {
                replay(row);
                outcomes.add(new Outcome(null, row, null, null));
            }
            if (revision != head) {
                throw new IllegalStateException("building " + key + " is at revision " + revision
                        + " but its log at " + head);
            }
            for (Pending p : batch) {
                Operation op = p.operation();
                OperationLog.ClientPosition at = positions.getOrDefault(op.clientId(), position(op.clientId()));
                if (op.sequence() <= at.sequence()) {
                    long logged = op.sequence() == at.sequence() ? at.revision()
                            : host.log().revisionOf(c, key, op.clientId(), op.sequence()).orElse(0);
                    outcomes.add(new Outcome(p.session(), null,
                            new Acknowledgement(op.clientId(), op.sequence(), logged, List.of(), List.of()), null));
                } else if (op.sequence() > at.sequence() + 1) {
                    outcomes.add(new Outcome(p.session(), null, null, new SessionError(SessionError.Code.OUT_OF_ORDER,
                            "operation " + op.label() + " leaves a gap: the server expects " + op.clientId() + "#"
                                    + (at.sequence() + 1), op.sequence())));
                } else {
                    Resolved resolved;
                    try {
                        resolved = apply(op, p.session().role());
                    } catch (IllegalArgumentException e) {
                        outcomes.add(new Outcome(p.session(), null, null, new SessionError(
                                SessionError.Code.OUT_OF_ORDER, e.getMessage(), op.sequence())));
                        continue;
                    }
                    LoggedOperation row = resolved.row();
                    rows.add(row);
                    positions.put(op.clientId(), new OperationLog.ClientPosition(op.sequence(), row.revision()));
                    if (row.revision() % host.settings().snapshotEvery() == 0) {
                        boundary = row.revision();
                    }
                    outcomes.add(new Outcome(p.session(), row, acknowledgement(op, p, resolved.resolution()), null));
                }
            }
            if (!rows.isEmpty()) {
                host.log().append(c, key, rows, System.currentTimeMillis());
                host.log().saveClients(c, key, positions);
            }
            c.commit();
        } catch (IllegalStateException e) {
            fail("committing " + batch.size() + " operations", e);
            claimed.clear();
            reserved.clear();
            return false;
        } catch (SQLException | RuntimeException e) {
            fail("committing " + batch.size() + " operations", e);
            batch.forEach(p -> p.session().refuse(SessionError.Code.UNAVAILABLE, "the operation log of building '"
                    + key.buildingId() + "' is not available (" + e.getMessage() + "); nothing was applied: resend",
                    p.operation().sequence()));
            stale = true;
            return true;
        }
        long committed = System.nanoTime();
        clients.putAll(positions);
        claimed.clear();
        reserved.clear();
        host.committed(rows.size(), batch.stream().mapToLong(p -> committed - p.receivedNanos()).sum(),
                batch.size());
        deliver(outcomes);
        if (!rows.isEmpty()) {
            host.appended(key, rows.get(0).revision(), revision);
        }
        if (boundary > 0) {
            snapshot(boundary, true);
        }
        if (!pending.isEmpty()) {
            scheduleCommit();
        }
        return true;
    }

    private Acknowledgement acknowledgement(Operation op, Pending p, Resolution resolution) {
        List<Violation> rejected = new ArrayList<>(p.overwritten());
        for (Violation v : resolution.rejected()) {
            rejected.add(p.indexes() == null ? v : new Violation(p.indexes().get(v.changeIndex()), v.targetId(),
                    v.rule(), v.message()));
        }
        return new Acknowledgement(op.clientId(), op.sequence(), resolution.revision(), rejected, relabel(resolution.conflicts()));
    }

    /** Sends what a commit brought: each session's events of it in one delivery, in server order. */
    private void deliver(List<Outcome> outcomes) {
        long conflicts = 0;
        List<AppliedOperation> run = new ArrayList<>(outcomes.size());
        Set<Session> authors = new LinkedHashSet<>();
        for (Outcome o : outcomes) {
            if (o.error() != null) {
                o.session().refuse(o.error().code(), o.error().message(), o.error().sequence());
                continue;
            }
            if (o.ack() != null) {
                conflicts += o.ack().conflicts().size();
                authors.add(o.session());
            }
            if (o.applied() != null) {
                run.add(o.applied().applied());
                delivered = Math.max(delivered, o.applied().applied().revision());
            }
        }
        // an author hears its acknowledgement right before its revision, so its events are its own; every other
        // session receives the same run
        for (Session author : authors) {
            boolean member = sessions.get(author.clientId()) == author;
            List<Consumer<SessionListener>> events = new ArrayList<>();
            for (Outcome o : outcomes) {
                if (o.ack() != null && o.session() == author) {
                    Acknowledgement ack = o.ack();
                    events.add(l -> l.acknowledged(ack));
                }
                if (o.applied() != null && member) {
                    AppliedOperation applied = o.applied().applied();
                    events.add(l -> l.applied(applied));
                }
            }
            author.sendAll(events);
        }
        if (!run.isEmpty()) {
            List<AppliedOperation> shared = List.copyOf(run);
            sessions.values().stream().filter(s -> !authors.contains(s)).forEach(s -> s.sendRun(shared));
        }
        host.countConflicts(conflicts);
    }

    /** Applies a row another node logged; it must come out as that node's resolution did. */
    private void replay(LoggedOperation row) {
        long at = revision;
        if (row.revision() != revision + 1) {
            throw new IllegalStateException("building " + key + " is at revision " + revision + " but the log gives "
                    + row.revision() + " next" + host.log().describeAfter(key, revision));
        }
        LoggedOperation again = apply(row.submitted(), row.role()).row();
        if (again.revision() != row.revision() || !again.effect().changes().equals(row.effect().changes())) {
            throw new IllegalStateException("building " + key + " resolved revision " + row.revision()
                    + " differently from the node that logged it: " + again.effect().changes() + " instead of "
                    + row.effect().changes() + " for " + row.submitted() + " at " + at + " as " + again.revision());
        }
        clients.put(row.submitted().clientId(), new OperationLog.ClientPosition(row.submitted().sequence(),
                row.revision()));
    }

    /** Resolves one operation on the replica, in server order, and keeps what undo and catch-up need. */
    private Resolved apply(Operation op, Role role) {
        Revision before = replica.head();
        long offset = sequenceOffsets.getOrDefault(op.clientId(), op.sequence() - 1);
        Resolution resolution = replica.submit(forReplica(op, offset), role);
        if (resolution.revision() != revision + 1) {
            throw new IllegalStateException("the '" + policy + "' replica of building " + key + " answered revision "
                    + resolution.revision() + " after " + revision);
        }
        sequenceOffsets.putIfAbsent(op.clientId(), offset);
        revision = resolution.revision();
        AppliedOperation applied = new AppliedOperation(revision, op.withChanges(resolution.broadcast().changes()),
                resolution.effect());
        recent.addLast(applied);
        while (recent.size() > Math.max(1, host.settings().keepOperations())) {
            recent.removeFirst();
        }
        remember(op, before, resolution.effect());
        latest = latest == null || op.timestamp().compareTo(latest) > 0 ? op.timestamp() : latest;
        if (revision % host.settings().snapshotEvery() == 0) {
            reopen(resolver, replica.head());
        }
        return new Resolved(new LoggedOperation(revision, op, role, applied), resolution);
    }

    /** The operation as the replica of this epoch numbers it. */
    private Operation forReplica(Operation op, long offset) {
        Map<String, Long> seen = new HashMap<>();
        op.observed().seen().forEach((client, sequence) -> {
            Long clientOffset = client.equals(op.clientId()) ? Long.valueOf(offset) : sequenceOffsets.get(client);
            if (clientOffset != null && sequence - clientOffset > 0) {
                seen.put(client, sequence - clientOffset);
            }
        });
        return new Operation(op.clientId(), op.sequence() - offset, op.timestamp(),
                Math.max(op.baseRevision(), epochStart), new VersionVector(seen), op.changes());
    }

    /** Conflicts name operations as the replica numbered them; sessions know them by their own sequences. */
    private List<Conflict> relabel(List<Conflict> conflicts) {
        return conflicts.stream().map(c -> new Conflict(c.targetId(), c.field(), c.outcome(), relabel(c.kept()),
                relabel(c.overwritten()))).toList();
    }

    private Conflict.AuthoredValue relabel(Conflict.AuthoredValue v) {
        if (v == null || v.operation() == null) {
            return v;
        }
        int hash = v.operation().lastIndexOf('#');
        Long offset = hash < 0 ? null : sequenceOffsets.get(v.operation().substring(0, hash));
        if (offset == null) {
            return v;
        }
        try {
            long sequence = Long.parseLong(v.operation().substring(hash + 1)) + offset;
            return new Conflict.AuthoredValue(v.value(), v.author(), v.operation().substring(0, hash + 1) + sequence);
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private void remember(Operation op, Revision before, ChangeSet effect) {
        String client = op.clientId();
        String message = op.changes().message();
        if (client.endsWith(UNDO_SUFFIX) && (message.startsWith(UNDO) || message.startsWith(REDO))) {
            String owner = client.substring(0, client.length() - UNDO_SUFFIX.length());
            boolean undo = message.startsWith(UNDO);
            String label = message.substring(UNDO.length());
            (undo ? undoable : redoable).getOrDefault(owner, new ArrayDeque<>()).removeIf(u -> u.label().equals(label));
            push(undo ? redoable : undoable, owner, Undoable.of(op.label(), before, effect));
        } else {
            push(undoable, client, Undoable.of(op.label(), before, effect));
            redoable.remove(client);
        }
    }

    private void push(Map<String, Deque<Undoable>> stacks, String owner, Undoable entry) {
        if (entry.inverse().isEmpty()) {
            return;
        }
        Deque<Undoable> stack = stacks.computeIfAbsent(owner, o -> new ArrayDeque<>());
        stack.addFirst(entry);
        while (stack.size() > host.settings().undoDepth()) {
            stack.removeLast();
        }
    }

    private HybridTimestamp nextTimestamp(String client) {
        long now = System.currentTimeMillis();
        if (latest == null || now > latest.wallMillis()) {
            return new HybridTimestamp(now, 0, client);
        }
        return new HybridTimestamp(latest.wallMillis(), latest.counter() + 1, client);
    }

    private Welcome welcome(long since, Session joining) {
        List<Member> present = new ArrayList<>(members);
        present.removeIf(m -> m.clientId().equals(joining.clientId()));
        present.add(joining.member(true));
        if (since == revision) {
            return new Welcome(revision, policy, null, List.of(), present);
        }
        if (since >= 0 && !recent.isEmpty() && recent.getFirst().revision() <= since + 1) {
            List<AppliedOperation> catchUp = recent.stream().filter(a -> a.revision() > since).toList();
            return new Welcome(revision, policy, null, catchUp, present);
        }
        if (since >= 0) {
            try {
                Connection c = connection();
                OptionalLong oldest = host.log().oldest(c, key);
                if (oldest.isPresent() && oldest.getAsLong() <= since + 1) {
                    List<AppliedOperation> catchUp = host.log().read(c, key, since, revision).stream()
                            .map(LoggedOperation::applied).toList();
                    c.commit();
                    return new Welcome(revision, policy, null, catchUp, present);
                }
                c.commit();
            } catch (SQLException e) {
                LOG.warn("Building {}: cannot read the log for a catch-up, sending a snapshot: {}", key,
                        e.getMessage());
                closeConnection();
            }
        }
        return new Welcome(revision, policy, replica.head(), List.of(), present);
    }

    /**
     * Writes the building at {@code target} into the repository, records it and compacts the log behind it. Runs on
     * a thread and a connection of its own, from the log alone, so the room goes on meanwhile; the head row is locked
     * only to record the snapshot.
     */
    private void snapshot(long target, boolean epoch) {
        snapshots.execute(() -> {
            OperationLog log = host.log();
            try (Connection c = log.connect()) {
                try {
                    OperationLog.Snapshot last = log.latestSnapshot(c, key, false).orElseThrow();
                    List<LoggedOperation> rows = last.revision() >= target ? List.of()
                            : log.read(c, key, last.revision(), target);
                    c.commit();
                    if (rows.size() != target - last.revision()) {
                        if (last.revision() < target) {
                            LOG.warn("Building {}: the log lacks revisions between {} and {}; no snapshot", key,
                                    last.revision(), target);
                        }
                        return;
                    }
                    List<Change> changes = rows.stream().flatMap(r -> r.effect().changes().stream()).toList();
                    OptionalLong stored = changes.isEmpty() ? OptionalLong.of(last.repoRevision()) : store(c, last,
                            new ChangeSet("collaboration", "collaboration revisions " + (last.revision() + 1) + " to "
                                    + target, changes));
                    if (stored.isEmpty()) {
                        return;
                    }
                    long repoRevision = stored.getAsLong();
                    log.lockHead(c, key);
                    if (log.latestSnapshot(c, key, false).orElseThrow().revision() >= target) {
                        c.rollback();
                        return;
                    }
                    log.recordSnapshot(c, key, new OperationLog.Snapshot(target, repoRevision, epoch));
                    long latestEpoch = epoch ? target : log.latestSnapshot(c, key, true).orElseThrow().revision();
                    c.commit();
                    // outside the head lock: nobody appends or reads for replay at or below an epoch snapshot
                    int deleted = log.compact(c, key, latestEpoch - host.settings().keepOperations(), latestEpoch);
                    c.commit();
                    host.snapshotWritten(deleted);
                    LOG.debug("Building {}: revision {} is repository revision {}; {} log rows compacted", key,
                            target, repoRevision, deleted);
                } catch (SQLException | RuntimeException | ChangeRejectedException e) {
                    LOG.warn("Building {}: no snapshot at revision {}: {}", key, target, e.getMessage());
                    c.rollback();
                }
            } catch (SQLException e) {
                LOG.warn("Building {}: no snapshot at revision {}: {}", key, target, e.getMessage());
            }
        });
    }

    /**
     * Applies the effects to the repository on top of the previous snapshot; empty when another node wrote a snapshot
     * meanwhile (which holds these effects).
     */
    private OptionalLong store(Connection c, OperationLog.Snapshot last, ChangeSet changes)
            throws ChangeRejectedException, SQLException {
        BuildingRepository repository = host.repository();
        try {
            return OptionalLong.of(repository.apply(key.tenant(), key.buildingId(), last.repoRevision(), changes)
                    .number());
        } catch (ConcurrentChangeException e) {
            long latest = host.log().latestSnapshot(c, key, false).orElseThrow().revision();
            c.commit();
            if (latest > last.revision()) {
                return OptionalLong.empty();
            }
            // the building was changed outside the sessions too: the sessions' effects go on top
            LOG.warn("Building {} was changed outside its editing sessions; writing their revisions on top", key);
            return OptionalLong.of(repository.apply(key.tenant(), key.buildingId(), changes).number());
        }
    }

    private boolean ensureLoadedFor(List<Pending> batch) {
        try {
            ensureLoaded();
            return true;
        } catch (RuntimeException e) {
            batch.forEach(p -> p.session().refuse(SessionError.Code.UNAVAILABLE, "building '" + key.buildingId()
                    + "' cannot be loaded (" + e.getMessage() + "); nothing was applied: resend",
                    p.operation().sequence()));
            return false;
        }
    }

    /** Rebuilds the room from the log after a failure (or at first): the epoch snapshot and every row after it. */
    private void ensureLoaded() {
        if (!stale) {
            return;
        }
        try {
            Connection c = connection();
            OperationLog log = host.log();
            BuildingRepository repository = host.repository();
            Revision repoHead = repository.head(key.tenant(), key.buildingId());
            long head = log.openHead(c, key, repoHead.number());
            OperationLog.Snapshot epoch = log.latestSnapshot(c, key, true).orElseThrow(() -> new IllegalStateException(
                    "the operation log of " + key + " has no snapshot"));
            Revision content = epoch.repoRevision() == repoHead.number() ? repoHead
                    : repository.revision(key.tenant(), key.buildingId(), epoch.repoRevision());
            List<LoggedOperation> rows = log.read(c, key, epoch.revision(), head);
            Map<String, OperationLog.ClientPosition> positions = log.clients(c, key);
            c.commit();
            ConflictResolver current = host.resolver(policy);
            if (current == null) {
                throw new IllegalStateException("no '" + policy + "' conflict resolver is running");
            }
            recent.clear();
            undoable.clear();
            redoable.clear();
            claimed.clear();
            reserved.clear();
            latest = null;
            revision = epoch.revision();
            resolver = current;
            reopen(current, renumbered(content, epoch.revision()));
            clients = positions;
            for (LoggedOperation row : rows) {
                replay(row);
            }
            stale = false;
            sendMissed();
        } catch (SQLException e) {
            closeConnection();
            throw new IllegalStateException("the operation log is not available: " + e.getMessage(), e);
        }
    }

    /**
     * After a rebuild, sends the sessions the revisions they did not receive; when the log no longer holds them (other
     * nodes compacted it while this one lagged), the sessions are closed so that their clients catch up by joining
     * again.
     */
    private void sendMissed() {
        if (delivered >= 0 && revision > delivered) {
            if (!recent.isEmpty() && recent.getFirst().revision() <= delivered + 1) {
                long after = delivered;
                List<AppliedOperation> missed = recent.stream().filter(a -> a.revision() > after).toList();
                sessions.values().forEach(s -> s.sendRun(missed));
            } else {
                LOG.warn("Building {}: this node missed revisions {} to {}, which the log no longer holds; its "
                        + "sessions must join again", key, delivered + 1, revision);
                new ArrayList<>(sessions.values()).forEach(s -> s.close("this server fell behind the operation log "
                        + "of building '" + key.buildingId() + "'; join again with since to catch up"));
            }
        }
        delivered = revision;
    }

    private void reopen(ConflictResolver with, Revision head) {
        replica = with.open(key.buildingId(), head);
        epochStart = head.number();
        sequenceOffsets.clear();
    }

    /** The content of a repository revision as the log revision it holds. */
    private static Revision renumbered(Revision content, long number) {
        if (content.number() == number) {
            return content;
        }
        try {
            return Revision.restore(number, parentsFirst(content), content.connections());
        } catch (ChangeRejectedException e) {
            throw new IllegalStateException("a stored revision breaks the model's rules: " + e.getMessage(), e);
        }
    }

    private static Stream<BuildingObject> parentsFirst(Revision content) {
        List<BuildingObject> ordered = new ArrayList<>(content.objectCount());
        content.root().ifPresent(ordered::add);
        for (int i = 0; i < ordered.size(); i++) {
            ordered.addAll(content.children(ordered.get(i).id()));
        }
        return ordered.stream();
    }

    private OperationLog.ClientPosition position(String client) {
        return clients.getOrDefault(client, new OperationLog.ClientPosition(0, 0));
    }

    private boolean ready(Session session) {
        try {
            ensureLoaded();
        } catch (RuntimeException e) {
            session.refuse(SessionError.Code.UNAVAILABLE, e.getMessage(), 0);
            return false;
        }
        return !closed;
    }

    private void fail(String what, Exception e) {
        LOG.warn("Building {}: {} failed at revision {} (epoch {}); the room is rebuilt from the log: {}", key, what,
                revision, epochStart, e.toString());
        rollbackQuietly();
        closeConnection();
        stale = true;
        host.logFailed(e);
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = host.log().connect();
        }
        return connection;
    }

    private void rollbackQuietly() {
        if (connection != null) {
            try {
                connection.rollback();
            } catch (SQLException e) {
                closeConnection();
            }
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // broken already
            }
            connection = null;
        }
    }

    private Stream<Session> others(Session session) {
        return sessions.values().stream().filter(s -> s != session);
    }

    private void publishMembers() {
        members = sessions.values().stream().map(s -> s.member(true)).toList();
    }

    /** Closes every session as the host stops. */
    void shutdown(String reason) {
        call(() -> {
            new ArrayList<>(sessions.values()).forEach(s -> s.close(reason));
            return null;
        });
    }

    private interface Task<T> {
        T run();
    }

    /** Runs a task on the room's thread and waits for it; a task that has not started within the limit is dropped. */
    private <T> T call(Task<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        thread.execute(() -> {
            if (result.isDone()) {
                return;
            }
            try {
                result.complete(task.run());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(CALL_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            result.cancel(false);
            throw new IllegalStateException("building '" + key.buildingId() + "' stayed busy for " + CALL_SECONDS
                    + " s; try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for building " + key, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
