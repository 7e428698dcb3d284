package org.arxos.servertests;

import static org.arxos.servertests.Api.assertStatus;
import static org.arxos.servertests.Api.capability;
import static org.arxos.servertests.Api.json;
import static org.arxos.servertests.Api.lists;
import static org.arxos.servertests.Api.text;
import static org.arxos.servertests.DeployFolderTest.assertGrouping;
import static org.arxos.servertests.DeployFolderTest.awaitSample;
import static org.arxos.servertests.DeployFolderTest.awaitServing;
import static org.arxos.servertests.DeployFolderTest.devToken;
import static org.arxos.servertests.DeployFolderTest.hierarchy;
import static org.arxos.servertests.DeployFolderTest.implementations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A pin set in the Gogo shell or over REST beats a higher-ranked implementation, and survives a restart of the process
 * on the same home while that implementation is still installed.
 */
@ExtendWith(ServerLogsOnFailure.class)
class PinSurvivesRestartTest {

    static final Duration SWITCH = Duration.ofSeconds(5);

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
    void pinToContainmentSurvivesRestartWithFixtureInstalled() throws IOException {
        server = ArxosServer.create(dir);
        Files.copy(ArxosServer.fixtureJar(), server.home().resolve("deploy/org.arxos.fixture.grouping.jar"));
        server.start();
        server.awaitHealthy(Duration.ofSeconds(30));
        String token = devToken(server);
        awaitSample(server, token);

        // the fixture (ranking 100) serves
        awaitServing(server, token, "fixture", System.nanoTime());
        assertGrouping(server, token, "fixture", null);

        // 1. pin through Gogo (the server's stdin)
        long typed = System.nanoTime();
        server.gogo("arxos:use grouping containment");
        Duration gogoPin = awaitServing(server, token, "containment", typed);
        JsonNode grouping = assertGrouping(server, token, "containment", "containment");
        assertTrue(lists(grouping, "fixture"), "fixture still registered: " + grouping);
        server.await("the Gogo answer on stdout", Duration.ofSeconds(5),
                () -> server.stdout().contains("grouping is pinned to containment, which serves now"));
        System.out.printf("PinSurvivesRestartTest: Gogo pin effective after %d ms%n", gogoPin.toMillis());

        // 2. unpin over REST: the fixture serves again
        HttpResponse<String> unpinned = server.send(server.request("/api/implementations/grouping/pin", token).DELETE());
        assertStatus(200, unpinned);
        assertEquals("fixture", text(json(unpinned), "serving"), "DELETE answer: " + unpinned.body());
        assertEquals(null, text(json(unpinned), "pinned"), "DELETE answer: " + unpinned.body());
        assertGrouping(server, token, "fixture", null);

        // 3. pin over REST
        HttpResponse<String> pinned = server.send(server.request("/api/implementations/grouping", token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"pin\":\"containment\"}")));
        assertStatus(200, pinned);
        assertEquals("containment", text(json(pinned), "serving"), "PUT answer: " + pinned.body());
        assertEquals("containment", text(json(pinned), "pinned"), "PUT answer: " + pinned.body());
        assertGrouping(server, token, "containment", "containment");
        assertEquals("containment", hierarchy(server, token).path("strategy").asText());

        // 4. unpin through Gogo, then pin through Gogo again: the state that must survive the restart
        server.gogo("arxos:unpin grouping");
        awaitServing(server, token, "fixture", System.nanoTime());
        assertGrouping(server, token, "fixture", null);
        server.gogo("arxos:use grouping containment");
        awaitServing(server, token, "containment", System.nanoTime());
        assertGrouping(server, token, "containment", "containment");

        // restart on the same home
        Duration stopped = server.stop();
        server.start();
        Duration healthy = server.awaitHealthy(Duration.ofSeconds(30));
        System.out.printf("PinSurvivesRestartTest: stopped in %d ms, /health UP %d ms after the restart%n",
                stopped.toMillis(), healthy.toMillis());

        // the fixture comes back (FileInstall / the bundle cache) and still does not serve
        AtomicReference<String> last = new AtomicReference<>();
        server.await(() -> "the fixture registered again after the restart; last seen: " + last.get(),
                Duration.ofSeconds(10), () -> {
                    JsonNode g = capability(implementations(server, token), "grouping");
                    last.set(g.toString());
                    return lists(g, "fixture");
                });
        JsonNode after = assertGrouping(server, token, "containment", "containment");
        assertTrue(lists(after, "fixture"), "fixture installed: " + after);
        awaitSample(server, token);
        JsonNode page = hierarchy(server, token);
        assertEquals("containment", page.path("strategy").asText(), "strategy after the restart: " + page);
        // the restart kept the identity file and the sample: no second development token, no second sample
        assertEquals(1, server.stdout().split("Arxos development token", -1).length - 1,
                "development tokens printed over both runs");
        JsonNode buildings = json(server.get("/api/buildings", token));
        assertEquals(1, buildings.size(), "buildings after the restart: " + buildings);
        assertEquals("building", page.path("node").path("kind").asText(), "root after the restart: " + page);
    }
}
