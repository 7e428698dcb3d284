package org.arxos.http.internal.collab;

import java.util.List;

import org.arxos.api.collab.Acknowledgement;
import org.arxos.api.collab.AppliedOperation;
import org.arxos.api.collab.Collaboration;
import org.arxos.api.collab.EditingSession;
import org.arxos.api.collab.Member;
import org.arxos.api.collab.SessionError;
import org.arxos.api.collab.SessionListener;
import org.arxos.api.collab.Welcome;
import org.arxos.api.security.Principal;
import org.arxos.http.internal.websocket.OutgoingFrames;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

/**
 * One connection of {@code /ws/collab}: the editing session it joined, the messages it sends to it, and what the
 * session tells it, queued and batched on the way out.
 */
final class CollabClient implements SessionListener {

    private final CollabHub hub;
    private final Principal principal;
    private final String buildingId;
    private final String clientId;
    private final OutgoingFrames frames;
    private volatile EditingSession session;

    CollabClient(CollabHub hub, Session socket, Principal principal, String buildingId, String clientId) {
        this.hub = hub;
        this.principal = principal;
        this.buildingId = buildingId;
        this.clientId = clientId;
        this.frames = new OutgoingFrames(socket, "client " + clientId + " of user " + principal.user(),
                hub.limits().maxQueuedMessages(), hub.limits().maxBatchMessages(), "messages");
    }

    /**
     * Joins the building; the welcome is queued before this returns.
     *
     * @throws RuntimeException as {@link Collaboration#join} throws it
     */
    void join(Collaboration collaboration, long since) {
        session = collaboration.join(principal, buildingId, clientId, since, this);
    }

    /** One frame from the client. Every problem is answered with an error message to this client only. */
    void receive(String text) {
        int max = hub.limits().maxMessageBytes();
        long bytes = utf8Length(text, max);
        if (bytes > max) {
            reply(new SessionError(SessionError.Code.TOO_LARGE, "the message has more than " + max + " bytes, the "
                    + "configured limit (maxMessageBytes); nothing of it was read", 0));
            return;
        }
        ClientMessage message;
        try {
            message = ClientMessages.read(text, clientId, principal.user(), hub.limits().maxChangesPerOperation());
        } catch (MalformedMessageException e) {
            reply(new SessionError(SessionError.Code.MALFORMED, e.getMessage(), e.sequence()));
            return;
        }
        long sequence = message instanceof ClientMessage.Submit submit ? submit.operation().sequence() : 0;
        try {
            handle(message);
        } catch (IllegalArgumentException e) {
            reply(new SessionError(SessionError.Code.MALFORMED, e.getMessage(), sequence));
        } catch (RuntimeException e) {
            reply(new SessionError(SessionError.Code.UNAVAILABLE, "the server could not take the message ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); nothing was applied", sequence));
        }
    }

    private void handle(ClientMessage message) {
        if (message instanceof ClientMessage.Submit submit) {
            session.submit(submit.operation());
        } else if (message instanceof ClientMessage.PresenceUpdate update) {
            session.presence(update.presence());
        } else if (message instanceof ClientMessage.Undo) {
            session.undo();
        } else if (message instanceof ClientMessage.Redo) {
            session.redo();
        } else if (message instanceof ClientMessage.ListParked) {
            Collaboration host = hub.collaboration();
            if (host == null) {
                reply(new SessionError(SessionError.Code.UNAVAILABLE, "collaboration is not running on this server",
                        0));
            } else {
                frames.send(ServerMessages.parked(host.parked(principal, buildingId)));
            }
        } else if (message instanceof ClientMessage.Ping ping) {
            frames.send(ServerMessages.pong(ping.id()));
        }
    }

    /** An error found on the connection's thread, outside the host's deliveries: sent at once. */
    private void reply(SessionError error) {
        frames.send(ServerMessages.error(error));
    }

    /** The UTF-8 length of {@code text}, counted exactly only where it could exceed {@code max}. */
    private static long utf8Length(String text, int max) {
        if ((long) text.length() * 3 <= max) {
            return text.length();
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    // The session's events are queued as they come and sent when the host flushes after a burst: one frame per
    // client per burst, not one per event (with 500 editors, most of the server's time went to sending frames).

    @Override
    public void welcome(Welcome welcome) {
        frames.queue(ServerMessages.welcome(welcome, hub::applied));
    }

    @Override
    public void applied(AppliedOperation operation) {
        frames.queue(hub.applied(operation));
    }

    @Override
    public void appliedAll(List<AppliedOperation> operations) {
        if (operations.size() == 1) {
            applied(operations.get(0)); // a message alone goes as itself, not as an array of one
        } else {
            frames.queueRun(hub.applied(operations), operations.size());
        }
    }

    @Override
    public void acknowledged(Acknowledgement acknowledgement) {
        frames.queue(ServerMessages.acknowledged(acknowledgement));
    }

    @Override
    public void presence(Member member) {
        frames.queue(ServerMessages.presence(member));
    }

    @Override
    public void error(SessionError error) {
        frames.queue(ServerMessages.error(error));
    }

    @Override
    public void flush() {
        frames.flush();
    }

    /** The host ended the session: the client hears why, then the connection closes. */
    @Override
    public void closed(String reason) {
        frames.send(ServerMessages.closed(reason));
        frames.closeAfterSending(CloseReason.CloseCodes.GOING_AWAY, reason);
    }

    /** Ends the connection from this side: the client hears why, then the editing session is left. */
    void disconnect(CloseReason.CloseCode code, String reason) {
        frames.send(ServerMessages.closed(reason));
        frames.closeAfterSending(code, reason);
        left();
    }

    /** The connection is gone: leaves the building (idempotent). */
    void left() {
        EditingSession joined = session;
        if (joined != null) {
            joined.close();
        }
    }
}
