package org.arxos.collab.internal;

import static org.arxos.collab.internal.CollabRig.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.arxos.api.collab.Acknowledgement;
import org.arxos.api.collab.AppliedOperation;
import org.arxos.api.collab.CollaborationStats;
import org.arxos.api.collab.EditingSession;
import org.arxos.api.collab.Member;
import org.arxos.api.collab.Presence;
import org.arxos.api.collab.SessionError;
import org.arxos.api.collab.Welcome;
import org.arxos.api.repository.UnknownBuildingException;
import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;
import org.arxos.model.Change;
import org.arxos.model.Revision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The session host on an embedded H2 database with the real CRDT and OT resolvers and the JDBC repository. */
class CollaborationHostTest {

    private CollabRig rig;
    private Principal alice;
    private Principal bob;

    @BeforeEach
    void setUp() throws SQLException {
        rig = CollabRig.h2();
        alice = rig.user("alice", Role.EDITOR);
        bob = rig.user("bob", Role.EDITOR);
    }

    @AfterEach
    void tearDown() {
        rig.close();
    }

    @Test
    void membersJoinSeeEachOtherChangePresenceAndLeave() throws Exception {
        String building = rig.building("hq");
        CollaborationHost host = rig.host(CollabRig.settings());
        RecordingListener a = new RecordingListener();
        RecordingListener b = new RecordingListener();
        EditingSession sa = host.join(alice, building, "alice-1", -1, a);
        assertEquals(List.of("alice-1"), a.welcome().members().stream().map(Member::clientId).toList());
        assertEquals(1, a.welcome().revision(), "the log starts at the repository's head");
        assertEquals("hq", a.welcome().snapshot().root().orElseThrow().id());
        assertEquals("crdt", a.welcome().policy());

        EditingSession sb = host.join(bob, building, "bob-1", -1, b);
        assertEquals(List.of("alice-1", "bob-1"), b.welcome().members().stream().map(Member::clientId).toList());
        RecordingListener.await(() -> a.presences.stream().anyMatch(m -> m.clientId().equals("bob-1") && m.present()),
                "alice to see bob arrive");

        sb.presence(new Presence(List.of("z1s1"), "f1", null));
        RecordingListener.await(() -> a.presences.stream().anyMatch(m -> m.presence().selection().equals(
                List.of("z1s1"))), "alice to see bob's selection");
        assertTrue(b.presences.stream().noneMatch(m -> m.clientId().equals("bob-1")), "bob is not told of himself");
        RecordingListener.await(() -> host.members(alice, building).stream()
                .anyMatch(m -> m.presence().floorId() != null), "the member list to show bob's floor");
        assertEquals(2, host.stats().sessions());

        sb.close();
        RecordingListener.await(() -> a.presences.stream().anyMatch(m -> m.clientId().equals("bob-1") && !m.present()),
                "alice to see bob leave");
        assertEquals("left", b.awaitClosed());
        RecordingListener.await(() -> host.members(alice, building).size() == 1, "bob to leave the member list");
        sa.close();
        RecordingListener.await(() -> host.stats().sessions() == 0 && host.stats().buildings() == 0,
                "the room to close");
    }

    @Test
    void anOperationIsAcknowledgedOnlyOnceItIsInTheLogAndEveryoneReceivesIt() throws Exception {
        String building = rig.building("hq");
        CollaborationHost host = rig.host(CollabRig.settings());
        List<Boolean> loggedWhenAcknowledged = new CopyOnWriteArrayList<>();
        RecordingListener a = new RecordingListener() {
            @Override
            public void acknowledged(Acknowledgement ack) {
                loggedWhenAcknowledged.add(logHolds("alice-1", ack.sequence()));
                super.acknowledged(ack);
            }
        };
        RecordingListener b = new RecordingListener();
        EditingSession sa = host.join(alice, building, "alice-1", -1, a);
        host.join(bob, building, "bob-1", -1, b);
        b.welcome();

        sa.submit(op("alice-1", 1, 1, new Change.Rename("z1", "North"), new Change.MoveObject("z2s1", "z1")));
        Acknowledgement ack = a.ack(1);
        assertEquals(2, ack.revision());
        assertTrue(ack.rejected().isEmpty());
        assertEquals(List.of(true), loggedWhenAcknowledged);
        b.awaitApplied(1);
        AppliedOperation seen = b.applied.get(0);
        assertEquals(2, seen.revision());
        assertEquals("alice", seen.operation().changes().author(), "the author is the authenticated user");
        assertEquals(2, seen.effect().changes().size());
        a.awaitApplied(1);
        CollaborationStats stats = host.stats();
        assertEquals(1, stats.operations());
        assertTrue(stats.logLatencyMicros() > 0);
        assertTrue(a.errors.isEmpty() && b.errors.isEmpty());
    }

