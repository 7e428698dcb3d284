package org.arxos.http.internal.websocket;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * One connection of {@code /ws/events}. The bearer token is checked during the handshake; a connection without a
 * valid one is closed right after opening with code 1008 and the reason, since the WebSocket API offers no way to
 * answer the upgrade request with 401.
 */
public final class EventStreamEndpoint extends Endpoint {

    private static final String AUTHENTICATION = EventStreamHub.Authentication.class.getName();

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
        return ServerEndpointConfig.Builder.create(EventStreamEndpoint.class, path)
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request,
                            HandshakeResponse response) {
                        EventStreamHub current = hub.get();
                        if (current != null) {
                            List<String> header = request.getHeaders().entrySet().stream()
                                    .filter(e -> e.getKey().equalsIgnoreCase("Authorization"))
                                    .map(Map.Entry::getValue).findFirst().orElse(List.of());
                            // per upgrade request: the container copies the user properties for each
                            config.getUserProperties().put(AUTHENTICATION,
                                    current.authenticate(header.isEmpty() ? null : header.get(0)));
                        }
                    }

                    // The methods below are those whose default asks the container's configurator, which the
                    // Jakarta WebSocket API finds with a ServiceLoader that cannot see Jetty's bundle in OSGi.

                    /** Any origin: the bearer token, which a browser never adds on its own, is the check. */
                    @Override
                    public boolean checkOrigin(String originHeaderValue) {
                        return true;
                    }

                    @Override
                    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
                        return "";
                    }

                    /** No extensions: frames are small JSON, not worth compressing per message. */
                    @Override
                    public List<Extension> getNegotiatedExtensions(List<Extension> installed,
                            List<Extension> requested) {
                        return List.of();
                    }

                    @Override
                    public <T> T getEndpointInstance(Class<T> endpointClass) {
                        return endpointClass.cast(new EventStreamEndpoint(hub));
                    }
                }).build();
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        EventStreamHub current = hub.get();
        Object authentication = config.getUserProperties().get(AUTHENTICATION);
        try {
            if (current == null) {
                session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER,
                        "the event stream is not running"));
                return;
            }
            if (!(authentication instanceof EventStreamHub.Authentication auth) || auth.principal() == null) {
                String problem = authentication instanceof EventStreamHub.Authentication auth ? auth.problem()
                        : "not authenticated";
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, problem));
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
