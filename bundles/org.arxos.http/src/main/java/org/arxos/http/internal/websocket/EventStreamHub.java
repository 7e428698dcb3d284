package org.arxos.http.internal.websocket;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.arxos.api.event.BuildingEvent;
import org.arxos.api.event.EventBus;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.security.IdentityStore;
import org.arxos.api.security.Principal;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.http.internal.websocket.EventFrames.BadRequestException;
import org.arxos.http.internal.websocket.EventFrames.Request;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

/**
 * The clients of {@code /ws/events} and the one bus subscription that feeds them: each event is encoded once, when
 * the first client wants it, and queued to every client that does.
 */
final class EventStreamHub implements AutoCloseable {

    private final ImplementationSelector selector;
    private final EventStreamLimits limits;
    private final Set<EventStreamClient> clients = ConcurrentHashMap.newKeySet();
    private final AutoCloseable subscription;

    EventStreamHub(EventBus bus, ImplementationSelector selector, EventStreamLimits limits) {
        this.selector = selector;
        this.limits = limits;
        this.subscription = bus.subscribe("*", this::broadcast);
    }

    EventStreamLimits limits() {
        return limits;
    }

    BearerHandshake.Authentication authenticate(String authorizationHeader) {
        return BearerHandshake.authenticate(selector.select(IdentityStore.class), authorizationHeader);
    }

    EventStreamClient open(Session session, Principal principal) {
        EventStreamClient client = new EventStreamClient(session, principal, limits.maxQueuedEvents());
        clients.add(client);
        return client;
    }

    void closed(EventStreamClient client) {
        clients.remove(client);
    }

    /** Applies one request of a client and answers it (the whole subscription, or an error naming the problem). */
    void handle(EventStreamClient client, String text) {
        Request request;
        try {
            request = EventFrames.request(text);
        } catch (BadRequestException e) {
            client.send(EventFrames.error(e.getMessage()));
            return;
        }
        if (!request.subscribe()) {
            client.buildings().removeAll(request.buildings());
            client.send(EventFrames.subscribed(client.buildings()));
            return;
        }
        List<String> refused = new ArrayList<>();
        for (String building : request.buildings()) {
            if (!building.equals(EventFrames.EVERY_BUILDING) && !visible(client.principal(), building)) {
                refused.add(building);
            }
        }
        if (!refused.isEmpty()) {
            // unknown and hidden buildings answer alike, as in the REST API
            client.send(EventFrames.error("unknown building" + (refused.size() > 1 ? "s " : " ")
                    + String.join(", ", refused.stream().map(b -> "'" + b + "'").toList()) + "; nothing subscribed"));
            return;
        }
        Set<String> after = new HashSet<>(client.buildings());
        after.addAll(request.buildings());
        if (after.size() > limits.maxSubscriptions()) {
            client.send(EventFrames.error("at most " + limits.maxSubscriptions() + " buildings per connection; "
                    + "subscribe to \"*\" for every building of your tenant"));
            return;
        }
        client.buildings().addAll(request.buildings());
        client.send(EventFrames.subscribed(client.buildings()));
    }

    private boolean visible(Principal principal, String building) {
        return principal.roleFor(building).isPresent() && selector.select(BuildingRepository.class)
                .flatMap(repository -> repository.find(principal.tenant(), building)).isPresent();
    }

    private void broadcast(BuildingEvent event) {
        String frame = null;
        for (EventStreamClient client : clients) {
            if (client.wants(event)) {
                if (frame == null) {
                    frame = EventFrames.event(event);
                }
                client.send(frame);
            }
        }
    }

    @Override
    public void close() throws Exception {
        subscription.close();
        for (EventStreamClient client : clients) {
            client.close(CloseReason.CloseCodes.GOING_AWAY, "the event stream is restarting or the server stopping");
        }
        clients.clear();
    }
}
