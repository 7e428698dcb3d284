package org.arxos.servertests;

import static org.arxos.servertests.Api.assertStatus;
import static org.arxos.servertests.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Failover of the Apache Ignite engine between two real servers. Both get the Ignite bundles dropped into deploy/,
 * a node configured on the loopback (discovery 48530..48539, communication 48630..48639, one worker each; a node
 * silent for 10 s counts as failed, the default: shorter ones split the cluster on a loaded machine) and the engine
 * pinned; they join through the static IP finder. Node A runs the heavy
 * {@code clearance} calculation, whose slices spread over both nodes; node B's JVM is killed with SIGKILL in the
 * middle. The job must succeed with the result the local engine gives for the same building, and be recorded once.
 * The result sums pair counts over slices, so a slice delivered twice would show as extra pairs.
 */
@ExtendWith(ServerLogsOnFailure.class)
class ComputeFailoverTest {

    static final String OWNER = "arx_owner-of-acme-0123456789abcdef";
    static final String BUILDING = "plant";
    static final String CALCULATION = "/api/buildings/" + BUILDING + "/calculations/clearance";
    static final String PARAMETERS = "distance=20&tile=40";
    static final Duration JOB_TIMEOUT = Duration.ofMinutes(9);

    @TempDir
    Path dir;

    private final List<ArxosServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(ArxosServer::close);
    }

    @Test
    void aJobSurvivesTheKillOfANodeAndIsDeliveredOnce() throws Exception {
        ArxosServer a = server("a");
        ArxosServer b = server("b");
        a.start();
        b.start();
        a.awaitHealthy(Duration.ofMinutes(5));
        b.awaitHealthy(Duration.ofMinutes(5));
        for (ArxosServer server : servers) {
            server.gogo("arxos:use compute-engine ignite");
        }
        a.await("node A's engine to be ignite with 2 nodes", Duration.ofMinutes(6), () -> {
            JsonNode compute = computeHealth(a);
            return "ignite".equals(compute.path("engine").asText()) && compute.path("nodes").asInt() == 2;
        });

        // a building of its own seed: Redis is shared by every run on this machine, and a result cached by an earlier
        // run would end the job before node B could be killed
        int seed = ThreadLocalRandom.current().nextInt(1, 1_000_000);
        System.out.printf("ComputeFailoverTest: building seed %d%n", seed);
        assertStatus(201, a.post("/api/buildings/generate", OWNER, "application/json",
                "{\"objects\":60000,\"id\":\"" + BUILDING + "\",\"seed\":" + seed + ",\"name\":\"Plant\"}"));
        HttpResponse<String> submitted = a.post(CALCULATION + "?async=true&" + PARAMETERS, OWNER,
                "application/json", "{}");
        assertStatus(202, submitted);
        String job = json(submitted).path("id").asText();

        // the first of the calculation's batches is done: the others are out on both nodes
        a.await("job " + job + " to be under way", JOB_TIMEOUT, () -> {
            JsonNode status = json(a.get("/api/jobs/" + job, OWNER));
            if (status.path("state").asText().equals("SUCCEEDED")) {
                fail("the job ended before node B could be killed: make it longer");
            }
            return status.path("progress").asDouble() > 0.1;
        });
        String command = b.command();
        assertTrue(command.endsWith("/java"), "node B's process is the JVM itself, not " + command);
        b.kill();
        System.out.printf("ComputeFailoverTest: killed node B (%s) at progress %.2f%n", command,
                json(a.get("/api/jobs/" + job, OWNER)).path("progress").asDouble());

        JsonNode failedOver = resultOf(a, job).path("value");
        a.await("node A to notice node B left", Duration.ofMinutes(1),
                () -> computeHealth(a).path("nodes").asInt() == 1);
        assertTrue(a.stderr().contains("Failed over job"), "Ignite failed jobs of node B over to node A");

        List<JsonNode> clearanceJobs = new ArrayList<>();
        json(a.get("/api/jobs", OWNER)).path("jobs").forEach(j -> {
            if (j.path("calculation").asText().equals("clearance")) {
                clearanceJobs.add(j);
            }
        });
        assertEquals(1, clearanceJobs.size(), "one clearance job recorded: " + clearanceJobs);
        assertEquals("SUCCEEDED", clearanceJobs.get(0).path("state").asText());

        // the same calculation on the local engine (another parameter spelling, so not the cached result)
        a.gogo("arxos:use compute-engine local");
        a.await("node A's engine to be local", Duration.ofMinutes(1),
                () -> "local".equals(computeHealth(a).path("engine").asText()));
        // as a job too: on a loaded machine the local run can outlast a synchronous request's timeout
        HttpResponse<String> localSubmitted = a.post(CALCULATION + "?async=true&" + PARAMETERS + "&limit=1000", OWNER,
                "application/json", "{}");
        assertStatus(202, localSubmitted);
        JsonNode local = resultOf(a, json(localSubmitted).path("id").asText());
        JsonNode expected = local.path("value");
        assertFalse(local.path("cached").asBoolean(), "computed again, on the local engine");
        assertTrue(expected.path("pairs").asLong() > 0, "the building has close pairs: " + expected);
        assertEquals(expected, failedOver, "the result after failover equals the local engine's");
    }

    /** Waits for the job to end and returns its result. */
    private static JsonNode resultOf(ArxosServer server, String job) throws Exception {
        server.await("job " + job + " to end", JOB_TIMEOUT,
                () -> !List.of("QUEUED", "RUNNING").contains(json(server.get("/api/jobs/" + job, OWNER))
                        .path("state").asText()));
        HttpResponse<String> result = server.get("/api/jobs/" + job + "/result", OWNER);
        assertStatus(200, result);
        return json(result);
    }

    private ArxosServer server(String name) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home);
        ArxosServer server = ArxosServer.create(home)
                .writeIdentity(new ArxosServer.User("alice", "acme", "owner", OWNER))
                .writeConfig("org.arxos.compute.ignite", Map.of(
                        "instanceName", "failover-" + name,
                        "addresses", "127.0.0.1:48530..48539",
                        "discoveryPort", "48530",
                        "communicationPort", "48630",
                        "workers", "1",
                        "dataRegionMegabytes", "32"));
        servers.add(server);
        server.deploy(ArxosServer.jar("servertests.ignite.jar",
                "../../targetplatform/ignite-osgi/target/ignite-osgi-0.1.0-SNAPSHOT.jar", "targetplatform/ignite-osgi"));
        server.deploy(ArxosServer.jar("servertests.ignite.engine.jar",
                "../../bundles/org.arxos.compute.ignite/target/org.arxos.compute.ignite-0.1.0-SNAPSHOT.jar",
                "bundles/org.arxos.compute.ignite"));
        return server;
    }

    private static JsonNode computeHealth(ArxosServer server) {
        HttpResponse<String> health = server.tryGet("/health");
        if (health == null) {
            return json(null);
        }
        try {
            return Api.JSON.readTree(health.body()).path("components").path("compute").path("details");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
