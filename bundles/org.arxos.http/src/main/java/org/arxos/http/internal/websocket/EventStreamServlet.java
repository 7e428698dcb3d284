package org.arxos.http.internal.websocket;

import org.arxos.api.event.EventBus;
import org.arxos.api.selection.ImplementationSelector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;

/** {@code /ws/events}: a WebSocket stream of the building events of the buildings a client subscribes to. */
@Component(service = Servlet.class, configurationPid = EventStreamConfiguration.PID)
@Designate(ocd = EventStreamConfiguration.class)
@HttpWhiteboardServletName("arxos-events")
@HttpWhiteboardServletPattern(EventStreamServlet.PATH)
public final class EventStreamServlet extends WebSocketServlet<EventStreamHub> {

    static final String PATH = "/ws/events";

    private static final long serialVersionUID = 1L;

    @Activate
    public EventStreamServlet(@Reference EventBus bus, @Reference ImplementationSelector selector,
            EventStreamConfiguration configuration) {
        super(new EventStreamHub(bus, selector, EventStreamLimits.of(configuration)), PATH, PATH,
                hub -> EventStreamEndpoint.config(PATH, hub));
    }
}
