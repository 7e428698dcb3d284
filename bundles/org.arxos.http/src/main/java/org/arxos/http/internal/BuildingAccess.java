package org.arxos.http.internal;

import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.repository.BuildingSummary;
import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;

/**
 * Role checks. A building the principal may not see answers exactly like one that does not exist (404), so neither
 * another tenant's buildings nor hidden ones of the own tenant reveal themselves.
 */
final class BuildingAccess {

    private BuildingAccess() {
    }

    /**
     * @param action what the request does, for the 403 detail, e.g. {@code "deleting"}
     * @throws ProblemException 404 when the building is unknown or hidden, 403 when the role is too small
     */
    static BuildingSummary require(BuildingRepository repository, Principal principal, String buildingId, Role role,
            String action) {
        Role held = principal.roleFor(buildingId).orElse(null);
        BuildingSummary summary = held == null ? null : repository.find(principal.tenant(), buildingId).orElse(null);
        if (summary == null) {
            throw unknownBuilding(buildingId);
        }
        if (!held.includes(role)) {
            throw ProblemException.forbidden(action + " building '" + buildingId + "' requires the " + role
                    + " role; user '" + principal.user() + "' has " + held)
                    .with("requiredRole", role.name()).with("role", held.name());
        }
        return summary;
    }

    /** @throws ProblemException 403 unless the principal's tenant-wide role includes {@code role} */
    static void requireTenantRole(Principal principal, Role role, String action) {
        Role held = principal.tenantRole();
        if (held == null || !held.includes(role)) {
            throw ProblemException.forbidden(action + " requires the " + role + " role on tenant '"
                    + principal.tenant() + "'; user '" + principal.user() + "' has " + (held == null ? "none" : held))
                    .with("requiredRole", role.name()).with("role", held == null ? null : held.name());
        }
    }

    /** @throws ProblemException 403 unless the principal is an administrator, as changes for every tenant need */
    static void requireAdministrator(Principal principal, String action) {
        if (!principal.administrator()) {
            throw ProblemException.forbidden(action + " changes it for every tenant and needs an administrator; user '"
                    + principal.user() + "' is not one");
        }
    }

    static ProblemException unknownBuilding(String buildingId) {
        return ProblemException.notFound("unknown building '" + buildingId + "'");
    }
}
