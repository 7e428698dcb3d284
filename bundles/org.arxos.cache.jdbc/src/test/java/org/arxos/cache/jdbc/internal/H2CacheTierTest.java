package org.arxos.cache.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import org.arxos.api.cache.CacheKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.jdbc.DataSourceFactory;

/** The contract on an H2 file database in a fresh folder per test, through H2's own DataSourceFactory. */
class H2CacheTierTest extends JdbcCacheTierContract {

    @TempDir
    Path folder;

    @Override
    protected String url() {
        return "jdbc:h2:file:" + folder.resolve("cache").toAbsolutePath() + ";AUTO_SERVER=FALSE";
    }

    @Override
    protected DataSource database() throws Exception {
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, url());
        return new org.h2.util.OsgiDataSourceFactory(new org.h2.Driver()).createDataSource(properties);
    }

    @Test
    void entriesLiveInADatabaseFile() throws Exception {
        tier(Map.of()).put(new CacheKey("acme", "b1", "op", "h"), new byte[100], Duration.ofMinutes(1));
        assertTrue(Files.size(folder.resolve("cache.mv.db")) > 0);
    }
}
