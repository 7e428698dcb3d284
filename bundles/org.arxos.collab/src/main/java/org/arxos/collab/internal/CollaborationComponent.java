package org.arxos.collab.internal;

import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.arxos.api.collab.Collaboration;
import org.arxos.api.collab.ConflictResolver;
import org.arxos.api.event.EventBus;
import org.arxos.api.health.HealthContributor;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.ImplementationSelector;
import org.osgi.framework.BundleContext;
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
 * Registers the {@link CollaborationHost} as {@link Collaboration} (and its health as {@code collab}) once a
 * DataSourceFactory for the configured URL's driver is present, and withdraws it when that factory goes: the driver
 * follows from the URL, so switching the log to PostgreSQL is one setting (as for the JDBC repository and cache tier).
 * Conflict resolvers are tracked by {@code arxos.impl}; a swapped one reopens the rooms of its policy.
 */
@Component(immediate = true, service = {}, configurationPid = CollaborationConfiguration.PID)
@Designate(ocd = CollaborationConfiguration.class)
@org.osgi.annotation.bundle.Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"org.arxos.api.collab.Collaboration\"", uses = Collaboration.class)
@org.osgi.annotation.bundle.Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"org.arxos.api.health.HealthContributor\"",
        uses = HealthContributor.class)
public final class CollaborationComponent {

    private static final Logger LOG = LoggerFactory.getLogger(CollaborationComponent.class);
    private static final Map<String, String> DRIVER_BY_URL_PREFIX = Map.of(
            "jdbc:h2:", "org.h2.Driver",
            "jdbc:postgresql:", "org.postgresql.Driver");

    private final Map<DataSourceFactory, String> driverClasses = new LinkedHashMap<>();
    private final Map<String, ConflictResolver> resolvers = new ConcurrentHashMap<>();
    private final ImplementationSelector selector;
    private final EventBus bus;

    private BundleContext context;
    private CollaborationConfiguration config;
    private HostSettings settings;
    private String driverClass;
    private DataSourceFactory factoryInUse;
    private CollaborationHost host;
    private ServiceRegistration<Collaboration> registration;
    private ServiceRegistration<HealthContributor> healthRegistration;

    @Activate
    public CollaborationComponent(BundleContext context, CollaborationConfiguration config,
            @Reference ImplementationSelector selector,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            EventBus bus) {
        this.selector = selector;
        this.bus = bus;
        activate(context, config);
    }

    private synchronized void activate(BundleContext context, CollaborationConfiguration config) {
        this.context = context;
        this.config = config;
        this.settings = HostSettings.of(config);
        this.driverClass = DRIVER_BY_URL_PREFIX.entrySet().stream()
                .filter(e -> config.url().startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst().orElse(null);
        if (driverClass == null) {
            LOG.error("Collaboration has no known driver for url '{}'; use jdbc:h2:... or jdbc:postgresql:...",
                    config.url());
            return;
        }
        startIfPossible();
    }

    @Deactivate
    synchronized void deactivate() {
        stop();
        context = null;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindDataSourceFactory(DataSourceFactory factory, Map<String, Object> properties) {
        driverClasses.put(factory, String.valueOf(properties.get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS)));
        if (context != null) {
            startIfPossible();
        }
    }

    synchronized void unbindDataSourceFactory(DataSourceFactory factory) {
        driverClasses.remove(factory);
        if (factory == factoryInUse) {
            stop();
            startIfPossible();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindConflictResolver(ConflictResolver resolver, Map<String, Object> properties) {
        Object impl = properties.get(Capability.IMPL);
        if (impl != null) {
            resolvers.put(impl.toString(), resolver);
            resolversChanged();
        }
    }

    void unbindConflictResolver(ConflictResolver resolver, Map<String, Object> properties) {
        Object impl = properties.get(Capability.IMPL);
        if (impl != null && resolvers.remove(impl.toString(), resolver)) {
            resolversChanged();
        }
    }

    private void resolversChanged() {
        CollaborationHost current;
        synchronized (this) {
            current = host;
        }
        if (current != null) {
            current.resolversChanged();
        }
    }

    private void startIfPossible() {
        if (host != null || driverClass == null) {
            return;
        }
        DataSourceFactory factory = driverClasses.entrySet().stream()
                .filter(e -> driverClass.equals(e.getValue()))
                .map(Map.Entry::getKey)
                .findFirst().orElse(null);
        if (factory == null) {
            LOG.info("Collaboration waits for a DataSourceFactory with {}={} (install the driver bundle)",
                    DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, driverClass);
            return;
        }
        OperationLog log;
        try {
            log = new OperationLog(dataSource(factory), config.url());
        } catch (SQLException e) {
            LOG.error("Collaboration is not available: the operation log at {} cannot be opened: {}", config.url(),
                    e.getMessage());
            return;
        }
        factoryInUse = factory;
        String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
        host = new CollaborationHost(log, () -> selector.require(BuildingRepository.class), resolvers::get, bus, settings,
                System::nanoTime, node);
        Dictionary<String, Object> health = new Hashtable<>();
        health.put(HealthContributor.NAME, "collab");
        healthRegistration = context.registerService(HealthContributor.class, host::health, health);
        registration = context.registerService(Collaboration.class, host, new Hashtable<>());
        LOG.info("Collaboration sessions with the operation log on {} (node {})", config.url(), node);
    }

    private void stop() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        if (healthRegistration != null) {
            healthRegistration.unregister();
            healthRegistration = null;
        }
        if (host != null) {
            host.close();
            host = null;
        }
        factoryInUse = null;
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
        return factory.createDataSource(properties);
    }
}
