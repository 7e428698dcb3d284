package org.arxos.benchmarks.collab;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One WebSocket session of the load tool on {@code /ws/collab/<building>}. Every client checks the stream of
 * revisions it receives: each exactly once, without gaps, and the same as every other client received (the
 * {@link OperationLedger}'s fingerprints). An editor also sends operations and counts their acknowledgements; a
 * client with a {@link Mirror} applies every effect to the model.
 *
 * <p>The WebSocket calls the listener methods of one socket one at a time, so the revision state needs no lock;
 * the final numbers are read after the traffic has stopped.
 */
final class CollabClient implements WebSocket.Listener {

    private final String clientId;
    private final OperationLedger ledger;
    private final Integer editorIndex;
    private final Mirror mirror;
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<ServerMessage> welcome = new CompletableFuture<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final Map<String, CompletableFuture<Long>> pings = new ConcurrentHashMap<>();
    private final BitSet received = new BitSet();
    private final BitSet acknowledged = new BitSet();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private WebSocket socket;
    private CompletableFuture<WebSocket> sending;
    private volatile long startRevision = -1;
    private volatile long lastRevision = -1;
    private long duplicates;
    private long outOfOrder;
    private long rejected;
    private long conflicts;
    private long malformedFrames;
    private long frames;
    private long messages;
    private long sequence;
    private long clockWall;
    private int clockCounter;

    /**
     * @param ledger the building's shared ledger; null for a client of the idle building
     * @param mirror the replica this client keeps, or null
     */
    CollabClient(String clientId, OperationLedger ledger, Mirror mirror) {
        this.clientId = clientId;
        this.ledger = ledger;
        this.editorIndex = ledger == null ? null : ledger.editor(clientId);
        this.mirror = mirror;
    }

    String clientId() {
        return clientId;
    }

    /** Opens the socket; completes when the handshake is done (the welcome comes after: {@link #welcome()}). */
    CompletableFuture<CollabClient> connect(HttpClient http, URI server, String token, String building, long since) {
        URI uri = server.resolve("/ws/collab/" + building + "?client=" + clientId + "&since=" + since);
        return http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(30)).buildAsync(uri, this).thenApply(ws -> {
                    synchronized (this) {
                        socket = ws;
                        sending = CompletableFuture.completedFuture(ws);
                    }
                    return this;
                });
    }

    CompletableFuture<ServerMessage> welcome() {
        return welcome;
    }

    /** Completes with the close reason when the server closes the session or the connection fails. */
    CompletableFuture<String> closed() {
        return closed;
    }

    /** Sends one operation of this editor with the edit's changes (a JSON array) and records when. */
    void sendOperation(String changes) {
        String text;
        synchronized (this) {
            long seq = ++sequence;
            long now = System.currentTimeMillis();
            if (now > clockWall) {
                clockWall = now;
                clockCounter = 0;
            } else {
                clockCounter++;
            }
            text = "{\"type\":\"op\",\"seq\":" + seq + ",\"ts\":{\"wall\":" + clockWall + ",\"counter\":" + clockCounter
                    + "},\"base\":" + Math.max(0, lastRevision) + ",\"observed\":{},\"changes\":" + changes + "}";
            ledger.sent(editorIndex, seq, System.nanoTime());
        }
        send(text);
    }

    /** Sends a ping; the future completes with the round trip in nanoseconds when the pong comes. */
    CompletableFuture<Long> ping() {
        String id = clientId + "-" + System.nanoTime();
        long sent = System.nanoTime();
        CompletableFuture<Long> pong = new CompletableFuture<>();
        pings.put(id, pong);
        send("{\"type\":\"ping\",\"id\":\"" + id + "\"}");
        return pong.thenApply(received -> received - sent);
    }

    /** Sends are chained: the WebSocket takes one at a time per socket. */
    private synchronized void send(String text) {
        sending = sending.thenCompose(ws -> ws.sendText(text, true)).exceptionally(e -> {
            count("send failed");
            return socket;
        });
    }

    void close() {
        WebSocket ws;
        synchronized (this) {
            ws = socket;
        }
        if (ws != null && !ws.isOutputClosed()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "load test over").exceptionally(e -> ws);
        }
    }

    /** Every message is wanted as it comes: no request per message (the tool must keep up anyway). */
    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!last) {
            partial.append(data);
        } else {
            String frame;
            if (partial.isEmpty()) {
                frame = data.toString();
            } else {
                frame = partial.append(data).toString();
                partial.setLength(0);
            }
            frames++;
            long now = System.nanoTime();
            try {
                List<ServerMessage> parsed = ServerMessage.parseFrame(frame, mirror != null);
                messages += parsed.size();
                for (ServerMessage message : parsed) {
                    handle(message, now);
                }
            } catch (IOException | RuntimeException e) {
                malformedFrames++;
                count("unreadable frame: " + e.getMessage());
            }
        }
        return null;
    }

    private void handle(ServerMessage message, long now) {
        switch (String.valueOf(message.type())) {
            case "welcome" -> {
                startRevision = message.revision() - message.catchUp().size();
                lastRevision = startRevision;
                if (mirror != null && message.snapshot() != null) {
                    mirror.restart(message.snapshot());
                }
                for (ServerMessage applied : message.catchUp()) {
                    applied(applied, now, false);
                }
                lastRevision = message.revision();
                welcome.complete(message);
            }
            case "applied" -> applied(message, now, true);
            case "ack" -> {
                if (editorIndex != null && message.sequence() >= 1 && message.sequence() <= ledger.capacity()) {
                    ledger.acknowledged(editorIndex, message.sequence(), message.rejected() > 0, now);
                }
                if (message.revision() > startRevision && startRevision >= 0) {
                    acknowledged.set(offset(message.revision()));
                    lastRevision = Math.max(lastRevision, message.revision());
                }
                rejected += message.rejected();
                conflicts += message.conflicts();
            }
            case "pong" -> {
                CompletableFuture<Long> pong = message.text() == null ? null : pings.remove(message.text());
                if (pong != null) {
                    pong.complete(now);
                }
            }
            case "error" -> count("error " + message.code() + ": " + message.text());
            case "closed" -> closed.complete(String.valueOf(message.text()));
            default -> {
                // presence and parked messages: not measured
            }
        }
    }

    private void applied(ServerMessage message, long now, boolean live) {
        long revision = message.revision();
        if (startRevision < 0 || revision <= startRevision) {
            outOfOrder++;
            return;
        }
        int offset = offset(revision);
        if (received.get(offset)) {
            duplicates++;
            return;
        }
        if (live && revision < lastRevision) {
            outOfOrder++;
        }
        received.set(offset);
        lastRevision = Math.max(lastRevision, revision);
        if (ledger == null) {
            return;
        }
        ledger.fingerprint(revision, (String.valueOf(message.client()).hashCode() * 31L + message.sequence()) * 31L
                + message.appliedHash());
        if (live && !clientId.equals(message.client())) {
            ledger.delivered(message.client(), message.sequence(), now);
        }
        String changes = message.appliedChanges();
        if (mirror != null && changes != null) {
            mirror.apply(revision, changes);
        }
    }

    private int offset(long revision) {
        return (int) (revision - startRevision);
    }

    private void count(String problem) {
        errors.computeIfAbsent(problem, p -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode + " " + reason);
        welcome.completeExceptionally(new IOException("closed before the welcome: " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete("connection failed: " + error);
        welcome.completeExceptionally(error);
    }

    long lastRevision() {
        return lastRevision;
    }

    /** Revisions after the start up to {@code head} that this client neither received nor had acknowledged. */
    long missingUpTo(long head) {
        long missing = 0;
        for (long r = startRevision + 1; r <= head; r++) {
            int offset = offset(r);
            if (!received.get(offset) && !acknowledged.get(offset)) {
                missing++;
            }
        }
        return missing;
    }

    long duplicates() {
        return duplicates;
    }

    long outOfOrder() {
        return outOfOrder;
    }

    long rejected() {
        return rejected;
    }

    long conflicts() {
        return conflicts;
    }

    long malformedFrames() {
        return malformedFrames;
    }

    /** Text frames received. */
    long frames() {
        return frames;
    }

    /** Messages in them (a frame holds one message or an array of them). */
    long messages() {
        return messages;
    }

    Map<String, AtomicLong> errors() {
        return errors;
    }
}
