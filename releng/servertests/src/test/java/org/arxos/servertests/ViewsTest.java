package org.arxos.servertests;

import static org.arxos.servertests.Api.assertProblem;
import static org.arxos.servertests.Api.assertStatus;
import static org.arxos.servertests.Api.describe;
import static org.arxos.servertests.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The grouped views and drawings of the assembled server: every strategy the server ships answers the hierarchy
 * endpoint, floors render to SVG and PNG (Batik inside Felix), tiles revalidate by entity tag, bad requests are 4xx
 * problems naming the problem, and {@code arxos:hierarchy} / {@code arxos:render} do the same from the Gogo shell.
 */
@ExtendWith(ServerLogsOnFailure.class)
class ViewsTest {

    static final String ALICE = "arx_alice-views-0123456789abcdef";

    @TempDir
    static Path dir;

    private static ArxosServer server;

    @BeforeAll
    static void start() {
        server = ArxosServer.create(dir).writeIdentity(new ArxosServer.User("alice", "acme", "owner", ALICE));
        server.start();
        server.awaitHealthy(Duration.ofSeconds(30));
        assertStatus(201, server.post("/api/buildings/generate", ALICE, "application/json",
                "{\"objects\":20000,\"seed\":3,\"id\":\"tower\",\"name\":\"Views tower\"}"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyShippedStrategyGroupsEveryObject() {
        int objects = json(server.get("/api/buildings/tower", ALICE)).path("objectCount").asInt();
        for (String strategy : new String[] {"spatial", "system", "functional", "containment"}) {
            HttpResponse<String> page = server.get("/api/buildings/tower/hierarchy?strategy=" + strategy, ALICE);
            assertStatus(200, page);
            JsonNode root = json(page).path("node");
            assertEquals(objects, root.path("objectCount").asInt(), strategy + ": " + page.body());
            assertTrue(json(page).path("children").size() > 0, page.body());
        }
        assertEquals("spatial", json(server.get("/api/buildings/tower/hierarchy", ALICE)).path("strategy").asText());
        JsonNode unknown = assertProblem(404, server.get("/api/buildings/tower/hierarchy?strategy=alphabetic", ALICE));
        assertTrue(unknown.path("detail").asText().startsWith("unknown grouping strategy 'alphabetic'; running: "),
                unknown.toString());
    }

    @Test
    void floorsRenderAsSvgAndPng() throws Exception {
        JsonNode floors = json(server.get("/api/buildings/tower/floors", ALICE)).path("floors");
        assertTrue(floors.size() > 1, floors.toString());
        String floor = floors.get(0).path("id").asText();

        HttpResponse<String> svg = server.get("/api/buildings/tower/floors/" + floor + "/render?width=800", ALICE);
        assertStatus(200, svg);
        assertEquals("image/svg+xml", Api.contentType(svg));
        assertTrue(svg.body().contains("<svg") && svg.body().contains("</svg>"), describe(svg));
        assertTrue(Integer.parseInt(svg.headers().firstValue("Arxos-Elements").orElse("0"))
                + Integer.parseInt(svg.headers().firstValue("Arxos-Groups").orElse("0")) > 0, describe(svg));

        HttpResponse<byte[]> png = server.sendBytes(server.request("/api/buildings/tower/floors/" + floor
                + "/tiles/1/0/0.png", ALICE).GET());
        assertEquals(200, png.statusCode());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertEquals(256, image.getWidth());
        assertEquals(256, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < 256; y += 4) {
            for (int x = 0; x < 256; x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 1, "the tile is not blank");

        String etag = png.headers().firstValue("ETag").orElseThrow();
        assertStatus(304, server.send(server.request("/api/buildings/tower/floors/" + floor + "/tiles/1/0/0.png",
                ALICE).header("If-None-Match", etag).GET()));
    }

    @Test
    void badViewRequestsAreProblemsNamingTheProblem() {
        String floor = json(server.get("/api/buildings/tower/floors", ALICE)).path("floors").get(0).path("id").asText();
        assertTrue(assertProblem(400, server.get("/api/buildings/tower/floors/" + floor
                + "/render?bbox=5000,5000,5100,5100", ALICE)).path("detail").asText().contains("does not overlap"));
        assertTrue(assertProblem(400, server.get("/api/buildings/tower/floors/" + floor + "/tiles/40/0/0.svg",
                ALICE)).path("detail").asText().startsWith("zoom 40 is out of range"));
        assertTrue(assertProblem(404, server.get("/api/buildings/tower/floors/nowhere/render", ALICE))
                .path("detail").asText().startsWith("unknown floor 'nowhere'"));
        assertTrue(assertProblem(404, server.get("/api/buildings/tower/floors/" + floor
                + "/render?strategy=alphabetic", ALICE)).path("detail").asText()
                .startsWith("unknown grouping strategy 'alphabetic'"));
    }

    @Test
    void theGogoShellShowsHierarchiesAndDrawsFloors() throws Exception {
        int before = server.stdout().length();
        server.gogo("arxos:hierarchy --tenant acme --strategy system tower");
        server.await(() -> "the hierarchy; stdout: " + server.stdout().substring(before), Duration.ofSeconds(30),
                () -> server.stdout().substring(before).contains("'system' hierarchy"));

        Path file = dir.resolve("floor.svg");
        String floor = json(server.get("/api/buildings/tower/floors", ALICE)).path("floors").get(0).path("id").asText();
        int drawn = server.stdout().length();
        server.gogo("arxos:render --tenant acme tower " + floor + " " + file);
        server.await(() -> "the drawing; stdout: " + server.stdout().substring(drawn), Duration.ofSeconds(30),
                () -> server.stdout().substring(drawn).contains("Drew floor '" + floor + "'"));
        assertTrue(Files.readString(file).contains("<svg"));
    }
}
