package org.arxos.servertests;

import static org.arxos.servertests.Api.assertProblem;
import static org.arxos.servertests.Api.assertStatus;
import static org.arxos.servertests.Api.contentType;
import static org.arxos.servertests.Api.describe;
import static org.arxos.servertests.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Buildings out again, through the exporters of the assembled server: {@code GET .../revisions/{n}?format=ifc}
 * re-imports to the same content (the same content hash under the same id), {@code ?format=svg&node=<floor>} is an Arxos SVG of one floor, an unknown format is
 * a 406 problem listing the formats, and {@code arxos:export} writes a file from the Gogo shell.
 */
@ExtendWith(ServerLogsOnFailure.class)
class ExportTest {

    static final String ALICE = "arx_alice-exports-0123456789abcdef";

    @TempDir
    static Path dir;

    private static ArxosServer server;
    private static JsonNode generated;

    @BeforeAll
    static void start() {
        server = ArxosServer.create(dir).writeIdentity(new ArxosServer.User("alice", "acme", "owner", ALICE));
        server.start();
        server.awaitHealthy(Duration.ofSeconds(30));
        assertStatus(201, server.post("/api/buildings/generate", ALICE, "application/json",
                "{\"objects\":5000,\"seed\":21,\"id\":\"tower\",\"name\":\"Export tower\"}"));
        generated = json(server.get("/api/buildings/tower", ALICE));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /**
     * Object ids are part of the content hash, so a copy under another id ({@code id=copy}) has the same objects and
     * connections but another hash; re-imported under its own id, after the original is deleted, the hash is the same.
     */
    @Test
    void anIfcExportReimportsToTheSameContent() {
        assertStatus(201, server.post("/api/buildings/generate", ALICE, "application/json",
                "{\"objects\":3000,\"seed\":5,\"id\":\"trip\",\"name\":\"Round trip\"}"));
        JsonNode original = json(server.get("/api/buildings/trip", ALICE));
        HttpResponse<String> ifc = server.get("/api/buildings/trip/revisions/head?format=ifc", ALICE);
        assertStatus(200, ifc);
        assertTrue(contentType(ifc).startsWith("application/x-step"), describe(ifc));
        assertEquals("attachment; filename=\"trip-r1.ifc\"",
                ifc.headers().firstValue("Content-Disposition").orElse(""));
        String etag = ifc.headers().firstValue("ETag").orElse("");
        assertEquals("\"" + original.path("contentHash").asText() + "+ifc\"", etag);
        assertTrue(ifc.body().startsWith("ISO-10303-21;"), describe(ifc));
        // the same representation again is not sent twice
        assertStatus(304, server.send(server.request("/api/buildings/trip/revisions/1?format=ifc", ALICE)
                .header("If-None-Match", etag).GET()));

        JsonNode copy = upload(ifc.body(), "copy");
        assertEquals(original.path("objectCount").asInt(), copy.path("objectCount").asInt(), copy.toString());
        assertEquals(original.path("connectionCount").asInt(), copy.path("connectionCount").asInt(),
                copy.toString());

        assertStatus(204, server.send(server.request("/api/buildings/trip", ALICE).DELETE()));
        JsonNode back = upload(ifc.body(), "trip");
        assertEquals(original.path("contentHash").asText(), back.path("contentHash").asText(), back.toString());
    }

    private static JsonNode upload(String ifc, String id) {
        HttpResponse<String> created = server.send(server.request("/api/buildings/import?name=x.ifc&id=" + id, ALICE)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(ifc, StandardCharsets.UTF_8)));
        assertStatus(201, created);
        return json(server.get("/api/buildings/" + id, ALICE));
    }

