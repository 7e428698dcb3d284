package org.arxos.collab.ot.internal;

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
import org.arxos.model.Connection;
import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;
import org.arxos.model.Rule;
import org.arxos.model.Violation;
import org.junit.jupiter.api.Test;

/** Server-ordered transformation, one pair of concurrent operations at a time; both are made against the snapshot. */
class OtServerReplicaTest {

    private final Revision snapshot = SampleBuilding.create();
    private final ServerReplica server = new OtConflictResolver(config(100)).open("sample", snapshot);

    private Operation op(String client, long sequence, Change... changes) {
        return new Operation(client, sequence, new HybridTimestamp(sequence, 0, client), snapshot.number(),
                VersionVector.EMPTY, ChangeSet.of(client + "-user", "", changes));
    }

    @Test
    void moveAgainstMoveOfTheSameObjectLetsTheLaterWinAndReportsTheOverwrittenParent() {
        server.submit(op("a", 1, new Change.MoveObject("f1z1s1c1", "f2z1s1")));
        Resolution r = server.submit(op("b", 1, new Change.MoveObject("f1z1s1c1", "f3z1s1")));
        assertTrue(r.fullyApplied());
        assertEquals("f3z1s1", server.head().get("f1z1s1c1").parentId());
        assertEquals(List.of(new Conflict("f1z1s1c1", "parent", Conflict.Outcome.OVERWRITTEN,
                new Conflict.AuthoredValue("f3z1s1", "b-user", "b#1"), new Conflict.AuthoredValue("f2z1s1", "a-user", "a#1"))),
                r.conflicts());
    }

    @Test
    void moveOfARemovedObjectBecomesANoOpNamingTheRemoval() {
        server.submit(op("a", 1, new Change.RemoveObject("f1z1s1c1")));
        Resolution r = server.submit(op("b", 1, new Change.MoveObject("f1z1s1c1", "f2z1s1"),
                new Change.Rename("f2z1s1", "kept")));
        Violation v = r.rejected().get(0);
        assertEquals(0, v.changeIndex());
        assertEquals(Rule.UNKNOWN_ID, v.rule());
        assertTrue(v.message().contains("removed concurrently by a-user (a#1)"), v.message());
        assertEquals(List.of(new Change.Rename("f2z1s1", "kept")), r.broadcast().changes().changes(),
                "the rest of the operation applies");
    }

    @Test
    void removingASpaceThatConcurrentlyReceivedAChildKeepsTheSpaceAndTheChild() {
        server.submit(op("b", 1, new Change.MoveObject("f2z1s1c1", "f1z1s1")));
        Resolution r = server.submit(op("a", 1, new Change.RemoveObject("f1z1s1c1"), new Change.RemoveObject("f1z1s1c2"),
                new Change.RemoveObject("f1z1s1c3"), new Change.RemoveObject("f1z1s1")));
        Violation v = r.rejected().get(0);
        assertEquals(3, v.changeIndex());
        assertEquals(Rule.HAS_CHILDREN, v.rule());
        assertTrue(v.message().contains("b#1"), v.message());
        assertEquals("f1z1s1", server.head().get("f2z1s1c1").parentId(), "nothing is lost");
        assertEquals(server.head().objectCount(), server.head().objects().count());
    }

    @Test
    void movingIntoASpaceThatWasConcurrentlyRemovedIsANoOp() {
        server.submit(op("a", 1, new Change.RemoveObject("f1z1s1c1"), new Change.RemoveObject("f1z1s1c2"),
                new Change.RemoveObject("f1z1s1c3"), new Change.RemoveObject("f1z1s1")));
        Resolution r = server.submit(op("b", 1, new Change.MoveObject("f2z1s1c1", "f1z1s1")));
        assertEquals(Rule.UNKNOWN_PARENT, r.rejected().get(0).rule());
        assertEquals("f2z1s1", server.head().get("f2z1s1c1").parentId());
    }

    @Test
    void propertyAgainstPropertyReportsTheOverwrittenValueAndBothAuthors() {
        server.submit(op("a", 1, new Change.SetProperty("f1z1", "load", new PropertyValue.Number(5, "W"))));
        Resolution r = server.submit(op("b", 1, new Change.SetProperty("f1z1", "load", new PropertyValue.Number(7, "W"))));
        Conflict c = r.conflicts().get(0);
        assertEquals("5.0 W", c.overwritten().value());
        assertEquals("a-user", c.overwritten().author());
        assertEquals("b-user", c.kept().author());
        assertEquals(new PropertyValue.Number(7, "W"), server.head().get("f1z1").properties().get("load").get());
    }

    @Test
    void connectingToARemovedObjectIsANoOpAndRemovingAConnectedObjectToo() {
        server.submit(op("a", 1, new Change.RemoveObject("f1z1s1c1")));
        Resolution connect = server.submit(op("b", 1, new Change.Connect(new Connection("k1", "f1z1s1c1", "f1z1s1c2",
                "power", Properties.EMPTY))));
        assertEquals(Rule.DANGLING_CONNECTION, connect.rejected().get(0).rule());

        server.submit(op("c", 1, new Change.Connect(new Connection("k2", "f1z1s1c2", "f1z1s1c3", "power",
                Properties.EMPTY))));
        Resolution remove = server.submit(op("d", 1, new Change.RemoveObject("f1z1s1c3")));
        assertEquals(Rule.DANGLING_CONNECTION, remove.rejected().get(0).rule());
        assertTrue(remove.rejected().get(0).message().contains("c#1"), remove.rejected().get(0).message());
        assertTrue(server.head().connection("k2").isPresent());
    }

    @Test
    void concurrentMovesThatWouldMakeACycleTurnTheLaterIntoANoOpWithTheReason() {
        server.submit(op("a", 1, new Change.MoveObject("f1z1", "f1z2")));
        Resolution r = server.submit(op("b", 1, new Change.MoveObject("f1z2", "f1z1")));
        assertEquals(Rule.CYCLE, r.rejected().get(0).rule());
        assertTrue(r.broadcast().changes().changes().isEmpty());
        assertEquals(snapshot.number() + 2, r.revision(), "a no-op still takes its place in the server order");
        assertEquals(server.head().objectCount(), server.head().objects().count());
    }

    @Test
    void operationsItCannotTakeAreRefusedByName() {
        server.submit(op("a", 1, new Change.Rename("f1", "one")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> server.submit(op("a", 1, new Change.Rename("f1",
                "one")))).getMessage().contains("expected a#2"));
        Operation future = new Operation("b", 1, new HybridTimestamp(1, 0, "b"), 99, VersionVector.EMPTY,
                ChangeSet.of("bob", "", new Change.Rename("f1", "x")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> server.submit(future)).getMessage()
                .contains("only at"));
        assertThrows(IllegalArgumentException.class, () -> new OtConflictResolver(config(0)));
    }

    static OtConflictResolver.Config config(int maxHistory) {
        return new OtConflictResolver.Config() {
            @Override
            public int maxHistory() {
                return maxHistory;
            }

            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return OtConflictResolver.Config.class;
            }
        };
    }
}
