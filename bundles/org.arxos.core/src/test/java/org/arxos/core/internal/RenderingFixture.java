package org.arxos.core.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.arxos.api.cache.Cache;
import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.GroupingStrategy;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.api.render.RenderRequest;
import org.arxos.api.render.RenderResult;
import org.arxos.api.render.RenderedFloor;
import org.arxos.api.render.Renderer;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.cache.jdbc.internal.JdbcCacheTier;
import org.arxos.cache.jdbc.internal.JdbcTierConfiguration;
import org.arxos.cache.testing.TieredCaches;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.model.Revision;
import org.arxos.repository.jdbc.internal.JdbcBuildingStore;
import org.arxos.repository.jdbc.internal.StoreSettings;

/**
 * Floor rendering as the server runs it, outside OSGi: a real building store and the real tiered cache over the real
 * JDBC tier, both on H2 in a folder; a grouping strategy and renderers that count their calls.
 */
final class RenderingFixture implements AutoCloseable {

    static final String TENANT = "acme";
    static final String BUILDING = "tower";

    /** A hierarchy of just the revision's root: the renderers here do not look at groups. */
    record Flat(long revision) implements Hierarchy {
        @Override
        public GroupNode root() {
            return new GroupNode("/", "building", "root", null, 0, 0, null);
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

    static final class CountingStrategy implements GroupingStrategy {
        final AtomicInteger groups = new AtomicInteger();

        @Override
        public Hierarchy group(Revision revision) {
            groups.incrementAndGet();
            return new Flat(revision.number());
        }
    }

    /**
     * Writes what it was asked to draw. Calls from other threads than the test's (background work) wait for the
     * gate, so a test can hold them.
     */
    static final class CountingRenderer implements Renderer {
        final AtomicInteger calls = new AtomicInteger();
        final String mark;
        final Thread test = Thread.currentThread();
        volatile CountDownLatch gate = new CountDownLatch(0);
        volatile RuntimeException failure;

        CountingRenderer(String mark) {
            this.mark = mark;
        }

        @Override
        public Set<String> formats() {
            return Set.of("svg");
        }

        @Override
        public RenderResult render(Revision revision, Hierarchy hierarchy, RenderRequest request, OutputStream out)
                throws IOException {
            if (Thread.currentThread() != test) {
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            calls.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            out.write((mark + " " + revision.contentHash() + " " + request).getBytes(StandardCharsets.UTF_8));
            return new RenderResult("image/svg+xml", 7, 2, 30, false);
        }
    }

    final TestSelector selector = new TestSelector();
    final JdbcBuildingStore store;
    final JdbcCacheTier tier;
    final Cache cache;
    final CountingStrategy strategy = new CountingStrategy();
    final CountingRenderer renderer = new CountingRenderer("first");
    final StoredHierarchyViews views = new StoredHierarchyViews(selector, HierarchySettings.defaults());
    final FloorDrawings drawings = new FloorDrawings(selector, views);

    RenderingFixture(Path folder) throws Exception {
        org.h2.jdbcx.JdbcDataSource buildings = new org.h2.jdbcx.JdbcDataSource();
        buildings.setURL("jdbc:h2:file:" + folder.resolve("db/arxos").toAbsolutePath() + ";AUTO_SERVER=FALSE");
        store = new JdbcBuildingStore(buildings, StoreSettings.of(50, 4), e -> { });
        org.h2.jdbcx.JdbcDataSource entries = new org.h2.jdbcx.JdbcDataSource();
        entries.setURL("jdbc:h2:file:" + folder.resolve("db/cache").toAbsolutePath() + ";AUTO_SERVER=FALSE");
        tier = new JdbcCacheTier(entries, Configurations.defaults(JdbcTierConfiguration.class), Clock.systemUTC());
        cache = TieredCaches.over(tier, 4, "jdbc");
        selector.add(BuildingRepository.class, store)
                .add(org.arxos.api.grouping.GroupingStrategy.class, "flat", strategy)
                .add(Renderer.class, "counting", renderer)
                .add(Cache.class, cache);
    }

    /** A building of some 400 objects on a few floors, stored as revision 1. */
    Revision building() throws Exception {
        store.create(TENANT, SyntheticBuilding.generate(new GeneratorSettings(5, 400, BUILDING, "Tower")));
        return store.head(TENANT, BUILDING);
    }

    HierarchyFloorRendering rendering(PrefetchSettings prefetch) {
        return new HierarchyFloorRendering(drawings, new TilePrefetch(drawings, prefetch));
    }

    static String draw(HierarchyFloorRendering rendering, Revision revision, String strategy, RenderRequest request)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderedFloor floor = rendering.render(TENANT, BUILDING, revision, strategy, request, out);
        return floor.renderer() + "#" + floor.rendererImplementation() + " " + out.toString(StandardCharsets.UTF_8);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        TieredCaches.close(cache);
        tier.close();
        store.close();
    }
}
