package org.arxos.servertests;

import static org.arxos.servertests.Api.assertStatus;
import static org.arxos.servertests.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Collaboration across two server processes: both keep the operation log and the buildings in one PostgreSQL schema
 * made for this run, and node A's embedded ActiveMQ broker joins them. Editors on A and on B of one building see
 * each other's operations in one order; then node B is killed with SIGKILL while its editors have operations in
 * flight, they reconnect to A from the last revision they saw and send again what was not acknowledged. Every
 * operation ends acknowledged and in every editor's stream exactly once, at the same revision, the streams have no
 * gaps, and the building a new session receives holds every operation's write.
 */
@ExtendWith(ServerLogsOnFailure.class)
class TwoNodeCollaborationTest {

    /** Node A's broker (61700-61799 are the messaging tests' ports; TwoNodeEventsTest uses 61720). */
    private static final String BROKER = "tcp://127.0.0.1:61723";
    private static final String TOKEN = "arx_owner_collab_two_nodes";
    private static final String BUILDING = "shared";
    private static final Duration START = Duration.ofSeconds(180);
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final int EDITORS_PER_NODE = 3;

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;

    private final String schema = "collab2n_" + HexFormat.of().formatHex(
            java.nio.ByteBuffer.allocate(8).putLong(ThreadLocalRandom.current().nextLong()).array());
    private final List<Editor> editors = new ArrayList<>();
    private ArxosServer nodeA;
    private ArxosServer nodeB;

    @AfterEach
    void stop() throws Exception {
        editors.forEach(Editor::close);
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        psql("drop schema if exists " + schema + " cascade");
    }

    @Test
    void editorsOnTwoNodesConvergeAndThoseOfAKilledNodeLoseNothingOnTheOther() throws Exception {
        psql("create schema " + schema);
        String database = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema;
        ArxosServer.User alice = new ArxosServer.User("alice", "acme", "owner", TOKEN);
        nodeA = node(dirA, database, alice).writeConfig("org.arxos.messaging.activemq",
                ArxosServer.config("nodeId", "node-a", "listenAddress", BROKER));
        nodeB = node(dirB, database, alice).writeConfig("org.arxos.messaging.activemq",
                ArxosServer.config("nodeId", "node-b", "brokerUrl", BROKER, "reconnectMaxMillis", "1000"));
        long began = System.nanoTime();
        nodeA.start();
        nodeB.start();
        nodeA.awaitHealthy(START);
        nodeB.awaitHealthy(START);
        nodeB.await("node B's bridge to join node A's broker", START, () -> "connected".equals(
                json(nodeB.get("/health", null)).at("/components/messaging/details/state").asText()));

        assertStatus(201, nodeA.post("/api/buildings/generate", TOKEN, "application/json",
                "{\"objects\":300,\"id\":\"" + BUILDING + "\",\"seed\":5,\"name\":\"Shared\"}"));
        nodeB.await("node B to see the building node A made", SETTLE,
                () -> nodeB.get("/api/buildings/" + BUILDING, TOKEN).statusCode() == 200);
        JsonNode head = json(nodeA.get("/api/buildings/" + BUILDING + "/revisions/head", TOKEN));
        long editing = System.nanoTime();
        System.out.printf("TwoNodeCollaborationTest: both nodes up and joined in %.1f s%n", (editing - began) / 1e9);
        List<String> components = new ArrayList<>();
        head.path("objects").forEach(o -> {
            if ("component".equals(o.path("type").asText())) {
                components.add(o.path("id").asText());
            }
        });
        assertTrue(components.size() > 10, "the generated building has components: " + components.size());
        long start = head.path("building").path("revision").asLong();

        for (int i = 0; i < EDITORS_PER_NODE; i++) {
            editors.add(Editor.join(nodeA, "a" + i, start, components));
        }
        for (int i = 0; i < EDITORS_PER_NODE; i++) {
            editors.add(Editor.join(nodeB, "b" + i, start, components));
        }
        List<Editor> onA = editors.subList(0, EDITORS_PER_NODE);
        List<Editor> onB = editors.subList(EDITORS_PER_NODE, 2 * EDITORS_PER_NODE);

        // both nodes edit at once; everyone sees everything, in one order
        for (int round = 0; round < 10; round++) {
            for (Editor editor : editors) {
                editor.edit();
            }
            Thread.sleep(20);
        }
        settle(nodeA, editors);
        assertSameStreams(editors, start);

        // node B dies with operations of its editors in flight; the editors of A go on
        for (int round = 0; round < 5; round++) {
            for (Editor editor : editors) {
                editor.edit();
            }
        }
        nodeB.kill();
        for (Editor editor : onB) {
            String reason = editor.awaitDisconnect(SETTLE);
            System.out.printf("TwoNodeCollaborationTest: %s lost node B (%s) at revision %d with %d of %d "
                    + "operations acknowledged%n", editor.clientId, reason, editor.contiguousRevision(start),
                    editor.acknowledged.size(), editor.sent.size());
        }
        for (Editor editor : onB) {
            int resent = editor.reconnect(nodeA, start);
            System.out.printf("TwoNodeCollaborationTest: %s rejoined node A and sent %d operations again%n",
                    editor.clientId, resent);
        }
        for (int round = 0; round < 5; round++) {
            for (Editor editor : editors) {
                editor.edit();
            }
            Thread.sleep(20);
        }
        settle(nodeA, editors);
        assertSameStreams(editors, start);
        for (Editor editor : onA) {
            assertEquals(1, editor.sessions, editor.clientId + " stayed on node A without a reconnect");
        }

        // what a new session receives holds the write of every operation, once
        Editor observer = Editor.join(nodeA, "observer", -1, components);
        editors.add(observer);
        JsonNode snapshot = observer.welcome.path("snapshot");
        assertTrue(snapshot.isObject(), "a client with nothing gets a snapshot: " + observer.welcome);
        Map<String, JsonNode> properties = new TreeMap<>();
        snapshot.path("objects").forEach(o -> o.path("properties").properties().forEach(p -> {
            if (p.getKey().startsWith("w-")) {
                assertTrue(properties.put(p.getKey(), p.getValue()) == null, "written once: " + p.getKey());
            }
        }));
        Set<String> expected = new java.util.TreeSet<>();
        for (Editor editor : editors) {
            editor.sent.keySet().forEach(seq -> expected.add(Editor.property(editor.clientId, seq)));
        }
        assertEquals(expected, properties.keySet(), "every acknowledged write is in the building");
        assertEquals(observer.welcome.path("revision").asLong(), editors.get(0).stream.lastKey(),
                "the snapshot is at the last revision every editor has");
        System.out.printf("TwoNodeCollaborationTest: %d operations in %d revisions, editing and checks took %.1f s%n",
                expected.size(), editors.get(0).stream.size(), (System.nanoTime() - editing) / 1e9);
    }

