package org.arxos.cache.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.TierStats;
import org.arxos.cache.BatchingTier;
import org.arxos.cache.TenantQuotas;
import org.arxos.cache.TierCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fourth cache level: entries as rows of a {@link CacheTable}. Expired rows are never returned and are deleted
 * periodically; a tenant over its quota loses its oldest rows. The table is created on the first call that reaches the
 * database, so a database that is down at activation only delays it. Thread safe.
 */
public final class JdbcCacheTier implements BatchingTier, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcCacheTier.class);
    private static final Duration LONGEST_TIME_TO_LIVE = Duration.ofDays(36_500);
    private static final String DUPLICATE_KEY = "23505";

    private final CacheTable table;
    private final TenantQuotas quotas;
    private final Clock clock;
    private final int timeoutSeconds;
    private final String database;
    private final HikariDataSource pool;
    private final ScheduledExecutorService background;
    private final TierCounters counters = new TierCounters();
    private volatile boolean tableReady;
    private volatile boolean available = true;
    private volatile Sizes sizes = new Sizes(0, 0);
    /** An upper bound of each tenant's value bytes in the table, from its first store on. */
    private final Map<String, Long> tenantBytesAtMost = new ConcurrentHashMap<>();

    /** Rows not expired and their value bytes. */
    private record Sizes(long entries, long bytes) {
    }

    /** @throws IllegalArgumentException when a setting is invalid (the message names it) */
    public JdbcCacheTier(DataSource dataSource, JdbcTierConfiguration config, Clock clock) {
        this.table = new CacheTable(config.table());
        this.quotas = TenantQuotas.parse("tenantQuotaBytes", config.tenantQuotaBytes(), config.tenantQuotas(), 1);
        if (config.sizesIntervalSeconds() < 1) {
            throw new IllegalArgumentException("sizesIntervalSeconds must be 1 or more but was "
                    + config.sizesIntervalSeconds());
        }
        this.clock = clock;
        this.timeoutSeconds = config.timeoutSeconds();
        // Enough to tell databases apart in messages, without parameters that may hold a password.
        this.database = config.url().replaceFirst("[?;].*", "");
        this.pool = connectionPool(dataSource, config.maxConnections(), config.connectionWaitMillis());
        this.background = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "arxos-cache-jdbc-background");
            thread.setDaemon(true);
            return thread;
        });
        background.scheduleWithFixedDelay(this::purgeExpired, config.purgeIntervalSeconds(),
                config.purgeIntervalSeconds(), TimeUnit.SECONDS);
        background.scheduleWithFixedDelay(this::countSizes, 0, config.sizesIntervalSeconds(), TimeUnit.SECONDS);
        try {
            call("create the table " + table.name, connection -> null);
        } catch (IllegalStateException e) {
            LOG.warn("The cache table is created once the database is reachable: {}", e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "JDBC cache tier in table " + table.name + " of " + database;
    }

    @Override
    public void close() {
        background.shutdownNow();
        pool.close();
    }

    @Override
    public Optional<byte[]> get(CacheKey key) {
        long start = System.nanoTime();
        byte[] value = call("read an entry", connection -> {
            try (PreparedStatement select = prepare(connection, table.select)) {
                bindKey(select, key);
                select.setObject(5, timestamp(clock.instant()));
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getBytes(1) : null;
                }
            }
        });
        counters.recordGet(value != null, start);
        return Optional.ofNullable(value);
    }

    /**
     * Stores the value for its time to live; none ({@code null}) keeps it until its tenant's quota or an
     * invalidation removes it. An entry that has no time left, or that is larger than its tenant's whole quota, is
     * not stored (the latter counts as an eviction).
     */
    @Override
    public void put(CacheKey key, byte[] value, Duration timeToLive) {
        putAll(List.of(new Entry(key, value, timeToLive)));
    }

    /**
     * Stores the entries as {@link #put} does, in one transaction: a commit costs a database on a disk far more than
     * the statements of an entry.
     */
    @Override
    public void putAll(List<Entry> entries) {
        Map<CacheKey, Entry> latest = new LinkedHashMap<>();
        Map<String, Long> quotaByTenant = new HashMap<>();
        Map<String, Long> addedByTenant = new HashMap<>();
        for (Entry entry : entries) {
            OptionalLong admitted = quotas.admit(entry.key(), entry.value(), entry.timeToLive(), counters);
            if (admitted.isPresent()) {
                latest.remove(entry.key());
                latest.put(entry.key(), entry);
                quotaByTenant.put(entry.key().tenant(), admitted.getAsLong());
                addedByTenant.merge(entry.key().tenant(), (long) entry.value().length, Long::sum);
            }
        }
        if (latest.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        long evicted = call(latest.size() == 1 ? "store an entry" : "store " + latest.size() + " entries",
                connection -> {
                    connection.setAutoCommit(false);
                    storeAll(connection, latest.values(), now);
                    long deleted = 0;
                    for (Map.Entry<String, Long> tenant : quotaByTenant.entrySet()) {
                        deleted += keepWithinQuota(connection, tenant.getKey(), latest.keySet(),
                                addedByTenant.get(tenant.getKey()), tenant.getValue(), now);
                    }
                    connection.commit();
                    connection.setAutoCommit(true);
                    return deleted;
                });
        counters.recordEvictions(evicted);
    }

    /**
     * Replaces the rows, deleting all before inserting any. A concurrent store of one of the keys may insert in
     * between; it holds the same value, since keys carry the hash of their inputs, so that entry is left as it is
     * and the others are stored one at a time.
     */
    private void storeAll(Connection connection, Collection<Entry> entries, Instant now) throws SQLException {
        Savepoint start = connection.setSavepoint();
        try (PreparedStatement delete = prepare(connection, table.delete);
                PreparedStatement insert = prepare(connection, table.insert)) {
            for (Entry entry : entries) {
                bindKey(delete, entry.key());
                delete.addBatch();
            }
            delete.executeBatch();
            for (Entry entry : entries) {
                bindInsert(insert, entry, now);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            connection.rollback(start);
            for (Entry entry : entries) {
                storeOne(connection, entry, now);
            }
        }
    }

    private void storeOne(Connection connection, Entry entry, Instant now) throws SQLException {
        Savepoint before = connection.setSavepoint();
        try (PreparedStatement delete = prepare(connection, table.delete);
                PreparedStatement insert = prepare(connection, table.insert)) {
            bindKey(delete, entry.key());
            delete.executeUpdate();
            bindInsert(insert, entry, now);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            connection.rollback(before);
        }
    }

    private void bindInsert(PreparedStatement insert, Entry entry, Instant now) throws SQLException {
        Duration timeToLive = entry.timeToLive();
        bindKey(insert, entry.key());
        insert.setBytes(5, entry.value());
        insert.setInt(6, entry.value().length);
        if (timeToLive == null) {
            insert.setNull(7, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            insert.setObject(7, timestamp(now.plus(timeToLive.compareTo(LONGEST_TIME_TO_LIVE) > 0
                    ? LONGEST_TIME_TO_LIVE : timeToLive)));
        }
        insert.setObject(8, timestamp(now));
    }

    private static boolean isDuplicateKey(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (DUPLICATE_KEY.equals(next.getSQLState())) {
                return true;
            }
        }
        return e.getCause() instanceof SQLException cause && DUPLICATE_KEY.equals(cause.getSQLState());
    }

    /**
     * When the tenant may be over its quota, deletes its expired rows, then its oldest ones (never one just stored)
     * while it is. Counting a tenant's bytes reads all its rows, values and all, so it is done only when an upper bound
     * kept in memory (the bytes counted last, at first those of the whole table, plus every value stored since) passes
     * the quota; expired rows are left to the periodic purge until then.
     */
    private long keepWithinQuota(Connection connection, String tenant, Set<CacheKey> stored, long added, long quota,
            Instant now) throws SQLException {
        long bound = tenantBytesAtMost.merge(tenant, sizes.bytes() + added, (known, more) -> known + added);
        if (bound <= quota) {
            return 0;
        }
        long used = bytesOf(connection, tenant);
        tenantBytesAtMost.put(tenant, used);
        if (used <= quota) {
            return 0;
        }
        try (PreparedStatement expired = prepare(connection, table.deleteExpiredOfTenant)) {
            expired.setString(1, tenant);
            expired.setObject(2, timestamp(now));
            expired.executeUpdate();
        }
        used = bytesOf(connection, tenant);
        tenantBytesAtMost.put(tenant, used);
        long excess = used - quota;
        if (excess <= 0) {
            return 0;
        }
        List<CacheKey> oldest = new ArrayList<>();
        try (PreparedStatement select = prepare(connection, table.oldestOfTenant)) {
            select.setString(1, tenant);
            try (ResultSet row = select.executeQuery()) {
                while (excess > 0 && row.next()) {
                    CacheKey key = new CacheKey(tenant, row.getString(1), row.getString(2), row.getString(3));
                    if (!stored.contains(key)) {
                        oldest.add(key);
                        excess -= row.getLong(4);
                    }
                }
            }
        }
        long deleted = 0;
        try (PreparedStatement delete = prepare(connection, table.delete)) {
            for (CacheKey key : oldest) {
                bindKey(delete, key);
                deleted += delete.executeUpdate();
            }
        }
        tenantBytesAtMost.put(tenant, quota);
        return deleted;
    }

    private long bytesOf(Connection connection, String tenant) throws SQLException {
        try (PreparedStatement used = prepare(connection, table.bytesOfTenant)) {
            used.setString(1, tenant);
            try (ResultSet row = used.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @Override
    public void remove(CacheKey key) {
        call("remove an entry", connection -> {
            try (PreparedStatement delete = prepare(connection, table.delete)) {
                bindKey(delete, key);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public long invalidate(String pattern) {
        SqlGlob glob = SqlGlob.of(pattern);
        return call("invalidate " + pattern, connection -> {
            String tenant = glob.tenant().orElse(null);
            try (PreparedStatement delete = prepare(connection,
                    tenant == null ? table.deleteMatching : table.deleteMatchingOfTenant)) {
                int next = 1;
                if (tenant != null) {
                    delete.setString(next++, tenant);
                }
                delete.setString(next, glob.like());
                return (long) delete.executeUpdate();
            }
        });
    }

    /**
     * Counters kept in memory, without a statement: entries and bytes as last {@linkplain #countSizes() counted} in
     * the background, at most {@code sizesIntervalSeconds} old, and {@code available} as the last call to the database
     * found it.
     */
    @Override
    public TierStats stats() {
        Sizes counted = sizes;
        return counters.stats("jdbc", counted.entries(), counted.bytes(), available);
    }

    /**
     * Counts the rows not expired and their bytes; while the database is unreachable they stay as last counted.
     * Counts run one at a time, so a slow count begun earlier cannot overwrite a later one.
     */
    synchronized void countSizes() {
        try {
            sizes = call("count the entries", connection -> {
                try (PreparedStatement count = prepare(connection, table.sizes)) {
                    count.setObject(1, timestamp(clock.instant()));
                    try (ResultSet row = count.executeQuery()) {
                        row.next();
                        return new Sizes(row.getLong(1), row.getLong(2));
                    }
                }
            });
        } catch (IllegalStateException e) {
            LOG.debug("Sizes not counted: {}", e.getMessage());
        }
    }

    /** Deletes every expired row; returns how many. */
    long purgeExpired() {
        try {
            return call("delete expired entries", connection -> {
                try (PreparedStatement delete = prepare(connection, table.deleteExpired)) {
                    delete.setObject(1, timestamp(clock.instant()));
                    return (long) delete.executeUpdate();
                }
            });
        } catch (IllegalStateException e) {
            LOG.debug("Purge of expired entries skipped: {}", e.getMessage());
            return 0;
        }
    }

    /**
     * A pool that waits briefly for a connection rather than queueing behind a slow or unreachable database, and that
     * starts while the database is unreachable. It also keeps an embedded H2 database open between calls.
     */
    private HikariDataSource connectionPool(DataSource dataSource, int size, long waitMillis) {
        HikariConfig settings = new HikariConfig();
        settings.setPoolName("arxos-cache-" + table.name);
        settings.setDataSource(dataSource);
        settings.setMaximumPoolSize(size);
        settings.setMinimumIdle(1);
        settings.setConnectionTimeout(waitMillis);
        settings.setValidationTimeout(Math.min(waitMillis, timeoutSeconds * 1_000L));
        // Opens the first connection now, on this thread, and starts without it when the database is unreachable.
        settings.setInitializationFailTimeout(0);
        return new HikariDataSource(settings);
    }

    /** Work on a borrowed connection. */
    @FunctionalInterface
    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private <T> T call(String what, Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            if (!tableReady) {
                createTable(connection);
            }
            T result = work.on(connection);
            available = true;
            return result;
        } catch (SQLException e) {
            available = false;
            String cause = e.getCause() instanceof SQLException reason ? " (" + reason.getMessage() + ")" : "";
            throw new IllegalStateException("the cache database " + database + " could not " + what + ": "
                    + e.getMessage() + cause, e);
        }
    }

    private synchronized void createTable(Connection connection) throws SQLException {
        if (!tableReady) {
            table.createIfAbsent(connection);
            tableReady = true;
        }
    }

    private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout(timeoutSeconds);
        return statement;
    }

    private static void bindKey(PreparedStatement statement, CacheKey key) throws SQLException {
        statement.setString(1, key.tenant());
        statement.setString(2, key.building());
        statement.setString(3, key.operation());
        statement.setString(4, key.inputHash());
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
