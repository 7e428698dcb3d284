package org.arxos.collab.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import javax.sql.DataSource;

import org.arxos.api.collab.AppliedOperation;
import org.arxos.api.collab.HybridTimestamp;
import org.arxos.api.collab.Operation;
import org.arxos.api.security.Role;
import org.arxos.model.ChangeSet;

/**
 * The durable operation log in four tables: the head revision of each building (the row that serialises appends of
 * all server nodes), the operations by revision, the last sequence of every client, and the snapshots written to the
 * building repository. Every method works on a connection the caller owns, inside the caller's transaction.
 */
final class OperationLog {

    /** Where a client stands: its last logged sequence and the revision that sequence produced. */
    record ClientPosition(long sequence, long revision) {
    }

    /**
     * A snapshot of the building written to the repository.
     *
     * @param revision     the log revision it holds
     * @param repoRevision the repository revision that holds it
     * @param epoch        whether replicas start from it (every {@code snapshotEvery} revisions, and the first)
     */
    record Snapshot(long revision, long repoRevision, boolean epoch) {
    }

    private final DataSource dataSource;

    OperationLog(DataSource dataSource, String url) throws SQLException {
        this.dataSource = dataSource;
        String text = url.startsWith("jdbc:postgresql:") ? "text" : "character large object";
        for (int attempt = 1; ; attempt++) {
            try {
                createTables(text);
                return;
            } catch (SQLException e) {
                // servers sharing a database that start together race on PostgreSQL's create table if not exists;
                // the loser finds the tables there when it tries again
                if (attempt == 3 || !List.of("23505", "42P07").contains(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    private void createTables(String text) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists arxos_collab_head (tenant varchar(128) not null, "
                    + "building varchar(128) not null, revision bigint not null, primary key (tenant, building))");
            s.execute("create table if not exists arxos_collab_log (tenant varchar(128) not null, "
                    + "building varchar(128) not null, revision bigint not null, client varchar(128) not null, "
                    + "sequence bigint not null, role varchar(16) not null, wall_millis bigint not null, counter integer not null, "
                    + "base_revision bigint not null, observed " + text + " not null, changes " + text + " not null, "
                    + "broadcast " + text + ", effect " + text + " not null, logged_millis bigint not null, "
                    + "primary key (tenant, building, revision), "
                    + "constraint arxos_collab_log_client unique (tenant, building, client, sequence))");
            s.execute("create table if not exists arxos_collab_client (tenant varchar(128) not null, "
                    + "building varchar(128) not null, client varchar(128) not null, sequence bigint not null, "
                    + "revision bigint not null, primary key (tenant, building, client))");
            s.execute("create table if not exists arxos_collab_snapshot (tenant varchar(128) not null, "
                    + "building varchar(128) not null, revision bigint not null, repo_revision bigint not null, "
                    + "epoch boolean not null, primary key (tenant, building, revision))");
        }
    }

    Connection connect() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        return c;
    }

    /**
     * The building's head revision, starting its log at {@code repoHead} when it has none (the first session of the
     * building on any node): that revision becomes the first snapshot. Commits.
     */
    long openHead(Connection c, RoomKey key, long repoHead) throws SQLException {
        OptionalLong head = head(c, key, false);
        if (head.isPresent()) {
            c.commit();
            return head.getAsLong();
        }
        try (PreparedStatement insert = c.prepareStatement(
                "insert into arxos_collab_head (tenant, building, revision) values (?, ?, ?)")) {
            bindKey(insert, key);
            insert.setLong(3, repoHead);
            insert.executeUpdate();
            recordSnapshot(c, key, new Snapshot(repoHead, repoHead, true));
            c.commit();
            return repoHead;
        } catch (SQLException e) {
            c.rollback();
            // another node started the log at the same moment
            OptionalLong again = head(c, key, false);
            c.commit();
            if (again.isEmpty()) {
                throw e;
            }
            return again.getAsLong();
        }
    }

    /** Locks the building's head row until the transaction ends, and reads it. */
    long lockHead(Connection c, RoomKey key) throws SQLException {
        return head(c, key, true).orElseThrow(() -> new SQLException("the operation log of " + key
                + " has no head row"));
    }

    private static OptionalLong head(Connection c, RoomKey key, boolean lock) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select revision from arxos_collab_head where tenant = ? "
                + "and building = ?" + (lock ? " for update" : ""))) {
            bindKey(select, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Appends operations after the head (which the caller has locked) and moves the head to the last of them. */
    void append(Connection c, RoomKey key, List<LoggedOperation> rows, long loggedMillis) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into arxos_collab_log (tenant, building, revision, "
                + "client, sequence, role, wall_millis, counter, base_revision, observed, changes, broadcast, effect, "
                + "logged_millis) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (LoggedOperation row : rows) {
                Operation op = row.submitted();
                bindKey(insert, key);
                insert.setLong(3, row.revision());
                insert.setString(4, op.clientId());
                insert.setLong(5, op.sequence());
                insert.setString(6, row.role().name());
                insert.setLong(7, op.timestamp().wallMillis());
                insert.setInt(8, op.timestamp().counter());
                insert.setLong(9, op.baseRevision());
                insert.setString(10, OperationCodec.encode(op.observed()));
                insert.setString(11, OperationCodec.encode(op.changes()));
                ChangeSet broadcast = row.applied().operation().changes();
                insert.setString(12, broadcast.equals(op.changes()) ? null : OperationCodec.encode(broadcast));
                insert.setString(13, OperationCodec.encode(row.effect()));
                insert.setLong(14, loggedMillis);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement update = c.prepareStatement(
                "update arxos_collab_head set revision = ? where tenant = ? and building = ?")) {
            update.setLong(1, rows.get(rows.size() - 1).revision());
            update.setString(2, key.tenant());
            update.setString(3, key.buildingId());
            update.executeUpdate();
        }
    }

    /** The logged operations after {@code after} up to {@code upTo}, in revision order. */
    List<LoggedOperation> read(Connection c, RoomKey key, long after, long upTo) throws SQLException {
        List<LoggedOperation> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("select revision, client, sequence, role, wall_millis, "
                + "counter, base_revision, observed, changes, broadcast, effect from arxos_collab_log where tenant = ? and "
                + "building = ? and revision > ? and revision <= ? order by revision")) {
            bindKey(select, key);
            select.setLong(3, after);
            select.setLong(4, upTo);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long revision = rs.getLong(1);
                    String client = rs.getString(2);
                    String source = key + " revision " + revision;
                    Role role = Role.valueOf(rs.getString(4));
                    Operation submitted = new Operation(client, rs.getLong(3),
                            new HybridTimestamp(rs.getLong(5), rs.getInt(6), client), rs.getLong(7),
                            OperationCodec.decodeVector(rs.getString(8)), OperationCodec.decode(rs.getString(9), source));
                    String broadcast = rs.getString(10);
                    Operation sent = broadcast == null ? submitted
                            : submitted.withChanges(OperationCodec.decode(broadcast, source));
                    ChangeSet effect = OperationCodec.decode(rs.getString(11), source);
                    rows.add(new LoggedOperation(revision, submitted, role,
                            new AppliedOperation(revision, sent, effect)));
                }
            }
        }
        return rows;
    }

    /** For a diagnosis: the next revisions the log holds after {@code after}, read on a connection of its own. */
    String describeAfter(RoomKey key, long after) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "select revision, client, sequence from arxos_collab_log where tenant = ? and building = ? and "
                        + "revision > ? order by revision")) {
            bindKey(select, key);
            select.setLong(3, after);
            select.setMaxRows(8);
            StringBuilder text = new StringBuilder(" (the log holds");
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    text.append(' ').append(rs.getLong(1)).append('=').append(rs.getString(2)).append('#')
                            .append(rs.getLong(3));
                }
            }
            return text.append(')').toString();
        } catch (SQLException e) {
            return " (the log cannot be read: " + e.getMessage() + ")";
        }
    }

    /** The oldest revision the log still holds, or empty when it holds none. */
    OptionalLong oldest(Connection c, RoomKey key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select min(revision) from arxos_collab_log where tenant = ? and building = ?")) {
            bindKey(select, key);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                long min = rs.getLong(1);
                return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(min);
            }
        }
    }

    Map<String, ClientPosition> clients(Connection c, RoomKey key) throws SQLException {
        Map<String, ClientPosition> clients = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "select client, sequence, revision from arxos_collab_client where tenant = ? and building = ?")) {
            bindKey(select, key);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    clients.put(rs.getString(1), new ClientPosition(rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return clients;
    }

    /** Records where clients stand; the caller holds the head lock, so an update that finds no row can insert. */
    void saveClients(Connection c, RoomKey key, Map<String, ClientPosition> positions) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update arxos_collab_client set sequence = ?, revision = ? "
                + "where tenant = ? and building = ? and client = ?");
                PreparedStatement insert = c.prepareStatement("insert into arxos_collab_client (tenant, building, "
                        + "client, sequence, revision) values (?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, ClientPosition> e : positions.entrySet()) {
                update.setLong(1, e.getValue().sequence());
                update.setLong(2, e.getValue().revision());
                update.setString(3, key.tenant());
                update.setString(4, key.buildingId());
                update.setString(5, e.getKey());
                if (update.executeUpdate() == 0) {
                    bindKey(insert, key);
                    insert.setString(3, e.getKey());
                    insert.setLong(4, e.getValue().sequence());
                    insert.setLong(5, e.getValue().revision());
                    insert.executeUpdate();
                }
            }
        }
    }

    /** The revision that the client's operation produced, while the log holds it. */
    OptionalLong revisionOf(Connection c, RoomKey key, String client, long sequence) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select revision from arxos_collab_log where tenant = ? "
                + "and building = ? and client = ? and sequence = ?")) {
            bindKey(select, key);
            select.setString(3, client);
            select.setLong(4, sequence);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** The latest snapshot, or the latest one replicas start from. */
    Optional<Snapshot> latestSnapshot(Connection c, RoomKey key, boolean epochOnly) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select revision, repo_revision, epoch from "
                + "arxos_collab_snapshot where tenant = ? and building = ?" + (epochOnly ? " and epoch = true" : "")
                + " order by revision desc")) {
            bindKey(select, key);
            select.setMaxRows(1);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new Snapshot(rs.getLong(1), rs.getLong(2), rs.getBoolean(3)))
                        : Optional.empty();
            }
        }
    }

    void recordSnapshot(Connection c, RoomKey key, Snapshot snapshot) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into arxos_collab_snapshot (tenant, building, "
                + "revision, repo_revision, epoch) values (?, ?, ?, ?, ?)")) {
            bindKey(insert, key);
            insert.setLong(3, snapshot.revision());
            insert.setLong(4, snapshot.repoRevision());
            insert.setBoolean(5, snapshot.epoch());
            insert.executeUpdate();
        }
    }

    /**
     * Deletes the log rows up to {@code upTo} and the snapshots before the latest epoch, which nothing starts from
     * any more; returns the rows deleted.
     */
    int compact(Connection c, RoomKey key, long upTo, long latestEpoch) throws SQLException {
        try (PreparedStatement rows = c.prepareStatement(
                "delete from arxos_collab_log where tenant = ? and building = ? and revision <= ?");
                PreparedStatement snapshots = c.prepareStatement(
                        "delete from arxos_collab_snapshot where tenant = ? and building = ? and revision < ?")) {
            bindKey(rows, key);
            rows.setLong(3, upTo);
            bindKey(snapshots, key);
            snapshots.setLong(3, latestEpoch);
            snapshots.executeUpdate();
            return rows.executeUpdate();
        }
    }

    private static void bindKey(PreparedStatement statement, RoomKey key) throws SQLException {
        statement.setString(1, key.tenant());
        statement.setString(2, key.buildingId());
    }
}
