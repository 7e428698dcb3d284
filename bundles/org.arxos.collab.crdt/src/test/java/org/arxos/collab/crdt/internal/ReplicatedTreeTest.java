package org.arxos.collab.crdt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.arxos.api.collab.HybridTimestamp;
import org.arxos.api.collab.Operation;
import org.arxos.api.collab.VersionVector;
import org.arxos.collab.crdt.testing.SampleBuilding;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;
import org.arxos.model.Rule;
import org.junit.jupiter.api.Test;

/** The replicated tree on its own: the same operations in any order give the same tree. */
class ReplicatedTreeTest {

    private final Revision snapshot = SampleBuilding.create();

    static Operation op(String client, long sequence, long wall, Change... changes) {
        return op(client, sequence, wall, VersionVector.EMPTY, changes);
    }

    static Operation op(String client, long sequence, long wall, VersionVector observed, Change... changes) {
        return new Operation(client, sequence, new HybridTimestamp(wall, 0, client), 0, observed,
                ChangeSet.of(client + "-user", "", changes));
    }

    private Revision applyInOrder(List<Operation> ops) {
        ReplicatedTree tree = new ReplicatedTree(snapshot, false);
        ops.forEach(o -> tree.apply(o, 0));
        return tree.toRevision(0);
    }

    @Test
    void concurrentMovesThatMakeACycleKeepTheEarlierOneInEveryOrder() {
        Operation a = op("a", 1, 10, new Change.MoveObject("f1z1", "f1z2"));
        Operation b = op("b", 1, 11, new Change.MoveObject("f1z2", "f1z1"));
        Revision ab = applyInOrder(List.of(a, b));
        Revision ba = applyInOrder(List.of(b, a));
        assertEquals(ab.contentHash(), ba.contentHash());
        assertEquals("f1z2", ab.get("f1z1").parentId());
        assertEquals("f1", ab.get("f1z2").parentId());
        assertEquals(ab.objectCount(), ab.objects().count());
    }

    @Test
    void theLaterCycleIsSkippedWithItsReason() {
        ReplicatedTree tree = new ReplicatedTree(snapshot, false);
        tree.apply(op("b", 1, 11, new Change.MoveObject("f1z2", "f1z1")), 0);
        LogEntry late = tree.apply(op("a", 1, 10, new Change.MoveObject("f1z1", "f1z2")), 0);
        assertNull(late.rejected(), "the earlier move applies");
        assertEquals("f1z1", tree.state().live("f1z1i").parentId());
        assertEquals("f1z2", tree.state().live("f1z1").parentId());
        assertEquals("f1", tree.state().live("f1z2").parentId(), "the later move would make a cycle: skipped");
    }

    @Test
    void removingASubtreeWhileSomeoneMovesIntoItLosesNothing() {
        Operation removeSpace = op("a", 1, 20, new Change.RemoveObject("f1z1s1c1"), new Change.RemoveObject("f1z1s1c2"),
                new Change.RemoveObject("f1z1s1c3"), new Change.RemoveObject("f1z1s1"));
        Operation moveIn = op("b", 1, 19, new Change.MoveObject("f2z1s1c1", "f1z1s1"));
        Operation moveInLater = op("b", 1, 21, new Change.MoveObject("f2z1s1c1", "f1z1s1"));
        for (Operation move : List.of(moveIn, moveInLater)) {
            Revision one = applyInOrder(List.of(removeSpace, move));
            Revision other = applyInOrder(List.of(move, removeSpace));
            assertEquals(one.contentHash(), other.contentHash());
            BuildingObject moved = one.get("f2z1s1c1");
            assertEquals(one.objectCount(), one.objects().count(), "nothing unreachable");
            if (move == moveIn) {
                assertEquals("f1z1s1", moved.parentId(), "the move came first: the space keeps a child, so it stays");
                assertTrue(one.find("f1z1s1c1").isPresent(), "the removal is all or nothing");
            } else {
                assertEquals("f2z1s1", moved.parentId(), "the space was gone: the move is skipped");
                assertFalse(one.find("f1z1s1").isPresent());
            }
        }
    }

    @Test
    void aPropertyKeepsTheValueWithTheLatestTimestamp() {
        Operation a = op("a", 1, 30, new Change.SetProperty("f1z1", "load", new PropertyValue.Number(5, "W")));
        Operation b = op("b", 1, 31, new Change.SetProperty("f1z1", "load", new PropertyValue.Number(7, "W")));
        for (List<Operation> order : List.of(List.of(a, b), List.of(b, a))) {
            assertEquals(new PropertyValue.Number(7, "W"), applyInOrder(order).get("f1z1").properties().get("load").get());
        }
    }

    @Test
    void aConnectionSurvivesADisconnectWhoseAuthorHadNotSeenItMade() {
        String k = "sys1u1-feed";
        Operation aOff = op("a", 1, 40, new Change.Disconnect(k));
        Operation aOn = op("a", 2, 41, new Change.Connect(new Connection(k, "sys1u1e1", "sys1u1e3", "power",
                Properties.EMPTY)));
        // b saw the first connection only (it came with the snapshot), not a's reconnection, and disconnects later
        Operation bOff = op("b", 1, 42, new VersionVector(Map.of()), new Change.Disconnect(k));
        for (List<Operation> order : List.of(List.of(aOff, aOn, bOff), List.of(bOff, aOn, aOff), List.of(aOn, bOff, aOff))) {
            Revision r = applyInOrder(order);
            assertEquals("sys1u1e3", r.connection(k).orElseThrow().toId(), "add wins over the unseen disconnect");
        }
        Operation bOffSeen = op("b", 1, 42, new VersionVector(Map.of("a", 2L)), new Change.Disconnect(k));
        assertTrue(applyInOrder(List.of(aOff, aOn, bOffSeen)).connection(k).isEmpty(), "a disconnect of what it saw wins");
    }

    @Test
    void aRemovedIdIsNotGivenAgain() {
        ReplicatedTree tree = new ReplicatedTree(snapshot, false);
        tree.apply(op("a", 1, 50, new Change.RemoveObject("f1z1s1c1")), 0);
        LogEntry again = tree.apply(op("a", 2, 51, new Change.AddObject(new BuildingObject("f1z1s1c1",
                ObjectType.COMPONENT, "light-fixture", "f1z1s1", null, null, null, Properties.EMPTY))), 0);
        assertNotNull(again.rejected());
        assertEquals(Rule.UNIQUE_ID, again.rejected().rule());
    }

    @Test
    void anOperationOlderThanWhatWasCompactedIsRefused() {
        ReplicatedTree tree = new ReplicatedTree(snapshot, false);
        tree.apply(op("a", 1, 60, new Change.Rename("f1", "one")), 0);
        tree.apply(op("b", 1, 70, new Change.Rename("f2", "two")), 0);
        tree.apply(op("a", 2, 80, new Change.Rename("f1", "uno")), 0);
        assertEquals(1, tree.compact(List.of("a", "b"), null), "a is at 80, b at 70: what came before 70 goes");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tree.apply(op("c", 1, 55, new Change.Rename("f3", "three")), 0));
        assertTrue(e.getMessage().contains("must catch up"), e.getMessage());
        assertNull(tree.apply(op("a", 1, 60, new Change.Rename("f1", "one")), 0), "seen before: ignored");
    }
}
