package org.arxos.repository.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import org.arxos.api.repository.RepositoryException;

/**
 * The tables, created when absent. Plain SQL that H2 2.x and PostgreSQL 15 both accept; the only difference is the
 * name of the binary type. Every primary key starts with the tenant, so every query is a tenant-bounded index range.
 */
final class StoreSchema {

    static final int VERSION = 1;

    private StoreSchema() {
    }

    static void createIfAbsent(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        String binary = product.contains("postgres") ? "bytea" : "varbinary";
        List<String> ddl = List.of(
                "create table if not exists arxos_schema (version integer not null)",
                "create table if not exists arxos_buildings ("
                        + "tenant varchar(128) not null, id varchar(128) not null, name varchar,"
                        + " head_revision bigint not null, content_hash varchar(64) not null,"
                        + " object_count integer not null, connection_count integer not null,"
                        + " updated timestamp with time zone not null,"
                        + " primary key (tenant, id))",
                "create table if not exists arxos_revisions ("
                        + "tenant varchar(128) not null, building_id varchar(128) not null, revision bigint not null,"
                        + " content_hash varchar(64) not null, author varchar not null, message varchar not null,"
                        + " change_count integer not null, created timestamp with time zone not null,"
                        + " primary key (tenant, building_id, revision))",
                // A revision's change set as gzip'd native JSON, in chunks; revision 1 has none (its snapshot is it).
                "create table if not exists arxos_changes ("
                        + "tenant varchar(128) not null, building_id varchar(128) not null, revision bigint not null,"
                        + " chunk integer not null, data " + binary + " not null,"
                        + " primary key (tenant, building_id, revision, chunk))",
                "create table if not exists arxos_snapshots ("
                        + "tenant varchar(128) not null, building_id varchar(128) not null, revision bigint not null,"
                        + " chunk integer not null, data " + binary + " not null,"
                        + " primary key (tenant, building_id, revision, chunk))");
        try (Statement s = c.createStatement()) {
            for (String statement : ddl) {
                s.execute(statement);
            }
        }
        try (PreparedStatement q = c.prepareStatement("select max(version) from arxos_schema");
                ResultSet rs = q.executeQuery()) {
            rs.next();
            int stored = rs.getInt(1);
            if (rs.wasNull()) {
                try (PreparedStatement insert = c.prepareStatement("insert into arxos_schema (version) values (?)")) {
                    insert.setInt(1, VERSION);
                    insert.executeUpdate();
                }
            } else if (stored != VERSION) {
                throw new RepositoryException("the database has repository schema version " + stored
                        + " but this bundle uses version " + VERSION + "; use a bundle made for version " + stored);
            }
        }
    }
}
