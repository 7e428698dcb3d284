package org.arxos.servertests;

import static org.arxos.servertests.Api.assertStatus;
import static org.arxos.servertests.Api.describe;
import static org.arxos.servertests.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The IFC and SVG importers run in the assembled server (with the Batik wrapper bundle) and are chosen by file
 * name: real files from {@code ../shared/data} uploaded through {@code POST /api/buildings/import} become buildings
 * with the spaces the files hold.
 */
@ExtendWith(ServerLogsOnFailure.class)
class RealFileImportTest {

    static final String ALICE = "arx_alice-real-files-0123456789abcdef";

    @TempDir
    static Path dir;

    private static ArxosServer server;

    @BeforeAll
    static void start() {
        server = ArxosServer.create(dir).writeIdentity(new ArxosServer.User("alice", "acme", "owner", ALICE));
        server.start();
        server.awaitHealthy(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anIfcFileBecomesABuildingWithItsStoreysAndSpaces() throws Exception {
        JsonNode imported = upload("ifc/duplex.ifc", "duplex");

        JsonNode mapped = imported.path("report").path("mapped");
        assertEquals(4, mapped.path("IFCBUILDINGSTOREY").asInt(), imported.toString());
        assertEquals(21, mapped.path("IFCSPACE").asInt(), imported.toString());
        JsonNode building = json(server.get("/api/buildings/duplex", ALICE));
        assertTrue(building.path("objectCount").asInt() > 200, building.toString());
    }

    @Test
    void anSvgFloorPlanBecomesABuildingWithLabelledSpaces() throws Exception {
        JsonNode imported = upload("svg/concordia-hall-floor9.svg", "hall");

        JsonNode building = json(server.get("/api/buildings/hall", ALICE));
        assertEquals(111, building.path("objectCount").asInt(), building.toString());
        // the building as stored: floors, then their spaces (the serving strategy, spatial, clusters them)
        JsonNode floors = json(server.get("/api/buildings/hall/hierarchy?strategy=containment&limit=10", ALICE));
        assertEquals(1, floors.path("children").size(), floors.toString());
        JsonNode floor = floors.path("children").get(0);
        JsonNode spaces = json(server.get("/api/buildings/hall/hierarchy?strategy=containment&node="
                + floor.path("id").asText() + "&limit=1000", ALICE));
        long labelled = 0;
        for (JsonNode child : spaces.path("children")) {
            if (child.path("kind").asText().equals("space") && !child.path("label").asText().equals(child.path("id").asText())) {
                labelled++;
            }
        }
        assertTrue(labelled >= 90, "spaces named by their labels: " + labelled + " in " + imported);
    }

    private static JsonNode upload(String sharedFile, String buildingId) throws Exception {
        Path file = sharedData().resolve(sharedFile);
        HttpResponse<String> answer = server.send(server.request("/api/buildings/import?name="
                + file.getFileName() + "&id=" + buildingId, ALICE).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofFile(file)));
        assertStatus(201, answer);
        JsonNode body = json(answer);
        assertEquals(buildingId, body.path("building").path("id").asText(), describe(answer));
        return body;
    }

    private static Path sharedData() {
        String shared = System.getProperty("arxos.shared.dir");
        assertTrue(shared != null && Files.isDirectory(Path.of(shared, "data")),
                "the shared test data folder is missing: arxos.shared.dir=" + shared);
        return Path.of(shared, "data");
    }
}
