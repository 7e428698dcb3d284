package org.arxos.api.collab;

import java.util.List;

import org.arxos.model.Violation;

/**
 * This client's operation is durable; what became of it.
 *
 * @param clientId  the operation's client: the session's own, or {@code <clientId>:undo} for the operations that undo
 *                  and redo its changes (numbered apart, so the client's own numbering has no gaps)
 * @param sequence  that client's sequence number of the operation
 * @param revision  the revision it produced
 * @param rejected  its changes that were not applied, with the rule and a reason
 * @param conflicts values it overwrote, lost to, or parked
 */
public record Acknowledgement(String clientId, long sequence, long revision, List<Violation> rejected, List<Conflict> conflicts) {

    public Acknowledgement {
        rejected = List.copyOf(rejected);
        conflicts = List.copyOf(conflicts);
    }
}
