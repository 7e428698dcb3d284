package org.arxos.collab.merge.internal;

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
import org.junit.jupiter.api.Test;

/** Concurrent writes of a field are parked, listed, and decided by a later write that saw them. */
class MergeServerReplicaTest {

    private final Revision snapshot = SampleBuilding.create();
    private final long base = snapshot.number();
    private final ServerReplica server = new MergeConflictResolver(config(100, 100)).open("sample", snapshot);

    private static Change load(String id, double watts) {
        return new Change.SetProperty(id, "load", new PropertyValue.Number(watts, "W"));
    }

    @Test
    void aConcurrentWriteIsParkedWithBothValuesAndTheRestOfTheOperationApplies() {
        server.submit(op("a", 1, base, load("f1z1", 5)));
        Resolution r = server.submit(op("b", 1, base, load("f1z1", 7), new Change.Rename("f1z1", "north")));
        Conflict expected = new Conflict("f1z1", "load", Conflict.Outcome.PARKED,
                new Conflict.AuthoredValue("5.0 W", "a-user", "a#1"), new Conflict.AuthoredValue("7.0 W", "b-user", "b#1"));
        assertEquals(List.of(expected), r.conflicts());
        assertEquals(List.of(expected), server.parked());
        assertEquals(List.of(new Change.Rename("f1z1", "north")), r.broadcast().changes().changes());
        assertEquals(new PropertyValue.Number(5, "W"), server.head().get("f1z1").properties().get("load").get(),
                "the parked value is not applied");
        assertEquals("north", server.head().get("f1z1").name());
    }

    @Test
    void aLaterWriteThatSawTheConflictDecidesIt() {
        server.submit(op("a", 1, base, load("f1z1", 5)));
        Resolution parking = server.submit(op("b", 1, base, load("f1z1", 7)));
        Resolution unseen = server.submit(op("c", 1, base, load("f1z1", 9)));
        assertEquals(Conflict.Outcome.PARKED, unseen.conflicts().get(0).outcome(), "c had not seen the conflict");
        assertEquals(2, server.parked().size());

        Resolution deciding = server.submit(op("b", 2, parking.revision(), load("f1z1", 6)));
        assertTrue(deciding.conflicts().isEmpty(), deciding.conflicts().toString());
        assertEquals(new PropertyValue.Number(6, "W"), server.head().get("f1z1").properties().get("load").get());
        assertEquals(List.of("9.0 W"), server.parked().stream().map(k -> k.overwritten().value()).toList(),
                "the conflict parked after the deciding write's base waits");
        server.submit(op("a", 2, unseen.revision() + 1, load("f1z1", 8)));
        assertTrue(server.parked().isEmpty());
        assertEquals(new PropertyValue.Number(8, "W"), server.head().get("f1z1").properties().get("load").get());
    }

    @Test
    void removingAConcurrentlyEditedObjectIsParkedUntilARemovalThatSawItDecides() {
        Resolution edit = server.submit(op("a", 1, base, new Change.Rename("f1z1s1c1", "lamp")));
        Resolution removal = server.submit(op("b", 1, base, new Change.RemoveObject("f1z1s1c1")));
        assertEquals(List.of(new Conflict("f1z1s1c1", "name", Conflict.Outcome.PARKED,
                new Conflict.AuthoredValue("lamp", "a-user", "a#1"), new Conflict.AuthoredValue(null, "b-user", "b#1"))),
                removal.conflicts());
        assertTrue(server.head().find("f1z1s1c1").isPresent());

        server.submit(op("b", 2, edit.revision() + 1, new Change.RemoveObject("f1z1s1c1")));
        assertTrue(server.head().find("f1z1s1c1").isEmpty());
        assertTrue(server.parked().isEmpty(), "nothing is left to decide about a removed object");
    }

    @Test
    void beyondTheParkingLimitAConcurrentWriteIsDroppedAndReported() {
        ServerReplica small = new MergeConflictResolver(config(100, 1)).open("sample", snapshot);
        small.submit(op("a", 1, base, load("f1z1", 5), load("f1z2", 5)));
        small.submit(op("b", 1, base, load("f1z1", 7)));
        Resolution r = small.submit(op("b", 2, base, load("f1z2", 7)));
        assertEquals(Conflict.Outcome.DROPPED, r.conflicts().get(0).outcome());
        assertEquals("7.0 W", r.conflicts().get(0).overwritten().value());
        assertEquals(1, small.parked().size());
        assertEquals(new PropertyValue.Number(5, "W"), small.head().get("f1z2").properties().get("load").get());
    }

    @Test
    void badLimitsAreRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MergeConflictResolver(config(100, -1)))
                .getMessage().contains("org.arxos.collab.merge: maxParked"));
    }

    static MergeConflictResolver.Config config(int maxHistory, int maxParked) {
        return new MergeConflictResolver.Config() {
            @Override
            public int maxHistory() {
                return maxHistory;
            }

            @Override
            public int maxParked() {
                return maxParked;
            }

            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return MergeConflictResolver.Config.class;
            }
        };
    }
}
