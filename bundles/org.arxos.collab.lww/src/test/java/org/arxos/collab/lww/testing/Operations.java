package org.arxos.collab.lww.testing;

import org.arxos.api.collab.HybridTimestamp;
import org.arxos.api.collab.Operation;
import org.arxos.api.collab.VersionVector;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;

/** Operations for the behaviour tests: client {@code c} is user {@code c-user}. */
public final class Operations {

    private Operations() {
    }

    public static Operation op(String client, long sequence, long baseRevision, Change... changes) {
        return new Operation(client, sequence, new HybridTimestamp(sequence, 0, client), baseRevision,
                VersionVector.EMPTY, ChangeSet.of(client + "-user", "", changes));
    }
}
