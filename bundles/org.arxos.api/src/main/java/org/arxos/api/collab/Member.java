package org.arxos.api.collab;

import org.arxos.api.security.Role;

/**
 * A session in a building as the others see it.
 *
 * @param clientId the session's client
 * @param user     its user
 * @param role     the user's role on the building
 * @param presence what it looks at
 * @param present  {@code false} in the one event that tells that it left
 */
public record Member(String clientId, String user, Role role, Presence presence, boolean present) {
}
