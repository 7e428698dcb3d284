package org.arxos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import org.arxos.api.collab.Acknowledgement;
import org.arxos.api.collab.AppliedOperation;
import org.arxos.api.collab.Collaboration;
import org.arxos.api.collab.EditingSession;
import org.arxos.api.collab.HybridTimestamp;
import org.arxos.api.collab.Member;
import org.arxos.api.collab.Operation;
import org.arxos.api.collab.SessionError;
import org.arxos.api.collab.SessionListener;
import org.arxos.api.collab.VersionVector;
import org.arxos.api.collab.Welcome;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The collaboration bundle in Felix with the CRDT resolver, the JDBC repository and H2's DataSourceFactory: two
 * editors see each other's operations, and a client that reconnects catches up from the operation log.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CollaborationTest {

    private static final String TENANT = "itests";
    private static final long WAIT_MILLIS = 60_000;

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurations;

    private Collaboration collaboration;
    private String building;

    @Configuration
    public Option[] config() {
        return ArxosRuntime.withCollaborationInstalled();
    }

    @Before
    public void start() throws Exception {
        Path scratch = Path.of(ArxosRuntime.workDirectory()).toAbsolutePath().resolve("collab-" + UUID.randomUUID());
        configure("org.arxos.sample", Map.of("enabled", false));
        configure("org.arxos.repository.jdbc", Map.of("url", "jdbc:h2:file:" + scratch.resolve("buildings")
                + ";AUTO_SERVER=FALSE"));
        configure("org.arxos.collab", Map.of("url", "jdbc:h2:file:" + scratch.resolve("log") + ";AUTO_SERVER=FALSE",
                "defaultPolicy", "crdt"));
        bundle(ArxosRuntime.REPOSITORY).start();
        bundle(ArxosRuntime.COLLABORATION).start();
        building = "hq-" + UUID.randomUUID().toString().substring(0, 8);
        List<Change> content = new ArrayList<>();
        content.add(add(building, ObjectType.BUILDING, null));
        content.add(add("f1", ObjectType.FLOOR, building));
        content.add(add("z1", ObjectType.ZONE, "f1"));
        content.add(add("z2", ObjectType.ZONE, "f1"));
        service(BuildingRepository.class).create(TENANT, new ChangeSet("itest", "collaboration test", content));
        collaboration = service(Collaboration.class);
    }

    @Test
    public void twoEditorsSeeEachOtherAndAReconnectingOneCatchesUp() throws Exception {
        Recorder alice = new Recorder();
        Recorder bob = new Recorder();
        EditingSession a = collaboration.join(editor("alice"), building, "alice-1", -1, alice);
        EditingSession b = collaboration.join(editor("bob"), building, "bob-1", -1, bob);
        Awaits.until("both welcomed", WAIT_MILLIS, () -> alice.welcomes.size() + bob.welcomes.size(), n -> n.equals(2));
        Welcome welcome = bob.welcomes.get(0);
        assertEquals("crdt", welcome.policy());
        assertEquals(List.of("alice-1", "bob-1"), welcome.members().stream().map(Member::clientId).toList());
        long start = welcome.revision();

        a.submit(op("alice-1", 1, start, new Change.Rename("z1", "North")));
        b.submit(op("bob-1", 1, start, new Change.Rename("z2", "South")));
        Awaits.until("both operations reach both editors", WAIT_MILLIS,
                () -> alice.applied.size() + "/" + bob.applied.size(), s -> s.equals("2/2"));
        assertEquals(revisions(alice), revisions(bob));
        assertEquals(1, alice.acks.size());
        assertEquals(1, bob.acks.size());
        assertTrue(alice.errors.toString(), alice.errors.isEmpty());

        b.close();
        Awaits.until("bob gone", WAIT_MILLIS, () -> collaboration.members(editor("alice"), building).size(),
                n -> n.equals(1));
        a.submit(op("alice-1", 2, start + 2, new Change.Rename("z1", "Nord")));
        Awaits.until("alice's second acknowledged", WAIT_MILLIS, () -> alice.acks.size(), n -> n.equals(2));

        Recorder back = new Recorder();
        collaboration.join(editor("bob"), building, "bob-1", start + 2, back);
        Awaits.until("bob welcomed again", WAIT_MILLIS, () -> back.welcomes.size(), n -> n.equals(1));
        Welcome again = back.welcomes.get(0);
        assertNull("a catch-up, not a snapshot", again.snapshot());
        assertEquals(1, again.catchUp().size());
        assertEquals("Nord", ((Change.Rename) again.catchUp().get(0).effect().changes().get(0)).name());
        assertEquals(start + 3, again.revision());
        assertNotNull(collaboration.stats());
        assertEquals(3, collaboration.stats().operations());
    }

    private static List<Long> revisions(Recorder recorder) {
        return recorder.applied.stream().map(AppliedOperation::revision).toList();
    }

    private static Principal editor(String user) {
        return new Principal(user, TENANT, Role.EDITOR, Map.of(), false);
    }

    private static Operation op(String client, long sequence, long base, Change change) {
        return new Operation(client, sequence, new HybridTimestamp(System.currentTimeMillis(), 0, client), base,
                VersionVector.EMPTY, ChangeSet.of("someone", "", change));
    }

    private static Change add(String id, ObjectType type, String parent) {
        return new Change.AddObject(new BuildingObject(id, type, type.name().toLowerCase(), parent, id, null, null,
                Properties.EMPTY));
    }

    private void configure(String pid, Map<String, Object> properties) throws Exception {
        Dictionary<String, Object> values = new Hashtable<>(properties);
        configurations.getConfiguration(pid, "?").update(values);
    }

    private org.osgi.framework.Bundle bundle(String name) {
        for (org.osgi.framework.Bundle b : context.getBundles()) {
            if (b.getSymbolicName().equals(name)) {
                return b;
            }
        }
        throw new IllegalStateException(name + " is not installed");
    }

    private <S> S service(Class<S> type) throws InterruptedException {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            S service = tracker.waitForService(WAIT_MILLIS);
            assertNotNull(type.getSimpleName() + " runs", service);
            return service;
        } finally {
            tracker.close();
        }
    }

    /** What one session receives. */
    private static final class Recorder implements SessionListener {
        final List<Welcome> welcomes = new CopyOnWriteArrayList<>();
        final List<AppliedOperation> applied = new CopyOnWriteArrayList<>();
        final List<Acknowledgement> acks = new CopyOnWriteArrayList<>();
        final List<SessionError> errors = new CopyOnWriteArrayList<>();

        @Override
        public void welcome(Welcome welcome) {
            welcomes.add(welcome);
        }

        @Override
        public void applied(AppliedOperation operation) {
            applied.add(operation);
        }

        @Override
        public void acknowledged(Acknowledgement acknowledgement) {
            acks.add(acknowledgement);
        }

        @Override
        public void presence(Member member) {
        }

        @Override
        public void error(SessionError error) {
            errors.add(error);
        }

        @Override
        public void closed(String reason) {
        }
    }
}
