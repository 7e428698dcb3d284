package org.arxos.collab.crdt.internal;

import static org.arxos.collab.crdt.internal.ReplicatedTreeTest.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.arxos.api.collab.Conflict;
import org.arxos.api.collab.HybridTimestamp;
import org.arxos.api.collab.Operation;
import org.arxos.api.collab.Resolution;
import org.arxos.api.collab.ServerReplica;
import org.arxos.api.collab.VersionVector;
import org.arxos.collab.crdt.testing.SampleBuilding;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;
import org.arxos.model.Rule;
import org.junit.jupiter.api.Test;

/** The CRDT resolver as the server runs it: the head, conflicts reported, late operations refused. */
class CrdtServerReplicaTest {

    private final Revision snapshot = SampleBuilding.create();
    private final ServerReplica server = new CrdtConflictResolver(config(60_000)).open("sample", snapshot);

    @Test
    void aLateMoveThatWouldTurnAnAcceptedOneIntoACycleIsRefusedEverywhere() {
        Operation b = op("b", 1, 11, new Change.MoveObject("f1z2", "f1z1"));
        Operation a = op("a", 1, 10, new Change.MoveObject("f1z1", "f1z2"));
        ReplicatedTree authorOfA = new ReplicatedTree(snapshot, false);
        authorOfA.apply(a, 0);

        assertTrue(server.submit(b).fullyApplied());
        Resolution late = server.submit(a);
        assertEquals(Rule.CYCLE, late.rejected().get(0).rule());
        assertTrue(late.rejected().get(0).message().contains("b#1"), late.rejected().get(0).message());
        assertTrue(late.broadcast().changes().changes().isEmpty(), "others receive it without changes");
        assertTrue(late.effect().changes().isEmpty());
        assertEquals("f1z1", server.head().get("f1z2").parentId());

        authorOfA.apply(b, 1);
        authorOfA.acknowledge(late.broadcast());
        assertEquals(server.head().contentHash(), authorOfA.toRevision(0).contentHash());
    }

    @Test
    void aConcurrentPropertyWriteIsReportedWithBothAuthorsAndTheOverwrittenValue() {
        Operation a = new Operation("a", 1, new HybridTimestamp(10, 0, "a"), snapshot.number(), VersionVector.EMPTY,
                ChangeSet.of("alice", "", new Change.SetProperty("f1z1", "load", new PropertyValue.Number(5, "W"))));
        Operation b = new Operation("b", 1, new HybridTimestamp(11, 0, "b"), snapshot.number(), VersionVector.EMPTY,
                ChangeSet.of("bob", "", new Change.SetProperty("f1z1", "load", new PropertyValue.Number(7, "W"))));
        assertTrue(server.submit(a).conflicts().isEmpty());
        Conflict c = server.submit(b).conflicts().get(0);
        assertEquals(Conflict.Outcome.OVERWRITTEN, c.outcome());
        assertEquals(new Conflict.AuthoredValue("7.0 W", "bob", "b#1"), c.kept());
        assertEquals(new Conflict.AuthoredValue("5.0 W", "alice", "a#1"), c.overwritten());
        assertTrue(c.message().contains("alice") && c.message().contains("bob"), c.message());

        Operation late = new Operation("c", 1, new HybridTimestamp(9, 0, "c"), snapshot.number(), VersionVector.EMPTY,
                ChangeSet.of("carol", "", new Change.SetProperty("f1z1", "load", new PropertyValue.Number(3, "W"))));
        Conflict lost = server.submit(late).conflicts().get(0);
        assertEquals(Conflict.Outcome.DROPPED, lost.outcome(), "an older timestamp loses to the value already there");
        assertEquals("bob", lost.kept().author());
        assertEquals(new PropertyValue.Number(7, "W"), server.head().get("f1z1").properties().get("load").get());
    }

    @Test
    void theEffectTurnsTheHeadIntoTheTreeEvenWhenLaterOperationsAreRedone() {
        server.submit(op("a", 1, 20, new Change.MoveObject("f1z1s1c1", "f2z1s1")));
        Resolution early = server.submit(op("b", 1, 15, new Change.RemoveObject("f1z1s1c2")));
        assertTrue(early.fullyApplied());
        assertEquals(List.of(new Change.RemoveObject("f1z1s1c2")), early.effect().changes());
        assertEquals(snapshot.number() + 2, server.head().number());
    }

    @Test
    void operationsItCannotTakeAreRefusedByName() {
        server.submit(op("a", 1, 20, new Change.Rename("f1", "one")));
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                () -> server.submit(op("a", 1, 20, new Change.Rename("f1", "one"))));
        assertTrue(again.getMessage().contains("a#1 was submitted before"), again.getMessage());
        Operation future = new Operation("b", 1, new HybridTimestamp(1, 0, "b"), 99, VersionVector.EMPTY,
                ChangeSet.of("bob", "", new Change.Rename("f1", "x")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> server.submit(future)).getMessage()
                .contains("only at"));
        assertThrows(IllegalArgumentException.class, () -> new CrdtConflictResolver(config(0)));
    }

    static CrdtConflictResolver.Config config(long maxLagMillis) {
        return new CrdtConflictResolver.Config() {
            @Override
            public long maxLagMillis() {
                return maxLagMillis;
            }

            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return CrdtConflictResolver.Config.class;
            }
        };
    }
}
