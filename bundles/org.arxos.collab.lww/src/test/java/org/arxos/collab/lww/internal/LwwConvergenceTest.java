package org.arxos.collab.lww.internal;

import org.arxos.collab.lww.ChangeGuard;
import org.arxos.collab.lww.FieldPolicy;
import org.arxos.collab.lww.ReplicaLimits;
import org.arxos.collab.lww.ServerOrderedReplica;
import org.arxos.collab.lww.testing.ServerOrderedConvergence;
import org.junit.jupiter.api.Test;

/** Editors mirroring a last-writer-wins server end with the server's building: see {@link ServerOrderedConvergence}. */
class LwwConvergenceTest {

    @Test
    void everyEditorConvergesOnTheServersBuilding() {
        ServerOrderedConvergence.check("lww", snapshot -> new ServerOrderedReplica("sample", snapshot,
                new ReplicaLimits(10_000, 0), FieldPolicy.LAST_WRITER_WINS, ChangeGuard.NONE));
    }
}
