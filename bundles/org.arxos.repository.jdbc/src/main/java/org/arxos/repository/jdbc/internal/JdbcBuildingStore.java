package org.arxos.repository.jdbc.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.arxos.api.event.BuildingEvent;
import org.arxos.api.health.Health;
import org.arxos.api.io.ImportException;
import org.arxos.api.io.ImportOptions;
import org.arxos.api.repository.BuildingExistsException;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.repository.BuildingSummary;
import org.arxos.api.repository.ConcurrentChangeException;
import org.arxos.api.repository.RepositoryException;
import org.arxos.api.repository.RevisionInfo;
import org.arxos.api.repository.UnknownBuildingException;
import org.arxos.io.json.BuildingJson;
import org.arxos.io.json.ChangeDocument;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.arxos.model.Rule;
import org.arxos.model.Violation;

/**
 * Buildings as chains of revisions in a relational database. A revision is read as the nearest snapshot at or below
 * it plus the stored change sets after that snapshot. A new revision is computed in memory, stored in one
 * transaction, and only then becomes the cached head, so a refused or failed change leaves both as they were.
 * Thread safe; changes to one building are serialized by a per-building lock.
 */
public final class JdbcBuildingStore implements BuildingRepository, AutoCloseable {

    private static final long ANY_BASE = -1;

    private final HikariDataSource pool;
    private final StoreSettings settings;
    private final Consumer<BuildingEvent> events;
    private final HeadCache heads;
    private final Map<BuildingKey, ReentrantLock> locks = new ConcurrentHashMap<>();

    /**
     * Opens the store, creating its tables when absent.
     *
     * @param events receives an event after each stored change; exceptions it throws are ignored
     * @throws RepositoryException when the database cannot be reached or has an unknown schema version
     */
    public JdbcBuildingStore(DataSource dataSource, StoreSettings settings, Consumer<BuildingEvent> events) {
        this.pool = connectionPool(dataSource, settings);
        this.settings = settings;
        this.events = events;
        this.heads = new HeadCache(settings.cachedBuildings());
        createTables();
    }

    /**
     * Creates the tables when absent. Servers that share a database and start together race on PostgreSQL's
     * {@code create table if not exists}; the loser sees a unique or duplicate-table violation and finds the tables
     * there when it tries again.
     */
    private void createTables() {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction("could not create the repository tables", c -> {
                    StoreSchema.createIfAbsent(c);
                    return null;
                });
                return;
            } catch (RepositoryException e) {
                if (attempt == 3 || !(e.getCause() instanceof SQLException sql)
                        || !List.of("23505", "42P07").contains(sql.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- reading

    @Override
    public List<BuildingSummary> list(String tenant) {
        requireTenant(tenant);
        return read("could not list the buildings of tenant '" + tenant + "'", c -> {
            try (PreparedStatement q = c.prepareStatement(SELECT_SUMMARY + " where tenant = ? order by id")) {
                q.setString(1, tenant);
                List<BuildingSummary> result = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        result.add(summary(rs));
                    }
                }
                return result;
            }
        });
    }

    @Override
    public Optional<BuildingSummary> find(String tenant, String buildingId) {
        requireTenant(tenant);
        BuildingKey key = new BuildingKey(tenant, buildingId);
        return read("could not read " + key.describe(), c -> findSummary(c, key));
    }

    @Override
    public Revision head(String tenant, String buildingId) {
        requireTenant(tenant);
        BuildingKey key = new BuildingKey(tenant, buildingId);
        Revision cached = heads.get(key);
        if (cached != null) {
            return cached;
        }
        ReentrantLock lock = lockOf(key);
        lock.lock();
        try {
            return headLocked(key);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Revision revision(String tenant, String buildingId, long number) {
        requireTenant(tenant);
        BuildingKey key = new BuildingKey(tenant, buildingId);
        Revision cached = heads.get(key);
        if (cached != null && cached.number() == number) {
            return cached;
        }
        long head = cached != null ? cached.number() : headNumber(key);
        if (number < 1 || number > head) {
            throw new UnknownBuildingException("no revision " + number + " of building '" + buildingId
                    + "' for tenant '" + tenant + "' (its revisions are 1 to " + head + ")");
        }
        if (number == head) {
            return head(tenant, buildingId);
        }
        return read("could not read revision " + number + " of " + key.describe(), c -> load(c, key, number));
    }

    @Override
    public ChangeSet changes(String tenant, String buildingId, long number) {
        requireTenant(tenant);
        BuildingKey key = new BuildingKey(tenant, buildingId);
        long head = headNumber(key);
        if (number < 2 || number > head) {
            throw new UnknownBuildingException("no change set made revision " + number + " of building '"
                    + buildingId + "' for tenant '" + tenant + "' (change sets made revisions 2 to " + head + ")");
        }
        return read("could not read change set " + number + " of " + key.describe(),
                c -> readChanges(c, key, number));
    }

    @Override
    public List<RevisionInfo> history(String tenant, String buildingId, int offset, int limit) {
        requireTenant(tenant);
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative: " + offset + ", " + limit);
        }
        BuildingKey key = new BuildingKey(tenant, buildingId);
        return read("could not read the history of " + key.describe(), c -> {
            if (findSummary(c, key).isEmpty()) {
                throw unknown(key);
            }
            try (PreparedStatement q = c.prepareStatement("select revision, content_hash, author, message,"
                    + " change_count, created from arxos_revisions where tenant = ? and building_id = ?"
                    + " order by revision desc offset ? rows fetch next ? rows only")) {
                q.setString(1, tenant);
                q.setString(2, buildingId);
                q.setInt(3, offset);
                q.setInt(4, limit);
                List<RevisionInfo> result = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        result.add(new RevisionInfo(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getInt(5), instant(rs, 6)));
                    }
                }
                return result;
            }
        });
    }

