package org.arxos.servertests;

import static org.arxos.servertests.Api.assertProblem;
import static org.arxos.servertests.Api.assertStatus;
import static org.arxos.servertests.Api.contentType;
import static org.arxos.servertests.Api.describe;
import static org.arxos.servertests.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** A fresh server comes up quickly, hands out its development token and serves the sample building. */
@ExtendWith(ServerLogsOnFailure.class)
class ServerStartTest {

    private static final Duration HEALTH_LIMIT = Duration.ofSeconds(10);
    private static final Pattern DEV_TOKEN = Pattern.compile(
            "Arxos development token \\(user '([^']+)', tenant '([^']+)'\\): (\\S+)$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    private ArxosServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void freshServerIsHealthyAndServesTheSampleWithTheDevelopmentToken() throws IOException {
        server = ArxosServer.create(dir);
        server.start();

        // 1. /health UP within 10 s of the process start
        Duration healthy = server.awaitHealthy(Duration.ofSeconds(30));
        System.out.printf("ServerStartTest: /health UP %d ms after the process started%n", healthy.toMillis());
        assertTrue(healthy.compareTo(HEALTH_LIMIT) <= 0,
                "/health took " + healthy.toMillis() + " ms to report UP, more than " + HEALTH_LIMIT.toMillis());

        // 2. the development token printed on stdout is the one in data/dev-token
        AtomicReference<Matcher> printed = new AtomicReference<>();
        server.await("the development token on stdout", Duration.ofSeconds(10), () -> {
            Matcher m = DEV_TOKEN.matcher(server.stdout());
            boolean found = m.find();
            printed.set(m);
            return found;
        });
        String token = printed.get().group(3);
        assertEquals("dev", printed.get().group(1), "development user");
        assertEquals("default", printed.get().group(2), "development tenant");
        assertTrue(token.startsWith("arx_"), "tokens start with arx_: " + token);
        Path tokenFile = server.home().resolve("data/dev-token");
        assertTrue(Files.isRegularFile(tokenFile), "no " + tokenFile);
        assertEquals(token, Files.readString(tokenFile).strip(), "data/dev-token differs from the printed token");
        assertEquals(1, count(server.stdout(), DEV_TOKEN), "the token is printed exactly once");
        assertFalse(server.stderr().contains(token), "the token is written into the log (stderr)");
        for (String secret : new String[] {"data/dev-token", "data/identity.json"}) {
            Path file = server.home().resolve(secret);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                        secret + " is readable by the owner only");
            }
        }
        assertFalse(Files.readString(server.home().resolve("data/identity.json")).contains(token),
                "the identity file stores the token itself, not its hash");
        assertTrue(Files.readString(server.home().resolve("data/identity.json")).contains(ArxosServer.sha256(token)),
                "the identity file holds the SHA-256 of the token");

        // 3. the sample building (generated in the background) is listed with objects
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        Duration sample = server.await(() -> "the sample building in GET /api/buildings; last answer: "
                + (last.get() == null ? "none" : describe(last.get())), Duration.ofSeconds(20), () -> {
                    HttpResponse<String> list = server.get("/api/buildings", token);
                    last.set(list);
                    return list.statusCode() == 200 && sampleOf(json(list)) != null;
                });
        System.out.printf("ServerStartTest: sample building listed %d ms after /health was UP%n", sample.toMillis());
        HttpResponse<String> list = last.get();
        assertTrue(contentType(list).startsWith("application/json"), describe(list));
        JsonNode building = sampleOf(json(list));
        assertEquals("default", building.path("tenant").asText(), describe(list));
        assertTrue(building.path("objectCount").asInt() > 0, "objectCount > 0: " + building);
        assertTrue(building.path("headRevision").asLong() >= 1, "headRevision >= 1: " + building);

        // 4. /metrics with the token: Prometheus text
        HttpResponse<String> metrics = server.get("/metrics", token);
        assertStatus(200, metrics);
        assertTrue(contentType(metrics).startsWith("text/plain"), "Prometheus text format: " + contentType(metrics));
        assertTrue(Pattern.compile("^# TYPE \\S+ (counter|gauge|histogram|summary|untyped)$", Pattern.MULTILINE)
                .matcher(metrics.body()).find(), "no '# TYPE' line in /metrics: " + describe(metrics));
        assertTrue(metrics.body().contains("route=\"/api/buildings\""),
                "the request metrics name the route just called: " + describe(metrics));

        // 5. without a token: 401 problem+json with a Bearer challenge
        HttpResponse<String> anonymous = server.get("/api/buildings", null);
        assertProblem(401, anonymous);
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                "WWW-Authenticate: " + anonymous.headers().map());
        assertProblem(401, server.get("/metrics", null));
    }

    private static JsonNode sampleOf(JsonNode buildings) {
        for (JsonNode b : buildings) {
            if ("sample".equals(b.path("id").asText()) && b.path("objectCount").asInt() > 0) {
                return b;
            }
        }
        return null;
    }

    private static int count(String text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
