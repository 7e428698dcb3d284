package org.arxos.cache.jdbc.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.arxos.api.cache.CacheTier;
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
 * Registers a {@link JdbcCacheTier} as the {@code jdbc} cache tier of level 4 once a DataSourceFactory for the
 * configured URL's driver is present ({@link DataSourceFactories}), and withdraws it when that factory goes.
 */
@Component(immediate = true, service = {}, configurationPid = JdbcTierConfiguration.PID)
@Designate(ocd = JdbcTierConfiguration.class)
@org.osgi.annotation.bundle.Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"org.arxos.api.cache.CacheTier\"", uses = CacheTier.class)
public final class JdbcCacheTierComponent {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcCacheTierComponent.class);

    private final DataSourceFactories factories = new DataSourceFactories();

    private BundleContext context;
    private JdbcTierConfiguration config;
    private JdbcCacheTier tier;
    private ServiceRegistration<CacheTier> registration;

    @Activate
    synchronized void activate(BundleContext context, JdbcTierConfiguration config) {
        this.context = context;
        this.config = config;
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

    private void startIfPossible() {
        if (tier != null) {
            return;
        }
        try {
            Optional<DataSource> dataSource = factories.open();
            if (dataSource.isEmpty()) {
                LOG.info("The JDBC cache tier is not there: {}", factories.unavailableReason());
                return;
            }
            tier = new JdbcCacheTier(dataSource.get(), config, Clock.systemUTC());
        } catch (SQLException | IllegalArgumentException e) {
            LOG.error("The JDBC cache tier is not available: {}", e.getMessage());
            return;
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Capability.IMPL, "jdbc");
        properties.put(CacheTier.LEVEL, 4);
        properties.put(Constants.SERVICE_RANKING, 0);
        registration = context.registerService(CacheTier.class, tier, properties);
        LOG.info("Registered the {}", tier);
    }

    private void stop() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        if (tier != null) {
            tier.close();
            tier = null;
        }
    }
}
