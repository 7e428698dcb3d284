package org.arxos.repository.jdbc.internal;

import java.sql.SQLException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.arxos.api.event.BuildingEvent;
import org.arxos.api.event.EventBus;
import org.arxos.api.health.Health;
import org.arxos.api.health.HealthContributor;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.repository.RepositoryException;
import org.arxos.api.selection.Capability;
import org.arxos.jdbc.DataSourceFactories;
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
 * configured URL's driver is present ({@link DataSourceFactories}), and withdraws it when that factory goes. A
 * health contributor is registered from activation on, so an operator sees why the repository is not there (no
 * driver, database unreachable).
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

    private volatile EventBus eventBus;

    private BundleContext context;
    private JdbcRepositoryConfiguration config;
    private final DataSourceFactories factories = new DataSourceFactories();
    private JdbcBuildingStore store;
    private ServiceRegistration<BuildingRepository> repositoryRegistration;
    private ServiceRegistration<HealthContributor> healthRegistration;
    private volatile String unavailableReason = "not started";

    @Activate
    synchronized void activate(BundleContext context, JdbcRepositoryConfiguration config) {
        this.context = context;
        this.config = config;
        factories.use(config.url(), config.user(), config.password());
        unavailableReason = factories.unavailableReason();
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
        factories.add(factory, properties);
        if (context != null) {
            startIfPossible();
        }
    }

    synchronized void unbindDataSourceFactory(DataSourceFactory factory) {
        if (factories.remove(factory)) {
            stop("the DataSourceFactory of " + config.url() + " went away");
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
        if (store != null) {
            return;
        }
        try {
            Optional<DataSource> dataSource = factories.open();
            if (dataSource.isEmpty()) {
                unavailableReason = factories.unavailableReason();
                return;
            }
            // Health checks must answer quickly even when the server is gone.
            dataSource.get().setLoginTimeout(5);
            store = new JdbcBuildingStore(dataSource.get(),
                    new StoreSettings(config.snapshotInterval(), config.cachedBuildings(),
                            StoreSettings.DEFAULT_CHUNK_BYTES, config.maxConnections(), config.connectionWaitMillis()),
                    this::publish);
        } catch (SQLException | RepositoryException | IllegalArgumentException e) {
            unavailableReason = "cannot open " + config.url() + ": " + e.getMessage();
            LOG.error("The JDBC building repository is not available: {}", unavailableReason, e);
            return;
        }
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
        unavailableReason = reason;
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
