package org.arxos.collab.crdt.testing;

import org.arxos.api.collab.Operation;
import org.arxos.model.Revision;

/** One client replica in an {@link EditingSimulation}. */
public interface SimulatedEditor {

    String clientId();

    /**
     * Makes one edit at the client's physical time {@code now} and applies it locally.
     *
     * @return the operation to send to the server, or {@code null} when there was nothing to edit
     */
    Operation edit(RandomEdits edits, long now);

    /**
     * Takes what the server sent on after applying an operation (for the operation's own author, its acknowledgement).
     *
     * @param revision the server's head revision number after it
     */
    void receive(Operation broadcast, long revision, long now);

    /** The building as this replica holds it. */
    Revision building();

    /** Log entries or pending operations this replica still holds, for the memory it needs. */
    int backlog();
}
