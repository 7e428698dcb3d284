package org.arxos.collab.lww.internal;

import static org.arxos.collab.lww.testing.Operations.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.arxos.api.collab.Conflict;
import org.arxos.api.collab.Resolution;
import org.arxos.api.collab.ServerReplica;
import org.arxos.collab.crdt.testing.SampleBuilding;
import org.arxos.model.Change;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;
import org.arxos.model.Rule;
import org.arxos.model.Violation;
import org.junit.jupiter.api.Test;

/** Last writer wins in server order, with the overwritten value and both authors reported. */
class LwwServerReplicaTest {

    private final Revision snapshot = SampleBuilding.create();
    private final long base = snapshot.number();
    private final ServerReplica server = new LwwConflictResolver(config(100)).open("sample", snapshot);

    @Test
    void theLaterPropertyWriteWinsAndTheOverwrittenValueIsReportedWithBothAuthors() {
        server.submit(op("a", 1, base, new Change.SetProperty("f1z1", "load", new PropertyValue.Number(5, "W"))));
        Resolution r = server.submit(op("b", 1, base, new Change.SetProperty("f1z1", "load",
                new PropertyValue.Number(7, "W"))));
        assertTrue(r.fullyApplied());
        assertEquals(List.of(new Conflict("f1z1", "load", Conflict.Outcome.OVERWRITTEN,
                new Conflict.AuthoredValue("7.0 W", "b-user", "b#1"), new Conflict.AuthoredValue("5.0 W", "a-user", "a#1"))),
                r.conflicts());
        assertEquals(new PropertyValue.Number(7, "W"), server.head().get("f1z1").properties().get("load").get());
        assertTrue(r.conflicts().get(0).message().contains("'7.0 W' by b-user (b#1) was kept over '5.0 W' by a-user (a#1)"),
                r.conflicts().get(0).message());
    }

    @Test
    void theLaterMoveWinsAndTheOverwrittenParentIsReported() {
        server.submit(op("a", 1, base, new Change.MoveObject("f1z1s1c1", "f2z1s1")));
        Resolution r = server.submit(op("b", 1, base, new Change.MoveObject("f1z1s1c1", "f3z1s1")));
        assertEquals("f3z1s1", server.head().get("f1z1s1c1").parentId());
        Conflict c = r.conflicts().get(0);
        assertEquals("parent", c.field());
        assertEquals("f2z1s1", c.overwritten().value());
        assertEquals("a-user", c.overwritten().author());
    }

    @Test
    void writesThatWereSeenOrAreTheSameClientsAreNoConflict() {
        Resolution first = server.submit(op("a", 1, base, new Change.Rename("f1", "one")));
        assertTrue(server.submit(op("a", 2, base, new Change.Rename("f1", "uno"))).conflicts().isEmpty(),
                "a client's own earlier operation is not concurrent");
        assertTrue(server.submit(op("b", 1, first.revision() + 1, new Change.Rename("f1", "eins"))).conflicts().isEmpty(),
                "b had seen both renames");
        Resolution stale = server.submit(op("c", 1, base, new Change.Rename("f1", "un")));
        assertEquals("eins", stale.conflicts().get(0).overwritten().value(), "only the value overwritten is reported");
        assertEquals("un", server.head().get("f1").name());
    }

    @Test
    void removingAConcurrentlyEditedObjectWinsAndReportsTheLostValues() {
        server.submit(op("a", 1, base, new Change.SetProperty("f1z1s1c1", "status", new PropertyValue.Text("ok")),
                new Change.Rename("f1z1s1c1", "lamp")));
        Resolution r = server.submit(op("b", 1, base, new Change.RemoveObject("f1z1s1c1")));
        assertTrue(r.fullyApplied());
        assertTrue(server.head().find("f1z1s1c1").isEmpty());
        assertEquals(List.of("name", "status"), r.conflicts().stream().map(Conflict::field).toList());
        for (Conflict c : r.conflicts()) {
            assertEquals(Conflict.Outcome.OVERWRITTEN, c.outcome());
            assertEquals(new Conflict.AuthoredValue(null, "b-user", "b#1"), c.kept());
            assertEquals("a-user", c.overwritten().author());
        }
    }

    @Test
    void editingAnObjectRemovedConcurrentlyIsRefusedNamingTheRemoval() {
        server.submit(op("a", 1, base, new Change.RemoveObject("f1z1s1c1")));
        Resolution r = server.submit(op("b", 1, base, new Change.Rename("f1z1s1c1", "lamp"),
                new Change.Rename("f1z1s1c2", "kept")));
        Violation v = r.rejected().get(0);
        assertEquals(0, v.changeIndex());
        assertEquals(Rule.UNKNOWN_ID, v.rule());
        assertTrue(v.message().contains("removed concurrently by a-user (a#1)"), v.message());
        assertEquals(List.of(new Change.Rename("f1z1s1c2", "kept")), r.broadcast().changes().changes());
        assertEquals("kept", server.head().get("f1z1s1c2").name());
    }

    @Test
    void aMoveThatConcurrentMovesTurnedIntoACycleIsRefusedAndTakesItsRevision() {
        server.submit(op("a", 1, base, new Change.MoveObject("f1z1", "f1z2")));
        Resolution r = server.submit(op("b", 1, base, new Change.MoveObject("f1z2", "f1z1")));
        assertEquals(Rule.CYCLE, r.rejected().get(0).rule());
        assertTrue(r.effect().changes().isEmpty());
        assertEquals(base + 2, r.revision());
        assertEquals(server.head().objectCount(), server.head().objects().count(), "every object is reachable");
    }

    @Test
    void operationsItCannotTakeAreRefusedByName() {
        ServerReplica small = new LwwConflictResolver(config(2)).open("sample", snapshot);
        small.submit(op("a", 1, base, new Change.Rename("f1", "one")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> small.submit(op("a", 1, base,
                new Change.Rename("f1", "one")))).getMessage().contains("seen already"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> small.submit(op("a", 3, base,
                new Change.Rename("f1", "one")))).getMessage().contains("expected a#2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> small.submit(op("b", 1, base + 5,
                new Change.Rename("f1", "x")))).getMessage().contains("only at"));
        small.submit(op("a", 2, base + 1, new Change.Rename("f1", "two")));
        small.submit(op("a", 3, base + 2, new Change.Rename("f1", "three")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> small.submit(op("b", 1, base,
                new Change.Rename("f1", "x")))).getMessage().contains("must catch up"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LwwConflictResolver(config(0)))
                .getMessage().contains("maxHistory"));
    }

    static LwwConflictResolver.Config config(int maxHistory) {
        return new LwwConflictResolver.Config() {
            @Override
            public int maxHistory() {
                return maxHistory;
            }

            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return LwwConflictResolver.Config.class;
            }
        };
    }
}
