package org.arxos.api.collab;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides what becomes of a change set made against an older revision than the head (operational transformation,
 * CRDT, last writer wins, manual merge, rules). Register with {@code arxos.impl} set to the policy's name.
 */
@ConsumerType
public interface ConflictResolver {

    Resolution resolve(ConflictContext context);
}