    @Test
    void theOthersShareOneListOfRevisionsAndTheAuthorHearsItsAcknowledgementFirst() throws Exception {
        String building = rig.building("hq");
        CollaborationHost host = rig.host(CollabRig.settings());
        RecordingListener a = new RecordingListener();
        List<List<AppliedOperation>> runsOfB = new CopyOnWriteArrayList<>();
        List<List<AppliedOperation>> runsOfC = new CopyOnWriteArrayList<>();
        RecordingListener b = runRecorder(runsOfB);
        RecordingListener c = runRecorder(runsOfC);
        EditingSession sa = host.join(alice, building, "alice-1", -1, a);
        host.join(bob, building, "bob-1", -1, b);
        host.join(bob, building, "bob-2", -1, c);
        c.welcome();

        sa.submit(op("alice-1", 1, 1, new Change.Rename("z1", "North")));
        b.awaitApplied(1);
        c.awaitApplied(1);
        a.awaitApplied(1);
        assertEquals(List.of("ack 1", "applied 2"), a.order);
        assertEquals(1, runsOfB.size());
        assertSame(runsOfB.get(0), runsOfC.get(0), "one list for every session that receives the same revisions");
        assertEquals(2, runsOfB.get(0).get(0).revision());
        assertEquals(List.of(runsOfB.get(0).get(0)), b.applied, "the run's revisions, each once");
    }

    @Test
    void operationsThatArriveWithinTheCommitIntervalAreCommittedTogether() throws Exception {
        String building = rig.building("hq");
        CollaborationHost host = rig.host(CollabRig.paced("crdt", 1000, 100, 2000));
        RecordingListener a = new RecordingListener();
        List<List<AppliedOperation>> runs = new CopyOnWriteArrayList<>();
        RecordingListener b = runRecorder(runs);
        EditingSession sa = host.join(alice, building, "alice-1", -1, a);
        host.join(bob, building, "bob-1", -1, b);
        b.welcome();

        sa.submit(op("alice-1", 1, 1, new Change.Rename("z1", "North")));
        b.awaitApplied(1);
        long firstSeen = System.nanoTime();
        sa.submit(op("alice-1", 2, 1, new Change.Rename("z1", "South")));
        sa.submit(op("alice-1", 3, 1, new Change.Rename("z2", "East")));
        b.awaitApplied(3);
        assertTrue(System.nanoTime() - firstSeen >= TimeUnit.SECONDS.toNanos(1),
                "the second commit waits for the interval (2 s from the first commit's start)");
        assertEquals(List.of(1, 2), runs.stream().map(List::size).toList(),
                "the first operation at once (the building was idle), the next two in the commit after the interval");
        assertEquals(List.of(2L, 3L, 4L), b.applied.stream().map(AppliedOperation::revision).toList());
    }

    private static RecordingListener runRecorder(List<List<AppliedOperation>> runs) {
        return new RecordingListener() {
            @Override
            public void appliedAll(List<AppliedOperation> operations) {
                runs.add(operations);
                super.appliedAll(operations);
            }
        };
    }

