package org.arxos.cache.jdbc.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import org.arxos.api.cache.CacheTier;
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
 * Registers a {@link JdbcCacheTier} as the {@code jdbc} cache tier of level 4 once a DataSourceFactory for the
 * configured URL's driver is present, and withdraws it when that factory goes. The driver follows from the URL, so
 * switching to PostgreSQL is one setting; a declared reference's target could not follow the URL, which is why the
 * service is registered here (as the JDBC building repository does).
 */
@Component(immediate = true, service = {}, configurationPid = JdbcTierConfiguration.PID)
@Designate(ocd = JdbcTierConfiguration.class)
@org.osgi.annotation.bundle.Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"org.arxos.api.cache.CacheTier\"", uses = CacheTier.class)
public final class JdbcCacheTierComponent {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcCacheTierComponent.class);

    private final Map<DataSourceFactory, String> driverClasses = new LinkedHashMap<>();

    private BundleContext context;
    private JdbcTierConfiguration config;
    private String driverClass;
    private DataSourceFactory factoryInUse;
    private JdbcCacheTier tier;
    private ServiceRegistration<CacheTier> registration;

    @Activate
    synchronized void activate(BundleContext context, JdbcTierConfiguration config) {
        this.context = context;
        this.config = config;
        this.driverClass = DriverClasses.forUrl(config.url()).orElse(null);
        if (driverClass == null) {
            LOG.error("The JDBC cache tier has no known driver for url '{}'; use jdbc:h2:... or jdbc:postgresql:...",
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

    private void startIfPossible() {
        if (tier != null || driverClass == null) {
            return;
        }
        DataSourceFactory factory = driverClasses.entrySet().stream()
                .filter(e -> driverClass.equals(e.getValue()))
                .map(Map.Entry::getKey)
                .findFirst().orElse(null);
        if (factory == null) {
            LOG.info("The JDBC cache tier waits for a DataSourceFactory with {}={} (install the driver bundle)",
                    DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, driverClass);
            return;
        }
        try {
            tier = new JdbcCacheTier(dataSource(factory), config, Clock.systemUTC());
        } catch (SQLException | IllegalArgumentException e) {
            LOG.error("The JDBC cache tier is not available: {}", e.getMessage());
            return;
        }
        factoryInUse = factory;
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
