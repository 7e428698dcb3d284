package org.arxos.cache.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The table of entries and the statements on it: one row per cache key, with the value, its size, when it expires
 * (null: never) and when it was stored. Plain SQL that H2 2.x and PostgreSQL both accept; only the binary type's name
 * differs. The primary key starts with tenant and building, an index serves tenant and operation, and two more serve
 * the purge of expired rows and the eviction of a tenant's oldest.
 */
final class CacheTable {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,39}");
    private static final String KEY = "tenant = ? and building = ? and operation = ? and input_hash = ?";

    final String name;
    final String select;
    final String insert;
    final String delete;
    final String deleteMatching;
    final String deleteMatchingOfTenant;
    final String deleteExpired;
    final String deleteExpiredOfTenant;
    final String bytesOfTenant;
    final String oldestOfTenant;
    final String sizes;

    CacheTable(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("table must be letters, digits and _, at most 40, not starting with a "
                    + "digit, but was '" + name + "'");
        }
        this.name = name;
        this.select = "select entry_value from " + name + " where " + KEY
                + " and (expires_at is null or expires_at > ?)";
        this.insert = "insert into " + name + " (tenant, building, operation, input_hash, entry_value, size_bytes,"
                + " expires_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)";
        this.delete = "delete from " + name + " where " + KEY;
        String matching = "tenant || ':' || building || ':' || operation || ':' || input_hash like ? escape '"
                + SqlGlob.ESCAPE + "'";
        this.deleteMatching = "delete from " + name + " where " + matching;
        this.deleteMatchingOfTenant = "delete from " + name + " where tenant = ? and " + matching;
        this.deleteExpired = "delete from " + name + " where expires_at <= ?";
        this.deleteExpiredOfTenant = "delete from " + name + " where tenant = ? and expires_at <= ?";
        this.bytesOfTenant = "select coalesce(sum(size_bytes), 0) from " + name + " where tenant = ?";
        this.oldestOfTenant = "select building, operation, input_hash, size_bytes from " + name
                + " where tenant = ? order by created_at, building, operation, input_hash";
        this.sizes = "select count(*), coalesce(sum(size_bytes), 0) from " + name
                + " where expires_at is null or expires_at > ?";
    }

    /** Creates the table and its indexes unless they exist; safe to run on every activation. */
    void createIfAbsent(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        String binary = product.contains("postgres") ? "bytea" : "varbinary";
        List<String> ddl = List.of(
                "create table if not exists " + name + " ("
                        + "tenant varchar(200) not null, building varchar(200) not null,"
                        + " operation varchar(200) not null, input_hash varchar(200) not null,"
                        + " entry_value " + binary + " not null, size_bytes integer not null,"
                        + " expires_at timestamp with time zone, created_at timestamp with time zone not null,"
                        + " primary key (tenant, building, operation, input_hash))",
                "create index if not exists " + name + "_by_operation on " + name + " (tenant, operation)",
                "create index if not exists " + name + "_by_age on " + name + " (tenant, created_at)",
                "create index if not exists " + name + "_by_expiry on " + name + " (expires_at)");
        try (Statement statement = connection.createStatement()) {
            for (String sql : ddl) {
                statement.execute(sql);
            }
        }
    }
}
