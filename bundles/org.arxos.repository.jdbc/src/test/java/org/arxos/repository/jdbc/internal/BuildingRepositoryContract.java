package org.arxos.repository.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.arxos.api.event.BuildingEvent;
import org.arxos.api.health.Health;
import org.arxos.api.repository.BuildingExistsException;
import org.arxos.api.repository.BuildingSummary;
import org.arxos.api.repository.ConcurrentChangeException;
import org.arxos.api.repository.RepositoryException;
import org.arxos.api.repository.RevisionInfo;
import org.arxos.api.repository.UnknownBuildingException;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every database must do for the repository. Subclasses give a database; each test works in a tenant of its
 * own, so tests sharing a database do not see each other.
 */
abstract class BuildingRepositoryContract {

    protected FlakyDataSource dataSource;
    protected String tenant;
    protected final List<BuildingEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final List<JdbcBuildingStore> opened = new ArrayList<>();

    /** A data source for this test's database; the same database every call within one test. */
    protected abstract DataSource database() throws Exception;

    @BeforeEach
    void openDatabase() throws Exception {
        dataSource = new FlakyDataSource(database());
        tenant = "t-" + UUID.randomUUID();
    }

    @AfterEach
    void closeStores() {
        opened.forEach(JdbcBuildingStore::close);
    }

    protected JdbcBuildingStore open(int snapshotInterval) {
        // Small chunks, so a snapshot spans several rows even in these small tests.
        JdbcBuildingStore store = new JdbcBuildingStore(dataSource, new StoreSettings(snapshotInterval, 16, 4096, 4, 1_000),
                events::add);
        opened.add(store);
        return store;
    }

    protected JdbcBuildingStore reopen(JdbcBuildingStore store, int snapshotInterval) {
        store.close();
        return open(snapshotInterval);
    }

    static ChangeSet building(String id, int rooms) {
        List<Change> changes = new ArrayList<>();
        changes.add(new Change.AddObject(new BuildingObject(id, ObjectType.BUILDING, "office", null, "Building " + id,
                null, null, null)));
        changes.add(new Change.AddObject(new BuildingObject("f1", ObjectType.FLOOR, "storey", id, "Ground",
                new Bounds(0, 0, 100, 50), null, null)));
        changes.add(new Change.AddObject(new BuildingObject("e1", ObjectType.SYSTEM, "electrical", id, null, null,
                null, null)));
        changes.add(new Change.AddObject(new BuildingObject("p1", ObjectType.COMPONENT, "panel", "e1", "Panel",
                new Bounds(0, 0, 1, 1), null, null)));
        for (int i = 0; i < rooms; i++) {
            changes.add(new Change.AddObject(new BuildingObject("r" + i, ObjectType.SPACE, "office", "f1",
                    "Room " + i, new Bounds(i, 0, i + 1, 5), null, null)));
            changes.add(new Change.AddObject(new BuildingObject("l" + i, ObjectType.COMPONENT, "light-fixture",
                    "r" + i, null, new Bounds(i + 0.25f, 1, i + 0.5f, 1.25f), null, null)));
            changes.add(new Change.Connect(new Connection("c" + i, "p1", "l" + i, "power", null)));
        }
        return new ChangeSet("creator", "new building", changes);
    }

    static ChangeSet setPower(int light, double watts) {
        return ChangeSet.of("editor", "power of l" + light,
                new Change.SetProperty("l" + light, "power", new PropertyValue.Number(watts, "W")));
    }

    @Test
    void createdBuildingIsListedFoundAndHasRevisionOne() throws Exception {
        JdbcBuildingStore store = open(50);
        ChangeSet content = building("b1", 20);

        BuildingSummary created = store.create(tenant, content);
        Revision expected = Revision.EMPTY.apply(content);

        assertEquals(new BuildingSummary("b1", tenant, "Building b1", 1, expected.contentHash(),
                expected.objectCount(), expected.connectionCount(), created.updated()), created);
        assertEquals(List.of(created), store.list(tenant));
        assertEquals(Optional.of(created), store.find(tenant, "b1"));
        assertEquals(expected.contentHash(), store.head(tenant, "b1").contentHash());
        assertEquals(1, store.head(tenant, "b1").number());
        assertEquals(BuildingEvent.BUILDING_CREATED, events.get(0).topic());
        assertEquals("b1", events.get(0).buildingId());
        assertEquals(tenant, events.get(0).tenant());
    }