    // ---------------------------------------------------------------------------------------------- writing

    @Override
    public BuildingSummary create(String tenant, ChangeSet content) throws ChangeRejectedException {
        requireTenant(tenant);
        String id = buildingIdOf(content);
        BuildingKey key = new BuildingKey(tenant, id);
        ReentrantLock lock = lockOf(key);
        lock.lock();
        try {
            if (find(tenant, id).isPresent()) {
                throw exists(key);
            }
            Revision first = Revision.EMPTY.apply(content);
            Instant now = now();
            try {
                transaction("could not store the new " + key.describe(), c -> {
                    try (PreparedStatement insert = c.prepareStatement("insert into arxos_buildings (tenant, id,"
                            + " name, head_revision, content_hash, object_count, connection_count, updated)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                        insert.setString(1, tenant);
                        insert.setString(2, id);
                        insert.setString(3, nameOf(first));
                        insert.setLong(4, first.number());
                        insert.setString(5, first.contentHash());
                        insert.setInt(6, first.objectCount());
                        insert.setInt(7, first.connectionCount());
                        insert.setObject(8, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                        insert.executeUpdate();
                    }
                    insertRevision(c, key, first, content, now);
                    writeSnapshot(c, key, first);
                    return null;
                });
            } catch (RepositoryException e) {
                if (e.getCause() instanceof SQLException sql && isUniqueViolation(sql)) {
                    throw exists(key);
                }
                throw e;
            }
            heads.put(key, first);
            publish(BuildingEvent.BUILDING_CREATED, key, first, content);
            return new BuildingSummary(id, tenant, nameOf(first), first.number(), first.contentHash(),
                    first.objectCount(), first.connectionCount(), now);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Revision apply(String tenant, String buildingId, ChangeSet changes) throws ChangeRejectedException {
        return apply(tenant, buildingId, ANY_BASE, changes);
    }

    @Override
    public Revision apply(String tenant, String buildingId, long baseRevision, ChangeSet changes)
            throws ChangeRejectedException {
        requireTenant(tenant);
        BuildingKey key = new BuildingKey(tenant, buildingId);
        ReentrantLock lock = lockOf(key);
        lock.lock();
        try {
            Revision head = headLocked(key);
            if (baseRevision != ANY_BASE && head.number() != baseRevision) {
                throw new ConcurrentChangeException("building '" + buildingId + "' of tenant '" + tenant
                        + "' is at revision " + head.number() + ", not at the base revision " + baseRevision,
                        head.number());
            }
            Revision next = head.apply(changes);
            Instant now = now();
            try {
                transaction("could not store revision " + next.number() + " of " + key.describe(), c -> {
                    try (PreparedStatement update = c.prepareStatement("update arxos_buildings set name = ?,"
                            + " head_revision = ?, content_hash = ?, object_count = ?, connection_count = ?,"
                            + " updated = ? where tenant = ? and id = ? and head_revision = ?")) {
                        update.setString(1, nameOf(next));
                        update.setLong(2, next.number());
                        update.setString(3, next.contentHash());
                        update.setInt(4, next.objectCount());
                        update.setInt(5, next.connectionCount());
                        update.setObject(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                        update.setString(7, tenant);
                        update.setString(8, buildingId);
                        update.setLong(9, head.number());
                        if (update.executeUpdate() != 1) {
                            // Another writer (another server on the same database) stored a revision meanwhile.
                            throw new ConcurrentChangeException(key.describe() + " was changed by another writer"
                                    + " after revision " + head.number(), head.number());
                        }
                    }
                    insertRevision(c, key, next, changes, now);
                    writeChunks(c, "arxos_changes", key, next.number(), out -> BuildingJson.writeChanges(
                            new ChangeDocument(changes, OptionalLong.of(head.number())), out));
                    if (next.number() % settings.snapshotInterval() == 0) {
                        writeSnapshot(c, key, next);
                    }
                    return null;
                });
            } catch (ConcurrentChangeException e) {
                heads.remove(key);
                throw e;
            }
            heads.put(key, next);
            publish(BuildingEvent.REVISION_APPLIED, key, next, changes);
            return next;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean delete(String tenant, String buildingId) {
        requireTenant(tenant);
        BuildingKey key = new BuildingKey(tenant, buildingId);
        ReentrantLock lock = lockOf(key);
        lock.lock();
        try {
            boolean deleted = transaction("could not delete " + key.describe(), c -> {
                for (String table : List.of("arxos_snapshots", "arxos_changes", "arxos_revisions")) {
                    try (PreparedStatement delete = c.prepareStatement(
                            "delete from " + table + " where tenant = ? and building_id = ?")) {
                        delete.setString(1, tenant);
                        delete.setString(2, buildingId);
                        delete.executeUpdate();
                    }
                }
                try (PreparedStatement delete = c.prepareStatement(
                        "delete from arxos_buildings where tenant = ? and id = ?")) {
                    delete.setString(1, tenant);
                    delete.setString(2, buildingId);
                    return delete.executeUpdate() > 0;
                }
            });
            heads.remove(key);
            if (deleted) {
                emit(new BuildingEvent(BuildingEvent.BUILDING_DELETED, tenant, buildingId, 0, Map.of(), now()));
            }
            return deleted;
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------------------------------------- health

    /** UP with the database product, the number of buildings and the query latency; DOWN when unreachable. */
    public Health health() {
        long start = System.nanoTime();
        try {
            return read("the database is unreachable", c -> {
                DatabaseMetaData meta = c.getMetaData();
                long buildings;
                try (PreparedStatement q = c.prepareStatement("select count(*) from arxos_buildings");
                        ResultSet rs = q.executeQuery()) {
                    rs.next();
                    buildings = rs.getLong(1);
                }
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("database", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
                details.put("buildings", buildings);
                details.put("latencyMillis", (System.nanoTime() - start) / 1_000_000.0);
                return Health.up(details);
            });
        } catch (RepositoryException e) {
            return Health.down(e.getMessage());
        }
    }

    /** Forgets the cached heads, so the next read of each building loads it from the database. */
    public void clearCache() {
        heads.clear();
    }

    @Override
    public void close() {
        pool.close();
        heads.clear();
    }

    // ---------------------------------------------------------------------------------------------- internals

    private static final String SELECT_SUMMARY = "select id, tenant, name, head_revision, content_hash, object_count,"
            + " connection_count, updated from arxos_buildings";

    private Revision headLocked(BuildingKey key) {
        Revision cached = heads.get(key);
        if (cached != null) {
            return cached;
        }
        Revision head = read("could not read the head of " + key.describe(), c -> {
            long number = findSummary(c, key).orElseThrow(() -> unknown(key)).headRevision();
            return load(c, key, number);
        });
        heads.put(key, head);
        return head;
    }

    private long headNumber(BuildingKey key) {
        return read("could not read " + key.describe(), c -> findSummary(c, key))
                .orElseThrow(() -> unknown(key)).headRevision();
    }

    private Optional<BuildingSummary> findSummary(Connection c, BuildingKey key) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(SELECT_SUMMARY + " where tenant = ? and id = ?")) {
            q.setString(1, key.tenant());
            q.setString(2, key.id());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(summary(rs)) : Optional.empty();
            }
        }
    }

    /** The nearest snapshot at or below {@code number}, then the change sets after it. */
    private Revision load(Connection c, BuildingKey key, long number) throws SQLException {
        long snapshot;
        try (PreparedStatement q = c.prepareStatement("select max(revision) from arxos_snapshots"
                + " where tenant = ? and building_id = ? and revision <= ? and chunk = 0")) {
            q.setString(1, key.tenant());
            q.setString(2, key.id());
            q.setLong(3, number);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                snapshot = rs.getLong(1);
                if (rs.wasNull()) {
                    throw new RepositoryException("no stored snapshot at or below revision " + number + " of "
                            + key.describe() + ": the database is incomplete");
                }
            }
        }
        Revision revision = readSnapshot(c, key, snapshot);
        for (long n = snapshot + 1; n <= number; n++) {
            ChangeSet changes = readChanges(c, key, n);
            try {
                revision = revision.apply(changes);
            } catch (ChangeRejectedException e) {
                throw new RepositoryException("stored change set " + n + " of " + key.describe()
                        + " no longer applies: " + e.getMessage(), e);
            }
        }
        return revision;
    }

    private Revision readSnapshot(Connection c, BuildingKey key, long number) throws SQLException {
        String what = "snapshot " + number + " of " + key.describe();
        ChangeSet content = readChunks(c, "arxos_snapshots", key, number, what, in -> BuildingJson.readBuilding(in,
                new ImportOptions(what, null, "", Long.MAX_VALUE)).content());
        try {
            return Revision.restore(number,
                    content.changes().stream().filter(Change.AddObject.class::isInstance)
                            .map(change -> ((Change.AddObject) change).object()),
                    content.changes().stream().filter(Change.Connect.class::isInstance)
                            .map(change -> ((Change.Connect) change).connection()));
        } catch (ChangeRejectedException e) {
            throw new RepositoryException("stored " + what + " breaks a model rule: " + e.getMessage(), e);
        }
    }

    private ChangeSet readChanges(Connection c, BuildingKey key, long number) throws SQLException {
        String what = "change set " + number + " of " + key.describe();
        return readChunks(c, "arxos_changes", key, number, what,
                in -> BuildingJson.readChanges(in, what, Long.MAX_VALUE).changes());
    }

    private interface StreamReader<T> {
        T read(InputStream in) throws IOException, ImportException;
    }

    private interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    private static <T> T readChunks(Connection c, String table, BuildingKey key, long number, String what,
            StreamReader<T> reader) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select chunk, data from " + table
                + " where tenant = ? and building_id = ? and revision = ? order by chunk")) {
            // Lets PostgreSQL stream the rows (with auto-commit off) instead of fetching every chunk at once.
            q.setFetchSize(2);
            q.setString(1, key.tenant());
            q.setString(2, key.id());
            q.setLong(3, number);
            try (ResultSet rs = q.executeQuery();
                    InputStream in = new GZIPInputStream(new ChunkedInputStream(rs, what), 1 << 16)) {
                return reader.read(new BufferedInputStream(in, 1 << 16));
            } catch (ChunkedOutputStream.SqlFailure e) {
                throw e.sqlException();
            } catch (IOException | ImportException e) {
                throw new RepositoryException("stored " + what + " is unreadable: " + e.getMessage(), e);
            }
        }
    }

    private void writeSnapshot(Connection c, BuildingKey key, Revision revision) throws SQLException {
        writeChunks(c, "arxos_snapshots", key, revision.number(), out -> BuildingJson.writeBuilding(revision, out));
    }

    private void writeChunks(Connection c, String table, BuildingKey key, long number, StreamWriter writer)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into " + table
                + " (tenant, building_id, revision, chunk, data) values (?, ?, ?, ?, ?)")) {
            insert.setString(1, key.tenant());
            insert.setString(2, key.id());
            insert.setLong(3, number);
            ChunkedOutputStream chunks = new ChunkedOutputStream(insert, settings.chunkBytes());
            try (OutputStream out = fastGzip(chunks)) {
                writer.write(out);
            }
        } catch (ChunkedOutputStream.SqlFailure e) {
            throw e.sqlException();
        } catch (IOException e) {
            throw new RepositoryException("could not encode revision " + number + " of " + key.describe(), e);
        }
    }

