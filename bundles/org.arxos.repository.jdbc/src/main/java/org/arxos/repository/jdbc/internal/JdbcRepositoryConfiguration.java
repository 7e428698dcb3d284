package org.arxos.repository.jdbc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = JdbcRepositoryConfiguration.PID, name = "Arxos JDBC building repository",
        description = "Stores buildings as revision chains in an H2 file database (default) or PostgreSQL.")
public @interface JdbcRepositoryConfiguration {

    String PID = "org.arxos.repository.jdbc";

    @AttributeDefinition(description = "JDBC URL. jdbc:h2:... uses the H2 driver bundle, jdbc:postgresql:... the "
            + "PostgreSQL one; a relative H2 path is relative to the server's working directory.")
    String url() default "jdbc:h2:file:./data/arxos;AUTO_SERVER=FALSE";

    @AttributeDefinition(required = false)
    String user() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(min = "1", description = "Store a full snapshot every this many revisions; reading an old "
            + "revision replays at most this many change sets.")
    int snapshotInterval() default 50;

    @AttributeDefinition(min = "0", description = "How many head revisions to keep in memory.")
    int cachedBuildings() default 16;

    @AttributeDefinition(min = "1", description = "The most database connections open at once.")
    int maxConnections() default StoreSettings.DEFAULT_MAX_CONNECTIONS;

    @AttributeDefinition(min = "250", description = "How long a call waits for a free connection, or for a new one "
            + "while the database is unreachable, before it fails.")
    long connectionWaitMillis() default StoreSettings.DEFAULT_CONNECTION_WAIT_MILLIS;
}