    private static ArxosServer node(Path dir, String database, ArxosServer.User user) {
        Map<String, String> postgres = ArxosServer.config("url", database, "user", "postgres");
        return ArxosServer.create(dir).writeIdentity(user).writeConfig("org.arxos.repository.jdbc", postgres)
                .writeConfig("org.arxos.collab", postgres);
    }

    /** Waits until every operation sent is acknowledged and every editor's stream reaches the last revision. */
    private static void settle(ArxosServer server, List<Editor> editors) {
        server.await(() -> "every operation acknowledged and received: " + editors, SETTLE, allOf(editors));
    }

    private static BooleanSupplier allOf(List<Editor> editors) {
        return () -> {
            long last = editors.stream().mapToLong(Editor::lastAcknowledged).max().orElse(-1);
            return editors.stream().allMatch(e -> e.acknowledged.keySet().containsAll(e.sent.keySet())
                    && !e.stream.isEmpty() && e.stream.lastKey() >= last);
        };
    }

    /**
     * Every editor received revisions {@code start+1..last} once each, the same operation and effect as each
     * revision, every operation of every editor exactly once, at the revision its acknowledgement named.
     */
    private static void assertSameStreams(List<Editor> editors, long start) {
        NavigableMap<Long, String> reference = editors.get(0).stream;
        for (Editor editor : editors) {
            assertEquals(List.of(), editor.duplicates, editor.clientId + " received no revision twice");
            assertEquals(List.of(), editor.errors, editor.clientId + " got no error");
            assertEquals(reference.lastKey() - start, editor.stream.size(), editor.clientId
                    + " has every revision from " + (start + 1) + " to " + reference.lastKey() + ": "
                    + editor.stream.keySet());
            assertEquals(reference, editor.stream, editor.clientId + " received what " + editors.get(0).clientId
                    + " did");
        }
        Map<String, Long> revisionOf = new LinkedHashMap<>();
        reference.forEach((revision, entry) -> {
            String label = entry.substring(0, entry.indexOf(' '));
            assertTrue(revisionOf.put(label, revision) == null, label + " applied twice: " + reference);
        });
        for (Editor editor : editors) {
            editor.acknowledged.forEach((seq, revision) -> assertEquals(revision,
                    revisionOf.get(editor.clientId + "#" + seq), editor.clientId + "#" + seq
                            + " is in the stream at the revision its acknowledgement named"));
        }
    }

