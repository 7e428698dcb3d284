package org.arxos.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.GroupingStrategy;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.api.grouping.HierarchyView;
import org.arxos.api.grouping.UnknownStrategyException;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.Implementation;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;
import org.arxos.repository.jdbc.internal.JdbcBuildingStore;
import org.arxos.repository.jdbc.internal.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredHierarchyViewsTest {

    /** A hierarchy that only says which revision it is of and how it was made. */
    record Made(long revision, String how) implements Hierarchy {
        @Override
        public GroupNode root() {
            return new GroupNode("/", how, "root", null, 0, 0, null);
        }

        @Override
        public Optional<GroupNode> node(String nodeId) {
            return Optional.empty();
        }

        @Override
        public Optional<GroupNode> parent(String nodeId) {
            return Optional.empty();
        }

        @Override
        public List<GroupNode> children(String nodeId, int offset, int limit) {
            return List.of();
        }
    }

    /** Records every call; grouping waits for a latch so that concurrent callers overlap. */
    static final class RecordingStrategy implements GroupingStrategy {
        final AtomicInteger groups = new AtomicInteger();
        final List<Long> regrouped = new ArrayList<>();
        volatile CountDownLatch release = new CountDownLatch(0);

        @Override
        public Hierarchy group(Revision revision) {
            groups.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Made(revision.number(), "grouped");
        }

        @Override
        public synchronized Hierarchy regroup(Hierarchy previous, Revision revision, ChangeSet changes) {
            assertEquals(revision.number() - 1, previous.revision());
            regrouped.add(revision.number());
            return new Made(revision.number(), "regrouped from " + previous.revision());
        }
    }

    /** One repository and the named strategies, with service ids 1, 2, ... in the order registered. */
    static final class Selector implements ImplementationSelector {
        final BuildingRepository repository;
        final List<Implementation> strategies = new ArrayList<>();
        final List<GroupingStrategy> instances = new ArrayList<>();
        private long lastServiceId;

        Selector(BuildingRepository repository) {
            this.repository = repository;
        }

        void add(String name, GroupingStrategy strategy) {
            strategies.add(new Implementation(name, 0, "test", ++lastServiceId));
            instances.add(strategy);
        }

        @Override
        public <S> Optional<S> select(Class<S> spi) {
            return spi == BuildingRepository.class ? Optional.of(spi.cast(repository)) : Optional.empty();
        }

        @Override
        public <S> Optional<S> select(Class<S> spi, String implementation) {
            for (int i = 0; i < strategies.size(); i++) {
                if (strategies.get(i).name().equals(implementation)) {
                    return Optional.of(spi.cast(instances.get(i)));
                }
            }
            return Optional.empty();
        }

        @Override
        public <S> List<S> all(Class<S> spi) {
            return List.of();
        }

        @Override
        public List<CapabilityStatus> capabilities() {
            return List.of(capability(Capability.GROUPING));
        }

        @Override
        public CapabilityStatus capability(Capability capability) {
            return new CapabilityStatus(capability, strategies, null,
                    strategies.isEmpty() ? null : strategies.get(0).name());
        }

        @Override
        public void pin(Capability capability, String implementation) {
        }

        @Override
        public void unpin(Capability capability) {
        }
    }

    @TempDir
    Path folder;

    private JdbcBuildingStore store;
    private Selector selector;
    private final RecordingStrategy strategy = new RecordingStrategy();

    @BeforeEach
    void open() throws Exception {
        org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + folder.resolve("db/arxos").toAbsolutePath() + ";AUTO_SERVER=FALSE");
        store = new JdbcBuildingStore(dataSource, StoreSettings.of(50, 4), e -> { });
        store.create("acme", SyntheticBuilding.generate(new GeneratorSettings(3, 500, "tower", "Tower")));
        selector = new Selector(store);
        selector.add("recording", strategy);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Revision rename(String name) throws Exception {
        return store.apply("acme", "tower", ChangeSet.of("ann", "", new Change.Rename("tower", name)));
    }

    @Test
    void aNewerRevisionIsReachedThroughTheStoredChangeSets() throws Exception {
        StoredHierarchyViews views = new StoredHierarchyViews(selector, HierarchySettings.defaults());
        HierarchyView first = views.view("acme", "tower", store.head("acme", "tower"), null);
        assertEquals("recording", first.strategy());
        assertEquals(1, first.implementation());
        rename("a");
        rename("b");
        Revision r4 = rename("c");

        Hierarchy forward = views.view("acme", "tower", r4, "recording").hierarchy();

        assertEquals(new Made(4, "regrouped from 3"), forward);
        assertEquals(List.of(2L, 3L, 4L), strategy.regrouped);
        assertEquals(1, strategy.groups.get());
        assertSame(forward, views.view("acme", "tower", r4, null).hierarchy());
    }

    @Test
    void tooFarBehindOrAnotherStrategyInstanceGroupsAgain() throws Exception {
        StoredHierarchyViews views = new StoredHierarchyViews(selector, new HierarchySettings(16, 1));
        views.view("acme", "tower", store.head("acme", "tower"), null);
        rename("a");
        Revision r3 = rename("b");

        assertEquals(new Made(3, "grouped"), views.view("acme", "tower", r3, null).hierarchy());
        assertEquals(List.of(), strategy.regrouped);

        RecordingStrategy replacement = new RecordingStrategy();
        selector.strategies.clear();
        selector.instances.clear();
        selector.add("recording", replacement);
        assertEquals(new Made(3, "grouped"), views.view("acme", "tower", r3, null).hierarchy());
        assertEquals(1, replacement.groups.get());
    }

    @Test
    void concurrentRequestsForOneHierarchyGroupOnce() throws Exception {
        StoredHierarchyViews views = new StoredHierarchyViews(selector, HierarchySettings.defaults());
        Revision head = store.head("acme", "tower");
        strategy.release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HierarchyView>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> views.view("acme", "tower", head, null)));
            }
            Thread.sleep(200);
            strategy.release.countDown();
            Hierarchy first = calls.get(0).get(10, TimeUnit.SECONDS).hierarchy();
            for (Future<HierarchyView> call : calls) {
                assertSame(first, call.get(10, TimeUnit.SECONDS).hierarchy());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, strategy.groups.get());
    }

    @Test
    void unknownStrategyNamesTheRunningOnes() {
        StoredHierarchyViews views = new StoredHierarchyViews(selector, HierarchySettings.defaults());
        UnknownStrategyException e = assertThrows(UnknownStrategyException.class,
                () -> views.view("acme", "tower", store.head("acme", "tower"), "spatial"));
        assertEquals("unknown grouping strategy 'spatial'; running: recording", e.getMessage());
        assertEquals(List.of("recording"), e.running());
    }
}
