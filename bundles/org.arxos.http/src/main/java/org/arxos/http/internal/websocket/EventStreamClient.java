package org.arxos.http.internal.websocket;

import java.io.IOException;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.arxos.api.event.BuildingEvent;
import org.arxos.api.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

/**
 * One connected client: what it subscribed to, and its outgoing frames, sent one at a time in order. Frames wait in
 * a queue bounded by the configuration; a client that lets more pile up is disconnected with a reason, never
 * allowed to hold the publisher or grow the heap.
 */
final class EventStreamClient {

    private static final Logger LOG = LoggerFactory.getLogger(EventStreamClient.class);
    /** Set while this thread sends a client's queue, so a completion that runs inside sendText does not recurse. */
    private static final ThreadLocal<Boolean> DRAINING = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private final Session session;
    private final Principal principal;
    private final int maxQueued;
    private final Set<String> buildings = ConcurrentHashMap.newKeySet();
    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    EventStreamClient(Session session, Principal principal, int maxQueued) {
        this.session = session;
        this.principal = principal;
        this.maxQueued = maxQueued;
    }

    Principal principal() {
        return principal;
    }

    Set<String> buildings() {
        return buildings;
    }

    /** Only the user's tenant's buildings the user may see, and of those the subscribed ones. */
    boolean wants(BuildingEvent event) {
        return !closed.get() && event.tenant().equals(principal.tenant())
                && (buildings.contains(event.buildingId())
                        || buildings.contains(EventFrames.EVERY_BUILDING))
                && principal.roleFor(event.buildingId()).isPresent();
    }

    void send(String frame) {
        if (closed.get()) {
            return;
        }
        if (queued.incrementAndGet() > maxQueued) {
            close(CloseReason.CloseCodes.TRY_AGAIN_LATER, "more than " + maxQueued + " events waiting: reading too "
                    + "slowly");
            return;
        }
        queue.add(frame);
        drain();
    }

    private void drain() {
        if (DRAINING.get()) {
            return; // the loop below, further up this thread's stack, sends the next one
        }
        DRAINING.set(Boolean.TRUE);
        try {
            while (!closed.get() && !queue.isEmpty() && sending.compareAndSet(false, true)) {
                String next = queue.poll();
                if (next == null) {
                    sending.set(false);
                } else {
                    session.getAsyncRemote().sendText(next, this::sent);
                }
            }
        } catch (RuntimeException e) {
            close(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "could not send");
        } finally {
            DRAINING.set(Boolean.FALSE);
        }
    }

    private void sent(SendResult result) {
        queued.decrementAndGet();
        sending.set(false);
        if (result.isOK()) {
            drain();
        } else {
            LOG.debug("Event stream of user {} failed: {}", principal.user(), String.valueOf(result.getException()));
            close(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed");
        }
    }

    /** @param reason at most 123 bytes (the WebSocket limit for a close reason) */
    void close(CloseReason.CloseCode code, String reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        queue.clear();
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(code, reason));
            }
        } catch (IOException | IllegalStateException e) {
            LOG.debug("Closing the event stream of user {}: {}", principal.user(), e.toString());
        }
    }

    boolean isClosed() {
        return closed.get();
    }
}
