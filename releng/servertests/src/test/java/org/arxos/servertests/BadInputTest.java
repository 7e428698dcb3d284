package org.arxos.servertests;

import static org.arxos.servertests.Api.assertProblem;
import static org.arxos.servertests.Api.assertStatus;
import static org.arxos.servertests.Api.describe;
import static org.arxos.servertests.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Bad requests are refused with a problem document and change nothing. One server for the class; its identity file is
 * written by the test: tenant {@code acme} with an owner and a viewer, tenant {@code globex} with an owner. The body
 * limit is configured small through {@code etc/org.arxos.http.cfg}. The acme owner generates building {@code tower}.
 *
 * <p>After every request the state is read again and compared: the building list of both tenants (ids, head
 * revisions, content hashes, counts, update times) and the revision history of {@code tower}.
 */
@ExtendWith(ServerLogsOnFailure.class)
class BadInputTest {

    static final String OWNER_A = "arx_owner-of-acme-0123456789abcdef";
    static final String VIEWER_A = "arx_viewer-of-acme-0123456789abcdef";
    static final String OWNER_B = "arx_owner-of-globex-0123456789abcdef";
    static final int MAX_BODY_BYTES = 4096;
    static final String BUILDING = "tower";
    static final String CHANGES_TYPE = "application/vnd.arxos.changes+json";
    static final String BUILDING_TYPE = "application/vnd.arxos.building+json";

    @TempDir
    static Path dir;

    static ArxosServer server;
    static String floorId;
    static String zoneId;
    static String componentId;

    /** The state every request must leave as it found it, read before each test. */
    private String stateBefore;
    /** How much the server had logged on stderr before each test. */
    private int logBefore;

