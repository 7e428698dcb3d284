package org.arxos.api.security;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Maps bearer tokens to principals. Register with {@code arxos.impl} set to the store's name. Stores keep only a hash
 * of each token.
 */
@ConsumerType
public interface IdentityStore {

    Optional<Principal> authenticate(String bearerToken);

    /** Gives the user a role on one building of its tenant (the creator of a building becomes its owner). */
    void grant(String tenant, String user, String buildingId, Role role);
}