    @Test
    void oneFloorAsSvgByParameterOrAcceptHeader() {
        JsonNode children = json(server.get("/api/buildings/tower/hierarchy?limit=100", ALICE)).path("children");
        String floor = null;
        for (JsonNode child : children) {
            if (child.path("kind").asText().equals("floor")) {
                floor = child.path("objectId").asText();
                break;
            }
        }
        assertTrue(floor != null, "no floor in " + children);

        HttpResponse<String> svg = server.get("/api/buildings/tower/revisions/head?format=svg&node=" + floor, ALICE);
        assertStatus(200, svg);
        assertTrue(contentType(svg).startsWith("image/svg+xml"), describe(svg));
        assertEquals("attachment; filename=\"tower-r1-" + floor + ".svg\"",
                svg.headers().firstValue("Content-Disposition").orElse(""));
        Matcher root = Pattern.compile("<svg\\b[^>]*>").matcher(svg.body());
        assertTrue(root.find(), describe(svg));
        assertTrue(root.group().contains("data-arxos-format=\"1\""), root.group());
        assertTrue(root.group().contains("data-arxos-root=\"" + floor + "\""), root.group());

        HttpResponse<String> accepted = server.send(server.request("/api/buildings/tower/revisions/head?node="
                + floor, ALICE).header("Accept", "image/svg+xml").GET());
        assertStatus(200, accepted);
        assertEquals(svg.body(), accepted.body());
        assertEquals(svg.headers().firstValue("ETag"), accepted.headers().firstValue("ETag"));

        // no Accept, no format: native JSON as before
        HttpResponse<String> plain = server.get("/api/buildings/tower/revisions/head", ALICE);
        assertStatus(200, plain);
        assertTrue(contentType(plain).startsWith("application/vnd.arxos.building+json"), describe(plain));
        assertEquals("\"" + generated.path("contentHash").asText() + "\"",
                plain.headers().firstValue("ETag").orElse(""));
    }

    @Test
    void unknownFormatsNodesAndUnexportableNodesAreProblems() {
        JsonNode unknown = assertProblem(406,
                server.get("/api/buildings/tower/revisions/head?format=dwg", ALICE));
        assertEquals("urn:arxos:problem:not-acceptable", unknown.path("type").asText());
        List<String> formats = Api.JSON.convertValue(unknown.path("availableFormats"),
                Api.JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertTrue(formats.containsAll(List.of("ifc", "json", "svg")), unknown.toString());
        assertTrue(unknown.path("detail").asText().contains("svg (image/svg+xml)"), unknown.toString());
        assertProblem(406, server.send(server.request("/api/buildings/tower/revisions/head", ALICE)
                .header("Accept", "text/html").GET()));

        assertProblem(404, server.get("/api/buildings/tower/revisions/head?format=svg&node=nothing", ALICE));

        // a floor is more than the IFC exporter writes alone: 400 with its words, then the connection still works
        String floor = json(server.get("/api/buildings/tower/hierarchy?limit=100", ALICE)).path("children")
                .findValuesAsText("objectId").stream().filter(id -> id.startsWith("f")).findFirst().orElseThrow();
        JsonNode refused = assertProblem(400,
                server.get("/api/buildings/tower/revisions/head?format=ifc&node=" + floor, ALICE));
        assertTrue(refused.path("detail").asText().contains("the ifc format"), refused.toString());
        assertStatus(200, server.get("/api/buildings/tower", ALICE));
    }

    @Test
    void theGogoShellExportsToAFile() throws Exception {
        Path file = dir.resolve("tower.ifc");
        int before = server.stdout().length();
        server.gogo("arxos:export --tenant acme tower " + file);
        server.await(() -> "the export's summary; stdout: " + server.stdout().substring(before),
                Duration.ofSeconds(60), () -> server.stdout().substring(before).contains("Exported building 'tower'"));
        String out = server.stdout().substring(before);
        assertTrue(out.contains("as ifc to " + file + ": " + grouped(generated.path("objectCount").asInt())
                + " objects"), out);
        assertTrue(Files.readString(file).startsWith("ISO-10303-21;"));

        int failedBefore = server.stdout().length();
        server.gogo("arxos:export --tenant acme tower " + dir.resolve("tower.dwg"));
        server.await(() -> "the export's error; stdout: " + server.stdout().substring(failedBefore),
                Duration.ofSeconds(20), () -> server.stdout().substring(failedBefore).contains("export failed: "));
        Thread.sleep(300);
        String failed = server.stdout().substring(failedBefore);
        assertTrue(failed.contains("export failed: no exporter writes the format 'dwg'; the running exporters write "),
                failed);
        assertFalse(failed.contains("Exception") || failed.contains("\tat "), failed);
        assertFalse(Files.exists(dir.resolve("tower.dwg")));
    }

    private static String grouped(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n).replace(',', ' ');
    }
}
