package org.arxos.collab.internal;

import java.lang.annotation.Annotation;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.arxos.api.collab.ConflictResolver;
import org.arxos.api.collab.HybridTimestamp;
import org.arxos.api.collab.Operation;
import org.arxos.api.collab.VersionVector;
import org.arxos.api.event.EventBus;
import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;
import org.arxos.collab.crdt.internal.CrdtConflictResolver;
import org.arxos.collab.ot.internal.OtConflictResolver;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.arxos.repository.jdbc.internal.JdbcBuildingStore;
import org.arxos.repository.jdbc.internal.StoreSettings;

/**
 * Real parts for the host: the JDBC repository and the operation log on one database, the CRDT and OT resolvers, and
 * a manual clock for the rate limits.
 */
final class CollabRig implements AutoCloseable {

    private static final AtomicLong RUN = new AtomicLong(System.nanoTime());

    final DataSource dataSource;
    final String url;
    final JdbcBuildingStore repository;
    final OperationLog log;
    final Map<String, ConflictResolver> resolvers = new ConcurrentHashMap<>();
    final AtomicLong nanos = new AtomicLong();
    final String tenant = "t" + RUN.incrementAndGet();
    private final List<CollaborationHost> hosts = new ArrayList<>();

    CollabRig(DataSource dataSource, String url) throws SQLException {
        this.dataSource = dataSource;
        this.url = url;
        this.repository = new JdbcBuildingStore(dataSource, StoreSettings.of(50, 8), e -> { });
        this.log = new OperationLog(dataSource, url);
        resolvers.put("crdt", crdt());
        resolvers.put("ot", new OtConflictResolver(new OtConflictResolver.Config() {
            @Override
            public int maxHistory() {
                return 10_000;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return OtConflictResolver.Config.class;
            }
        }));
    }

    static CollabRig h2() throws SQLException {
        String url = "jdbc:h2:mem:collab" + RUN.incrementAndGet() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL(url);
        return new CollabRig(h2, url);
    }

    static ConflictResolver crdt() {
        return new CrdtConflictResolver(new CrdtConflictResolver.Config() {
            @Override
            public long maxLagMillis() {
                return 60_000;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return CrdtConflictResolver.Config.class;
            }
        });
    }

    static HostSettings settings() {
        return settings("crdt", 1000, 100);
    }

    static HostSettings settings(String policy, int snapshotEvery, int keep) {
        return paced(policy, snapshotEvery, keep, 0);
    }

    /** {@link #settings(String, int, int)} with group commits at least {@code commitIntervalMillis} apart. */
    static HostSettings paced(String policy, int snapshotEvery, int keep, int commitIntervalMillis) {
        return new HostSettings(policy, Map.of(), snapshotEvery, keep, 100, 50, 10, 1000, 1000, 1000, 1000,
                commitIntervalMillis, 100);
    }

    CollaborationHost host(HostSettings settings) {
        return host(settings, null, "node-1");
    }

    CollaborationHost host(HostSettings settings, EventBus bus, String node) {
        CollaborationHost host = new CollaborationHost(log, () -> repository, resolvers::get, bus, settings,
                nanos::get, node);
        hosts.add(host);
        return host;
    }

    /** A building with a floor, two zones and two spaces in each. */
    String building(String id) throws ChangeRejectedException {
        List<Change> changes = new ArrayList<>();
        changes.add(add(id, ObjectType.BUILDING, null));
        changes.add(add("f1", ObjectType.FLOOR, id));
        for (String zone : List.of("z1", "z2")) {
            changes.add(add(zone, ObjectType.ZONE, "f1"));
            changes.add(add(zone + "s1", ObjectType.SPACE, zone));
            changes.add(add(zone + "s2", ObjectType.SPACE, zone));
        }
        repository.create(tenant, new ChangeSet("seed", "test building", changes));
        return id;
    }

    Principal user(String name, Role role) {
        return new Principal(name, tenant, role, Map.of(), false);
    }

    static Operation op(String client, long sequence, long base, Change... changes) {
        return new Operation(client, sequence, new HybridTimestamp(System.currentTimeMillis(), (int) sequence, client),
                base, VersionVector.EMPTY, ChangeSet.of("someone", "", changes));
    }

    private static Change add(String id, ObjectType type, String parent) {
        return new Change.AddObject(new BuildingObject(id, type, type.name().toLowerCase(), parent, id, null, null,
                Properties.EMPTY));
    }

    @Override
    public void close() {
        hosts.forEach(CollaborationHost::close);
        repository.close();
    }
}
