package org.arxos.cache.jdbc.internal;

import java.util.Map;
import java.util.Optional;

/** The driver, as a DataSourceFactory names it in {@code osgi.jdbc.driver.class}, that serves a JDBC URL. */
final class DriverClasses {

    private static final Map<String, String> BY_URL_PREFIX = Map.of(
            "jdbc:h2:", "org.h2.Driver",
            "jdbc:postgresql:", "org.postgresql.Driver");

    private DriverClasses() {
    }

    static Optional<String> forUrl(String url) {
        return BY_URL_PREFIX.entrySet().stream()
                .filter(e -> url.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
