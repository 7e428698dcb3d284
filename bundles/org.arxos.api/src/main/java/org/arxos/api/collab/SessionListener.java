package org.arxos.api.collab;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives what happens in a session, in server order. Called from the host's threads: an implementation hands the
 * events on (for example to a WebSocket) and returns quickly; a slow listener is closed rather than allowed to hold
 * back the building.
 */
@ConsumerType
public interface SessionListener {

    /** The first event: where the client stands and who is present. */
    void welcome(Welcome welcome);

    /** One revision of the building, from any client (this one's included, right after its acknowledgement). */
    void applied(AppliedOperation operation);

    /**
     * Consecutive revisions, as if each were given to {@link #applied(AppliedOperation)} in turn. The host hands every
     * session that receives exactly these revisions, with nothing in between, the same list, so that a listener that
     * encodes what it sends can encode them once for all sessions (keyed by the list's identity): with hundreds of
     * sessions on a building, that is most of the cost of a broadcast.
     */
    default void appliedAll(List<AppliedOperation> operations) {
        operations.forEach(this::applied);
    }

    /** This client's operation is in the durable log: what became of it. */
    void acknowledged(Acknowledgement acknowledgement);

    /** A member joined, changed presence or left. */
    void presence(Member member);

    /** This client sent something the server could not take; nothing changed. */
    void error(SessionError error);

    /** The session ended: the client left, was too slow, or the host stopped. */
    void closed(String reason);

    /**
     * The events handed over so far are all there is for now. A listener that collects events to send several at
     * once (in one WebSocket frame) sends them now; the host calls this after each burst of events, on the thread
     * that delivered them, so that a busy building costs one send per client per burst instead of one per event.
     */
    default void flush() {
    }
}
