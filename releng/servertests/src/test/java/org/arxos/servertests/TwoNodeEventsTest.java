package org.arxos.servertests;

import static org.arxos.servertests.Api.assertProblem;
import static org.arxos.servertests.Api.assertStatus;
import static org.arxos.servertests.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two server processes joined through ActiveMQ: node A's embedded broker listens on loopback, node B joins it. A
 * building created through REST on A reaches a {@code /ws/events} client on B, tagged with A as its origin, and only
 * clients of the building's tenant; {@code kill -9} of B leaves A healthy and serving.
 */
@ExtendWith(ServerLogsOnFailure.class)
class TwoNodeEventsTest {

    /** Node A's broker (61700-61799 are the messaging tests' ports). */
    private static final String BROKER = "tcp://127.0.0.1:61720";
    private static final String OWNER = "arx_owner_acme";
    private static final String OTHER_TENANT = "arx_owner_globex";
    private static final Duration START = Duration.ofSeconds(180);
    private static final Duration FRAME = Duration.ofSeconds(60);

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;

    private ArxosServer nodeA;
    private ArxosServer nodeB;

    @AfterEach
    void stop() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    void aBuildingCreatedOnOneNodeReachesTheEventStreamOfTheOtherAndKillingThatNodeLeavesTheFirstHealthy()
            throws Exception {
        ArxosServer.User[] users = { new ArxosServer.User("alice", "acme", "owner", OWNER),
                new ArxosServer.User("bob", "globex", "owner", OTHER_TENANT) };
        nodeA = ArxosServer.create(dirA).writeIdentity(users).writeConfig("org.arxos.messaging.activemq",
                ArxosServer.config("nodeId", "node-a", "listenAddress", BROKER));
        nodeB = ArxosServer.create(dirB).writeIdentity(users).writeConfig("org.arxos.messaging.activemq",
                ArxosServer.config("nodeId", "node-b", "brokerUrl", BROKER, "reconnectMaxMillis", "1000"));
        nodeA.start();
        nodeB.start();
        nodeA.awaitHealthy(START);
        nodeB.awaitHealthy(START);
        nodeB.await("node B's bridge to join node A's broker", START, () -> "connected".equals(
                json(nodeB.get("/health", null)).at("/components/messaging/details/state").asText()));

        assertProblem(426, nodeB.get("/ws/events", OWNER));
        Client anonymous = Client.connect(nodeB, null);
        CloseFrame refused = anonymous.awaitClose(FRAME);
        assertEquals(1008, refused.code());
        assertTrue(refused.reason().contains("bearer token"), refused.reason());

        Client alice = Client.connect(nodeB, OWNER);
        alice.send("{\"type\":\"subscribe\",\"buildings\":[\"*\"]}");
        assertEquals("subscribed", alice.next(FRAME).path("type").asText());
        Client bob = Client.connect(nodeB, OTHER_TENANT);
        bob.send("{\"type\":\"subscribe\",\"buildings\":[\"*\"]}");
        assertEquals("subscribed", bob.next(FRAME).path("type").asText());
        alice.send("{\"type\":\"watch\"}");
        JsonNode error = alice.next(FRAME);
        assertEquals("error", error.path("type").asText());
        assertTrue(error.path("message").asText().contains("'watch'"), error.toString());

        assertStatus(201, nodeA.post("/api/buildings/generate", OWNER, "application/json",
                "{\"objects\":100,\"id\":\"crossing\",\"seed\":3,\"name\":\"Crossing\"}"));
        JsonNode event = alice.next(FRAME);
        assertEquals("event", event.path("type").asText(), event.toString());
        assertEquals("building/created", event.path("topic").asText(), event.toString());
        assertEquals("crossing", event.path("buildingId").asText());
        assertEquals("acme", event.path("tenant").asText());
        assertEquals("node-a", event.path("attributes").path("origin").asText(), "tagged with the node it came from");
        assertNull(bob.poll(Duration.ofSeconds(2)), "another tenant's client sees nothing of acme's buildings");
        String metrics = nodeB.get("/metrics", OWNER).body();
        Matcher received = Pattern.compile("arxos_messaging_received_total\\{bridge=\"activemq\",node=\"node-b\"} "
                + "([0-9.]+)").matcher(metrics);
        assertTrue(received.find() && Double.parseDouble(received.group(1)) >= 1, "node B counts what it received: "
                + metrics);

        nodeB.kill();
        assertStatus(201, nodeA.post("/api/buildings/generate", OWNER, "application/json",
                "{\"objects\":100,\"id\":\"after-kill\",\"seed\":4,\"name\":\"After\"}"));
        nodeA.awaitHealthy(Duration.ofSeconds(30));
        JsonNode messaging = json(nodeA.get("/health", null)).at("/components/messaging");
        assertEquals("UP", messaging.path("status").asText(), messaging.toString());
        assertTrue(messaging.at("/details/sent").asLong() >= 2, "node A still sends: " + messaging);
        assertEquals(0, messaging.at("/details/failed").asLong(), messaging.toString());
    }

    private record CloseFrame(int code, String reason) {
    }

    /** A WebSocket client of {@code /ws/events} that keeps every text frame it receives. */
    private static final class Client implements WebSocket.Listener {
        private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        private final CompletableFuture<CloseFrame> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Client connect(ArxosServer server, String token) throws Exception {
            Client client = new Client();
            WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10));
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws/events"), client)
                    .get(30, TimeUnit.SECONDS);
            return client;
        }

        void send(String text) throws Exception {
            if (closed.isDone()) {
                throw new AssertionError("the server closed the connection: " + closed.get());
            }
            socket.sendText(text, true).get(10, TimeUnit.SECONDS);
        }

        JsonNode next(Duration timeout) throws Exception {
            JsonNode frame = poll(timeout);
            assertNotNull(frame, "no frame within " + timeout + ArxosServer.openServerLogTails());
            return frame;
        }

        JsonNode poll(Duration timeout) throws Exception {
            String text = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return text == null ? null : Api.JSON.readTree(text);
        }

        CloseFrame awaitClose(Duration timeout) throws Exception {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new CloseFrame(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
