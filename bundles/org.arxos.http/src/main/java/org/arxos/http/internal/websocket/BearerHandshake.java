package org.arxos.http.internal.websocket;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.arxos.api.security.IdentityStore;
import org.arxos.api.security.Principal;
import org.arxos.http.internal.BearerToken;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * The upgrade of a WebSocket endpoint that needs a user: the {@code Authorization: Bearer} header is checked during
 * the handshake and its outcome handed to the endpoint's {@code onOpen}, which closes a connection without a user
 * with code 1008 and the reason (the WebSocket API offers no way to answer the upgrade request with 401).
 */
public final class BearerHandshake {

    /** The user of an upgrade request, or why there is none (a close reason, at most 123 bytes). */
    public record Authentication(Principal principal, String problem) {
    }

    private static final String AUTHENTICATION = Authentication.class.getName();

    private BearerHandshake() {
    }

    public static Authentication authenticate(Optional<IdentityStore> store, String authorizationHeader) {
        Optional<String> token = BearerToken.from(authorizationHeader);
        if (token.isEmpty()) {
            return new Authentication(null, authorizationHeader == null
                    ? "missing bearer token: send Authorization: Bearer <token>"
                    : "the Authorization header is not Bearer <token>");
        }
        return store.map(s -> s.authenticate(token.get())
                        .map(principal -> new Authentication(principal, null))
                        .orElseGet(() -> new Authentication(null, "invalid or expired bearer token")))
                .orElseGet(() -> new Authentication(null, "no identity store is running"));
    }

    /**
     * The configuration of an endpoint at {@code path}.
     *
     * @param authenticate the user of an {@code Authorization} header value ({@code null} without the header); it
     *                     returns {@code null} while nothing serves the endpoint
     * @param endpoints    a new endpoint instance per connection
     */
    public static <E extends Endpoint> ServerEndpointConfig config(Class<E> type, String path,
            Function<String, Authentication> authenticate, Supplier<E> endpoints) {
        return ServerEndpointConfig.Builder.create(type, path)
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request,
                            HandshakeResponse response) {
                        List<String> header = request.getHeaders().entrySet().stream()
                                .filter(e -> e.getKey().equalsIgnoreCase("Authorization"))
                                .map(Map.Entry::getValue).findFirst().orElse(List.of());
                        Authentication authentication = authenticate.apply(header.isEmpty() ? null : header.get(0));
                        if (authentication != null) {
                            // per upgrade request: the container copies the user properties for each
                            config.getUserProperties().put(AUTHENTICATION, authentication);
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
                        return endpointClass.cast(endpoints.get());
                    }
                }).build();
    }

    /** What the handshake of a connection found: its user, or why there is none. */
    public static Authentication authentication(EndpointConfig config) {
        return config.getUserProperties().get(AUTHENTICATION) instanceof Authentication authentication
                ? authentication
                : new Authentication(null, "not authenticated");
    }
}
