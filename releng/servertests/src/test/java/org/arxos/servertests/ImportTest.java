package org.arxos.servertests;

import static org.arxos.servertests.Api.assertProblem;
import static org.arxos.servertests.Api.assertStatus;
import static org.arxos.servertests.Api.describe;
import static org.arxos.servertests.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Imports through REST in the background and through the Gogo shell share one import service: a generated
 * 200,000-item building exported as native JSON and uploaded with {@code ?async=true} is followed through
 * {@code GET /api/imports/{id}} (progress fields, then SUCCEEDED, same content hash), is invisible to another tenant,
 * and {@code arxos:import <file>} on the server's stdin imports the same file, while a broken file gives one clear
 * line with its name and line number and no stack trace anywhere.
 */
@ExtendWith(ServerLogsOnFailure.class)
class ImportTest {

    static final String ALICE = "arx_alice-imports-0123456789abcdef";
    static final String BOB = "arx_bob-of-globex-0123456789abcdef";
    static final int ITEMS = 200_000;
    static final String BUILDING_TYPE = "application/vnd.arxos.building+json";

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
    void asyncUploadWithProgressThenGogoImportAndAClearErrorForABadFile() throws Exception {
        server = ArxosServer.create(dir)
                .writeIdentity(new ArxosServer.User("alice", "acme", "owner", ALICE),
                        new ArxosServer.User("bob", "globex", "owner", BOB))
                .writeConfig("org.arxos.http", ArxosServer.config("maxBodyBytes", Long.toString(512L << 20)))
                // progress lines every 200 ms, so even a fast import logs some
                .writeConfig("org.arxos.imports", ArxosServer.config("progressIntervalMillis", "200"));
        server.start();
        server.awaitHealthy(Duration.ofSeconds(30));

        // a generated building, exported as native JSON
        assertStatus(201, server.post("/api/buildings/generate", ALICE, "application/json",
                "{\"objects\":" + ITEMS + ",\"seed\":11,\"id\":\"gen\",\"name\":\"Generated\"}"));
        JsonNode generated = json(server.get("/api/buildings/gen", ALICE));
        long items = generated.path("objectCount").asLong() + generated.path("connectionCount").asLong();
        String contentHash = generated.path("contentHash").asText();
        Path file = dir.resolve("gen.json");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<Path> exported = http.send(server.request("/api/buildings/gen/revisions/head", ALICE)
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofFile(file));
        assertEquals(200, exported.statusCode());
        long size = Files.size(file);
        System.out.printf("ImportTest: %,d objects and connections, %.1f MB of native JSON%n", items, size / 1e6);
        assertStatus(204, server.send(server.request("/api/buildings/gen", ALICE).DELETE()));

        // upload it in the background
        long begin = System.nanoTime();
        HttpResponse<String> accepted = http.send(server.request("/api/buildings/import?name=gen.json&async=true",
                ALICE).header("Content-Type", BUILDING_TYPE).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertStatus(202, accepted);
        String location = accepted.headers().firstValue("Location").orElse("");
        JsonNode job = json(accepted);
        String id = job.path("id").asText();
        assertEquals("/api/imports/" + id, location, describe(accepted));
        assertEquals(size, job.path("totalBytes").asLong(), describe(accepted));

        // follow it: every answer carries the progress fields; it ends SUCCEEDED
        Set<String> states = new LinkedHashSet<>();
        List<String> progress = new ArrayList<>();
        AtomicReference<JsonNode> last = new AtomicReference<>(job);
        server.await(() -> "the import to finish; last seen: " + last.get(), Duration.ofSeconds(180), () -> {
            HttpResponse<String> polled = server.get(location, ALICE);
            assertStatus(200, polled);
            JsonNode j = json(polled);
            last.set(j);
            for (String field : List.of("state", "bytesRead", "totalBytes", "percent", "objectsRead",
                    "objectsPerSecond", "submitted")) {
                assertTrue(j.has(field), "no " + field + " in " + j);
            }
            states.add(j.path("state").asText());
            progress.add(j.path("percent").asText() + "% " + j.path("objectsRead").asLong());
            return j.path("state").asText().equals("SUCCEEDED") || j.path("state").asText().equals("FAILED");
        });
        JsonNode done = last.get();
        System.out.printf("ImportTest: async import of %.1f MB done in %d ms (server: %.0f objects/s); states %s, "
                + "%d polls%n", size / 1e6, (System.nanoTime() - begin) / 1_000_000,
                done.path("objectsPerSecond").asDouble(), states, progress.size());
        assertEquals("SUCCEEDED", done.path("state").asText(), done.toString());
        assertEquals(100.0, done.path("percent").asDouble(), done.toString());
        assertEquals(size, done.path("bytesRead").asLong(), done.toString());
        assertEquals(items, done.path("objectsRead").asLong(), done.toString());
        assertTrue(done.path("objectsPerSecond").asDouble() > 0, done.toString());
        assertEquals("gen", done.path("result").path("building").path("id").asText(), done.toString());
        assertEquals(1, done.path("result").path("report").path("mapped").path("building").asInt(), done.toString());
        JsonNode imported = json(server.get("/api/buildings/gen", ALICE));
        assertEquals(contentHash, imported.path("contentHash").asText(), "the same content came back");

        // another tenant does not see the job
        assertProblem(404, server.get(location, BOB));
        // the log has the progress lines and the summary
        server.await("progress in the log", Duration.ofSeconds(5),
                () -> server.stderr().contains("Imported gen.json as building 'gen' of tenant 'acme'"));
        String log = server.stderr();
        assertTrue(log.matches("(?s).*Importing gen\\.json: \\d+ % \\([\\d.]+ MB of [\\d.]+ MB\\), [\\d ]+ objects, "
                + "[\\d ]+ objects/s.*"), "no progress line in the log");

        // the same file through the Gogo shell, into another id, with the owner named
        int stdoutBefore = server.stdout().length();
        server.gogo("arxos:import " + file + " --tenant acme --id from-console --user alice");
        server.await(() -> "the Gogo import's summary; stdout: " + server.stdout().substring(stdoutBefore),
                Duration.ofSeconds(180), () -> server.stdout().substring(stdoutBefore)
                        .contains("Imported gen.json as building 'from-console' of tenant 'acme'"));
        JsonNode fromConsole = json(server.get("/api/buildings/from-console", ALICE));
        assertEquals(items, fromConsole.path("objectCount").asLong() + fromConsole.path("connectionCount").asLong(),
                fromConsole.toString());
        String consoleOut = server.stdout().substring(stdoutBefore);
        assertTrue(consoleOut.contains("mapped: "), consoleOut);
        JsonNode history = json(server.get("/api/buildings/from-console/revisions", ALICE));
        assertEquals("alice", history.path("items").path(0).path("author").asText(), history.toString());

        // a broken file: one line naming file and line, no stack trace on stdout or stderr
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, "{\"format\":\"arxos.building\",\"version\":1,\n\"building\":{\"id\":\"x\"},\n"
                + "\"objects\":[{\"id\":\"x\",\"type\":\"building\",\"kind\":\"office\"},\n{\"id\":");
        int outBefore = server.stdout().length();
        int errBefore = server.stderr().length();
        server.gogo("arxos:import " + bad);
        server.await(() -> "the Gogo error; stdout: " + server.stdout().substring(outBefore), Duration.ofSeconds(20),
                () -> server.stdout().substring(outBefore).contains("import failed: "));
        Thread.sleep(300); // let the rest of the answer arrive
        String errorOut = server.stdout().substring(outBefore);
        String line = errorOut.lines().filter(l -> l.contains("import failed: ")).findFirst().orElseThrow();
        assertTrue(line.matches(".*import failed: broken\\.json:4\\b.*"), "names file and line: " + line);
        for (String text : List.of(errorOut, server.stderr().substring(errBefore))) {
            assertFalse(text.contains("\tat ") || text.contains("Exception"), "stack trace or exception in: " + text);
        }
        assertProblem(404, server.get("/api/buildings/x", ALICE));

        // the shell lists the jobs
        int listBefore = server.stdout().length();
        server.gogo("arxos:imports");
        server.await("the job list", Duration.ofSeconds(10), () -> {
            String out = server.stdout().substring(listBefore);
            return out.contains("SUCCEEDED") && out.contains("FAILED") && out.contains(id);
        });
    }
}
