package org.arxos.cache.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import org.arxos.api.cache.CacheKey;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.service.jdbc.DataSourceFactory;
import org.postgresql.osgi.PGDataSourceFactory;

/**
 * The contract on PostgreSQL, each test in a table of its own. PostgreSQL must be running (CI starts it); when it is
 * not, these tests fail, unless {@code -Darxos.test.postgres=skip} is given, which reports them as skipped.
 */
class PostgresCacheTierTest extends JdbcCacheTierContract {

    private static final String URL = System.getProperty("arxos.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("arxos.test.postgres.user", "postgres");
    private static String unreachable;

    @BeforeAll
    static void reach() {
        try (Connection c = dataSource(URL).getConnection()) {
            c.isValid(2);
        } catch (SQLException e) {
            unreachable = "PostgreSQL is not reachable at " + URL + " as user '" + USER + "': " + e.getMessage()
                    + ". Start it (CI does), set -Darxos.test.postgres.url / .user, or skip these tests with "
                    + "-Darxos.test.postgres=skip";
            if (!"skip".equals(System.getProperty("arxos.test.postgres"))) {
                fail(unreachable, e);
            }
        }
    }

    @Override
    protected String url() {
        return URL;
    }

    @Override
    protected DataSource database() throws SQLException {
        Assumptions.assumeTrue(unreachable == null, unreachable);
        return dataSource(URL);
    }

    private static DataSource dataSource(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, url);
        properties.setProperty(DataSourceFactory.JDBC_USER, USER);
        return new PGDataSourceFactory().createDataSource(properties);
    }

    @Test
    void aDatabaseThatIsNotThereFailsCallsFastAndIsReportedUnavailable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String nowhere = "jdbc:postgresql://127.0.0.1:" + port + "/test";
        try (JdbcCacheTier tier = new JdbcCacheTier(dataSource(nowhere),
                TestConfigurations.jdbc(Map.of("url", nowhere, "table", table)), clock)) {
            long start = System.nanoTime();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> tier.get(new CacheKey("acme", "b1", "op", "h")));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "failing took " + took);
            assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
            assertFalse(tier.stats().available());
        }
    }
}
