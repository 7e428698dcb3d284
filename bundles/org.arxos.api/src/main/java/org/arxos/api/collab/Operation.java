package org.arxos.api.collab;

import org.arxos.model.BuildingObject;
import org.arxos.model.ChangeSet;

/**
 * One edit of one building by one client: a change set of the model with its causal metadata. The server decides
 * through a {@link ConflictResolver} what becomes of it and sends every other replica what it should apply.
 *
 * @param clientId     the editing client (one per session of a user); letters, digits and {@code . _ : -}
 * @param sequence     this client's operation number, 1, 2, 3, ... without gaps: the server sees duplicates and gaps
 * @param timestamp    when the client made it, on its {@link HybridClock}; orders operations for the CRDT
 * @param baseRevision the number of the server revision the client had applied when it made the operation; what the
 *                     server applied after it, from other clients, is concurrent (operational transformation)
 * @param observed     what the client had seen of every client's operations; required where a policy needs more
 *                     than {@code baseRevision} (the CRDT's add-wins connections), {@link VersionVector#EMPTY} otherwise
 * @param changes      what the client did; its author is the user
 */
public record Operation(String clientId, long sequence, HybridTimestamp timestamp, long baseRevision,
        VersionVector observed, ChangeSet changes) {

    public Operation {
        requireClientId(clientId);
        if (sequence < 1) {
            throw new IllegalArgumentException("operation sequence of client '" + clientId + "' must be 1 or more: " + sequence);
        }
        if (timestamp == null || !timestamp.clientId().equals(clientId)) {
            throw new IllegalArgumentException("operation " + clientId + "#" + sequence
                    + " must carry a timestamp of its own client, not " + timestamp);
        }
        if (baseRevision < 0) {
            throw new IllegalArgumentException("operation " + clientId + "#" + sequence + " has a negative base revision");
        }
        if (changes == null) {
            throw new IllegalArgumentException("operation " + clientId + "#" + sequence + " has no change set");
        }
        observed = observed == null ? VersionVector.EMPTY : observed;
    }

    /** The same operation with other changes: what operational transformation sends on. */
    public Operation withChanges(ChangeSet transformed) {
        return new Operation(clientId, sequence, timestamp, baseRevision, observed, transformed);
    }

    /** {@code client#sequence}, for messages. */
    public String label() {
        return clientId + "#" + sequence;
    }

    static void requireClientId(String clientId) {
        if (!BuildingObject.isValidId(clientId)) {
            throw new IllegalArgumentException("a client id must be 1 to 128 letters, digits or . _ : - but was '"
                    + clientId + "'");
        }
    }
}
