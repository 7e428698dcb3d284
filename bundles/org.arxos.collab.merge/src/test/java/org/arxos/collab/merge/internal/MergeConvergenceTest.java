package org.arxos.collab.merge.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.arxos.api.collab.Conflict;
import org.arxos.collab.lww.testing.ServerOrderedConvergence;
import org.junit.jupiter.api.Test;

/** Editors mirroring a manual-merge server end with the server's building: see {@link ServerOrderedConvergence}. */
class MergeConvergenceTest {

    @Test
    void everyEditorConvergesOnTheServersBuilding() {
        MergeConflictResolver resolver = new MergeConflictResolver(MergeServerReplicaTest.config(10_000, 10_000));
        Map<Conflict.Outcome, Long> outcomes = ServerOrderedConvergence.check("merge",
                snapshot -> resolver.open("sample", snapshot));
        assertTrue(outcomes.getOrDefault(Conflict.Outcome.PARKED, 0L) > 0, "nothing was parked: " + outcomes);
        assertTrue(!outcomes.containsKey(Conflict.Outcome.OVERWRITTEN), "merge never overwrites: " + outcomes);
    }
}
