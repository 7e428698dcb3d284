package org.arxos.http.internal.websocket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * A whiteboard servlet that deploys a WebSocket endpoint into the HTTP runtime's WebSocket container when it is
 * initialised; plain HTTP requests to its path (no upgrade) are answered with a problem saying how to connect. The
 * container keeps an endpoint path for its lifetime while the servlet component restarts, so the endpoint reaches
 * the serving hub through a reference kept in a servlet context attribute.
 *
 * @param <H> what serves the endpoint's connections while this servlet runs
 */
public abstract class WebSocketServlet<H extends AutoCloseable> extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketServlet.class);

    private final transient H hub;
    private final String endpointPath;
    private final String shownPath;
    private final transient Function<AtomicReference<H>, ServerEndpointConfig> endpoint;
    private transient volatile AtomicReference<H> serving;

    /**
     * @param endpointPath the endpoint's path template, e.g. {@code /ws/collab/{buildingId}}
     * @param shownPath    the path as problems show it, e.g. {@code /ws/collab/<buildingId>}
     * @param endpoint     the endpoint's configuration, reaching the serving hub through the reference it is given
     */
    protected WebSocketServlet(H hub, String endpointPath, String shownPath,
            Function<AtomicReference<H>, ServerEndpointConfig> endpoint) {
        this.hub = hub;
        this.endpointPath = endpointPath;
        this.shownPath = shownPath;
        this.endpoint = endpoint;
    }

    protected final H hub() {
        return hub;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void init() {
        ServletContext context = getServletContext();
        if (!(context.getAttribute(ServerContainer.class.getName()) instanceof ServerContainer container)) {
            LOG.warn("{} is not available: the HTTP runtime has no WebSocket container (run Felix HTTP Jetty's "
                    + "with-jakarta-websockets bundle with org.apache.felix.jakarta.websocket.enable=true)",
                    shownPath);
            return;
        }
        String attribute = "org.arxos.http.websocket.hub:" + endpointPath;
        synchronized (WebSocketServlet.class) {
            AtomicReference<H> current = (AtomicReference<H>) context.getAttribute(attribute);
            if (current == null) {
                current = new AtomicReference<>();
                try {
                    container.addEndpoint(endpoint.apply(current));
                } catch (DeploymentException e) {
                    LOG.error("{} is not available: the WebSocket container refused the endpoint: {}", shownPath,
                            e.getMessage());
                    return;
                }
                context.setAttribute(attribute, current);
            }
            current.set(hub);
            serving = current;
        }
    }

    @Override
    public void destroy() {
        AtomicReference<H> current = serving;
        if (current != null) {
            current.compareAndSet(hub, null);
        }
        try {
            hub.close();
        } catch (Exception e) {
            LOG.debug("Closing {}: {}", shownPath, e.toString());
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean available = serving != null;
        int status = available ? 426 : 503;
        String detail = available
                ? shownPath + " is a WebSocket endpoint: connect with an upgrade request (ws://host:port" + shownPath
                        + ") and Authorization: Bearer <token>"
                : shownPath + " is not available: this server runs without WebSocket support";
        response.setStatus(status);
        if (available) {
            response.setHeader("Upgrade", "websocket");
        }
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        String body = "{\"type\":\"urn:arxos:problem:" + (available ? "upgrade-required" : "service-unavailable")
                + "\",\"title\":\"" + (available ? "Upgrade required" : "Service unavailable") + "\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\",\"instance\":\"" + shownPath + "\"}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
