package org.arxos.http.internal.collab;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.arxos.api.security.IdentityStore;
import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The collaboration servlet in a real Jetty with its Jakarta WebSocket container (as Felix HTTP Jetty runs it), on
 * a free loopback port, with users known by bearer token.
 */
final class CollabTestServer implements AutoCloseable {

    /** Editor of the test building. */
    static final String ALICE = "token-alice";
    /** Editor of the test building. */
    static final String BOB = "token-bob";
    /** Viewer of the test building. */
    static final String VICTOR = "token-victor";
    /** A user of another tenant. */
    static final String GLOBEX = "token-globex";

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final CollabHub hub;
    private final CollabServlet servlet;

    CollabTestServer(CollabLimits limits) throws Exception {
        Map<String, Principal> users = new HashMap<>();
        users.put(ALICE, new Principal("alice", OneBuildingCollaboration.TENANT, Role.EDITOR, Map.of(), false));
        users.put(BOB, new Principal("bob", OneBuildingCollaboration.TENANT, Role.EDITOR, Map.of(), false));
        users.put(VICTOR, new Principal("victor", OneBuildingCollaboration.TENANT, Role.VIEWER, Map.of(), false));
        users.put(GLOBEX, new Principal("gina", "globex", Role.OWNER, Map.of(), false));
        IdentityStore identities = new IdentityStore() {
            @Override
            public Optional<Principal> authenticate(String bearerToken) {
                return Optional.ofNullable(users.get(bearerToken));
            }

            @Override
            public void grant(String tenant, String user, String buildingId, Role role) {
                throw new UnsupportedOperationException("the endpoint grants no roles");
            }
        };
        hub = new CollabHub(() -> Optional.of(identities), limits);
        servlet = new CollabServlet(hub);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        JakartaWebSocketServletContainerInitializer.configure(context, null);
        ServletHolder holder = new ServletHolder(servlet);
        holder.setInitOrder(0);
        context.addServlet(holder, "/ws/collab/*");
        server.setHandler(context);
        server.start();
    }

    static CollabLimits limits() {
        return new CollabLimits(4_096, 16_384, 1_000, 256, 100, 60);
    }

    CollabHub hub() {
        return hub;
    }

    CollabServlet servlet() {
        return servlet;
    }

    URI uri(String buildingAndQuery) {
        return URI.create("ws://127.0.0.1:" + connector.getLocalPort() + "/ws/collab/" + buildingAndQuery);
    }

    URI http(String path) {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + path);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