    @Test
    void whenTheDatabaseIsDownTheClientIsToldAndNothingIsAppliedUntilItIsBack() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        org.h2.tools.Server server = org.h2.tools.Server.createTcpServer("-tcpPort", Integer.toString(port),
                "-ifNotExists").start();
        String url = "jdbc:h2:tcp://localhost:" + port + "/mem:down" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL(url);
        try (CollabRig remote = new CollabRig(h2, url)) {
            String building = remote.building("hq");
            CollaborationHost host = remote.host(CollabRig.settings());
            RecordingListener a = new RecordingListener();
            RecordingListener b = new RecordingListener();
            EditingSession sa = host.join(remote.user("alice", Role.EDITOR), building, "alice-1", -1, a);
            host.join(remote.user("bob", Role.EDITOR), building, "bob-1", -1, b);
            b.welcome();
            sa.submit(op("alice-1", 1, 1, new Change.Rename("z1", "North")));
            a.ack(1);

            server.stop();
            sa.submit(op("alice-1", 2, 2, new Change.Rename("z2", "South")));
            SessionError down = a.error(SessionError.Code.UNAVAILABLE);
            assertEquals(2, down.sequence());
            assertTrue(down.message().contains("nothing was applied"), down.message());
            assertTrue(a.acks.stream().noneMatch(x -> x.sequence() == 2));
            assertEquals(1, b.applied.size(), "the others received nothing of it");
            assertEquals("DOWN", host.health().status().name());

            server = org.h2.tools.Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists").start();
            sa.submit(op("alice-1", 2, 2, new Change.Rename("z2", "South")));
            assertEquals(3, a.ack(2).revision(), "the revision of the failed attempt was not used up");
            b.awaitApplied(2);
            assertEquals("South", b.applied.get(1).effect().changes().stream()
                    .map(c -> ((Change.Rename) c).name()).findFirst().orElseThrow());
            assertEquals("UP", host.health().status().name());
        } finally {
            server.stop();
        }
    }

    @Test
    void aReconnectingClientCatchesUpFromMemoryFromTheLogOrWithASnapshot() throws Exception {
        String building = rig.building("hq");
        // one operation kept in memory, so that a longer catch-up reads the log
        CollaborationHost host = rig.host(CollabRig.settings("crdt", 1000, 1));
        RecordingListener a = new RecordingListener();
        EditingSession sa = host.join(alice, building, "alice-1", -1, a);
        RecordingListener b = new RecordingListener();
        EditingSession sb = host.join(bob, building, "bob-1", -1, b);
        sa.submit(op("alice-1", 1, 1, new Change.Rename("z1", "one")));
        b.awaitApplied(1);
        sb.close();
        sa.submit(op("alice-1", 2, 2, new Change.Rename("z1", "two")));
        sa.submit(op("alice-1", 3, 3, new Change.Rename("z1", "three")));
        a.ack(3);

        RecordingListener fromLog = new RecordingListener();
        host.join(bob, building, "bob-1", 2, fromLog);
        Welcome w = fromLog.welcome();
        assertNull(w.snapshot());
        assertEquals(List.of(3L, 4L), w.catchUp().stream().map(AppliedOperation::revision).toList());
        assertEquals(4, w.revision());

        RecordingListener fromMemory = new RecordingListener();
        host.join(rig.user("carol", Role.VIEWER), building, "carol-1", 3, fromMemory);
        assertEquals(List.of(4L), fromMemory.welcome().catchUp().stream().map(AppliedOperation::revision).toList());

        RecordingListener fresh = new RecordingListener();
        host.join(rig.user("dan", Role.VIEWER), building, "dan-1", -1, fresh);
        Revision snapshot = fresh.welcome().snapshot();
        assertEquals(4, snapshot.number());
        assertEquals("three", snapshot.get("z1").name());

        assertThrows(IllegalArgumentException.class,
                () -> host.join(rig.user("eve", Role.VIEWER), building, "eve-1", 99, new RecordingListener()));
    }

    @Test
    void aResentOperationIsAcknowledgedAgainButAppliedOnceAndAGapIsRefused() throws Exception {
        String building = rig.building("hq");
        CollaborationHost host = rig.host(CollabRig.settings());
        RecordingListener a = new RecordingListener();
        RecordingListener b = new RecordingListener();
        EditingSession sa = host.join(alice, building, "alice-1", -1, a);
        host.join(bob, building, "bob-1", -1, b);
        sa.submit(op("alice-1", 1, 1, new Change.Rename("z1", "one")));
        long revision = a.ack(1).revision();
        sa.close();

        RecordingListener again = new RecordingListener();
        EditingSession reconnected = host.join(alice, building, "alice-1", 1, again);
        reconnected.submit(op("alice-1", 1, 1, new Change.Rename("z1", "one")));
        assertEquals(revision, again.ack(1).revision());
        reconnected.submit(op("alice-1", 5, 2, new Change.Rename("z1", "five")));
        SessionError gap = again.error(SessionError.Code.OUT_OF_ORDER);
        assertTrue(gap.message().contains("alice-1#2"), gap.message());
        reconnected.submit(op("alice-1", 2, 2, new Change.Rename("z1", "two")));
        again.ack(2);
        b.awaitApplied(2);
        assertEquals(List.of(2L, 3L), b.applied.stream().map(AppliedOperation::revision).toList(),
                "the resent operation was not applied twice");
    }

    @Test
    void undoRestoresWhatNobodyChangedSinceAndRedoPutsItBack() throws Exception {
        String building = rig.building("hq");
        CollaborationHost host = rig.host(CollabRig.settings());
        RecordingListener a = new RecordingListener();
        RecordingListener b = new RecordingListener();
        EditingSession sa = host.join(alice, building, "alice-1", -1, a);
        EditingSession sb = host.join(bob, building, "bob-1", -1, b);

        sa.undo();
        assertEquals(SessionError.Code.NOTHING_TO_UNDO, a.error(SessionError.Code.NOTHING_TO_UNDO).code());

        sa.submit(op("alice-1", 1, 1, new Change.Rename("z1", "North"), new Change.Rename("z2", "South")));
        a.ack(1);
        sb.submit(op("bob-1", 1, 2, new Change.Rename("z2", "Bob's")));
        b.ack(1);
        sa.undo();
        a.awaitApplied(3);
        Acknowledgement undone = a.acks.get(1);
        assertEquals(1, undone.sequence(), "the first operation of client alice-1:undo");
        assertEquals(1, undone.rejected().size(), "z2 was renamed by bob since: " + undone.rejected());
        assertTrue(undone.rejected().get(0).message().contains("z2"), undone.rejected().get(0).message());
        AppliedOperation undo = a.applied.get(2);
        assertEquals("alice-1:undo", undo.operation().clientId());
        assertEquals(List.of(new Change.Rename("z1", "z1")), undo.effect().changes());

        sa.redo();
        a.awaitApplied(4);
        assertEquals(List.of(new Change.Rename("z1", "North")), a.applied.get(3).effect().changes());
        sa.redo();
        a.error(SessionError.Code.NOTHING_TO_UNDO);

        Revision head = headSeenByANewViewer(host, building);
        assertEquals("North", head.get("z1").name());
        assertEquals("Bob's", head.get("z2").name());
    }

    @Test
    void undoTakesBackAnAdditionAMoveAndAPropertyInReverseOrder() throws Exception {
        String building = rig.building("hq");
        CollaborationHost host = rig.host(CollabRig.settings());
        RecordingListener a = new RecordingListener();
        EditingSession sa = host.join(alice, building, "alice-1", -1, a);
        org.arxos.model.BuildingObject added = new org.arxos.model.BuildingObject("z1s3",
                org.arxos.model.ObjectType.SPACE, "office", "z1", "new", null, null, org.arxos.model.Properties.EMPTY);
        sa.submit(op("alice-1", 1, 1, new Change.AddObject(added), new Change.MoveObject("z2s1", "z1"),
                new Change.SetProperty("z1s3", "area", new org.arxos.model.PropertyValue.Number(12, "m2"))));
        a.ack(1);
        sa.undo();
        a.awaitApplied(2);
        List<Change> undone = a.applied.get(1).effect().changes();
        assertTrue(undone.contains(new Change.MoveObject("z2s1", "z2")), undone.toString());
        assertEquals(new Change.RemoveObject("z1s3"), undone.get(undone.size() - 1), "the addition is undone last");
        assertTrue(a.acks.get(1).rejected().isEmpty(), a.acks.get(1).rejected().toString());

        Revision head = headSeenByANewViewer(host, building);
        assertTrue(head.find("z1s3").isEmpty());
        assertEquals("z2", head.get("z2s1").parentId());
    }

    @Test
    void viewersMayWatchButNotEditAndStrangersMayNotJoin() throws Exception {
        String building = rig.building("hq");
        CollaborationHost host = rig.host(CollabRig.settings());
        RecordingListener v = new RecordingListener();
        EditingSession viewer = host.join(rig.user("vic", Role.VIEWER), building, "vic-1", -1, v);
        v.welcome();
        viewer.submit(op("vic-1", 1, 1, new Change.Rename("z1", "mine")));
        SessionError forbidden = v.error(SessionError.Code.FORBIDDEN);
        assertTrue(forbidden.message().contains("EDITOR"), forbidden.message());
        viewer.undo();
        RecordingListener.await(() -> v.errors.size() == 2, "the undo to be refused too");
        assertEquals(0, host.stats().operations());

        Principal stranger = new Principal("sam", rig.tenant, null, Map.of(), false);
        assertThrows(SecurityException.class, () -> host.join(stranger, building, "sam-1", -1, new RecordingListener()));
        assertThrows(UnknownBuildingException.class,
                () -> host.join(alice, "nowhere", "alice-1", -1, new RecordingListener()));
        assertThrows(IllegalArgumentException.class,
                () -> host.join(alice, building, "bad id", -1, new RecordingListener()));
        assertThrows(IllegalArgumentException.class,
                () -> host.join(alice, building, "alice-1:undo", -1, new RecordingListener()));
    }

    @Test
    void aFloodingClientIsRateLimitedWithoutAffectingOthers() throws Exception {
        String building = rig.building("hq");
        HostSettings limited = new HostSettings("crdt", Map.of(), 1000, 100, 100, 50, 10, 1, 2, 1000, 1000, 0, 100);
        CollaborationHost host = rig.host(limited);
        RecordingListener a = new RecordingListener();
        RecordingListener b = new RecordingListener();
        EditingSession sa = host.join(alice, building, "alice-1", -1, a);
        EditingSession sb = host.join(bob, building, "bob-1", -1, b);
        sa.submit(op("alice-1", 1, 1, new Change.Rename("z1", "1")));
        sa.submit(op("alice-1", 2, 1, new Change.Rename("z1", "2")));
        sa.submit(op("alice-1", 3, 1, new Change.Rename("z1", "3")));
        SessionError limitedError = a.error(SessionError.Code.RATE_LIMITED);
        assertEquals(3, limitedError.sequence());
        sb.submit(op("bob-1", 1, 1, new Change.Rename("z2", "b")));
        b.ack(1);
        a.ack(2);
        assertTrue(b.errors.isEmpty());

        rig.nanos.addAndGet(1_000_000_000L);
        sa.submit(op("alice-1", 3, 1, new Change.Rename("z1", "3")));
        a.ack(3);
        assertEquals(1, a.errors.size());
    }

    @Test
    void anOperationWithTooManyChangesIsRefused() throws Exception {
        String building = rig.building("hq");
        CollaborationHost host = rig.host(CollabRig.settings());
        RecordingListener a = new RecordingListener();
        EditingSession sa = host.join(alice, building, "alice-1", -1, a);
        Change[] changes = new Change[11];
        for (int i = 0; i < changes.length; i++) {
            changes[i] = new Change.SetProperty("z1", "p" + i, new org.arxos.model.PropertyValue.Flag(true));
        }
        sa.submit(op("alice-1", 1, 1, changes));
        SessionError tooLarge = a.error(SessionError.Code.TOO_LARGE);
        assertTrue(tooLarge.message().contains("11 changes") && tooLarge.message().contains("10"),
                tooLarge.message());
        sa.submit(op("alice-1", 1, 1, new Change.Rename("z1", "fits")));
        assertEquals(2, a.ack(1).revision(), "the refused operation used up no revision");
    }

    @Test
    void aListenerThatFallsBehindIsClosedWhileTheOthersGoOn() throws Exception {
        String building = rig.building("hq");
        HostSettings smallQueue = new HostSettings("crdt", Map.of(), 1000, 100, 100, 50, 10, 1000, 1000, 20, 1000, 0,
                100);
        CollaborationHost host = rig.host(smallQueue);
        CountDownLatch gate = new CountDownLatch(1);
        RecordingListener slow = new RecordingListener().blockedUntil(gate);
        RecordingListener a = new RecordingListener();
        EditingSession sa = host.join(alice, building, "alice-1", -1, a);
        host.join(bob, building, "bob-1", -1, slow);
        slow.welcome();
        for (int i = 1; i <= 30; i++) {
            sa.submit(op("alice-1", i, 1, new Change.Rename("z1", "n" + i)));
            a.ack(i);
        }
        a.awaitApplied(30);
        RecordingListener.await(() -> host.members(alice, building).size() == 1, "the slow session to be dropped");
        gate.countDown();
        String reason = slow.awaitClosed();
        assertTrue(reason.contains("too slow"), reason);
        assertTrue(slow.applied.size() < 30, "it did not receive everything: " + slow.applied.size());
        assertTrue(a.closed.isEmpty(), "the others go on");
    }

    @Test
    void snapshotsGoToTheRepositoryAndTheLogKeepsOnlyTheLastOperations() throws Exception {
        String building = rig.building("hq");
        CollaborationHost host = rig.host(CollabRig.settings("crdt", 5, 2));
        RecordingListener a = new RecordingListener();
        EditingSession sa = host.join(alice, building, "alice-1", -1, a);
        for (int i = 1; i <= 11; i++) {
            sa.submit(op("alice-1", i, 1, new Change.Rename("z1", "n" + i)));
            a.ack(i);
        }
        // revisions 2..12; snapshots at 5 and 10
        RecordingListener.await(() -> "n9".equals(rig.repository.head(rig.tenant, building).get("z1").name()),
                "the snapshot of revision 10 in the repository");
        RecordingListener.await(() -> oldestLogged(building) == 9,
                "rows up to 10 - 2 to be compacted, the last 2 covered by the snapshot kept");
        sa.close();
        RecordingListener.await(() -> "n11".equals(rig.repository.head(rig.tenant, building).get("z1").name()),
                "the snapshot when the last session left");

        // a new room starts from the epoch snapshot and replays the log after it
        RecordingListener back = new RecordingListener();
        host.join(alice, building, "alice-1", 12, back);
        assertEquals(12, back.welcome().revision());
        EditingSession next = host.join(bob, building, "bob-1", -1, new RecordingListener());
        next.submit(op("bob-1", 1, 12, new Change.Rename("z2", "after")));
        back.awaitApplied(1);
        assertEquals(13, back.applied.get(0).revision());
    }

    @Test
    void aNodeThatFellBehindWhatTheLogKeepsClosesItsSessionsAndTheyCatchUpByJoiningAgain() throws Exception {
        String building = rig.building("hq");
        // two nodes on one database without the event bus: the second learns of the first's operations only when it
        // commits one of its own, by which time the log was compacted
        HostSettings settings = CollabRig.settings("crdt", 5, 1);
        CollaborationHost first = rig.host(settings, null, "node-1");
        CollaborationHost second = rig.host(settings, null, "node-2");
        RecordingListener a = new RecordingListener();
        EditingSession sa = first.join(alice, building, "alice-1", -1, a);
        RecordingListener b = new RecordingListener();
        EditingSession sb = second.join(bob, building, "bob-1", -1, b);
        b.welcome();
        for (int i = 1; i <= 12; i++) {
            sa.submit(op("alice-1", i, 1, new Change.Rename("z1", "n" + i)));
            a.ack(i);
        }
        RecordingListener.await(() -> oldestLogged(building) > 2, "the log to be compacted past revision 2");
        sb.submit(op("bob-1", 1, 1, new Change.Rename("z2", "late")));
        String reason = b.awaitClosed();
        assertTrue(reason.contains("fell behind"), reason);

        RecordingListener again = new RecordingListener();
        EditingSession back = second.join(bob, building, "bob-1", 1, again);
        Welcome w = again.welcome();
        assertEquals("n12", w.snapshot().get("z1").name(), "a snapshot: the log no longer holds revision 2");
        back.submit(op("bob-1", 1, 1, new Change.Rename("z2", "late")));
        long logged = again.ack(1).revision();
        assertEquals(14, logged, "committed once, after alice's twelve");
    }

    @Test
    void aSwappedResolverReopensTheReplicaAtTheHeadWithoutLosingOperations() throws Exception {
        String building = rig.building("hq");
        CollaborationHost host = rig.host(CollabRig.settings());
        RecordingListener a = new RecordingListener();
        EditingSession sa = host.join(alice, building, "alice-1", -1, a);
        sa.submit(op("alice-1", 1, 1, new Change.Rename("z1", "kept")));
        a.ack(1);
        rig.resolvers.put("crdt", CollabRig.crdt());
        host.resolversChanged();
        sa.submit(op("alice-1", 2, 2, new Change.Rename("z2", "also")));
        assertEquals(3, a.ack(2).revision());

        rig.resolvers.remove("crdt");
        host.resolversChanged();
        sa.submit(op("alice-1", 3, 3, new Change.Rename("z2", "lost?")));
        assertTrue(a.error(SessionError.Code.UNAVAILABLE).message().contains("crdt"));
        rig.resolvers.put("crdt", CollabRig.crdt());
        host.resolversChanged();
        sa.submit(op("alice-1", 3, 3, new Change.Rename("z2", "back")));
        assertEquals(4, a.ack(3).revision());

        Revision head = headSeenByANewViewer(host, building);
        assertEquals("kept", head.get("z1").name());
        assertEquals("back", head.get("z2").name());
    }

    @Test
    void theSessionLimitsHold() throws Exception {
        String building = rig.building("hq");
        HostSettings few = new HostSettings("ot", Map.of(), 1000, 100, 3, 2, 10, 1000, 1000, 1000, 1000, 0, 100);
        CollaborationHost host = rig.host(few);
        host.join(alice, building, "a-1", -1, new RecordingListener());
        host.join(alice, building, "a-2", -1, new RecordingListener());
        IllegalStateException perBuilding = assertThrows(IllegalStateException.class,
                () -> host.join(alice, building, "a-3", -1, new RecordingListener()));
        assertTrue(perBuilding.getMessage().contains("building 'hq'"), perBuilding.getMessage());
        String other = rig.building("annex");
        host.join(alice, other, "a-4", -1, new RecordingListener());
        assertThrows(IllegalStateException.class, () -> host.join(alice, other, "a-5", -1, new RecordingListener()));
        assertFalse(host.members(alice, building).isEmpty());
    }

    /** The building as a client with nothing receives it on joining. */
    private Revision headSeenByANewViewer(CollaborationHost host, String building) {
        RecordingListener viewer = new RecordingListener();
        host.join(rig.user("carol", Role.VIEWER), building, "carol-1", -1, viewer);
        return viewer.welcome().snapshot();
    }

    private long oldestLogged(String building) {
        try (Connection c = rig.log.connect()) {
            long oldest = rig.log.oldest(c, new RoomKey(rig.tenant, building)).orElse(0);
            c.commit();
            return oldest;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean logHolds(String client, long sequence) {
        try (Connection c = rig.dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select count(*) from arxos_collab_log where tenant = ? and client = ? and sequence = ?")) {
            s.setString(1, rig.tenant);
            s.setString(2, client);
            s.setLong(3, sequence);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