    private static void psql(String sql) throws IOException, InterruptedException {
        Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-v",
                "ON_ERROR_STOP=1", "-q", "-c", sql).redirectErrorStream(true).start();
        String output = new String(psql.getInputStream().readAllBytes());
        if (!psql.waitFor(60, TimeUnit.SECONDS) || psql.exitValue() != 0) {
            fail("psql '" + sql + "' failed: " + output);
        }
    }

    /**
     * One editing client of {@code /ws/collab}: sends operations with a property write of its own (one property per
     * operation) and a rename of an object every editor renames, keeps the revisions it receives, and after losing
     * its node reconnects elsewhere with the same client id and sends again what was not acknowledged.
     */
    private static final class Editor implements WebSocket.Listener {
        private final String clientId;
        private final List<String> components;
        private final StringBuilder partial = new StringBuilder();
        /** What was sent, by sequence number: sent again unchanged after a reconnect. */
        private final Map<Long, String> sent = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<Long, Long> acknowledged = new java.util.concurrent.ConcurrentHashMap<>();
        /** Revision → "client#seq effect", as received. */
        private final NavigableMap<Long, String> stream = new ConcurrentSkipListMap<>();
        private final List<String> duplicates = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile CompletableFuture<JsonNode> welcomed = new CompletableFuture<>();
        private volatile CompletableFuture<String> disconnected = new CompletableFuture<>();
        private volatile JsonNode welcome;
        private volatile WebSocket socket;
        private int sessions;
        private long sequence;

        private Editor(String clientId, List<String> components) {
            this.clientId = clientId;
            this.components = components;
        }

        static Editor join(ArxosServer server, String clientId, long since, List<String> components)
                throws Exception {
            Editor editor = new Editor(clientId, components);
            editor.connect(server, since);
            return editor;
        }

        static String property(String clientId, long seq) {
            return "w-" + clientId + "-" + seq;
        }

        private void connect(ArxosServer server, long since) throws Exception {
            welcomed = new CompletableFuture<>();
            disconnected = new CompletableFuture<>();
            socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + TOKEN)
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws/collab/" + BUILDING + "?client="
                            + clientId + "&since=" + since), this)
                    .get(30, TimeUnit.SECONDS);
            welcome = welcomed.get(SETTLE.toMillis(), TimeUnit.MILLISECONDS);
            sessions++;
        }

        /**
         * After its node died: joins {@code server} from the last revision it has and sends again what is not
         * acknowledged; returns how many operations that was.
         */
        int reconnect(ArxosServer server, long start) throws Exception {
            connect(server, contiguousRevision(start));
            int resent = 0;
            for (Map.Entry<Long, String> op : new TreeMap<>(sent).entrySet()) {
                if (!acknowledged.containsKey(op.getKey())) {
                    socket.sendText(op.getValue(), true).get(10, TimeUnit.SECONDS);
                    resent++;
                }
            }
            return resent;
        }

        synchronized void edit() throws Exception {
            long seq = ++sequence;
            String component = components.get(Math.floorMod((clientId + seq).hashCode(), components.size()));
            String op = "{\"type\":\"op\",\"seq\":" + seq + ",\"ts\":{\"wall\":" + System.currentTimeMillis()
                    + ",\"counter\":0},\"base\":" + (stream.isEmpty() ? 0 : stream.lastKey())
                    + ",\"observed\":{},\"changes\":[{\"op\":\"set\",\"id\":\"" + component + "\",\"name\":\""
                    + property(clientId, seq) + "\",\"value\":{\"number\":" + seq + "}},{\"op\":\"rename\",\"id\":\""
                    + components.get(0) + "\",\"name\":\"" + clientId + " " + seq + "\"}]}";
            sent.put(seq, op);
            if (!disconnected.isDone()) {
                socket.sendText(op, true).get(10, TimeUnit.SECONDS);
            }
        }

        /** The highest revision up to which this editor received every revision after {@code start}. */
        long contiguousRevision(long start) {
            long r = start;
            while (stream.containsKey(r + 1)) {
                r++;
            }
            return r;
        }

        long lastAcknowledged() {
            return acknowledged.values().stream().mapToLong(Long::longValue).max().orElse(-1);
        }

        String awaitDisconnect(Duration timeout) throws Exception {
            return disconnected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        void close() {
            WebSocket ws = socket;
            if (ws != null && !ws.isOutputClosed()) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "test over");
            }
        }

        private void receive(JsonNode message) {
            switch (message.path("type").asText()) {
                case "welcome" -> {
                    message.path("catchUp").forEach(this::applied);
                    welcomed.complete(message);
                }
                case "applied" -> applied(message);
                case "ack" -> acknowledged.put(message.path("seq").asLong(), message.path("revision").asLong());
                case "error" -> errors.add(message.toString());
                default -> {
                    // presence: not checked here
                }
            }
        }

        private void applied(JsonNode message) {
            long revision = message.path("revision").asLong();
            JsonNode effect = message.has("effect") ? message.get("effect") : message.get("changes");
            String entry = message.path("client").asText() + "#" + message.path("seq").asLong() + " " + effect;
            String before = stream.putIfAbsent(revision, entry);
            if (before != null) {
                duplicates.add(revision + ": " + entry);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode frame = Api.JSON.readTree(partial.toString());
                    if (frame.isArray()) {
                        frame.forEach(this::receive);
                    } else {
                        receive(frame);
                    }
                } catch (IOException e) {
                    errors.add("unreadable frame: " + e.getMessage());
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            disconnected.complete(statusCode + " " + reason);
            welcomed.completeExceptionally(new AssertionError(clientId + " closed: " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            disconnected.complete(String.valueOf(error));
            welcomed.completeExceptionally(error);
        }

        @Override
        public String toString() {
            return clientId + " (sent " + sent.size() + ", acknowledged " + acknowledged.size() + ", revisions "
                    + (stream.isEmpty() ? "none" : stream.firstKey() + ".." + stream.lastKey()) + ", errors "
                    + errors + ")";
        }
    }
}
