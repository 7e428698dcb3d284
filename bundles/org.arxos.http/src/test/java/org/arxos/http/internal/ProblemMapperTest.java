package org.arxos.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.arxos.api.io.ImportException;
import org.arxos.api.repository.BuildingExistsException;
import org.arxos.api.repository.ConcurrentChangeException;
import org.arxos.api.repository.UnknownBuildingException;
import org.arxos.api.selection.NoImplementationException;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.Rule;
import org.arxos.model.Violation;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class ProblemMapperTest {

    record Pin(String pin) {
    }

    private final List<String> logged = new ArrayList<>();
    private final ProblemMapper mapper = new ProblemMapper((id, failure) -> logged.add(id + " " + failure));
    private final ObjectMapper json = JsonMapping.create();

    private Problem map(Throwable failure) {
        return mapper.map(failure, "/api/buildings/b1").problem();
    }

    @Test
    void problemExceptionsKeepTheirTypeDetailMembersAndHeaders() {
        ApiResponse.ProblemResponse response = mapper.map(new ProblemException(ProblemType.UNAUTHORIZED,
                "missing bearer token").withHeader("WWW-Authenticate", "Bearer").with("hint", "x"), "/api");
        assertEquals(401, response.status());
        assertEquals(Map.of("WWW-Authenticate", "Bearer"), response.headers());
        Map<String, Object> members = response.problem().members();
        assertEquals(List.of("type", "title", "status", "detail", "instance", "hint"), List.copyOf(members.keySet()));
        assertEquals("urn:arxos:problem:unauthorized", members.get("type"));
        assertEquals("Authentication required", members.get("title"));
        assertEquals("missing bearer token", members.get("detail"));
        assertEquals("/api", members.get("instance"));
    }

    @Test
    void rejectedChangesAre422WithEveryViolation() {
        List<Violation> violations = List.of(new Violation(0, "f1", Rule.UNKNOWN_PARENT, "parent 'x' does not exist"),
                new Violation(2, "c9", Rule.DANGLING_CONNECTION, "'c9' joins a missing object"));
        Problem problem = map(new ChangeRejectedException(violations));
        assertEquals(422, problem.status());
        assertEquals(violations, problem.extensions().get("violations"));
        assertTrue(problem.detail().startsWith("the change set breaks 2 model rule(s): change 0 (f1): UNKNOWN_PARENT"));
    }

    @Test
    void repositoryFailures() {
        Problem conflict = map(new ConcurrentChangeException("head moved", 7));
        assertEquals(409, conflict.status());
        assertEquals(7L, conflict.extensions().get("headRevision"));
        assertEquals(ProblemType.BUILDING_EXISTS, map(new BuildingExistsException("building 'b1' exists")).type());
        assertEquals(404, map(new UnknownBuildingException("unknown building 'b1'")).status());
        Problem unavailable = map(new NoImplementationException("no implementation of repository is running"));
        assertEquals(503, unavailable.status());
        assertEquals("no implementation of repository is running", unavailable.detail());
    }

    @Test
    void aBodyOverTheLimitIs413EvenWhenWrapped() {
        Problem problem = map(new UncheckedIOException(new BodyTooLargeException(64)));
        assertEquals(413, problem.status());
        assertEquals("body exceeds the limit of 64 bytes", problem.detail());
        assertEquals(64L, problem.extensions().get("limit"));
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        Exception failure = assertThrowsAny(() -> json.readValue("{\n  \"pin\": \n  }", Pin.class));
        Problem problem = map(failure);
        assertEquals(ProblemType.MALFORMED_JSON, problem.type());
        assertTrue(problem.detail().startsWith("malformed JSON at line 3 column 3: "), problem.detail());
        assertEquals(3, problem.extensions().get("line"));
    }

    @Test
    void unknownFieldsAndWrongTypesNameTheField() {
        Problem unknown = map(assertThrowsAny(() -> json.readValue("{\"pin\":\"a\",\"pun\":1}", Pin.class)));
        assertEquals(ProblemType.INVALID_DOCUMENT, unknown.type());
        assertEquals("invalid JSON document at line 1 column 19 in field 'pun': unknown field 'pun'", unknown.detail());
        Problem wrongType = map(assertThrowsAny(() -> json.readValue("{\"pin\":[1]}", Pin.class)));
        assertEquals(400, wrongType.status());
        assertEquals("pin", wrongType.extensions().get("field"));
    }

    @Test
    void importFailuresAre400WithSourceLineColumnAndField() {
        Problem invalid = map(new ImportException("request body", 4, "objects[2].type",
                "unknown object type 'x' (column 9)"));
        assertEquals(ProblemType.INVALID_DOCUMENT, invalid.type());
        assertEquals("invalid document at line 4 column 9 in field 'objects[2].type': unknown object type 'x'",
                invalid.detail());
        assertEquals(4L, invalid.extensions().get("line"));
        assertEquals(9L, invalid.extensions().get("column"));
        assertEquals("objects[2].type", invalid.extensions().get("field"));

        Problem malformed = map(new ImportException("request body", 3, "changes[-1]",
                "malformed JSON: Unexpected close marker '}': expected ']' (for Array starting at [Source: REDACTED "
                        + "(`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 3, column: 14]) (column 15)"));
        assertEquals(ProblemType.MALFORMED_JSON, malformed.type());
        assertEquals("malformed JSON at line 3 column 15 in field 'changes[-1]': Unexpected close marker '}': "
                + "expected ']'", malformed.detail());

        Problem ifc = map(new ImportException("tower.ifc", 120, null, "IFCWALL without placement"));
        assertEquals("tower.ifc: invalid document at line 120: IFCWALL without placement", ifc.detail());
        assertEquals("tower.ifc", ifc.extensions().get("source"));
    }

    @Test
    void anythingElseIs500WithAnIdThatIsLoggedAndNoStackTrace() {
        Problem problem = map(new IllegalStateException("secret internals"));
        assertEquals(500, problem.status());
        String id = (String) problem.extensions().get("errorId");
        assertEquals("internal error, see the server log with id " + id, problem.detail());
        assertFalse(problem.members().toString().contains("secret"));
        assertEquals(1, logged.size());
        assertTrue(logged.get(0).startsWith(id + " java.lang.IllegalStateException: secret internals"));
    }

    @Test
    void problemsSerializeAsRfc9457() throws IOException {
        Problem problem = map(ProblemException.notFound("unknown building 'x'"));
        assertEquals("{\"type\":\"urn:arxos:problem:not-found\",\"title\":\"Not found\",\"status\":404,"
                + "\"detail\":\"unknown building 'x'\",\"instance\":\"/api/buildings/b1\"}",
                json.writeValueAsString(problem.members()));
    }

    private static Exception assertThrowsAny(ThrowingRunnable runnable) {
        try {
            runnable.run();
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("expected an exception");
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
