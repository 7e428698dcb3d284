package org.arxos.cache.jdbc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = JdbcTierConfiguration.PID, name = "Arxos JDBC cache tier",
        description = "The fourth cache level: entries in a database table that operators can query by tenant, "
                + "building and operation. An H2 file database by default, PostgreSQL by configuration.")
public @interface JdbcTierConfiguration {

    String PID = "org.arxos.cache.jdbc";

    @AttributeDefinition(description = "JDBC URL. jdbc:h2:... uses the H2 driver bundle, jdbc:postgresql:... the "
            + "PostgreSQL one; a relative H2 path is relative to the server's working directory.")
    String url() default "jdbc:h2:file:./data/arxos-cache;AUTO_SERVER=FALSE";

    @AttributeDefinition(required = false)
    String user() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(description = "The table of entries, created with its indexes when absent: letters, "
            + "digits and _, at most 40, not starting with a digit.")
    String table() default "arxos_cache";

    @AttributeDefinition(min = "1", description = "The most value bytes one tenant may keep in the table; storing "
            + "past it removes that tenant's oldest entries.")
    long tenantQuotaBytes() default 1024L * 1024 * 1024;

    @AttributeDefinition(required = false, description = "Quotas of single tenants as tenant=bytes, e.g. "
            + "acme=10737418240; the tenant as it appears in cache keys.")
    String[] tenantQuotas() default {};

    @AttributeDefinition(min = "1", description = "How often expired entries are deleted; they are never returned "
            + "in between.")
    int purgeIntervalSeconds() default 300;

    @AttributeDefinition(min = "1", description = "How often the entries and bytes that the statistics show are "
            + "counted in the background; they are at most this old. A statistics request never waits for the "
            + "database.")
    int sizesIntervalSeconds() default 30;

    @AttributeDefinition(min = "1", description = "How long a statement or the login may take before the call "
            + "fails and the cache bypasses the tier.")
    int timeoutSeconds() default 2;

    @AttributeDefinition(min = "250", description = "How long a call waits for a free connection, or for a new one "
            + "while the database is unreachable, before it fails and the cache bypasses the tier.")
    long connectionWaitMillis() default 250;

    @AttributeDefinition(min = "1", description = "The most connections open at once.")
    int maxConnections() default 8;
}