    @Test
    void secondCreateOfTheSameIdFails() throws Exception {
        JdbcBuildingStore store = open(50);
        store.create(tenant, building("b1", 1));

        BuildingExistsException e = assertThrows(BuildingExistsException.class,
                () -> store.create(tenant, building("b1", 2)));
        assertEquals("tenant '" + tenant + "' already has a building 'b1'", e.getMessage());
        assertEquals(1, store.list(tenant).size());
    }

    @Test
    void createWithoutABuildingObjectIsRejected() {
        JdbcBuildingStore store = open(50);
        assertThrows(ChangeRejectedException.class, () -> store.create(tenant, ChangeSet.of("a", "m",
                new Change.RemoveObject("x"))));
        assertEquals(List.of(), store.list(tenant));
    }

    @Test
    void appliedChangesBecomeRevisionsWithHistoryNewestFirst() throws Exception {
        JdbcBuildingStore store = open(50);
        store.create(tenant, building("b1", 5));

        Revision r2 = store.apply(tenant, "b1", setPower(1, 60));
        Revision r3 = store.apply(tenant, "b1", 2, setPower(2, 40));

        assertEquals(3, r3.number());
        assertSame(r3, store.head(tenant, "b1"));
        assertEquals(3, store.find(tenant, "b1").orElseThrow().headRevision());
        assertEquals(r3.contentHash(), store.find(tenant, "b1").orElseThrow().contentHash());
        List<RevisionInfo> history = store.history(tenant, "b1", 0, 10);
        assertEquals(List.of(3L, 2L, 1L), history.stream().map(RevisionInfo::number).toList());
        assertEquals("editor", history.get(0).author());
        assertEquals("power of l2", history.get(0).message());
        assertEquals(1, history.get(0).changeCount());
        assertEquals(r2.contentHash(), history.get(1).contentHash());
        assertEquals(List.of(2L), store.history(tenant, "b1", 1, 1).stream().map(RevisionInfo::number).toList());
        assertEquals(r2.contentHash(), store.revision(tenant, "b1", 2).contentHash());
        assertEquals(BuildingEvent.REVISION_APPLIED, events.get(events.size() - 1).topic());
        assertEquals(3, events.get(events.size() - 1).revision());
    }

    @Test
    void storedChangeSetsReadBackAsApplied() throws Exception {
        JdbcBuildingStore store = open(50);
        store.create(tenant, building("b1", 5));
        ChangeSet first = setPower(1, 60);
        ChangeSet second = setPower(2, 40);
        Revision r2 = store.apply(tenant, "b1", first);
        store.apply(tenant, "b1", second);
        store.clearCache();

        assertEquals(first, store.changes(tenant, "b1", 2));
        assertEquals(second, store.changes(tenant, "b1", 3));
        assertEquals(store.head(tenant, "b1").contentHash(), r2.apply(store.changes(tenant, "b1", 3)).contentHash());
        UnknownBuildingException none = assertThrows(UnknownBuildingException.class,
                () -> store.changes(tenant, "b1", 1));
        assertEquals("no change set made revision 1 of building 'b1' for tenant '" + tenant
                + "' (change sets made revisions 2 to 3)", none.getMessage());
        assertThrows(UnknownBuildingException.class, () -> store.changes(tenant, "b1", 4));
        assertThrows(UnknownBuildingException.class, () -> store.changes("other", "b1", 2));
    }

    @Test
    void everyRevisionReadBackFromSnapshotsAndReplayHasTheInMemoryHash() throws Exception {
        JdbcBuildingStore store = open(3);
        ChangeSet content = building("b1", 30);
        store.create(tenant, content);
        List<Revision> inMemory = new ArrayList<>();
        inMemory.add(Revision.EMPTY.apply(content));
        for (int i = 0; i < 10; i++) {
            ChangeSet changes = i % 2 == 0 ? setPower(i, 10 * i)
                    : ChangeSet.of("editor", "move", new Change.MoveObject("l" + i, "r" + (i + 1)),
                            new Change.Rename("r" + i, "Renamed " + i));
            inMemory.add(inMemory.get(inMemory.size() - 1).apply(changes));
            assertEquals(inMemory.get(inMemory.size() - 1).contentHash(),
                    store.apply(tenant, "b1", changes).contentHash());
        }

        JdbcBuildingStore reopened = reopen(store, 3);
        for (Revision expected : inMemory) {
            Revision read = reopened.revision(tenant, "b1", expected.number());
            assertEquals(expected.number(), read.number());
            assertEquals(expected.contentHash(), read.contentHash(), "revision " + expected.number());
            assertEquals(expected.objects().toList(), read.objects().toList());
        }
        assertEquals(inMemory.get(10).contentHash(), reopened.head(tenant, "b1").contentHash());
        UnknownBuildingException beyond = assertThrows(UnknownBuildingException.class,
                () -> reopened.revision(tenant, "b1", 12));
        assertTrue(beyond.getMessage().contains("no revision 12 of building 'b1' for tenant '" + tenant + "'"),
                beyond.getMessage());
    }

