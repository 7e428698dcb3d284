package org.arxos.collab.crdt.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.arxos.api.collab.HybridTimestamp;
import org.arxos.api.collab.Operation;
import org.arxos.api.collab.VersionVector;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;
import org.arxos.model.Violation;

/**
 * A replica of one building as a CRDT: the state is the snapshot with every operation applied in timestamp order,
 * each checked against the model's rules on the state before it, and skipped whole when it breaks one. An operation
 * that arrives late is put in its place by undoing the later ones, applying it and redoing them (Kleppmann et al.,
 * "A highly-available move operation for replicated trees"), so replicas that received the same operations hold the
 * same tree whatever the order of arrival: a move that would make a cycle is skipped everywhere, a property keeps the
 * value of its last writer, and a connection survives a disconnect whose author had not seen it made (add-wins).
 *
 * <p>Not thread-safe. The log keeps operations until {@link #compact(Collection) every client has gone past them}.
 */
public final class ReplicatedTree {

    private static final class ClientProgress {
        long contiguous;
        HybridTimestamp contiguousTimestamp;
        final TreeMap<Long, HybridTimestamp> ahead = new TreeMap<>();
    }

    private final TreeState state;
    private final ArrayList<LogEntry> log = new ArrayList<>();
    private final Map<String, ClientProgress> progress = new HashMap<>();
    private HybridTimestamp horizon;
    private long redone;

    public ReplicatedTree(Revision snapshot, boolean server) {
        this.state = new TreeState(snapshot, server);
    }

    public TreeState state() {
        return state;
    }

    /** Whether this operation (client and sequence) was applied here already. */
    public boolean hasSeen(Operation op) {
        ClientProgress p = progress.get(op.clientId());
        return p != null && (op.sequence() <= p.contiguous || p.ahead.containsKey(op.sequence()));
    }

    /** The causal context of the next local operation: every client's operations seen without gaps. */
    public VersionVector seen() {
        Map<String, Long> seen = new HashMap<>();
        progress.forEach((client, p) -> seen.put(client, p.contiguous));
        return new VersionVector(seen);
    }

    /**
     * Makes an operation of this replica's own client and applies it.
     *
     * @param sequence the client's next sequence number
     */
    public Operation local(String clientId, long sequence, HybridTimestamp timestamp, long baseRevision, ChangeSet changes) {
        boolean disconnects = changes.changes().stream().anyMatch(c -> c instanceof Change.Disconnect);
        Operation op = new Operation(clientId, sequence, timestamp, baseRevision,
                disconnects ? seen() : VersionVector.EMPTY, changes);
        apply(op, 0);
        return op;
    }

    /**
     * Applies an operation in its timestamp's place; one seen before is ignored.
     *
     * @param serverRevision the revision the server gave it, 0 where unknown
     * @return the entry, or {@code null} for an operation seen before
     * @throws IllegalArgumentException when the operation is older than what was compacted away
     */
    public LogEntry apply(Operation op, long serverRevision) {
        if (hasSeen(op)) {
            return null;
        }
        LogEntry entry = new LogEntry(op, serverRevision);
        insert(entry);
        record(op);
        return entry;
    }

    /**
     * Applies an operation as the server does: only if it has its effect and takes none from an operation applied
     * before (a late move that would turn an earlier one into a cycle, a late removal under which an earlier add would
     * lose its parent). Otherwise it is refused and the tree is as before. Either way the sequence counts as seen.
     *
     * @return the entry; its {@link LogEntry#rejected()} says why it was refused
     */
    public LogEntry applyAuthoritatively(Operation op, long serverRevision) {
        LogEntry entry = new LogEntry(op, serverRevision);
        int at = insert(entry);
        Violation refusal = entry.rejected;
        for (int i = at + 1; i < log.size() && refusal == null; i++) {
            LogEntry later = log.get(i);
            if (later.rejected != null) {
                Violation lost = later.rejected;
                refusal = new Violation(lost.changeIndex(), lost.targetId(), lost.rule(), "applied before "
                        + later.operation.label() + ", it would take that operation's effect away: " + lost.message());
            }
        }
        if (refusal != null) {
            rewindTo(at);
            log.remove(at);
            redoFrom(at);
            entry.rejected = refusal;
        }
        record(op);
        return entry;
    }

