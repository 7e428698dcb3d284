package org.arxos.http.internal.collab;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A protocol client on the JDK's WebSocket: records every frame, and every message (the elements of an array frame
 * one by one) in arrival order.
 */
final class TestClient implements WebSocket.Listener, AutoCloseable {

    /** How long to wait for a message that should come: generous, since the build machine is shared. */
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<String> frames = new CopyOnWriteArrayList<>();
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    private WebSocket socket;

    static TestClient connect(URI uri, String token) throws Exception {
        TestClient client = new TestClient();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        client.socket = builder.buildAsync(uri, client).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            frames.add(frame);
            try {
                JsonNode node = JSON.readTree(frame);
                if (node.isArray()) {
                    node.forEach(messages::add);
                } else {
                    messages.add(node);
                }
            } catch (Exception e) {
                closed.completeExceptionally(new AssertionError("the server sent a frame that is not JSON: "
                        + frame, e));
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next message, whatever it is. */
    JsonNode next() throws InterruptedException {
        JsonNode message = messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(message, "no message within " + WAIT);
        return message;
    }

    /** The next message of a type, skipping others (presence of members that come and go, for example). */
    JsonNode next(String type) throws InterruptedException {
        return next(m -> m.path("type").asText().equals(type), "a " + type + " message");
    }

    JsonNode next(Predicate<JsonNode> wanted, String description) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            JsonNode message = messages.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (message != null && wanted.test(message)) {
                return message;
            }
        }
        throw new AssertionError("no " + description + " within " + WAIT);
    }

    /** Messages received and not yet taken. */
    List<JsonNode> pending() {
        return List.copyOf(messages);
    }

    /** The close code and reason, once the server closed. */
    String awaitClose() throws Exception {
        return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        socket.abort();
    }
}