    @Test
    void rejectedChangeLeavesTheStoredRevisionUnchanged() throws Exception {
        JdbcBuildingStore store = open(1);
        store.create(tenant, building("b1", 3));
        Revision head = store.apply(tenant, "b1", setPower(0, 5));

        ChangeRejectedException e = assertThrows(ChangeRejectedException.class, () -> store.apply(tenant, "b1",
                ChangeSet.of("editor", "bad", new Change.SetProperty("l0", "power", new PropertyValue.Flag(true)),
                        new Change.RemoveObject("no-such-object"))));

        assertTrue(e.getMessage().contains("no-such-object"), e.getMessage());
        assertSame(head, store.head(tenant, "b1"));
        JdbcBuildingStore reopened = reopen(store, 1);
        assertEquals(2, reopened.find(tenant, "b1").orElseThrow().headRevision());
        assertEquals(head.contentHash(), reopened.head(tenant, "b1").contentHash());
        assertEquals(2, reopened.history(tenant, "b1", 0, 10).size());
    }

    @Test
    void failedTransactionLeavesStoredStateAndCacheUnchanged() throws Exception {
        JdbcBuildingStore store = open(50);
        store.create(tenant, building("b1", 3));
        Revision head = store.head(tenant, "b1");
        int eventsBefore = events.size();

        dataSource.failingSql = sql -> sql.startsWith("insert into arxos_changes");
        RepositoryException e = assertThrows(RepositoryException.class,
                () -> store.apply(tenant, "b1", setPower(0, 5)));
        dataSource.failingSql = sql -> false;

        assertTrue(e.getMessage().startsWith("could not store revision 2 of building 'b1' of tenant '" + tenant
                + "'"), e.getMessage());
        assertSame(head, store.head(tenant, "b1"));
        assertEquals(eventsBefore, events.size());
        assertEquals(1, store.find(tenant, "b1").orElseThrow().headRevision());
        assertEquals(1, store.history(tenant, "b1", 0, 10).size());
        assertEquals(2, store.apply(tenant, "b1", setPower(0, 5)).number(), "the next change still works");
    }

    @Test
    void changeBasedOnAnOldRevisionIsAConflict() throws Exception {
        JdbcBuildingStore store = open(50);
        store.create(tenant, building("b1", 3));
        store.apply(tenant, "b1", 1, setPower(0, 1));

        ConcurrentChangeException e = assertThrows(ConcurrentChangeException.class,
                () -> store.apply(tenant, "b1", 1, setPower(1, 2)));

        assertEquals(2, e.head());
        assertTrue(e.getMessage().contains("'b1'") && e.getMessage().contains(tenant), e.getMessage());
        assertEquals(2, store.head(tenant, "b1").number());
    }

