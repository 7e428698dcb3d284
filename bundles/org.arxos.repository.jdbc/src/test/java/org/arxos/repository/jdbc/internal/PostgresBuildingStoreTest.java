package org.arxos.repository.jdbc.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.osgi.service.jdbc.DataSourceFactory;
import org.postgresql.osgi.PGDataSourceFactory;

/**
 * The contract on PostgreSQL, in a schema of its own that is dropped afterwards. PostgreSQL must be running (CI starts
 * it); when it is not, these tests fail, unless {@code -Darxos.test.postgres=skip} is given, which reports them as
 * skipped with the reason.
 */
class PostgresBuildingStoreTest extends BuildingRepositoryContract {

    private static final String URL = System.getProperty("arxos.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("arxos.test.postgres.user", "postgres");
    private static final String SCHEMA = "arxos_test_" + UUID.randomUUID().toString().replace("-", "");
    private static boolean schemaCreated;
    private static String unreachable;

    @BeforeAll
    static void createSchema() {
        try (Connection c = dataSource(URL).getConnection(); Statement s = c.createStatement()) {
            s.execute("create schema " + SCHEMA);
            schemaCreated = true;
        } catch (SQLException e) {
            String reason = e.getMessage().replaceAll("\\.+$", "");
            unreachable = "PostgreSQL is not reachable at " + URL + " as user '" + USER + "': " + reason
                    + ". Start it (CI does), set -Darxos.test.postgres.url / .user, or skip these tests with "
                    + "-Darxos.test.postgres=skip";
            if (!"skip".equals(System.getProperty("arxos.test.postgres"))) {
                fail(unreachable, e);
            }
        }
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (!schemaCreated) {
            return;
        }
        try (Connection c = dataSource(URL).getConnection(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    @Override
    protected DataSource database() throws SQLException {
        // Each test reports itself skipped with the reason, so a skipped run shows in the counts.
        Assumptions.assumeTrue(unreachable == null, unreachable);
        return dataSource(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
    }

    private static DataSource dataSource(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, url);
        properties.setProperty(DataSourceFactory.JDBC_USER, USER);
        return new PGDataSourceFactory().createDataSource(properties);
    }
}
