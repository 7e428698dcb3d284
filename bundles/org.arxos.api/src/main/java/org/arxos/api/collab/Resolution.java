package org.arxos.api.collab;

import java.util.List;

import org.arxos.model.ChangeSet;
import org.arxos.model.Violation;

/**
 * What became of one operation on the server.
 *
 * @param revision  the head revision's number after it
 * @param effect    the changes that turned the previous head into the new one (empty when nothing changed); with a
 *                  CRDT it can touch more than the operation did, as later operations are redone on top of it
 * @param broadcast what every other replica receives: the transformed operation (OT) or the operation as sent (CRDT)
 * @param rejected  changes of the operation that were not applied, each with the rule and a message that names the
 *                  concurrent operation responsible where there is one; indexes refer to the submitted change set
 * @param conflicts values that concurrent operations overwrote, for the users to see
 */
public record Resolution(long revision, ChangeSet effect, Operation broadcast, List<Violation> rejected,
        List<Conflict> conflicts) {

    public Resolution {
        rejected = List.copyOf(rejected);
        conflicts = List.copyOf(conflicts);
    }

    /** Whether every change was applied as submitted or transformed. */
    public boolean fullyApplied() {
        return rejected.isEmpty();
    }
}
