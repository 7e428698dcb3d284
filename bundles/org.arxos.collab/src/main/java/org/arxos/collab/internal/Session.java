package org.arxos.collab.internal;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.arxos.api.collab.AppliedOperation;
import org.arxos.api.collab.EditingSession;
import org.arxos.api.collab.Member;
import org.arxos.api.collab.Operation;
import org.arxos.api.collab.Presence;
import org.arxos.api.collab.SessionError;
import org.arxos.api.collab.SessionListener;
import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;
import org.arxos.model.ChangeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's session. Input is checked here, on the caller's thread (role, client, size, rate), and handed to the
 * room; what the room says reaches the listener through a bounded queue drained on a thread of its own, so a slow
 * listener never holds back the room: one that falls {@code listenerQueue} events behind is closed. Each time the
 * queue has been emptied the listener is told to {@linkplain SessionListener#flush() flush}.
 */
final class Session implements EditingSession {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    private final Room room;
    private final Principal user;
    private final Role role;
    private final String clientId;
    private final SessionListener listener;
    private final TokenBucket bucket;
    private final SerialExecutor delivery;
    private final int queueBound;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Presence presence = Presence.NONE;

    Session(Room room, Principal user, Role role, String clientId, SessionListener listener, TokenBucket bucket,
            Executor pool, int queueBound) {
        this.room = room;
        this.user = user;
        this.role = role;
        this.clientId = clientId;
        this.listener = listener;
        this.bucket = bucket;
        this.delivery = new SerialExecutor(pool, this::flush);
        this.queueBound = queueBound;
    }

    @Override
    public String clientId() {
        return clientId;
    }

    @Override
    public String buildingId() {
        return room.key().buildingId();
    }

    String user() {
        return user.user();
    }

    Role role() {
        return role;
    }

    Member member(boolean present) {
        return new Member(clientId, user.user(), role, presence, present);
    }

    @Override
    public void submit(Operation operation) {
        if (operation == null) {
            refuse(SessionError.Code.MALFORMED, "an operation is required", 0);
        } else if (!operation.clientId().equals(clientId)) {
            refuse(SessionError.Code.MALFORMED, "operation " + operation.label() + " names another client than this "
                    + "session's '" + clientId + "'", operation.sequence());
        } else if (mayEdit(operation.sequence()) && fits(operation) && withinRate(operation.sequence())) {
            ChangeSet changes = operation.changes();
            // the author of an operation is always the authenticated user
            room.submit(this, changes.author().equals(user.user()) ? operation
                    : operation.withChanges(new ChangeSet(user.user(), changes.message(), changes.changes())));
        }
    }

    @Override
    public void presence(Presence next) {
        if (next == null) {
            refuse(SessionError.Code.MALFORMED, "a presence is required", 0);
            return;
        }
        presence = next;
        room.presenceChanged(this);
    }

    @Override
    public void undo() {
        if (mayEdit(0) && withinRate(0)) {
            room.undo(this, true);
        }
    }

    @Override
    public void redo() {
        if (mayEdit(0) && withinRate(0)) {
            room.undo(this, false);
        }
    }

    @Override
    public void close() {
        close("left");
    }

    /** Ends the session: the room forgets it and the listener hears {@code reason} once what is queued is dropped. */
    void close(String reason) {
        if (closed.compareAndSet(false, true)) {
            room.leave(this);
            delivery.execute(() -> {
                try {
                    listener.closed(reason);
                } catch (RuntimeException e) {
                    LOG.warn("The listener of session {} failed on close: {}", clientId, e.toString());
                }
            });
        }
    }

    /** Queues an event for the listener; a session whose listener is too far behind is closed instead. */
    void send(Consumer<SessionListener> event) {
        sendAll(List.of(event));
    }

    /**
     * Queues events for the listener as one delivery task (what one commit brings a session), in order; they count
     * one by one against the queue bound.
     */
    void sendAll(List<Consumer<SessionListener>> events) {
        enqueue(events.size(), () -> events.forEach(this::tell));
    }

    /** Queues a delivery task that tells the listener {@code count} events. */
    private void enqueue(int count, Runnable task) {
        if (closed.get()) {
            return;
        }
        if (queued.addAndGet(count) > queueBound) {
            close("too slow: more than " + queueBound + " events were waiting for this session");
            return;
        }
        delivery.execute(() -> {
            queued.addAndGet(-count);
            task.run();
        });
    }

    /**
     * Queues consecutive revisions as one event: the same {@code run} goes to every session that receives exactly
     * these revisions (see {@link SessionListener#appliedAll}); they count one by one against the queue bound.
     */
    void sendRun(List<AppliedOperation> run) {
        enqueue(run.size(), () -> tell(l -> l.appliedAll(run)));
    }

    /** Tells the listener that a burst of events has been handed over (see {@link SessionListener#flush()}). */
    private void flush() {
        tell(SessionListener::flush);
    }

    /** Hands one event to the listener, unless the session has closed; a listener that fails closes it. */
    private void tell(Consumer<SessionListener> event) {
        if (closed.get()) {
            return;
        }
        try {
            event.accept(listener);
        } catch (RuntimeException e) {
            LOG.warn("The listener of session {} failed; closing it", clientId, e);
            close("the session's listener failed: " + e.getMessage());
        }
    }

    void refuse(SessionError.Code code, String message, long sequence) {
        room.host().countRefused();
        SessionError error = new SessionError(code, message, sequence);
        send(l -> l.error(error));
    }

    private boolean mayEdit(long sequence) {
        if (!role.includes(Role.EDITOR)) {
            refuse(SessionError.Code.FORBIDDEN, "user '" + user.user() + "' has the " + role + " role on building '"
                    + buildingId() + "'; editing needs " + Role.EDITOR, sequence);
            return false;
        }
        return true;
    }

    private boolean fits(Operation operation) {
        int max = room.host().settings().maxChanges();
        if (operation.changes().size() > max) {
            refuse(SessionError.Code.TOO_LARGE, "operation " + operation.label() + " has "
                    + operation.changes().size() + " changes; the limit is " + max, operation.sequence());
            return false;
        }
        return true;
    }

    private boolean withinRate(long sequence) {
        if (!bucket.take()) {
            HostSettings s = room.host().settings();
            refuse(SessionError.Code.RATE_LIMITED, "client '" + clientId + "' sent more than " + s.operationsPerSecond()
                    + " operations per second (burst " + s.burst() + "); wait and resend", sequence);
            return false;
        }
        return true;
    }
}
