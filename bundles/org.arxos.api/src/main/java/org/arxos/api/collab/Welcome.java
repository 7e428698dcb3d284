package org.arxos.api.collab;

import java.util.List;

import org.arxos.model.Revision;

/**
 * Where a joining client starts.
 *
 * @param revision the building's current revision number (a position in the operation log)
 * @param policy   the conflict policy in force ({@code arxos.impl} of the resolver)
 * @param snapshot the building at {@code revision}, or {@code null} when {@code catchUp} brings the client there
 * @param catchUp  the operations after the client's {@code since}, in order; empty with a snapshot
 * @param members  who is present, this client included
 */
public record Welcome(long revision, String policy, Revision snapshot, List<AppliedOperation> catchUp,
        List<Member> members) {

    public Welcome {
        catchUp = List.copyOf(catchUp);
        members = List.copyOf(members);
    }
}
