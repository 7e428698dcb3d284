package org.arxos.http.internal.websocket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.arxos.api.event.EventBus;
import org.arxos.api.selection.ImplementationSelector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;

/**
 * {@code /ws/events}: a WebSocket stream of the building events of the buildings a client subscribes to. The
 * servlet deploys the endpoint into the HTTP runtime's WebSocket container when it is initialised; plain HTTP
 * requests to the path (no upgrade) are answered with a problem saying how to connect.
 */
@Component(service = Servlet.class, configurationPid = EventStreamConfiguration.PID)
@Designate(ocd = EventStreamConfiguration.class)
@HttpWhiteboardServletName("arxos-events")
@HttpWhiteboardServletPattern(EventStreamServlet.PATH)
public final class EventStreamServlet extends HttpServlet {

    static final String PATH = "/ws/events";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EventStreamServlet.class);
    /** The context attribute holding the hub the endpoint serves from, kept across restarts of this component. */
    private static final String HUB_ATTRIBUTE = "org.arxos.http.events.hub";

    private final transient EventStreamHub hub;
    private transient volatile AtomicReference<EventStreamHub> serving;

    @Activate
    public EventStreamServlet(@Reference EventBus bus, @Reference ImplementationSelector selector,
            EventStreamConfiguration configuration) {
        this.hub = new EventStreamHub(bus, selector, EventStreamLimits.of(configuration));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void init() {
        ServletContext context = getServletContext();
        if (!(context.getAttribute(ServerContainer.class.getName()) instanceof ServerContainer container)) {
            LOG.warn("{} is not available: the HTTP runtime has no WebSocket container (run Felix HTTP Jetty's "
                    + "with-jakarta-websockets bundle with org.apache.felix.jakarta.websocket.enable=true)", PATH);
            return;
        }
        synchronized (EventStreamServlet.class) {
            AtomicReference<EventStreamHub> current = (AtomicReference<EventStreamHub>) context
                    .getAttribute(HUB_ATTRIBUTE);
            if (current == null) {
                current = new AtomicReference<>();
                try {
                    container.addEndpoint(EventStreamEndpoint.config(PATH, current));
                } catch (DeploymentException e) {
                    LOG.error("{} is not available: the WebSocket container refused the endpoint: {}", PATH,
                            e.getMessage());
                    return;
                }
                context.setAttribute(HUB_ATTRIBUTE, current);
            }
            current.set(hub);
            serving = current;
        }
    }

    @Override
    public void destroy() {
        AtomicReference<EventStreamHub> current = serving;
        if (current != null) {
            current.compareAndSet(hub, null);
        }
        try {
            hub.close();
        } catch (Exception e) {
            LOG.debug("Closing the event stream: {}", e.toString());
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean available = serving != null;
        int status = available ? 426 : 503;
        String detail = available
                ? PATH + " is a WebSocket endpoint: connect with an upgrade request (ws://host:port" + PATH
                        + ") and Authorization: Bearer <token>"
                : PATH + " is not available: this server runs without WebSocket support";
        response.setStatus(status);
        if (available) {
            response.setHeader("Upgrade", "websocket");
        }
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        String body = "{\"type\":\"urn:arxos:problem:" + (available ? "upgrade-required" : "service-unavailable")
                + "\",\"title\":\"" + (available ? "Upgrade required" : "Service unavailable") + "\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\",\"instance\":\"" + PATH + "\"}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
