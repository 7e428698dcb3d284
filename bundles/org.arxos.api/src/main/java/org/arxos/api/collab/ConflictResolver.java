package org.arxos.api.collab;

import org.arxos.model.Revision;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A conflict policy (operational transformation, CRDT, last writer wins, manual merge, rules): decides what becomes of
 * operations that editors made concurrently. Register with {@code arxos.impl} set to the policy's name; a
 * {@link ResolverSelection} picks one per building and per property or object type.
 */
@ConsumerType
public interface ConflictResolver {

    /**
     * Starts the server's authoritative replica of one building at a snapshot: operations submitted later are
     * resolved against each other, never against what led to the snapshot. The session host keeps the operation log
     * and reopens from its latest snapshot when the resolver is swapped.
     *
     * @param buildingId the building, for messages
     * @param snapshot   the building's current revision
     */
    ServerReplica open(String buildingId, Revision snapshot);
}
