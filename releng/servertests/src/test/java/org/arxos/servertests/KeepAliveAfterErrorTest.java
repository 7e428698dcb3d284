package org.arxos.servertests;

import static org.arxos.servertests.Api.assertStatus;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An error answered before the request body was read (400, 401, 403, 404, 413, 415 to a POST or PUT) must leave the
 * connection usable for the next request, or say {@code Connection: close}. A response that looks keep-alive and a
 * connection closed right after it make every pooling HTTP client (java.net.http, OkHttp, Apache, browsers) fail its
 * next request on that connection.
 *
 * <p>The body is sent 200 ms after the headers, as clients do that write headers and body separately
 * (java.net.http does: with it the next request fails with "HTTP/1.1 header parser received no bytes" whenever the
 * close wins the race; that is why {@link ArxosServer#send} closes connections after requests with a body).
 */
@ExtendWith(ServerLogsOnFailure.class)
class KeepAliveAfterErrorTest {

    static final String OWNER = "arx_keepalive-owner-0123456789";
    static final String VIEWER = "arx_keepalive-viewer-0123456789";
    static final int MAX_BODY_BYTES = 4096;

    @TempDir
    static Path dir;

    static ArxosServer server;

    @BeforeAll
    static void startServer() {
        server = ArxosServer.create(dir)
                .writeIdentity(new ArxosServer.User("olga", "acme", "owner", OWNER),
                        new ArxosServer.User("vera", "acme", "viewer", VIEWER))
                .writeConfig("org.arxos.http", ArxosServer.config("maxBodyBytes", Integer.toString(MAX_BODY_BYTES)));
        server.start();
        server.awaitHealthy(Duration.ofSeconds(30));
        assertStatus(201, server.post("/api/buildings/generate", OWNER, "application/json",
                "{\"objects\":100,\"id\":\"kept\"}"));
        // FileInstall hands etc/org.arxos.http.cfg to the API a moment after /health may already answer UP
        String oversized = "{\"format\":\"arxos.changes\",\"version\":1,\"changes\":[]}"
                + " ".repeat(MAX_BODY_BYTES);
        server.await("maxBodyBytes " + MAX_BODY_BYTES + " in force", Duration.ofSeconds(10), () -> server
                .post("/api/buildings/kept/changes", OWNER, "application/json", oversized).statusCode() == 413);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    record Case(String name, int status, String method, String path, String token, String contentType, String body) {
    }

    @Test
    void earlyErrorsLeaveTheConnectionUsableOrCloseItExplicitly() throws Exception {
        String change = "{\"format\":\"arxos.changes\",\"version\":1,\"changes\":[]}";
        List<Case> cases = List.of(
                new Case("missing token", 401, "POST", "/api/buildings/kept/changes", null, "application/json", change),
                new Case("wrong token", 401, "POST", "/api/buildings/kept/changes", "arx_wrong", "application/json",
                        change),
                new Case("viewer", 403, "POST", "/api/buildings/kept/changes", VIEWER, "application/json", change),
                new Case("viewer pins", 403, "PUT", "/api/implementations/grouping", VIEWER, "application/json",
                        "{\"pin\":\"containment\"}"),
                new Case("unknown building", 404, "POST", "/api/buildings/nope/changes", OWNER, "application/json",
                        change),
                new Case("malformed early", 400, "POST", "/api/buildings/kept/changes", OWNER, "application/json",
                        "{\"format\":\"arxos.changes\",, \"changes\":[]}" + " ".repeat(2000)),
                new Case("not JSON", 415, "POST", "/api/buildings/kept/changes", OWNER, "text/plain", change),
                new Case("too large", 413, "POST", "/api/buildings/kept/changes", OWNER, "application/json",
                        change + " ".repeat(MAX_BODY_BYTES)));
        List<String> broken = new ArrayList<>();
        for (Case c : cases) {
            String outcome = exchange(c);
            System.out.printf("KeepAliveAfterErrorTest: %-16s %s%n", c.name(), outcome);
            if (outcome.startsWith("BROKEN")) {
                broken.add(c.name() + " (" + c.status() + "): " + outcome);
            }
        }
        assertTrue(broken.isEmpty(), "responses that look keep-alive on connections the server then closes:\n  "
                + String.join("\n  ", broken));
    }

    /**
     * Sends {@code c} (headers, then the body 200 ms later), reads the response, then sends GET /health on the same
     * connection. OK when the response said {@code Connection: close} or the connection answered again.
     */
    private static String exchange(Case c) throws IOException, InterruptedException {
        byte[] body = c.body().getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder(c.method() + " " + c.path() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            if (c.token() != null) {
                head.append("Authorization: Bearer ").append(c.token()).append("\r\n");
            }
            head.append("Content-Type: ").append(c.contentType()).append("\r\nContent-Length: ").append(body.length)
                    .append("\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200);
            try {
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // the server may have closed already; what it answered decides
            }
            Response first = Response.read(in);
            if (first == null) {
                return "BROKEN: no response at all";
            }
            if (first.status != c.status()) {
                fail(c.name() + ": expected " + c.status() + " but got " + first.status + " " + first.body);
            }
            if ("close".equalsIgnoreCase(first.headers.getOrDefault("connection", ""))) {
                return "OK: " + first.status + " with Connection: close";
            }
            try {
                out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                return "BROKEN: " + first.status + " without Connection: close, then the connection was closed ("
                        + e.getMessage() + ")";
            }
            Response second;
            try {
                second = Response.read(in);
            } catch (IOException e) {
                return "BROKEN: " + first.status + " without Connection: close, then " + e.getMessage();
            }
            if (second == null) {
                return "BROKEN: " + first.status + " without Connection: close, then the server closed the "
                        + "connection without answering the next request";
            }
            return second.status == 200 ? "OK: " + first.status + ", connection reused, next request 200"
                    : "BROKEN: next request on the connection answered " + second.status;
        }
    }

    /** A minimal HTTP/1.1 response reader: status line, headers, Content-Length body. */
    record Response(int status, Map<String, String> headers, String body) {

        /** @return null when the connection ended before a status line */
        static Response read(InputStream in) throws IOException {
            String statusLine;
            try {
                statusLine = line(in);
            } catch (SocketTimeoutException e) {
                throw new IOException("no response within 5 s", e);
            }
            if (statusLine == null) {
                return null;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);
            return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers,
                    new String(body, StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    String s = line.toString(StandardCharsets.US_ASCII);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                line.write(b);
            }
            return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
        }
    }

}
