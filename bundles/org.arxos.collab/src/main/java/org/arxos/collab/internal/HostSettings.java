package org.arxos.collab.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The validated configuration of a {@link CollaborationHost}.
 *
 * @param defaultPolicy          the conflict policy of buildings not in {@code policies}
 * @param policies               building id to policy
 * @param snapshotEvery          revisions between snapshots (and replica epochs)
 * @param keepOperations         log rows kept behind a snapshot for catch-up
 * @param maxSessions            sessions on this host
 * @param maxSessionsPerBuilding sessions in one building on this host
 * @param maxChanges             changes in one operation
 * @param operationsPerSecond    average rate per client
 * @param burst                  operations above the rate a client may send at once
 * @param listenerQueue          events waiting for one listener before its session is closed
 * @param maxBatch               operations in one group commit
 * @param commitIntervalMillis   least time from the start of one group commit to the start of the next
 * @param undoDepth              undoable operations per client
 */
record HostSettings(String defaultPolicy, Map<String, String> policies, int snapshotEvery, int keepOperations,
        int maxSessions, int maxSessionsPerBuilding, int maxChanges, double operationsPerSecond, int burst,
        int listenerQueue, int maxBatch, int commitIntervalMillis, int undoDepth) {

    HostSettings {
        if (defaultPolicy == null || defaultPolicy.isBlank()) {
            throw new IllegalArgumentException(CollaborationConfiguration.PID + " defaultPolicy must name a policy");
        }
        policies = Map.copyOf(policies);
        atLeast("snapshotEvery", snapshotEvery, 1);
        atLeast("keepOperations", keepOperations, 0);
        atLeast("maxSessions", maxSessions, 1);
        atLeast("maxSessionsPerBuilding", maxSessionsPerBuilding, 1);
        atLeast("maxChangesPerOperation", maxChanges, 1);
        atLeast("burst", burst, 1);
        atLeast("listenerQueue", listenerQueue, 1);
        atLeast("maxBatch", maxBatch, 1);
        atLeast("commitIntervalMillis", commitIntervalMillis, 0);
        atLeast("undoDepth", undoDepth, 1);
        if (!(operationsPerSecond >= 0)) {
            throw new IllegalArgumentException(CollaborationConfiguration.PID
                    + " operationsPerSecond must be 0 or more, not " + operationsPerSecond);
        }
    }

    static HostSettings of(CollaborationConfiguration c) {
        Map<String, String> policies = new HashMap<>();
        for (String entry : c.policies()) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException(CollaborationConfiguration.PID
                        + " policies entries must be buildingId=policy, not '" + entry + "'");
            }
            policies.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return new HostSettings(c.defaultPolicy(), policies, c.snapshotEvery(), c.keepOperations(), c.maxSessions(),
                c.maxSessionsPerBuilding(), c.maxChangesPerOperation(), c.operationsPerSecond(), c.burst(),
                c.listenerQueue(), c.maxBatch(), c.commitIntervalMillis(), c.undoDepth());
    }

    String policyOf(String buildingId) {
        return policies.getOrDefault(buildingId, defaultPolicy);
    }

    private static void atLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(CollaborationConfiguration.PID + " " + name + " must be " + min
                    + " or more, not " + value);
        }
    }
}
