package org.arxos.servertests;

import static org.arxos.servertests.Api.assertStatus;
import static org.arxos.servertests.Api.capability;
import static org.arxos.servertests.Api.json;
import static org.arxos.servertests.Api.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

/**
 * A grouping strategy that throws, hangs or returns a hierarchy without a root, ranked above the shipped one, never
 * fails a hierarchy request: each call falls back to the shipped strategy, {@code /health} reports the plugin
 * DEGRADED by name, and after the configured number of failures in a row it is quarantined and no longer called.
 * One server; the fixture ({@code releng/fixtures/org.arxos.fixture.faulty}) is reconfigured for each way of failing,
 * which registers it anew with a fresh record.
 */
@ExtendWith(ServerLogsOnFailure.class)
class FaultyPluginTest {

    static final String FAULTY_JAR_PROPERTY = "servertests.faulty.jar";
    static final int QUARANTINE_AFTER = 3;
    static final int TIMEOUT_MILLIS = 500;

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
    void aPluginThatThrowsHangsOrReturnsGarbageNeverFailsARequestAndIsQuarantined() throws IOException {
        Path faulty = ArxosServer.jar(FAULTY_JAR_PROPERTY,
                "../fixtures/org.arxos.fixture.faulty/target/org.arxos.fixture.faulty-0.1.0-SNAPSHOT.jar",
                "releng/fixtures");
        server = ArxosServer.create(dir)
                .writeConfig("org.arxos.selection", ArxosServer.config("call.timeout.millis", "" + TIMEOUT_MILLIS,
                        "quarantine.failures", "" + QUARANTINE_AFTER))
                .writeConfig("org.arxos.fixture.faulty", ArxosServer.config("mode", "throw"))
                // Each request below must be the plugin's only caller: no background warming calls it meanwhile.
                .writeConfig("org.arxos.warming", ArxosServer.config("enabled", "false"));
        server.start();
        server.awaitHealthy(Duration.ofSeconds(30));
        String token = DeployFolderTest.devToken(server);
        DeployFolderTest.awaitSample(server, token);
        // the next-ranked implementation, which serves in the faulty one's place
        String shipped = text(capability(DeployFolderTest.implementations(server, token), "grouping"), "serving");
        server.deploy(faulty);

        long registration = awaitFaultyServing(token, -1);
        quarantinesAfterFailures(token, "THREW", shipped);

        configureMode("hang");
        registration = awaitFaultyServing(token, registration);
        quarantinesAfterFailures(token, "TIMED_OUT", shipped);

        configureMode("invalid");
        registration = awaitFaultyServing(token, registration);
        quarantinesAfterFailures(token, "INVALID", shipped);

        // the shell shows the quarantine and ends it
        server.gogo("arxos:impls");
        server.await("arxos:impls listing the quarantined plugin", Duration.ofSeconds(10),
                () -> server.stdout().contains("grouping faulty (quarantined): " + QUARANTINE_AFTER
                        + " failures in a row; last: the hierarchy has no root"));
        server.gogo("arxos:reinstate grouping faulty");
        server.await("arxos:reinstate", Duration.ofSeconds(10),
                () -> server.stdout().contains("grouping implementation 'faulty' is reinstated; faulty serves"));
        assertEquals(registration, awaitFaultyServing(token, -1), "the same registration serves again");
    }

    /**
     * Every request is answered by the next-ranked strategy; the plugin is DEGRADED on /health after its first failure
     * and quarantined after the configured number, after which it is not called and no longer serves.
     */
    private void quarantinesAfterFailures(String token, String kind, String shipped) {
        for (int failures = 1; failures <= QUARANTINE_AFTER; failures++) {
            assertServedBy(token, shipped);
            JsonNode calls = healthOfCalls();
            assertEquals("DEGRADED", calls.path("status").asText(), kind + ", failure " + failures + ": " + calls);
            JsonNode record = calls.path("details").path("grouping/faulty");
            assertEquals(failures, record.path("failuresInARow").asInt(), kind + ": " + calls);
            assertTrue(record.path("lastFailure").asText().startsWith(kind + ":"), kind + ": " + calls);
            boolean quarantined = failures == QUARANTINE_AFTER;
            assertEquals(quarantined, record.path("quarantined").asBoolean(), kind + ", failure " + failures + ": "
                    + calls);
            String message = calls.path("message").asText();
            assertTrue(message.contains("grouping implementation 'faulty' of bundle org.arxos.fixture.faulty"),
                    message);
            assertTrue(message.contains(quarantined ? "is quarantined after " + QUARANTINE_AFTER + " failures in a row"
                    : "failed its last"), message);
        }

        JsonNode grouping = capability(DeployFolderTest.implementations(server, token), "grouping");
        assertEquals(shipped, text(grouping, "serving"), "a quarantined plugin does not serve: " + grouping);
        assertServedBy(token, shipped);
        JsonNode record = healthOfCalls().path("details").path("grouping/faulty");
        assertEquals(QUARANTINE_AFTER, record.path("calls").asInt(), "not called once quarantined: " + record);
        HttpResponse<String> health = server.get("/health", null);
        assertEquals("DEGRADED", json(health).path("status").asText(), "while the plugin is quarantined: "
                + health.body());
    }

    private void assertServedBy(String token, String strategy) {
        HttpResponse<String> response = server.get("/api/buildings/sample/hierarchy?limit=5", token);
        assertStatus(200, response);
        JsonNode page = json(response);
        assertEquals(strategy, page.path("strategy").asText(), "who served: " + page);
        assertTrue(page.path("node").path("id").isTextual(), "a root: " + page);
    }

    private JsonNode healthOfCalls() {
        HttpResponse<String> health = server.get("/health", null);
        assertStatus(200, health);
        return json(health).path("components").path("calls");
    }

    /** Waits until 'faulty' serves grouping under a service id other than {@code previous}; returns that id. */
    private long awaitFaultyServing(String token, long previous) {
        AtomicReference<String> last = new AtomicReference<>();
        AtomicReference<Long> serviceId = new AtomicReference<>();
        server.await(() -> "faulty serving grouping anew; last seen: " + last.get(), Duration.ofSeconds(15), () -> {
            JsonNode grouping = capability(DeployFolderTest.implementations(server, token), "grouping");
            last.set(grouping.toString());
            for (JsonNode implementation : grouping.path("implementations")) {
                long id = implementation.path("serviceId").asLong();
                if (implementation.path("name").asText().equals("faulty") && id != previous
                        && "faulty".equals(text(grouping, "serving"))) {
                    serviceId.set(id);
                    return true;
                }
            }
            return false;
        });
        return serviceId.get();
    }

    /** Rewrites the fixture's configuration in one move, so FileInstall never reads half of it. */
    private void configureMode(String mode) throws IOException {
        Path staged = server.home().resolve("org.arxos.fixture.faulty.cfg.part");
        Files.writeString(staged, "mode = " + mode + "\n", StandardCharsets.UTF_8);
        Files.move(staged, server.home().resolve("etc/org.arxos.fixture.faulty.cfg"),
                StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
