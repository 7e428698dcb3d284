package org.arxos.collab.ot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.arxos.api.collab.HybridTimestamp;
import org.arxos.api.collab.Operation;
import org.arxos.api.collab.Resolution;
import org.arxos.collab.crdt.testing.SampleBuilding;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;
import org.junit.jupiter.api.Test;

/** A client rebases its pending operations on what the server applied meanwhile, as the server will. */
class OtClientTest {

    private final Revision snapshot = SampleBuilding.create();
    private final OtServerReplica server = new OtServerReplica("sample", snapshot, 100);
    private final OtClient alice = new OtClient("alice", snapshot);
    private final OtClient bob = new OtClient("bob", snapshot);

    @Test
    void pendingEditsAreRebasedOnTheServersAndEndAsTheServerApplies() throws Exception {
        Operation move = alice.edit(ChangeSet.of("alice", "", new Change.MoveObject("f1z1s1c1", "f2z1s1"),
                new Change.Rename("f1z1s1c1", "lamp")), new HybridTimestamp(1, 0, "alice"));
        Operation remove = bob.edit(ChangeSet.of("bob", "", new Change.RemoveObject("f1z1s1c1")),
                new HybridTimestamp(1, 0, "bob"));
        Resolution first = server.submit(remove);
        bob.receive(first.broadcast(), first.revision());
        alice.receive(first.broadcast(), first.revision());

        assertTrue(alice.local().find("f1z1s1c1").isEmpty(), "alice's pending move is rebased to a no-op");
        assertEquals(1, alice.pendingCount());

        Resolution second = server.submit(move);
        assertTrue(second.broadcast().changes().changes().isEmpty());
        alice.receive(second.broadcast(), second.revision());
        bob.receive(second.broadcast(), second.revision());
        assertEquals(0, alice.pendingCount());
        assertEquals(server.head().contentHash(), alice.local().contentHash());
        assertEquals(server.head().contentHash(), bob.confirmed().contentHash());
    }

    @Test
    void aMissedOperationIsNamed() throws Exception {
        Operation op = bob.edit(ChangeSet.of("bob", "", new Change.Rename("f1", "one")), new HybridTimestamp(1, 0, "bob"));
        server.submit(op);
        Resolution second = server.submit(alice.edit(ChangeSet.of("alice", "", new Change.Rename("f2", "two")),
                new HybridTimestamp(1, 0, "alice")));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> bob.receive(second.broadcast(), second.revision()));
        assertTrue(e.getMessage().contains("must catch up"), e.getMessage());
    }
}
