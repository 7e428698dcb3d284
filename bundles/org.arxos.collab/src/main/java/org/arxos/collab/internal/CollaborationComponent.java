package org.arxos.collab.internal;

import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.arxos.api.collab.Collaboration;
import org.arxos.api.collab.ConflictResolver;
import org.arxos.api.event.EventBus;
import org.arxos.api.health.HealthContributor;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.jdbc.DataSourceFactories;
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
 * DataSourceFactory for the configured URL's driver is present ({@link DataSourceFactories}), and withdraws it when
 * that factory goes.
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

    private final DataSourceFactories factories = new DataSourceFactories();
    private final Map<String, ConflictResolver> resolvers = new ConcurrentHashMap<>();
    private final ImplementationSelector selector;
    private final EventBus bus;

    private BundleContext context;
    private CollaborationConfiguration config;
    private HostSettings settings;
    private HikariDataSource pool;
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
        factories.use(config.url(), config.user(), config.password());
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
        factories.add(factory, properties);
        if (context != null) {
            startIfPossible();
        }
    }

    synchronized void unbindDataSourceFactory(DataSourceFactory factory) {
        if (factories.remove(factory)) {
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
        if (host != null) {
            return;
        }
        OperationLog log;
        try {
            Optional<DataSource> dataSource = factories.open();
            if (dataSource.isEmpty()) {
                LOG.info("Collaboration is not there: {}", factories.unavailableReason());
                return;
            }
            pool = connectionPool(dataSource.get());
            log = new OperationLog(pool, config.url());
        } catch (SQLException | RuntimeException e) {
            LOG.error("Collaboration is not available: the operation log at {} cannot be opened: {}", config.url(),
                    e.getMessage());
            closePool();
            return;
        }
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
        closePool();
    }

    /** Connections kept open: a commit must not wait for a new one (nor H2 reopen its file on every call). */
    private HikariDataSource connectionPool(DataSource dataSource) {
        HikariConfig settings = new HikariConfig();
        settings.setPoolName("arxos-collab");
        settings.setDataSource(dataSource);
        settings.setMaximumPoolSize(config.maxConnections());
        settings.setMinimumIdle(1);
        return new HikariDataSource(settings);
    }

    private void closePool() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