    @Test
    void concurrentWritersAreSerialized() throws Exception {
        JdbcBuildingStore store = open(4);
        store.create(tenant, building("b1", 40));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Revision>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int light = i;
                results.add(pool.submit(() -> store.apply(tenant, "b1", setPower(light, light))));
            }
            List<Long> numbers = new ArrayList<>();
            for (Future<Revision> f : results) {
                numbers.add(f.get(60, TimeUnit.SECONDS).number());
            }
            Collections.sort(numbers);
            assertEquals(java.util.stream.LongStream.rangeClosed(2, 21).boxed().toList(), numbers);
        } finally {
            pool.shutdownNow();
        }
        Revision head = store.head(tenant, "b1");
        for (int i = 0; i < 20; i++) {
            assertEquals(Optional.of(new PropertyValue.Number(i, "W")), head.get("l" + i).properties().get("power"));
        }
        assertEquals(head.contentHash(), reopen(store, 4).head(tenant, "b1").contentHash());
    }

    @Test
    void tenantsDoNotSeeEachOthersBuildings() throws Exception {
        JdbcBuildingStore store = open(50);
        String other = tenant + "-other";
        store.create(tenant, building("b1", 2));

        assertEquals(List.of(), store.list(other));
        assertEquals(Optional.empty(), store.find(other, "b1"));
        UnknownBuildingException e = assertThrows(UnknownBuildingException.class, () -> store.head(other, "b1"));
        assertEquals("no building 'b1' for tenant '" + other + "'", e.getMessage());
        assertThrows(UnknownBuildingException.class, () -> store.apply(other, "b1", setPower(0, 1)));
        assertThrows(UnknownBuildingException.class, () -> store.history(other, "b1", 0, 10));
        assertFalse(store.delete(other, "b1"));

        store.create(other, building("b1", 7));
        assertNotEquals(store.head(tenant, "b1").contentHash(), store.head(other, "b1").contentHash());
        assertTrue(store.delete(other, "b1"));
        assertEquals(1, store.list(tenant).size());
        assertEquals(Revision.EMPTY.apply(building("b1", 2)).contentHash(),
                reopen(store, 50).head(tenant, "b1").contentHash());
    }

    @Test
    void deletedBuildingIsGoneWithItsHistory() throws Exception {
        JdbcBuildingStore store = open(1);
        store.create(tenant, building("b1", 2));
        store.apply(tenant, "b1", setPower(0, 1));

        assertTrue(store.delete(tenant, "b1"));

        assertFalse(store.delete(tenant, "b1"));
        assertEquals(List.of(), store.list(tenant));
        assertThrows(UnknownBuildingException.class, () -> store.head(tenant, "b1"));
        assertThrows(UnknownBuildingException.class, () -> store.revision(tenant, "b1", 1));
        assertEquals(BuildingEvent.BUILDING_DELETED, events.get(events.size() - 1).topic());
        store.create(tenant, building("b1", 1));
        assertEquals(List.of(1L), store.history(tenant, "b1", 0, 10).stream().map(RevisionInfo::number).toList());
    }

    @Test
    void dataSurvivesReopening() throws Exception {
        JdbcBuildingStore store = open(50);
        store.create(tenant, building("b1", 10));
        store.create(tenant, building("b2", 3));
        Revision head = store.apply(tenant, "b1", setPower(3, 7));
        List<BuildingSummary> listed = store.list(tenant);

        JdbcBuildingStore reopened = reopen(store, 50);

        assertEquals(listed, reopened.list(tenant));
        Revision read = reopened.head(tenant, "b1");
        assertEquals(head.contentHash(), read.contentHash());
        assertEquals(head.objects().toList(), read.objects().toList());
        assertEquals(head.connections().toList(), read.connections().toList());
    }

    @Test
    void generatedBuildingRoundTripsThroughSnapshotChunks() throws Exception {
        JdbcBuildingStore store = open(50);
        ChangeSet content = SyntheticBuilding.generate(new GeneratorSettings(3, 20_000, "gen", "Generated"));
        store.create(tenant, content);
        Revision expected = store.head(tenant, "gen");

        store.clearCache();
        Revision read = store.head(tenant, "gen");

        assertEquals(expected.objectCount(), read.objectCount());
        assertEquals(expected.contentHash(), read.contentHash());
    }

    @Test
    void healthIsUpWithDetailsAndDownWhenTheDatabaseIsUnreachable() throws Exception {
        JdbcBuildingStore store = open(50);
        store.create(tenant, building("b1", 1));

        Health up = store.health();
        assertEquals(Health.Status.UP, up.status());
        assertTrue(((Long) up.details().get("buildings")) >= 1, up.toString());
        assertTrue(up.details().get("database").toString().matches("(?i)(H2|PostgreSQL) .*"), up.toString());
        assertTrue(up.details().containsKey("latencyMillis"), up.toString());

        dataSource.down = true;
        Health down = store.health();
        dataSource.down = false;
        assertEquals(Health.Status.DOWN, down.status());
        assertTrue(down.message().contains("the database is unreachable: simulated outage"), down.message());
        assertEquals(Health.Status.UP, store.health().status(), "recovers when the database is back");
    }
}
