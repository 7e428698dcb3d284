package org.arxos.jdbc;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import javax.sql.DataSource;

import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The DataSourceFactory services a component is bound to, and the DataSource of its configured URL once the factory
 * of that URL's driver is among them. The driver follows from the URL, so switching from H2 to PostgreSQL is one
 * setting; a declared reference's target could not follow the URL, which is why a component binds every factory and
 * forwards its bind and unbind calls here (Declarative Services binds them before it activates the component, so the
 * URL comes later, with {@link #use}). Not thread-safe: the component calls it under its own lock.
 */
public final class DataSourceFactories {

    private static final Map<String, String> DRIVER_BY_URL_PREFIX = Map.of(
            "jdbc:h2:", "org.h2.Driver",
            "jdbc:postgresql:", "org.postgresql.Driver");

    private final Map<DataSourceFactory, String> driverClasses = new LinkedHashMap<>();
    private String url = "";
    private String user = "";
    private String password = "";
    private String driverClass;
    private DataSourceFactory inUse;

    /**
     * Sets the database that {@link #open()} opens.
     *
     * @param user     empty for none
     * @param password empty for none
     */
    public void use(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.driverClass = driverClassOf(url).orElse(null);
    }

    /** The driver, as a DataSourceFactory names it in {@code osgi.jdbc.driver.class}, that serves a JDBC URL. */
    public static Optional<String> driverClassOf(String url) {
        return DRIVER_BY_URL_PREFIX.entrySet().stream()
                .filter(e -> url.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** A bound factory, with its service properties. */
    public void add(DataSourceFactory factory, Map<String, Object> properties) {
        driverClasses.put(factory, String.valueOf(properties.get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS)));
    }

    /** @return whether it was the factory of the DataSource last opened: its owner must stop using it */
    public boolean remove(DataSourceFactory factory) {
        driverClasses.remove(factory);
        if (factory != inUse) {
            return false;
        }
        inUse = null;
        return true;
    }

    /**
     * A DataSource for the URL, with the user and password, from the factory of its driver; empty while no such
     * factory is bound or the URL names no known driver ({@link #unavailableReason()} says which).
     */
    public Optional<DataSource> open() throws SQLException {
        Optional<DataSourceFactory> factory = driverClasses.entrySet().stream()
                .filter(e -> e.getValue().equals(driverClass))
                .map(Map.Entry::getKey)
                .findFirst();
        if (factory.isEmpty()) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, url);
        if (!user.isEmpty()) {
            properties.setProperty(DataSourceFactory.JDBC_USER, user);
        }
        if (!password.isEmpty()) {
            properties.setProperty(DataSourceFactory.JDBC_PASSWORD, password);
        }
        DataSource dataSource = factory.get().createDataSource(properties);
        inUse = factory.get();
        return Optional.of(dataSource);
    }

    /** Why {@link #open()} gives nothing: a sentence for logs and health. */
    public String unavailableReason() {
        return driverClass == null
                ? "no known JDBC driver for url '" + url + "'; use jdbc:h2:... or jdbc:postgresql:..."
                : "waiting for a DataSourceFactory with " + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=" + driverClass
                        + " (install the driver bundle)";
    }
}
