package org.arxos.api.collab;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One client's session in one building. Calls return at once; what becomes of them reaches the session's
 * {@link SessionListener}. Every problem with the client's input reaches that listener only, as a
 * {@link SessionError}: other sessions are unaffected.
 */
@ProviderType
public interface EditingSession extends AutoCloseable {

    String clientId();

    String buildingId();

    /**
     * Submits an operation of this session's client. Once it is in the durable log the listener receives
     * {@link SessionListener#acknowledged(Acknowledgement)}; an operation the server cannot take (not the editor
     * role, sequence seen or out of order, too large, over the rate limit) gets an error instead and changes nothing.
     */
    void submit(Operation operation);

    /** Replaces this session's presence (selection and viewport); the other sessions are told. */
    void presence(Presence presence);

    /**
     * Undoes this client's latest operation not yet undone, as a new operation that restores what it changed where
     * nobody changed it since; acknowledged like any other. An error when there is nothing to undo.
     */
    void undo();

    /** Redoes the latest undone operation, unless this client submitted another operation since. */
    void redo();

    /** Leaves the building; the other sessions are told. Idempotent. */
    @Override
    void close();
}
