package org.arxos.http.internal.websocket;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.arxos.api.event.BuildingEvent;
import org.arxos.api.security.Principal;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

/** One connected client of {@code /ws/events}: what it subscribed to, and its outgoing frames, one event each. */
final class EventStreamClient {

    private final Principal principal;
    private final OutgoingFrames frames;
    private final Set<String> buildings = ConcurrentHashMap.newKeySet();

    EventStreamClient(Session session, Principal principal, int maxQueued) {
        this.principal = principal;
        this.frames = new OutgoingFrames(session, "the event stream of user " + principal.user(), maxQueued, 1,
                "events");
    }

    Principal principal() {
        return principal;
    }

    Set<String> buildings() {
        return buildings;
    }

    /** Only the user's tenant's buildings the user may see, and of those the subscribed ones. */
    boolean wants(BuildingEvent event) {
        return !frames.isClosed() && event.tenant().equals(principal.tenant())
                && (buildings.contains(event.buildingId())
                        || buildings.contains(EventFrames.EVERY_BUILDING))
                && principal.roleFor(event.buildingId()).isPresent();
    }

    void send(String frame) {
        frames.send(frame);
    }

    void close(CloseReason.CloseCode code, String reason) {
        frames.close(code, reason);
    }
}