    @BeforeAll
    static void startServer() {
        server = ArxosServer.create(dir)
                .writeIdentity(new ArxosServer.User("alice", "acme", "owner", OWNER_A),
                        new ArxosServer.User("victor", "acme", "viewer", VIEWER_A),
                        new ArxosServer.User("bob", "globex", "owner", OWNER_B))
                .writeConfig("org.arxos.http", ArxosServer.config("maxBodyBytes", Integer.toString(MAX_BODY_BYTES)));
        server.start();
        Duration healthy = server.awaitHealthy(Duration.ofSeconds(30));
        System.out.printf("BadInputTest: /health UP %d ms after the process started%n", healthy.toMillis());

        HttpResponse<String> created = server.post("/api/buildings/generate", OWNER_A, "application/json",
                "{\"objects\":300,\"id\":\"" + BUILDING + "\",\"seed\":7,\"name\":\"Tower\"}");
        assertStatus(201, created);

        JsonNode content = json(server.get("/api/buildings/" + BUILDING + "/revisions/head", OWNER_A));
        for (JsonNode o : content.path("objects")) {
            String type = o.path("type").asText();
            String id = o.path("id").asText();
            if (type.equals("floor") && floorId == null) {
                floorId = id;
            } else if (type.equals("zone") && zoneId == null) {
                zoneId = id;
            } else if (type.equals("component") && componentId == null) {
                componentId = id;
            }
        }
        assertNotNull(floorId, "the generated building has a floor");
        assertNotNull(zoneId, "the generated building has a zone");
        assertNotNull(componentId, "the generated building has a component");

        // The limit comes from etc/ through FileInstall and ConfigAdmin: wait until it is in force. The probe is over
        // the limit by Content-Length and could change nothing even if it were read: an unknown op.
        String probe = changes("{\"op\":\"no-such-op\"}") + " ".repeat(MAX_BODY_BYTES);
        server.await("the configured body limit (413 for " + probe.length() + " bytes)", Duration.ofSeconds(10),
                () -> server.post(changesPath(BUILDING), OWNER_A, CHANGES_TYPE, probe).statusCode() == 413);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void readState() {
        stateBefore = state();
        logBefore = server.stderr().length();
    }

    @AfterEach
    void stateIsUnchangedAndNothingWasLoggedAsAnError() {
        if (server.isRunning()) {
            assertEquals(stateBefore, state(), "a refused request changed the state");
        }
        // a client's mistake is not a server error: no ERROR line, no internal error id, no stack trace in the log
        String logged = server.stderr().substring(Math.min(logBefore, server.stderr().length()));
        assertFalse(logged.contains(" ERROR ") || logged.contains("internal error") || logged.contains("\tat "),
                "the server logged an error for a bad request:\n" + logged);
    }

    // ------------------------------------------------------------------------------------------- 400 malformed

    @Test
    void malformedBuildingDocumentNamesLineAndColumn() {
        String body = "{\"format\": \"arxos.building\",\n"
                + " \"version\": 1,\n"
                + " \"building\": {\"id\": \"broken\", \"name\": \"x\",}}\n";
        JsonNode problem = assertProblem(400, server.post("/api/buildings", OWNER_A, BUILDING_TYPE, body));
        assertLineAndColumn(problem, 3);
    }

    @Test
    void malformedBuildingDocumentAsPlainJsonNamesLineAndColumn() {
        String body = "{\"format\": \"arxos.building\",\n \"version\": 1 \"building\": {}}";
        JsonNode problem = assertProblem(400, server.post("/api/buildings", OWNER_A, "application/json", body));
        assertLineAndColumn(problem, 2);
    }

    @Test
    void malformedChangeDocumentNamesLineAndColumn() {
        String body = "{\"format\": \"arxos.changes\", \"version\": 1,\n"
                + " \"changes\": [\n"
                + "  {\"op\": \"remove\" \"id\": \"" + componentId + "\"}\n"
                + " ]}\n";
        JsonNode problem = assertProblem(400, server.post(changesPath(BUILDING), OWNER_A, CHANGES_TYPE, body));
        assertLineAndColumn(problem, 3);
    }

    @Test
    void truncatedChangeDocumentIsMalformed() {
        String body = "{\"format\": \"arxos.changes\", \"version\": 1,\n \"changes\": [\n  {\"op\": \"remove\", \"id\": \""
                + componentId + "\"}";
        JsonNode problem = assertProblem(400, server.post(changesPath(BUILDING), OWNER_A, CHANGES_TYPE, body));
        assertTrue(problem.path("detail").asText().contains("line "), "detail names the line: " + problem);
    }

    private static void assertLineAndColumn(JsonNode problem, int line) {
        String detail = problem.path("detail").asText();
        assertTrue(detail.matches("(?s).*\\bline " + line + "\\b.*"), "detail names line " + line + ": " + problem);
        assertTrue(detail.matches("(?s).*\\bcolumn \\d+.*"), "detail names the column: " + problem);
        assertEquals(line, problem.path("line").asInt(), "line member: " + problem);
        assertTrue(problem.path("column").asInt() > 0, "column member: " + problem);
    }

    // ------------------------------------------------------------------------------------------- 413 too large

    @Test
    void changeDocumentOverTheLimitByContentLength() {
        // valid and harmless apart from its size: an empty change set with a long message
        String body = changesWithMessage("x".repeat(MAX_BODY_BYTES));
        JsonNode problem = assertProblem(413, server.post(changesPath(BUILDING), OWNER_A, CHANGES_TYPE, body));
        assertEquals(MAX_BODY_BYTES, problem.path("limit").asLong(), "limit member: " + problem);
    }

    @Test
    void changeDocumentOverTheLimitWhileStreaming() {
        // no Content-Length (chunked): the limit is found while reading
        byte[] body = changesWithMessage("x".repeat(MAX_BODY_BYTES)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = server.send(server.request(changesPath(BUILDING), OWNER_A)
                .header("Content-Type", CHANGES_TYPE)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        JsonNode problem = assertProblem(413, response);
        assertEquals(MAX_BODY_BYTES, problem.path("limit").asLong(), "limit member: " + problem);
    }

    @Test
    void buildingDocumentOverTheLimit() {
        StringBuilder body = new StringBuilder("{\"format\":\"arxos.building\",\"version\":1,"
                + "\"building\":{\"id\":\"big\"},\"objects\":[{\"id\":\"big\",\"type\":\"building\",\"kind\":\"building\"}");
        for (int i = 0; body.length() <= MAX_BODY_BYTES; i++) {
            body.append(",{\"id\":\"f").append(i).append("\",\"type\":\"floor\",\"kind\":\"floor\",\"parent\":\"big\"}");
        }
        body.append("]}");
        assertProblem(413, server.post("/api/buildings", OWNER_A, BUILDING_TYPE, body.toString()));
    }

    // ------------------------------------------------------------------------------------------- 415 / 405

    @Test
    void changesThatAreNotJson() {
        JsonNode problem = assertProblem(415, server.post(changesPath(BUILDING), OWNER_A, "text/plain",
                validChange()));
        assertTrue(problem.path("detail").asText().contains("text/plain"), "detail names the type: " + problem);
        assertProblem(415, server.post("/api/buildings", OWNER_A, "application/xml", "<building/>"));
    }

    @Test
    void wrongMethodAndUnknownRoute() {
        HttpResponse<String> put = server.send(server.request(changesPath(BUILDING), OWNER_A)
                .header("Content-Type", CHANGES_TYPE).PUT(HttpRequest.BodyPublishers.ofString(validChange())));
        assertProblem(405, put);
        assertTrue(put.headers().firstValue("Allow").orElse("").contains("POST"), "Allow: " + put.headers().map());
        assertProblem(404, server.get("/api/no-such-route", OWNER_A));
        assertProblem(404, server.get("/no-such-page", OWNER_A));
    }

    // ------------------------------------------------------------------------------------------- 404

    @Test
    void unknownBuilding() {
        assertProblem(404, server.get("/api/buildings/no-such-building", OWNER_A));
        assertProblem(404, server.get("/api/buildings/no-such-building/revisions", OWNER_A));
        assertProblem(404, server.get("/api/buildings/no-such-building/revisions/head", OWNER_A));
        assertProblem(404, server.get("/api/buildings/no-such-building/hierarchy", OWNER_A));
        assertProblem(404, server.post(changesPath("no-such-building"), OWNER_A, CHANGES_TYPE, validChange()));
    }

    @Test
    void unknownRevision() {
        for (String revision : List.of("999", "0", "-1", "abc", "99999999999999999999")) {
            assertProblem(404, server.get("/api/buildings/" + BUILDING + "/revisions/" + revision, OWNER_A));
        }
        assertProblem(404, server.get("/api/buildings/" + BUILDING + "/hierarchy?revision=999", OWNER_A));
    }

    // ------------------------------------------------------------------------------------------- 409

    @Test
    void buildingIdTaken() {
        JsonNode problem = assertProblem(409, server.post("/api/buildings/generate", OWNER_A, "application/json",
                "{\"objects\":100,\"id\":\"" + BUILDING + "\"}"));
        assertTrue(problem.path("detail").asText().contains(BUILDING), "detail names the building: " + problem);
    }

    @Test
    void changesAgainstAnOldRevision() {
        // tower's head is revision 1: a valid change made against revision 0 is refused as concurrent
        String body = "{\"format\":\"arxos.changes\",\"version\":1,\"baseRevision\":0,\"changes\":[{\"op\":\"set\","
                + "\"id\":\"" + componentId + "\",\"name\":\"note\",\"value\":{\"text\":\"stale\"}}]}";
        JsonNode problem = assertProblem(409, server.post(changesPath(BUILDING), OWNER_A, CHANGES_TYPE, body));
        assertEquals(1, problem.path("headRevision").asLong(), "headRevision member: " + problem);
        assertEquals(0, problem.path("baseRevision").asLong(), "baseRevision member: " + problem);
    }

    // ------------------------------------------------------------------------------------------- 401

    @Test
    void missingToken() {
        assertUnauthorized(server.post(changesPath(BUILDING), null, CHANGES_TYPE, validChange()), null);
        assertUnauthorized(server.get("/api/buildings/" + BUILDING, null), null);
        assertUnauthorized(server.post("/api/buildings/generate", null, "application/json",
                "{\"objects\":100,\"id\":\"sneaky\"}"), null);
    }

    @Test
    void wrongToken() {
        assertUnauthorized(server.post(changesPath(BUILDING), "arx_not-a-known-token", CHANGES_TYPE, validChange()),
                "invalid_token");
        // the right secret without the arx_ prefix is not a token
        assertUnauthorized(server.get("/api/buildings", OWNER_A.substring(4)), "invalid_token");
        HttpResponse<String> basic = server.send(server.request("/api/buildings", null)
                .header("Authorization", "Basic YWxpY2U6c2VjcmV0").GET());
        assertUnauthorized(basic, "invalid_request");
    }

    private static void assertUnauthorized(HttpResponse<String> response, String error) {
        assertProblem(401, response);
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse(null);
        assertNotNull(challenge, "401 without WWW-Authenticate: " + describe(response));
        assertTrue(challenge.startsWith("Bearer"), "not a Bearer challenge: " + challenge);
        if (error != null) {
            assertTrue(challenge.contains("error=\"" + error + "\""), "challenge names " + error + ": " + challenge);
        }
    }

    // ------------------------------------------------------------------------------------------- 403 / tenants

    @Test
    void viewerCannotChange() {
        JsonNode problem = assertProblem(403, server.post(changesPath(BUILDING), VIEWER_A, CHANGES_TYPE,
                validChange()));
        assertEquals("EDITOR", problem.path("requiredRole").asText(), "requiredRole: " + problem);
        assertProblem(403, server.send(server.request("/api/buildings/" + BUILDING, VIEWER_A).DELETE()));
        assertProblem(403, server.post("/api/buildings/generate", VIEWER_A, "application/json",
                "{\"objects\":100,\"id\":\"viewers-own\"}"));
        assertProblem(403, server.send(server.request("/api/implementations/grouping", VIEWER_A)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"pin\":\"containment\"}"))));
        assertProblem(403, server.send(server.request("/api/implementations/grouping/pin", VIEWER_A).DELETE()));
        // a tenant's owner is no administrator: a pin would change the server for every tenant
        assertProblem(403, server.send(server.request("/api/implementations/grouping", OWNER_B)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"pin\":\"containment\"}"))));
        // the viewer does see the building
        assertStatus(200, server.get("/api/buildings/" + BUILDING, VIEWER_A));
    }

    @Test
    void otherTenantSeesNothing() {
        assertProblem(404, server.get("/api/buildings/" + BUILDING, OWNER_B));
        assertProblem(404, server.get("/api/buildings/" + BUILDING + "/revisions/head", OWNER_B));
        assertProblem(404, server.get("/api/buildings/" + BUILDING + "/hierarchy", OWNER_B));
        assertProblem(404, server.post(changesPath(BUILDING), OWNER_B, CHANGES_TYPE, validChange()));
        assertProblem(404, server.send(server.request("/api/buildings/" + BUILDING, OWNER_B).DELETE()));
        HttpResponse<String> list = server.get("/api/buildings", OWNER_B);
        assertStatus(200, list);
        assertFalse(list.body().contains("\"" + BUILDING + "\""), "tenant globex lists acme's building: " + list.body());
    }

    // ------------------------------------------------------------------------------------------- 422 model rules

    @Test
    void unknownParent() {
        assertRejected("UNKNOWN_PARENT", "new-sensor",
                "{\"op\":\"add\",\"object\":{\"id\":\"new-sensor\",\"type\":\"component\",\"kind\":\"sensor\","
                        + "\"parent\":\"no-such-parent\"}}");
    }

    @Test
    void wrongParentType() {
        assertRejected("PARENT_TYPE", "floor-in-floor",
                "{\"op\":\"add\",\"object\":{\"id\":\"floor-in-floor\",\"type\":\"floor\",\"kind\":\"floor\","
                        + "\"parent\":\"" + floorId + "\"}}");
    }

    @Test
    void danglingConnection() {
        assertRejected("DANGLING_CONNECTION", "dangling",
                "{\"op\":\"connect\",\"connection\":{\"id\":\"dangling\",\"from\":\"" + componentId
                        + "\",\"to\":\"no-such-object\",\"kind\":\"duct\"}}");
    }

    @Test
    void duplicateId() {
        assertRejected("UNIQUE_ID", zoneId,
                "{\"op\":\"add\",\"object\":{\"id\":\"" + zoneId + "\",\"type\":\"zone\",\"kind\":\"zone\","
                        + "\"parent\":\"" + floorId + "\"}}");
    }

    @Test
    void cycleAfterValidChanges() {
        // the first three changes are fine on their own; the last makes z-outer its own ancestor
        assertRejected("CYCLE", "z-outer",
                "{\"op\":\"set\",\"id\":\"" + componentId + "\",\"name\":\"note\",\"value\":{\"text\":\"applied?\"}}",
                "{\"op\":\"add\",\"object\":{\"id\":\"z-outer\",\"type\":\"zone\",\"kind\":\"zone\",\"parent\":\""
                        + floorId + "\"}}",
                "{\"op\":\"add\",\"object\":{\"id\":\"z-inner\",\"type\":\"zone\",\"kind\":\"zone\","
                        + "\"parent\":\"z-outer\"}}",
                "{\"op\":\"move\",\"id\":\"z-outer\",\"parent\":\"z-inner\"}");
    }

    @Test
    void removingAnUnknownObject() {
        assertRejected("UNKNOWN_ID", "no-such-object", "{\"op\":\"remove\",\"id\":\"no-such-object\"}");
    }

    /** A change set breaking {@code rule} on {@code target}: 422 listing that violation by object and rule. */
    private static void assertRejected(String rule, String target, String... changes) {
        HttpResponse<String> response = server.post(changesPath(BUILDING), OWNER_A, CHANGES_TYPE, changes(changes));
        JsonNode problem = assertProblem(422, response);
        JsonNode violations = problem.path("violations");
        assertTrue(violations.isArray() && violations.size() > 0, "no violations listed: " + describe(response));
        List<String> seen = new ArrayList<>();
        boolean found = false;
        for (JsonNode v : violations) {
            seen.add(v.toString());
            if (rule.equals(v.path("rule").asText()) && target.equals(v.path("targetId").asText())) {
                found = true;
                assertTrue(v.path("message").asText().contains(target), "the message names the object: " + v);
            }
        }
        assertTrue(found, "no violation of " + rule + " on '" + target + "' in " + seen);
        String detail = problem.path("detail").asText();
        assertTrue(detail.contains(rule) && detail.contains(target), "detail names rule and object: " + detail);
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static String changesPath(String building) {
        return "/api/buildings/" + building + "/changes";
    }

    static String changes(String... changes) {
        return "{\"format\":\"arxos.changes\",\"version\":1,\"message\":\"servertests\",\"changes\":["
                + String.join(",\n", changes) + "]}";
    }

    private static String changesWithMessage(String message) {
        return "{\"format\":\"arxos.changes\",\"version\":1,\"message\":\"" + message + "\",\"changes\":[]}";
    }

    /** A change the acme owner could apply: the refusals must come from who sends it, not from what it is. */
    private static String validChange() {
        return changes("{\"op\":\"set\",\"id\":\"" + componentId + "\",\"name\":\"note\",\"value\":{\"text\":\"x\"}}");
    }

    /** Both tenants' building lists, tower's history and head, and the grouping pin, as text. */
    private static String state() {
        Supplier<String> acme = () -> {
            HttpResponse<String> r = server.get("/api/buildings", OWNER_A);
            assertStatus(200, r);
            return r.body();
        };
        HttpResponse<String> globex = server.get("/api/buildings", OWNER_B);
        assertStatus(200, globex);
        HttpResponse<String> history = server.get("/api/buildings/" + BUILDING + "/revisions", OWNER_A);
        assertStatus(200, history);
        HttpResponse<String> building = server.get("/api/buildings/" + BUILDING, OWNER_A);
        assertStatus(200, building);
        JsonNode b = json(building);
        HttpResponse<String> implementations = server.get("/api/implementations", OWNER_A);
        assertStatus(200, implementations);
        JsonNode grouping = Api.capability(json(implementations), "grouping");
        return "acme: " + acme.get() + "\nglobex: " + globex.body() + "\nhistory: " + history.body()
                + "\nhead: " + b.path("headRevision").asLong() + " " + b.path("contentHash").asText()
                + "\ngrouping: serving " + Api.text(grouping, "serving") + ", pinned " + Api.text(grouping, "pinned");
    }
}
