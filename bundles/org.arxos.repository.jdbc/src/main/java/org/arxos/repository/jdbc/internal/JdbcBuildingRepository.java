package org.arxos.repository.jdbc.internal;

import java.sql.SQLException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import org.arxos.api.event.BuildingEvent;
import org.arxos.api.event.EventBus;
import org.arxos.api.health.Health;
import org.arxos.api.health.HealthContributor;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.repository.RepositoryException;
import org.arxos.api.selection.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers a {@link JdbcBuildingStore} as the {@code jdbc} BuildingRepository once a DataSourceFactory for the
 * configured URL's driver is present, and withdraws it when that factory goes. The driver follows from the URL, so
 * switching to PostgreSQL is one setting; that is why the service is registered here rather than declared, since a
 * declared reference's target could not follow the URL. A health contributor is registered from activation on, so an
 * operator sees why the repository is not there (no driver, database unreachable).
 */
@Component(immediate = true, service = {}, configurationPid = JdbcRepositoryConfiguration.PID)
@Designate(ocd = JdbcRepositoryConfiguration.class)
@org.osgi.annotation.bundle.Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"org.arxos.api.repository.BuildingRepository\"",
        uses = BuildingRepository.class)
@org.osgi.annotation.bundle.Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"org.arxos.api.health.HealthContributor\"",
        uses = HealthContributor.class)
public final class JdbcBuildingRepository {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcBuildingRepository.class);

    private final Map<DataSourceFactory, String> factories = new LinkedHashMap<>();
    private volatile EventBus eventBus;

    private BundleContext context;
    private JdbcRepositoryConfiguration config;
    private String driverClass;
    private DataSourceFactory factoryInUse;
    private JdbcBuildingStore store;
    private ServiceRegistration<BuildingRepository> repositoryRegistration;
    private ServiceRegistration<HealthContributor> healthRegistration;
    private volatile String unavailableReason = "not started";

    @Activate
    synchronized void activate(BundleContext context, JdbcRepositoryConfiguration config) {
        this.context = context;
        this.config = config;
        this.driverClass = JdbcDrivers.driverClassFor(config.url()).orElse(null);
        if (driverClass == null) {
            unavailableReason = "no known JDBC driver for url '" + config.url()
                    + "'; use jdbc:h2:... or jdbc:postgresql:...";
        } else {
            unavailableReason = "waiting for a DataSourceFactory with osgi.jdbc.driver.class=" + driverClass
                    + " (install the driver bundle)";
        }
        Dictionary<String, Object> healthProperties = new Hashtable<>();
        healthProperties.put(HealthContributor.NAME, "repository");
        healthRegistration = context.registerService(HealthContributor.class, this::health, healthProperties);
        startIfPossible();
    }

    @Deactivate
    synchronized void deactivate() {
        stop("stopped");
        if (healthRegistration != null) {
            healthRegistration.unregister();
            healthRegistration = null;
        }
        context = null;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindDataSourceFactory(DataSourceFactory factory, Map<String, Object> properties) {
        factories.put(factory, String.valueOf(properties.get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS)));
        if (context != null) {
            startIfPossible();
        }
    }

    synchronized void unbindDataSourceFactory(DataSourceFactory factory) {
        factories.remove(factory);
        if (factory == factoryInUse) {
            stop("the DataSourceFactory for " + driverClass + " went away");
            startIfPossible();
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEventBus(EventBus bus) {
        eventBus = bus;
    }

    void unbindEventBus(EventBus bus) {
        if (eventBus == bus) {
            eventBus = null;
        }
    }

    private void startIfPossible() {
        if (store != null || driverClass == null) {
            return;
        }
        DataSourceFactory factory = factories.entrySet().stream()
                .filter(e -> driverClass.equals(e.getValue()))
                .map(Map.Entry::getKey)
                .findFirst().orElse(null);
        if (factory == null) {
            return;
        }
        try {
            store = new JdbcBuildingStore(dataSource(factory),
                    new StoreSettings(config.snapshotInterval(), config.cachedBuildings(),
                            StoreSettings.DEFAULT_CHUNK_BYTES, config.maxConnections(), config.connectionWaitMillis()),
                    this::publish);
        } catch (SQLException | RepositoryException | IllegalArgumentException e) {
            unavailableReason = "cannot open " + config.url() + ": " + e.getMessage();
            LOG.error("The JDBC building repository is not available: {}", unavailableReason, e);
            return;
        }
        factoryInUse = factory;
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Capability.IMPL, "jdbc");
        properties.put(Constants.SERVICE_RANKING, 0);
        repositoryRegistration = context.registerService(BuildingRepository.class, store, properties);
        LOG.info("JDBC building repository on {}", config.url());
    }

    private void stop(String reason) {
        if (repositoryRegistration != null) {
            repositoryRegistration.unregister();
            repositoryRegistration = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
        factoryInUse = null;
        unavailableReason = reason;
    }

    private DataSource dataSource(DataSourceFactory factory) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, config.url());
        if (!config.user().isEmpty()) {
            properties.setProperty(DataSourceFactory.JDBC_USER, config.user());
        }
        if (!config.password().isEmpty()) {
            properties.setProperty(DataSourceFactory.JDBC_PASSWORD, config.password());
        }
        DataSource dataSource = factory.createDataSource(properties);
        // Health checks must answer quickly even when the server is gone.
        dataSource.setLoginTimeout(5);
        return dataSource;
    }

    private Health health() {
        JdbcBuildingStore current;
        synchronized (this) {
            current = store;
        }
        return current == null ? Health.down(unavailableReason) : current.health();
    }

    private void publish(BuildingEvent event) {
        EventBus bus = eventBus;
        if (bus != null) {
            bus.publish(event);
        }
    }
}
