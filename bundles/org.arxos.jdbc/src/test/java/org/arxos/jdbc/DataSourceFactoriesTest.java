package org.arxos.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.Test;
import org.osgi.service.jdbc.DataSourceFactory;

class DataSourceFactoriesTest {

    private static final String URL = "jdbc:h2:mem:factories;DB_CLOSE_DELAY=-1";

    private final DataSourceFactory h2 = new OsgiDataSourceFactory(new org.h2.Driver());
    /** Registered as another driver's factory. */
    private final DataSourceFactory otherDriver = new OsgiDataSourceFactory(new org.h2.Driver());

    @Test
    void theDriverFollowsFromTheUrl() {
        assertEquals(Optional.of("org.h2.Driver"), DataSourceFactories.driverClassOf("jdbc:h2:file:./data/x"));
        assertEquals(Optional.of("org.postgresql.Driver"),
                DataSourceFactories.driverClassOf("jdbc:postgresql://127.0.0.1:5432/test"));
        assertEquals(Optional.empty(), DataSourceFactories.driverClassOf("jdbc:mysql://localhost/x"));
    }

    @Test
    void opensADataSourceOnlyFromTheFactoryOfTheUrlsDriver() throws Exception {
        DataSourceFactories factories = new DataSourceFactories();
        factories.use(URL, "sa", "");
        factories.add(otherDriver, Map.of(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, "org.postgresql.Driver"));
        assertTrue(factories.open().isEmpty());
        assertTrue(factories.unavailableReason().contains("osgi.jdbc.driver.class=org.h2.Driver"),
                factories.unavailableReason());

        factories.add(h2, Map.of(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, "org.h2.Driver"));
        DataSource dataSource = factories.open().orElseThrow();
        try (Connection connection = dataSource.getConnection()) {
            assertEquals("SA", connection.getMetaData().getUserName());
        }
        assertFalse(factories.remove(otherDriver), "not the factory in use");
        assertTrue(factories.remove(h2), "the factory in use went away");
        assertTrue(factories.open().isEmpty());
    }

    @Test
    void aUrlOfNoKnownDriverSaysWhichUrlsWork() throws Exception {
        DataSourceFactories factories = new DataSourceFactories();
        factories.use("jdbc:mysql://localhost/x", "", "");
        factories.add(h2, Map.of(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, "org.h2.Driver"));
        assertTrue(factories.open().isEmpty());
        assertEquals("no known JDBC driver for url 'jdbc:mysql://localhost/x'; use jdbc:h2:... or jdbc:postgresql:...",
                factories.unavailableReason());
    }
}