    /**
     * Takes the server's version of one of this replica's own operations: when the server refused it (sent it on
     * without changes), its effect is taken away here too.
     */
    public void acknowledge(Operation serverVersion) {
        for (int i = log.size() - 1; i >= 0; i--) {
            LogEntry entry = log.get(i);
            Operation mine = entry.operation;
            if (mine.clientId().equals(serverVersion.clientId()) && mine.sequence() == serverVersion.sequence()) {
                if (!mine.changes().equals(serverVersion.changes())) {
                    rewindTo(i);
                    log.set(i, new LogEntry(serverVersion, entry.serverRevision));
                    redoFrom(i);
                }
                return;
            }
        }
        if (!hasSeen(serverVersion)) {
            apply(serverVersion, 0);
        }
    }

    /** Puts the entry in its timestamp's place, undoing and redoing what comes after; returns its index. */
    private int insert(LogEntry entry) {
        HybridTimestamp ts = entry.operation.timestamp();
        if (horizon != null && ts.compareTo(horizon) < 0) {
            throw new IllegalArgumentException("operation " + entry.operation.label() + " at " + ts
                    + " is older than every replica's progress (" + horizon + "): the client must catch up and redo it");
        }
        int at = log.size();
        while (at > 0 && log.get(at - 1).operation.timestamp().compareTo(ts) > 0) {
            at--;
        }
        rewindTo(at);
        log.add(at, entry);
        redoFrom(at);
        return at;
    }

    /** Undoes the log's entries from the last down to {@code index}. */
    private void rewindTo(int index) {
        for (int i = log.size() - 1; i >= index; i--) {
            state.undo(log.get(i));
        }
    }

    private void redoFrom(int index) {
        for (int i = index; i < log.size(); i++) {
            state.apply(log.get(i));
            redone++;
        }
    }

    private void record(Operation op) {
        ClientProgress p = progress.computeIfAbsent(op.clientId(), c -> new ClientProgress());
        if (op.sequence() == p.contiguous + 1 && p.ahead.isEmpty()) {
            p.contiguous++;
            p.contiguousTimestamp = p.contiguousTimestamp == null || op.timestamp().compareTo(p.contiguousTimestamp) > 0
                    ? op.timestamp() : p.contiguousTimestamp;
            return;
        }
        p.ahead.put(op.sequence(), op.timestamp());
        while (!p.ahead.isEmpty() && p.ahead.firstKey() == p.contiguous + 1) {
            HybridTimestamp ts = p.ahead.pollFirstEntry().getValue();
            p.contiguous++;
            if (p.contiguousTimestamp == null || ts.compareTo(p.contiguousTimestamp) > 0) {
                p.contiguousTimestamp = ts;
            }
        }
    }

    /**
     * Forgets the operations that no client can still send anything before: those older than the latest gap-free
     * operation of every one of {@code clients}, and not after {@code notAfter} (where given). Operations older than
     * that are refused afterwards.
     *
     * @return how many log entries were dropped
     */
    public int compact(Collection<String> clients, HybridTimestamp notAfter) {
        HybridTimestamp stable = notAfter;
        for (String client : clients) {
            ClientProgress p = progress.get(client);
            if (p == null || p.contiguousTimestamp == null) {
                return 0;
            }
            if (stable == null || p.contiguousTimestamp.compareTo(stable) < 0) {
                stable = p.contiguousTimestamp;
            }
        }
        if (stable == null || (horizon != null && stable.compareTo(horizon) <= 0)) {
            return 0;
        }
        int drop = 0;
        while (drop < log.size() && log.get(drop).operation.timestamp().compareTo(stable) < 0) {
            drop++;
        }
        log.subList(0, drop).clear();
        horizon = stable;
        return drop;
    }

    /** The clients whose operations this replica has seen. */
    public Collection<String> clients() {
        return progress.keySet();
    }

    /** The latest timestamp applied here, or {@code null} before the first operation. */
    public HybridTimestamp latest() {
        return log.isEmpty() ? horizon : log.get(log.size() - 1).operation.timestamp();
    }

    public int logSize() {
        return log.size();
    }

    /** How many times an operation was applied, counting every redo after a late one was put before it. */
    public long redone() {
        return redone;
    }

    /**
     * The tree as a model revision, checked by the model's rules again.
     *
     * @throws IllegalStateException when the tree has a cycle or an unreachable object, or breaks a model rule
     */
    public Revision toRevision(long number) {
        List<BuildingObject> objects = state.objectsParentsFirst();
        try {
            return Revision.restore(number, objects.stream(), state.connections());
        } catch (ChangeRejectedException e) {
            throw new IllegalStateException("the replicated tree breaks the model's rules: " + e.getMessage(), e);
        }
    }
}
