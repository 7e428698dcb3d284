package org.arxos.api.collab;

import java.util.List;

import org.arxos.api.security.Principal;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Hosts editing sessions: the server side of real-time collaboration. It keeps one authoritative
 * {@link ServerReplica} per building being edited, orders operations, writes them to the durable operation log before
 * it acknowledges them, and tells every session of the building what happened.
 */
@ProviderType
public interface Collaboration {

    /**
     * Joins a building. The listener first receives {@link SessionListener#welcome(Welcome)}: the operations applied
     * after {@code since} when the log still holds them, otherwise a snapshot.
     *
     * @param user     the authenticated user; needs at least the viewer role on the building to join and the editor
     *                 role to submit
     * @param clientId the client, stable across reconnects of the same client so that catch-up and duplicate
     *                 detection work
     * @param since    the last revision the client applied, or {@code -1} for a client with nothing
     * @throws org.arxos.api.repository.UnknownBuildingException when the building does not exist for the user's tenant
     * @throws SecurityException                                   when the user may not see the building
     * @throws IllegalArgumentException                            naming a malformed client id or a {@code since} in
     *                                                             the future
     * @throws IllegalStateException                               when the host holds as many sessions as configured
     */
    EditingSession join(Principal user, String buildingId, String clientId, long since, SessionListener listener);

    /** The sessions present in one building of the user's tenant, with their presence. */
    List<Member> members(Principal user, String buildingId);

    /** Conflicts parked for a person to decide (manual merge) in one building; empty under other policies. */
    List<Conflict> parked(Principal user, String buildingId);

    CollaborationStats stats();
}
