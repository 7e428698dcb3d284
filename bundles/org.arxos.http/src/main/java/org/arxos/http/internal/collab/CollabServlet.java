package org.arxos.http.internal.collab;

import org.arxos.api.collab.Collaboration;
import org.arxos.api.security.IdentityStore;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.http.internal.websocket.WebSocketServlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;

/**
 * {@code /ws/collab/<buildingId>}: editors join a building and exchange operations with the collaboration host
 * (docs/collaboration-protocol.md). Runs without a {@link Collaboration} service, refusing connections with a reason
 * until one appears.
 */
@Component(service = Servlet.class, configurationPid = CollabConfiguration.PID)
@Designate(ocd = CollabConfiguration.class)
@HttpWhiteboardServletName("arxos-collab")
@HttpWhiteboardServletPattern("/ws/collab/*")
public final class CollabServlet extends WebSocketServlet<CollabHub> {

    static final String ENDPOINT_PATH = "/ws/collab/{" + CollabEndpoint.BUILDING_PARAMETER + "}";

    private static final long serialVersionUID = 1L;

    @Activate
    public CollabServlet(@Reference ImplementationSelector selector, CollabConfiguration configuration) {
        this(new CollabHub(() -> selector.select(IdentityStore.class), CollabLimits.of(configuration)));
    }

    CollabServlet(CollabHub hub) {
        super(hub, ENDPOINT_PATH, "/ws/collab/<buildingId>", reference -> CollabEndpoint.config(ENDPOINT_PATH,
                reference));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCollaboration(Collaboration collaboration) {
        hub().serve(collaboration);
    }

    void unbindCollaboration(Collaboration collaboration) {
        hub().stopServing(collaboration);
    }
}
