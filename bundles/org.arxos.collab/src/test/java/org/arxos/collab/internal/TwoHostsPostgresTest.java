package org.arxos.collab.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.arxos.api.collab.AppliedOperation;
import org.arxos.api.collab.EditingSession;
import org.arxos.api.collab.HybridTimestamp;
import org.arxos.api.collab.Operation;
import org.arxos.api.collab.VersionVector;
import org.arxos.api.security.Role;
import org.arxos.messaging.internal.EventBusConfiguration;
import org.arxos.messaging.internal.LocalEventBus;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.PropertyValue;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two hosts (two server nodes) on one PostgreSQL database, joined by one event bus as the messaging bridge joins
 * nodes: editors on both edit the same objects at once, across snapshot epochs; every session receives the same
 * revisions with the same effects and both replicas end identical. Then one node goes away and its editors reconnect
 * to the other without losing or duplicating anything acknowledged. PostgreSQL must be running; with
 * {@code -Darxos.test.postgres=skip} the test is reported as skipped.
 */
class TwoHostsPostgresTest {

    private static final String URL = System.getProperty("arxos.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("arxos.test.postgres.user", "postgres");
    private static final int EDITORS_PER_HOST = 2;
    private static final int OPERATIONS_PER_EDITOR = 60;

    @BeforeAll
    static void reach() {
        try (Connection c = dataSource().getConnection()) {
            c.isValid(2);
        } catch (SQLException e) {
            String problem = "PostgreSQL is not reachable at " + URL + " as user '" + USER + "': " + e.getMessage();
            Assumptions.assumeFalse("skip".equals(System.getProperty("arxos.test.postgres")), problem);
            fail(problem + " (start it, or pass -Darxos.test.postgres=skip)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"crdt", "ot"})
    void editorsOnTwoNodesConvergeAndSurviveTheLossOfOne(String policy) throws Exception {
        // its lanes are daemon threads; the bus's stop is for the framework only
        LocalEventBus bus = new LocalEventBus(new EventBusConfiguration() {
            @Override
            public int lanes() {
                return 2;
            }

            @Override
            public int laneCapacity() {
                return 10_000;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return EventBusConfiguration.class;
            }
        });
        try (CollabRig rig = new CollabRig(dataSource(), URL)) {
            String building = rig.building("tower");
            // keeps every row: a node that lags behind more than the log keeps closes its sessions (tested on H2)
            HostSettings settings = CollabRig.settings(policy, 50, 1000);
            CollaborationHost first = rig.host(settings, bus, "node-1");
            CollaborationHost second = rig.host(settings, bus, "node-2");
            List<CollaborationHost> hosts = List.of(first, second);

            List<RecordingListener> listeners = new ArrayList<>();
            List<EditingSession> sessions = new ArrayList<>();
            for (int i = 0; i < 2 * EDITORS_PER_HOST; i++) {
                RecordingListener l = new RecordingListener();
                sessions.add(hosts.get(i % 2).join(rig.user("user" + i, Role.EDITOR), building, "c" + i, -1, l));
                l.welcome();
                listeners.add(l);
            }
            ExecutorService editors = Executors.newFixedThreadPool(sessions.size());
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < sessions.size(); i++) {
                int editor = i;
                done.add(editors.submit(() -> edit(sessions.get(editor), listeners.get(editor), editor)));
            }
            for (Future<?> f : done) {
                f.get();
            }
            editors.shutdown();
            int total = sessions.size() * OPERATIONS_PER_EDITOR;
            listeners.forEach(l -> l.awaitApplied(total));

            List<Long> revisions = listeners.get(0).applied.stream().map(AppliedOperation::revision).toList();
            assertEquals(total, revisions.stream().distinct().count(), "no revision twice");
            assertEquals(2L + total - 1, revisions.get(revisions.size() - 1));
            for (RecordingListener l : listeners) {
                assertEquals(revisions, l.applied.stream().map(AppliedOperation::revision).toList());
                for (int r = 0; r < total; r++) {
                    assertEquals(listeners.get(0).applied.get(r).effect().changes(), l.applied.get(r).effect()
                            .changes(), "the effect of revision " + revisions.get(r) + " differs between sessions");
                }
                assertTrue(l.errors.isEmpty(), l.errors.toString());
            }
            String[] hashes = new String[2];
            for (int h = 0; h < 2; h++) {
                RecordingListener viewer = new RecordingListener();
                hosts.get(h).join(rig.user("viewer" + h, Role.VIEWER), building, "v" + h, -1, viewer);
                hashes[h] = viewer.welcome().snapshot().contentHash();
                assertEquals(revisions.get(revisions.size() - 1), viewer.welcome().revision());
            }
            assertEquals(hashes[0], hashes[1], "both nodes hold the same building");
            System.out.println(policy + " on two nodes, " + total + " operations: node-1 " + first.health().details()
                    + ", node-2 " + second.health().details());

            // node-1 goes away; its editors reconnect to node-2 and resend their last operation
            long head = revisions.get(revisions.size() - 1);
            first.close();
            for (int i = 0; i < sessions.size(); i += 2) {
                RecordingListener back = new RecordingListener();
                long since = listeners.get(i).applied.get(total - 5).revision();
                EditingSession again = second.join(rig.user("user" + i, Role.EDITOR), building, "c" + i, since, back);
                List<Long> caughtUp = back.welcome().catchUp().stream().map(AppliedOperation::revision).toList();
                assertEquals(since + 1, caughtUp.get(0));
                assertEquals(back.welcome().revision(), caughtUp.get(caughtUp.size() - 1));
                assertEquals(back.welcome().revision() - since, caughtUp.size());
                Operation last = operation(i, OPERATIONS_PER_EDITOR, head);
                again.submit(last);
                long logged = listeners.get(i).ack(OPERATIONS_PER_EDITOR).revision();
                assertEquals(logged, back.ack(OPERATIONS_PER_EDITOR).revision(), "acknowledged again, not applied");
                again.submit(operation(i, OPERATIONS_PER_EDITOR + 1, head));
                assertEquals(head + 1 + i / 2, back.ack(OPERATIONS_PER_EDITOR + 1).revision());
            }
        }
    }

    private static void edit(EditingSession session, RecordingListener listener, int editor) {
        Random random = new Random(editor);
        for (int seq = 1; seq <= OPERATIONS_PER_EDITOR; seq++) {
            int seen = listener.applied.size();
            long base = seen == 0 ? 1 : listener.applied.get(seen - 1).revision();
            session.submit(new Operation("c" + editor, seq, new HybridTimestamp(System.currentTimeMillis(), seq,
                    "c" + editor), base, VersionVector.EMPTY, ChangeSet.of("user" + editor, "", change(random, seq))));
            if (seq % 10 == 0) {
                listener.ack(seq);
            }
        }
        listener.ack(OPERATIONS_PER_EDITOR);
    }

    private static Change change(Random random, int seq) {
        String space = List.of("z1s1", "z1s2", "z2s1", "z2s2").get(random.nextInt(4));
        return switch (random.nextInt(3)) {
            case 0 -> new Change.Rename(space, "name " + seq);
            case 1 -> new Change.SetProperty(space, "load", new PropertyValue.Number(seq, "W"));
            default -> new Change.MoveObject(space, random.nextBoolean() ? "z1" : "z2");
        };
    }

    private static Operation operation(int editor, long sequence, long base) {
        return new Operation("c" + editor, sequence, new HybridTimestamp(System.currentTimeMillis(), 0, "c" + editor),
                base, VersionVector.EMPTY, ChangeSet.of("user" + editor, "", new Change.Rename("z1", "again")));
    }

    private static PGSimpleDataSource dataSource() {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(URL);
        pg.setUser(USER);
        return pg;
    }

}