    // The JSON is written once per revision and read on every cold load: favour speed over the last few percent.
    private static OutputStream fastGzip(OutputStream out) throws IOException {
        return new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    private static void insertRevision(Connection c, BuildingKey key, Revision revision, ChangeSet changes,
            Instant created) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into arxos_revisions (tenant, building_id,"
                + " revision, content_hash, author, message, change_count, created) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, key.tenant());
            insert.setString(2, key.id());
            insert.setLong(3, revision.number());
            insert.setString(4, revision.contentHash());
            insert.setString(5, changes.author());
            insert.setString(6, changes.message());
            insert.setInt(7, changes.size());
            insert.setObject(8, OffsetDateTime.ofInstant(created, ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private void publish(String topic, BuildingKey key, Revision revision, ChangeSet changes) {
        emit(new BuildingEvent(topic, key.tenant(), key.id(), revision.number(),
                Map.of("author", changes.author(), "contentHash", revision.contentHash(),
                        "changes", Integer.toString(changes.size())),
                now()));
    }

    private void emit(BuildingEvent event) {
        try {
            events.accept(event);
        } catch (RuntimeException e) {
            // The change is stored; a failing listener must not make it look failed.
        }
    }

    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * A pool that keeps an embedded H2 database open between calls (it closes with its last connection) and fails
     * at once when the database cannot be reached at start.
     */
    private static HikariDataSource connectionPool(DataSource dataSource, StoreSettings settings) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("arxos-repository");
        pool.setDataSource(dataSource);
        pool.setMaximumPoolSize(settings.maxConnections());
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(settings.connectionWaitMillis());
        pool.setValidationTimeout(Math.min(settings.connectionWaitMillis(), 2_000));
        pool.setAutoCommit(false);
        try {
            return new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new RepositoryException("could not connect to the database: " + reason(e), e);
        }
    }

    /** The message of the first cause that says what went wrong in the database. */
    private static String reason(Throwable e) {
        Throwable reason = e;
        while (reason.getCause() != null && !(reason instanceof SQLException)) {
            reason = reason.getCause();
        }
        String cause = reason.getCause() instanceof SQLException sql ? " (" + sql.getMessage() + ")" : "";
        return reason.getMessage() + cause;
    }

    private <T> T read(String failure, SqlWork<T> work) {
        return transaction(failure, work);
    }

    /** Runs in one transaction: commits on success, rolls back on any failure. */
    private <T> T transaction(String failure, SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw new RepositoryException(failure + ": " + reason(e), e);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // the connection broke; the pool discards it
        }
    }

    private ReentrantLock lockOf(BuildingKey key) {
        return locks.computeIfAbsent(key, k -> new ReentrantLock());
    }

    private static String buildingIdOf(ChangeSet content) throws ChangeRejectedException {
        for (Change change : content.changes()) {
            if (change instanceof Change.AddObject add && add.object().type() == ObjectType.BUILDING) {
                return add.object().id();
            }
        }
        throw new ChangeRejectedException(List.of(new Violation(0, "", Rule.SINGLE_ROOT,
                "a new building's first change set must add the building object")));
    }

    private static String nameOf(Revision revision) {
        return revision.root().map(BuildingObject::name).orElse(null);
    }

    private static BuildingSummary summary(ResultSet rs) throws SQLException {
        return new BuildingSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getInt(6), rs.getInt(7), instant(rs, 8));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    // Both databases keep microseconds; a summary returned before a read-back must equal the one read back.
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static void requireTenant(String tenant) {
        if (tenant == null || tenant.isEmpty() || tenant.length() > 128) {
            throw new IllegalArgumentException("tenant must be 1 to 128 characters but was '" + tenant + "'");
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    private static UnknownBuildingException unknown(BuildingKey key) {
        return new UnknownBuildingException("no building '" + key.id() + "' for tenant '" + key.tenant() + "'");
    }

    private static BuildingExistsException exists(BuildingKey key) {
        return new BuildingExistsException("tenant '" + key.tenant() + "' already has a building '" + key.id() + "'");
    }
}
