package org.arxos.collab.crdt.internal;

import java.util.ArrayList;
import java.util.List;

import org.arxos.api.collab.Operation;
import org.arxos.model.Violation;

/**
 * One operation in a replica's log, with what undoes its effect on the tree as last applied.
 * {@code serverRevision} is the head revision the server gave it (0 on client replicas): it tells which writes were
 * concurrent with an operation whose base revision is known.
 */
public final class LogEntry {

    final Operation operation;
    final long serverRevision;
    final List<Runnable> undo = new ArrayList<>(2);
    Violation rejected;

    public LogEntry(Operation operation, long serverRevision) {
        this.operation = operation;
        this.serverRevision = serverRevision;
    }

    public Operation operation() {
        return operation;
    }

    public long serverRevision() {
        return serverRevision;
    }

    /** Why the operation had no effect when last applied, or {@code null} when it had its effect. */
    public Violation rejected() {
        return rejected;
    }
}
