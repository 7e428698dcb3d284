package org.arxos.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.arxos.api.cache.Cache;
import org.arxos.api.grouping.GroupingStrategy;
import org.arxos.api.grouping.HierarchyViews;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;
import org.arxos.api.selection.Capability;
import org.arxos.cache.jdbc.internal.JdbcCacheTier;
import org.arxos.cache.jdbc.internal.JdbcTierConfiguration;
import org.arxos.cache.testing.TieredCaches;
import org.arxos.core.internal.HierarchySettings;
import org.arxos.core.internal.StoredHierarchyViews;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Hierarchy pages through the real tiered cache over the real JDBC tier on H2. */
class CachedHierarchyPagesTest {

    private static final Principal VIEWER = new Principal("bob", "acme", Role.VIEWER, Map.of(), false);

    @TempDir
    Path folder;

    private final ObjectMapper json = JsonMapping.create();
    private final FakeServices.Repository repository = new FakeServices.Repository();
    private final FakeServices.Selector selector = new FakeServices.Selector();
    private final AtomicInteger views = new AtomicInteger();
    private JdbcCacheTier tier;
    private Cache cache;
    private HierarchyEndpoint endpoint;

    @BeforeEach
    void open() throws Exception {
        org.h2.jdbcx.JdbcDataSource entries = new org.h2.jdbcx.JdbcDataSource();
        entries.setURL("jdbc:h2:file:" + folder.resolve("cache").toAbsolutePath() + ";AUTO_SERVER=FALSE");
        tier = new JdbcCacheTier(entries, defaults(JdbcTierConfiguration.class), Clock.systemUTC());
        cache = TieredCaches.over(tier, 4, "jdbc");
        selector.serving.put(BuildingRepository.class, repository);
        selector.serving.put(GroupingStrategy.class, new ApiDispatcherTest.ContainmentStrategy());
        selector.serving.put(Cache.class, cache);
        repository.create("acme", ChangeSet.of("seed", "",
                new Change.AddObject(new BuildingObject("b1", ObjectType.BUILDING, "office", null, "B1", null, null,
                        null)),
                new Change.AddObject(new BuildingObject("f1", ObjectType.FLOOR, "floor", "b1", null, null, null, null)),
                new Change.AddObject(new BuildingObject("f2", ObjectType.FLOOR, "floor", "b1", null, null, null,
                        null))));
        StoredHierarchyViews stored = new StoredHierarchyViews(selector, HierarchySettings.defaults());
        HierarchyViews counted = (tenant, building, revision, strategy) -> {
            views.incrementAndGet();
            return stored.view(tenant, building, revision, strategy);
        };
        endpoint = new HierarchyEndpoint(selector, counted, json);
    }

    @AfterEach
    void close() {
        TieredCaches.close(cache);
        tier.close();
    }

    private static <A> A defaults(Class<A> type) {
        return type.cast(java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getName().equals("annotationType") ? type : method.getDefaultValue()));
    }

    private byte[] page(String query) throws Exception {
        ApiResponse.Streamed response = (ApiResponse.Streamed) endpoint.get(FakeServices.Request.of("GET",
                "/api/buildings/b1/hierarchy" + query, VIEWER), "b1", ApiSettings.DEFAULTS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        response.writer().writeTo(out);
        return out.toByteArray();
    }

    @Test
    void aSecondRequestForAPageIsAnsweredFromTheCacheWithoutTheHierarchy() throws Exception {
        byte[] first = page("?limit=1");
        assertArrayEquals(first, page("?limit=1"));
        assertEquals(1, views.get());
        assertEquals(1, cache.stats().hits());
        assertEquals("f1", json.readTree(first).get("children").get(0).get("id").asText());
        assertEquals(1, json.readTree(first).get("children").size());
    }

    @Test
    void otherPagesNodesRevisionsAndStrategyInstancesMiss() throws Exception {
        page("");
        page("?limit=1");
        page("?offset=1");
        page("?node=f1");
        page("?strategy=fake");
        assertEquals(4, views.get(), "the serving strategy asked for by name is the same page");

        repository.apply("acme", "b1", ChangeSet.of("ann", "", new Change.Rename("f1", "Ground floor")));
        assertEquals(2, json.readTree(page("")).get("revision").asLong());
        assertEquals(5, views.get());

        selector.serviceIds.put(Capability.GROUPING, 43L);
        page("");
        assertEquals(6, views.get());
        page("");
        assertEquals(6, views.get());
    }

    @Test
    void anUnknownNodeIsNotKept() throws Exception {
        ProblemException unknown = assertThrows(ProblemException.class, () -> page("?node=zz"));
        assertEquals(404, unknown.type().status());
        assertThrows(ProblemException.class, () -> page("?node=zz"));
        assertEquals(0, cache.stats().hits());
    }

    @Test
    void withoutACacheEveryPageIsMadeAsBefore() throws Exception {
        selector.serving.remove(Cache.class);
        assertArrayEquals(page(""), page(""));
        assertEquals(2, views.get());
        assertEquals(0, cache.stats().requests());
    }
}
