package org.arxos.http.internal.collab;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.arxos.api.collab.AppliedOperation;
import org.arxos.api.collab.Collaboration;
import org.arxos.api.security.IdentityStore;
import org.arxos.http.internal.websocket.BearerHandshake;

import jakarta.websocket.CloseReason;

/**
 * The connections of {@code /ws/collab} while one configuration serves: how they authenticate, the collaboration
 * host they join (while one runs), and the broadcasts they share the encoding of.
 */
final class CollabHub implements AutoCloseable {

    private final Supplier<Optional<IdentityStore>> identities;
    private final CollabLimits limits;
    private final AtomicReference<Collaboration> collaboration = new AtomicReference<>();
    private final EncodedBroadcasts broadcasts = new EncodedBroadcasts();
    private final Set<CollabClient> clients = ConcurrentHashMap.newKeySet();

    CollabHub(Supplier<Optional<IdentityStore>> identities, CollabLimits limits) {
        this.identities = identities;
        this.limits = limits;
    }

    CollabLimits limits() {
        return limits;
    }

    BearerHandshake.Authentication authenticate(String authorizationHeader) {
        return BearerHandshake.authenticate(identities.get(), authorizationHeader);
    }

    void serve(Collaboration host) {
        collaboration.set(host);
    }

    /** Stops offering {@code host} to new connections, unless another host replaced it already. */
    void stopServing(Collaboration host) {
        collaboration.compareAndSet(host, null);
    }

    /** The host new connections join, or {@code null} when none runs. */
    Collaboration collaboration() {
        return collaboration.get();
    }

    /** The JSON of an applied operation, encoded once for all the sessions it reaches. */
    String applied(AppliedOperation operation) {
        return broadcasts.json(operation);
    }

    /** The JSON array of consecutive applied operations, encoded once for all the sessions they reach. */
    String applied(List<AppliedOperation> run) {
        return broadcasts.run(run);
    }

    long encodings() {
        return broadcasts.encodings();
    }

    void opened(CollabClient client) {
        clients.add(client);
    }

    void closed(CollabClient client) {
        clients.remove(client);
    }

    @Override
    public void close() {
        for (CollabClient client : clients) {
            client.disconnect(CloseReason.CloseCodes.GOING_AWAY, "the collaboration endpoint is restarting or the "
                    + "server stopping: reconnect with since=<last revision applied>");
        }
        clients.clear();
    }
}
