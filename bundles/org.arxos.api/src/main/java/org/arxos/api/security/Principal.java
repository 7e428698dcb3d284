package org.arxos.api.security;

import java.util.Map;
import java.util.Optional;

/**
 * An authenticated user.
 *
 * @param user          the user name
 * @param tenant        the only tenant whose buildings the user sees
 * @param tenantRole    the role on every building of the tenant not listed in {@code buildingRoles}, or {@code null}
 *                      for none
 * @param buildingRoles roles on single buildings, by building id
 * @param administrator whether the user may change what applies to every tenant (which implementation serves)
 */
public record Principal(String user, String tenant, Role tenantRole, Map<String, Role> buildingRoles,
        boolean administrator) {

    public Principal {
        buildingRoles = Map.copyOf(buildingRoles);
    }

    /** The user's role on the tenant's building, or empty when the user may not see it. */
    public Optional<Role> roleFor(String buildingId) {
        return Optional.ofNullable(buildingRoles.getOrDefault(buildingId, tenantRole));
    }

    public boolean may(String buildingId, Role required) {
        return roleFor(buildingId).map(r -> r.includes(required)).orElse(false);
    }
}
