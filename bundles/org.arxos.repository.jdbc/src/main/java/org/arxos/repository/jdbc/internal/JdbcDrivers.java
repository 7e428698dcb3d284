package org.arxos.repository.jdbc.internal;

import java.util.Map;
import java.util.Optional;

/** Which JDBC driver, as named by a DataSourceFactory's {@code osgi.jdbc.driver.class}, serves a URL. */
final class JdbcDrivers {

    private static final Map<String, String> BY_URL_PREFIX = Map.of(
            "jdbc:h2:", "org.h2.Driver",
            "jdbc:postgresql:", "org.postgresql.Driver");

    private JdbcDrivers() {
    }

    static Optional<String> driverClassFor(String url) {
        return BY_URL_PREFIX.entrySet().stream()
                .filter(e -> url != null && url.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
