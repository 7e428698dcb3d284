package org.arxos.collab.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = CollaborationConfiguration.PID, name = "Arxos collaboration sessions",
        description = "Editing sessions: the durable operation log (an H2 file database by default, PostgreSQL by "
                + "configuration; server nodes that share it edit buildings together), the conflict policy per "
                + "building, snapshots and the limits per host, building and client.")
public @interface CollaborationConfiguration {

    String PID = "org.arxos.collab";

    @AttributeDefinition(description = "JDBC URL of the operation log. jdbc:h2:... uses the H2 driver bundle, "
            + "jdbc:postgresql:... the PostgreSQL one. Server nodes that edit the same buildings must share it.")
    String url() default "jdbc:h2:file:./data/arxos-collab;LOCK_TIMEOUT=10000";

    @AttributeDefinition(required = false)
    String user() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(description = "The conflict policy (arxos.impl of a ConflictResolver) of every building "
            + "not named in the overrides.")
    String defaultPolicy() default "crdt";

    @AttributeDefinition(required = false, description = "Policies of single buildings as buildingId=policy, "
            + "e.g. hq=ot.")
    String[] policies() default {};

    @AttributeDefinition(min = "1", description = "Every this many revisions the head is written to the building "
            + "repository as a revision and the log is compacted.")
    int snapshotEvery() default 5000;

    @AttributeDefinition(min = "0", description = "Log rows kept behind the latest snapshot, so that clients this "
            + "far behind catch up with operations rather than a snapshot.")
    int keepOperations() default 2000;

    @AttributeDefinition(min = "1", description = "The most sessions this server holds at once.")
    int maxSessions() default 5000;

    @AttributeDefinition(min = "1", description = "The most sessions in one building on this server.")
    int maxSessionsPerBuilding() default 1000;

    @AttributeDefinition(min = "1", description = "The most changes in one operation; more is refused (TOO_LARGE).")
    int maxChangesPerOperation() default 500;

    @AttributeDefinition(min = "0", description = "Operations per second one client may send on average; more is "
            + "refused (RATE_LIMITED) without affecting others.")
    double operationsPerSecond() default 20;

    @AttributeDefinition(min = "1", description = "Operations one client may send at once above the average rate.")
    int burst() default 40;

    @AttributeDefinition(min = "1", description = "Events waiting for one session's listener; a session whose "
            + "listener falls this far behind is closed rather than allowed to hold back the building.")
    int listenerQueue() default 10_000;

    @AttributeDefinition(min = "1", description = "The most operations one group commit writes in one transaction.")
    int maxBatch() default 1000;

    @AttributeDefinition(min = "0", description = "The least time in milliseconds from the start of one group commit "
            + "of a building to the start of the next. A building that is not busy commits an operation at once; a busy "
            + "one gathers what arrives meanwhile, so that each commit, and each frame to every session, carries more "
            + "operations. 0 commits as soon as the previous commit is done.")
    int commitIntervalMillis() default 10;

    @AttributeDefinition(min = "1", description = "Undoable operations remembered per client.")
    int undoDepth() default 100;

    @AttributeDefinition(min = "2", description = "The most connections to the operation log's database open at once: "
            + "a building holds one while it commits or reads, and writing a snapshot takes another.")
    int maxConnections() default 8;
}
