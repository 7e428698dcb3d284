package org.arxos.servertests;

import static org.arxos.servertests.Api.assertStatus;
import static org.arxos.servertests.Api.capability;
import static org.arxos.servertests.Api.describe;
import static org.arxos.servertests.Api.json;
import static org.arxos.servertests.Api.lists;
import static org.arxos.servertests.Api.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** A bundle dropped into deploy/ of a running server takes over at once; removing it hands back. */
@ExtendWith(ServerLogsOnFailure.class)
class DeployFolderTest {

    static final Duration SWITCH_LIMIT = Duration.ofSeconds(5);

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
    void fixtureInDeployServesGroupingAndRemovingItRestoresSpatial() throws IOException {
        Path fixture = ArxosServer.fixtureJar();
        server = ArxosServer.create(dir);
        server.start();
        server.awaitHealthy(Duration.ofSeconds(30));
        String token = devToken(server);
        awaitSample(server, token);

        // before: the built-in strategy
        assertGrouping(server, token, "spatial", null);
        assertEquals("sample", hierarchyRoot(server, token).path("objectId").asText());

        // drop the jar (copied beside, then moved in, so FileInstall never sees half a jar)
        Path staged = server.home().resolve(fixture.getFileName() + ".part");
        Files.copy(fixture, staged);
        Path deployed = server.home().resolve("deploy").resolve(fixture.getFileName());
        long dropped = System.nanoTime();
        Files.move(staged, deployed, StandardCopyOption.ATOMIC_MOVE);
        Duration in = awaitServing(server, token, "fixture", dropped);
        System.out.printf("DeployFolderTest: fixture serving grouping %d ms after the jar was dropped into deploy/%n",
                in.toMillis());
        assertTrue(in.compareTo(SWITCH_LIMIT) <= 0, "the switch to fixture took " + in.toMillis() + " ms");
        JsonNode grouping = assertGrouping(server, token, "fixture", null);
        assertTrue(lists(grouping, "spatial"), "spatial is still registered: " + grouping);

        JsonNode page = hierarchy(server, token);
        assertEquals("fixture", page.path("strategy").asText(), "strategy of " + page);
        assertEquals("fixture", page.path("node").path("kind").asText(), "root of " + page);

        // remove the jar
        long removed = System.nanoTime();
        Files.delete(deployed);
        Duration out = awaitServing(server, token, "spatial", removed);
        System.out.printf("DeployFolderTest: spatial serving grouping again %d ms after the jar was deleted%n",
                out.toMillis());
        assertTrue(out.compareTo(SWITCH_LIMIT) <= 0, "the switch back took " + out.toMillis() + " ms");
        grouping = assertGrouping(server, token, "spatial", null);
        assertFalse(lists(grouping, "fixture"), "the fixture is uninstalled: " + grouping);
        JsonNode after = hierarchy(server, token);
        assertEquals("spatial", after.path("strategy").asText(), "strategy of " + after);
        assertEquals("sample", after.path("node").path("objectId").asText(), "root of " + after);
    }

    // ----------------------------------------------------------------------- shared with PinSurvivesRestartTest

    static String devToken(ArxosServer server) throws IOException {
        Path file = server.home().resolve("data/dev-token");
        server.await("data/dev-token", Duration.ofSeconds(10), () -> Files.isRegularFile(file));
        return Files.readString(file).strip();
    }

    static void awaitSample(ArxosServer server, String token) {
        server.await("the sample building", Duration.ofSeconds(20),
                () -> server.get("/api/buildings/sample", token).statusCode() == 200);
    }

    static JsonNode implementations(ArxosServer server, String token) {
        HttpResponse<String> response = server.get("/api/implementations", token);
        assertStatus(200, response);
        return json(response);
    }

    /** Polls /api/implementations every 50 ms until {@code name} serves grouping; the time since {@code since}. */
    static Duration awaitServing(ArxosServer server, String token, String name, long since) {
        AtomicReference<String> last = new AtomicReference<>();
        server.await(() -> "grouping served by " + name + "; last seen: " + last.get(), Duration.ofSeconds(15), () -> {
            JsonNode grouping = capability(implementations(server, token), "grouping");
            last.set(grouping.toString());
            return name.equals(text(grouping, "serving"));
        });
        return Duration.ofNanos(System.nanoTime() - since);
    }

    static JsonNode assertGrouping(ArxosServer server, String token, String serving, String pinned) {
        JsonNode grouping = capability(implementations(server, token), "grouping");
        assertEquals(serving, text(grouping, "serving"), "serving: " + grouping);
        assertEquals(pinned, text(grouping, "pinned"), "pinned: " + grouping);
        assertTrue(lists(grouping, serving), "the serving implementation is listed: " + grouping);
        return grouping;
    }

    static JsonNode hierarchy(ArxosServer server, String token) {
        HttpResponse<String> response = server.get("/api/buildings/sample/hierarchy?limit=5", token);
        assertStatus(200, response);
        assertTrue(response.body().contains("\"node\""), describe(response));
        return json(response);
    }

    static JsonNode hierarchyRoot(ArxosServer server, String token) {
        return hierarchy(server, token).path("node");
    }
}
