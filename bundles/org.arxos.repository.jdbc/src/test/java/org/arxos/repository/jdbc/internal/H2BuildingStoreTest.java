package org.arxos.repository.jdbc.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.jdbc.DataSourceFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract on an H2 file database in a fresh folder per test, through H2's own DataSourceFactory. */
class H2BuildingStoreTest extends BuildingRepositoryContract {

    @TempDir
    Path folder;

    @Override
    protected DataSource database() throws Exception {
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL,
                "jdbc:h2:file:" + folder.resolve("arxos").toAbsolutePath() + ";AUTO_SERVER=FALSE");
        return new org.h2.util.OsgiDataSourceFactory(new org.h2.Driver()).createDataSource(properties);
    }

    @Test
    void databaseIsAFileThatOutlivesTheStore() throws Exception {
        JdbcBuildingStore store = open(50);
        store.create(tenant, building("b1", 1));
        store.close();
        assertTrue(Files.size(folder.resolve("arxos.mv.db")) > 0);
    }
}
