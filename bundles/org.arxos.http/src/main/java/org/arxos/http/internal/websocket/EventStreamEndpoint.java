package org.arxos.http.internal.websocket;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;

/** One connection of {@code /ws/events}; the user comes from the {@link BearerHandshake}. */
public final class EventStreamEndpoint extends Endpoint {

    private final AtomicReference<EventStreamHub> hub;
    private EventStreamHub openedBy;
    private EventStreamClient client;

    private EventStreamEndpoint(AtomicReference<EventStreamHub> hub) {
        this.hub = hub;
    }

    /**
     * The endpoint's configuration. It reaches the serving hub through {@code hub}, because the WebSocket container
     * keeps an endpoint path for its lifetime while the servlet component and its hub may restart.
     */
    static ServerEndpointConfig config(String path, AtomicReference<EventStreamHub> hub) {
        return BearerHandshake.config(EventStreamEndpoint.class, path, header -> {
            EventStreamHub current = hub.get();
            return current == null ? null : current.authenticate(header);
        }, () -> new EventStreamEndpoint(hub));
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        EventStreamHub current = hub.get();
        BearerHandshake.Authentication auth = BearerHandshake.authentication(config);
        try {
            if (current == null) {
                session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER,
                        "the event stream is not running"));
                return;
            }
            if (auth.principal() == null) {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, auth.problem()));
                return;
            }
            session.setMaxTextMessageBufferSize(current.limits().maxClientMessageBytes());
            EventStreamClient opened = current.open(session, auth.principal());
            client = opened;
            openedBy = current;
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> current.handle(opened,
                    text));
        } catch (java.io.IOException e) {
            // the client went away during the handshake
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (client != null) {
            openedBy.closed(client);
        }
    }

    @Override
    public void onError(Session session, Throwable failure) {
        onClose(session, null);
    }
}
