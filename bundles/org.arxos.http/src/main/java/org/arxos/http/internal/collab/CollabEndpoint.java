package org.arxos.http.internal.collab;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.arxos.api.collab.Collaboration;
import org.arxos.api.repository.UnknownBuildingException;
import org.arxos.http.internal.websocket.BearerHandshake;
import org.arxos.http.internal.websocket.OutgoingFrames;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * One connection of {@code /ws/collab/<buildingId>?client=<clientId>&since=<revision>}: a client's editing session
 * in one building. A connection that cannot join (no user, no collaboration host, a malformed parameter, a building
 * the user cannot see) is sent a {@code closed} message with the reason and closed.
 */
public final class CollabEndpoint extends Endpoint {

    static final String BUILDING_PARAMETER = "buildingId";

    private final AtomicReference<CollabHub> hub;
    private CollabHub openedBy;
    private CollabClient client;

    private CollabEndpoint(AtomicReference<CollabHub> hub) {
        this.hub = hub;
    }

    /** Reaches the serving hub through {@code hub}, which outlives restarts of the servlet component. */
    static ServerEndpointConfig config(String path, AtomicReference<CollabHub> hub) {
        return BearerHandshake.config(CollabEndpoint.class, path, header -> {
            CollabHub current = hub.get();
            return current == null ? null : current.authenticate(header);
        }, () -> new CollabEndpoint(hub));
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        CollabHub current = hub.get();
        if (current == null) {
            refuse(session, CloseReason.CloseCodes.TRY_AGAIN_LATER, "the collaboration endpoint is not running");
            return;
        }
        BearerHandshake.Authentication auth = BearerHandshake.authentication(config);
        if (auth.principal() == null) {
            refuse(session, CloseReason.CloseCodes.VIOLATED_POLICY, auth.problem());
            return;
        }
        Collaboration collaboration = current.collaboration();
        if (collaboration == null) {
            refuse(session, CloseReason.CloseCodes.TRY_AGAIN_LATER, "collaboration is not running on this server "
                    + "(no Collaboration service): try again later");
            return;
        }
        String buildingId = session.getPathParameters().get(BUILDING_PARAMETER);
        String clientId = parameter(session, "client");
        if (clientId == null) {
            refuse(session, CloseReason.CloseCodes.VIOLATED_POLICY, "missing client id: connect to "
                    + "/ws/collab/<buildingId>?client=<clientId>&since=<revision or -1>");
            return;
        }
        long since = since(parameter(session, "since"));
        if (since < -1) {
            refuse(session, CloseReason.CloseCodes.VIOLATED_POLICY, "'since' must be the last revision the client "
                    + "applied, or -1 for a client with nothing");
            return;
        }
        session.setMaxTextMessageBufferSize(current.limits().maxFrameBytes());
        session.setMaxIdleTimeout(current.limits().idleTimeoutSeconds() * 1000L);
        CollabClient joining = new CollabClient(current, session, auth.principal(), buildingId, clientId);
        try {
            joining.join(collaboration, since);
        } catch (UnknownBuildingException | SecurityException e) {
            // unknown and hidden buildings answer alike, as in the REST API
            refuse(session, CloseReason.CloseCodes.VIOLATED_POLICY, "unknown building '" + buildingId + "'");
            return;
        } catch (IllegalArgumentException e) {
            refuse(session, CloseReason.CloseCodes.VIOLATED_POLICY, e.getMessage());
            return;
        } catch (IllegalStateException e) {
            refuse(session, CloseReason.CloseCodes.TRY_AGAIN_LATER, e.getMessage());
            return;
        }
        client = joining;
        openedBy = current;
        current.opened(joining);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) joining::receive);
    }

    private static String parameter(Session session, String name) {
        List<String> values = session.getRequestParameterMap().get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }

    /** The {@code since} parameter; -1 without one, below -1 for one that is not a revision number. */
    private static long since(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -2;
        }
    }

    /** Tells the client why in a message (the close reason may be cut to 123 bytes), then closes. */
    private static void refuse(Session session, CloseReason.CloseCode code, String reason) {
        try {
            session.getBasicRemote().sendText(ServerMessages.closed(reason));
            session.close(new CloseReason(code, OutgoingFrames.truncate(reason)));
        } catch (IOException | IllegalStateException e) {
            // the client went away during the handshake
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (client != null) {
            openedBy.closed(client);
            client.left();
        }
    }

    @Override
    public void onError(Session session, Throwable failure) {
        onClose(session, null);
    }
}
