package org.arxos.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.arxos.api.io.BuildingExporter;
import org.arxos.api.io.BuildingImporter;
import org.arxos.api.io.ImportOptions;
import org.arxos.api.io.ImportJob;
import org.arxos.api.io.ImportResult;
import org.arxos.api.io.ImportedBuilding;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.repository.BuildingSummary;
import org.arxos.api.security.IdentityStore;
import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;
import org.arxos.api.selection.Capability;
import org.arxos.core.internal.BuildingExportService;
import org.arxos.core.internal.CompressionService;
import org.arxos.core.internal.CompressionSettings;
import org.arxos.core.internal.FloorDrawings;
import org.arxos.core.internal.HierarchyFloorRendering;
import org.arxos.core.internal.PrefetchSettings;
import org.arxos.core.internal.TilePrefetch;
import org.arxos.core.internal.HierarchySettings;
import org.arxos.core.internal.StoredHierarchyViews;
import org.arxos.core.internal.BuildingImportJobs;
import org.arxos.core.internal.ImportSettings;
import org.arxos.io.json.BuildingJson;
import org.arxos.io.json.internal.JsonBuildingExporter;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ApiDispatcherTest {

    private static final Principal ALICE = new Principal("alice", "acme", Role.EDITOR, Map.of(), false);
    private static final Principal BOB = new Principal("bob", "acme", null, Map.of("b1", Role.VIEWER), false);
    private static final Principal OWEN = new Principal("owen", "acme", Role.OWNER, Map.of(), true);
    private static final Principal CAROL = new Principal("carol", "other", Role.OWNER, Map.of(), false);

    private static final String DOCUMENT = """
            {"format":"arxos.building","version":1,"building":{"id":"nb","name":"New"},
             "objects":[{"id":"nb","type":"building","kind":"office","name":"New"},
                        {"id":"f1","type":"floor","kind":"floor","parent":"nb"}],
             "connections":[]}
            """;

    private final ObjectMapper json = JsonMapping.create();
    private final FakeServices.Repository repository = new FakeServices.Repository();
    private final FakeServices.Identities identities = new FakeServices.Identities();
    private final FakeServices.Selector selector = new FakeServices.Selector();
    private final List<String> logged = new java.util.ArrayList<>();
    private ApiSettings settings = ApiSettings.DEFAULTS;
    private ApiDispatcher dispatcher;
    private BuildingImportJobs imports;

    @TempDir
    Path spool;

    @BeforeEach
    void setUp() throws Exception {
        selector.serving.put(BuildingRepository.class, repository);
        selector.serving.put(IdentityStore.class, identities);
        repository.create("acme", building("b1"));
        repository.apply("acme", "b1", ChangeSet.of("ann", "", new Change.Rename("f1", "Ground floor")));
        repository.apply("acme", "b1", ChangeSet.of("ann", "", new Change.Rename("f1", "Floor 1")));
        repository.create("acme", building("b2"));
        repository.create("other", building("c1"));
        repository.created.clear();
        imports = new BuildingImportJobs(selector, ImportSettings.defaults(spool), Clock.systemUTC(), System::nanoTime);
        selector.exporters.add(SUBTREE_EXPORTER);
        selector.exporters.add(new JsonBuildingExporter());
        StoredHierarchyViews hierarchies = new StoredHierarchyViews(selector, HierarchySettings.defaults());
        FloorDrawings drawings = new FloorDrawings(selector, hierarchies);
        TilePrefetch noPrefetch = new TilePrefetch(drawings, new PrefetchSettings(false, false, 1));
        dispatcher = new ApiDispatcher(selector, imports, new BuildingExportService(selector), hierarchies,
                new HierarchyFloorRendering(drawings, noPrefetch),
                new CompressionService(selector, CompressionSettings.defaults()), Optional::empty, json, () -> settings,
                new ProblemMapper((id, failure) -> logged.add(id + " " + failure)));
    }

    @AfterEach
    void stopImports() throws InterruptedException {
        imports.close();
    }

    private static ChangeSet building(String id) {
        return ChangeSet.of("seed", "",
                new Change.AddObject(new BuildingObject(id, ObjectType.BUILDING, "office", null, "Building " + id,
                        null, null, null)),
                new Change.AddObject(new BuildingObject("f1", ObjectType.FLOOR, "floor", id, null, null, null, null)));
    }

    private List<String> ids(Object summaries) {
        return ((List<?>) summaries).stream().map(s -> ((BuildingSummary) s).id()).toList();
    }

    private BuildingSummary summary(String tenant, String id) {
        return repository.find(tenant, id).orElseThrow();
    }

    private ApiResponse call(FakeServices.Request request) {
        return dispatcher.dispatch(RouteMatch.of(request.method(), request.path()), request);
    }

    private ApiResponse call(String method, String path, Principal principal) {
        return call(FakeServices.Request.of(method, path, principal));
    }

    private static Problem problem(ApiResponse response, int status) {
        ApiResponse.ProblemResponse problem = assertInstanceOf(ApiResponse.ProblemResponse.class, response,
                response::toString);
        assertEquals(status, problem.status(), problem.problem()::detail);
        return problem.problem();
    }

    /** A JSON body that the endpoint sends as it is kept (in the cache): a streamed one. */
    private JsonNode jsonBody(ApiResponse response) throws Exception {
        ApiResponse.Streamed streamed = assertInstanceOf(ApiResponse.Streamed.class, response, response::toString);
        assertEquals(200, streamed.status());
        assertEquals(MediaTypes.JSON, streamed.contentType());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        streamed.writer().writeTo(out);
        return json.readTree(out.toByteArray());
    }

    private static Object body(ApiResponse response, int status) {
        ApiResponse.Json ok = assertInstanceOf(ApiResponse.Json.class, response, response::toString);
        assertEquals(status, ok.status());
        return ok.body();
    }

    @Test
    void listShowsOnlyTheTenantsBuildingsThePrincipalMaySee() throws Exception {
        assertEquals(List.of("b1", "b2"), ids(body(call("GET", "/api/buildings", ALICE), 200)));
        assertEquals(List.of("b1"), ids(body(call("GET", "/api/buildings", BOB), 200)));
        assertEquals(List.of("c1"), ids(body(call("GET", "/api/buildings", CAROL), 200)));
        assertTrue(json.writeValueAsString(body(call("GET", "/api/buildings", BOB), 200))
                .contains("\"updated\":\"2026-01-02T03:04:05Z\""));
    }

    @Test
    void anotherTenantsOrAHiddenBuildingIsNotFoundLikeAMissingOne() {
        assertEquals(summary("acme", "b1"), body(call("GET", "/api/buildings/b1", BOB), 200));
        String missing = problem(call("GET", "/api/buildings/zz", ALICE), 404).detail();
        assertEquals("unknown building 'zz'", missing);
        assertEquals("unknown building 'b1'", problem(call("GET", "/api/buildings/b1", CAROL), 404).detail());
        assertEquals("unknown building 'b2'", problem(call("GET", "/api/buildings/b2", BOB), 404).detail());
        assertEquals("unknown building 'b2'", problem(call("DELETE", "/api/buildings/b2", BOB), 404).detail());
    }

    @Test
    void deletingNeedsOwner() {
        Problem forbidden = problem(call("DELETE", "/api/buildings/b1", BOB), 403);
        assertEquals("deleting building 'b1' requires the OWNER role; user 'bob' has VIEWER", forbidden.detail());
        problem(call("DELETE", "/api/buildings/b1", ALICE), 403);
        assertTrue(repository.find("acme", "b1").isPresent());
        assertEquals(204, call("DELETE", "/api/buildings/b1", OWEN).status());
        assertTrue(repository.find("acme", "b1").isEmpty());
    }

    @Test
    void createFromANativeDocumentGrantsTheCreatorOwner() {
        ApiResponse response = call(FakeServices.Request.of("POST", "/api/buildings", ALICE)
                .body("application/json", DOCUMENT));
        BuildingSummary created = (BuildingSummary) body(response, 201);
        assertEquals("nb", created.id());
        assertEquals(2, created.objectCount());
        assertEquals("/api/buildings/nb", response.headers().get("Location"));
        assertEquals(List.of("acme/alice/nb=OWNER"), identities.grants);
        assertEquals("alice", repository.created.get(0).author());
    }

    @Test
    void createWithAnIdOverride() {
        BuildingSummary created = (BuildingSummary) body(call(FakeServices.Request.of("POST",
                "/api/buildings?id=renamed", ALICE).body(BuildingJson.MEDIA_TYPE, DOCUMENT)), 201);
        assertEquals("renamed", created.id());
    }

    @Test
    void createNeedsTenantEditorAndChangesNothingOtherwise() {
        Problem forbidden = problem(call(FakeServices.Request.of("POST", "/api/buildings", BOB)
                .body("application/json", DOCUMENT)), 403);
        assertEquals("creating a building requires the EDITOR role on tenant 'acme'; user 'bob' has none",
                forbidden.detail());
        assertTrue(repository.created.isEmpty());
    }

    @Test
    void createRejectsMalformedJsonUnsupportedTypesAndDuplicates() {
        Problem malformed = problem(call(FakeServices.Request.of("POST", "/api/buildings", ALICE)
                .body("application/json", "{\"format\":\"arxos.building\",\n\"version\":1,\n  \"building\": {]")), 400);
        assertEquals(ProblemType.MALFORMED_JSON, malformed.type());
        assertEquals("malformed JSON at line 3 column 16: Unexpected close marker ']': expected '}'",
                malformed.detail());

        Problem unsupported = problem(call(FakeServices.Request.of("POST", "/api/buildings", ALICE)
                .body("text/csv", DOCUMENT)), 415);
        assertEquals("this endpoint reads JSON (application/json) but the body is 'text/csv'", unsupported.detail());

        body(call(FakeServices.Request.of("POST", "/api/buildings", ALICE).body(null, DOCUMENT)), 201);
        assertEquals(ProblemType.BUILDING_EXISTS, problem(call(FakeServices.Request.of("POST", "/api/buildings", ALICE)
                .body(null, DOCUMENT)), 409).type());
        assertEquals(1, repository.created.size());
    }

    @Test
    void bodiesOverTheLimitAre413ByContentLengthAndWhileReading() {
        settings = new ApiSettings(64, 1000, 100, 1000, 5000, 3, 16, 8192);
        Problem declared = problem(call(FakeServices.Request.of("POST", "/api/buildings", ALICE)
                .body("application/json", DOCUMENT)), 413);
        assertTrue(declared.detail().startsWith("body exceeds the limit of 64 bytes"), declared.detail());
        FakeServices.Request chunked = FakeServices.Request.of("POST", "/api/buildings", ALICE)
                .body("application/json", DOCUMENT).header("Content-Length", "-1");
        assertEquals("body exceeds the limit of 64 bytes", problem(call(chunked), 413).detail());
        assertTrue(repository.created.isEmpty());
    }

    @Test
    void aFailedGrantLeavesNoBuildingBehind() {
        identities.grantFailure = new IllegalStateException("identity store is read-only");
        Problem problem = problem(call(FakeServices.Request.of("POST", "/api/buildings", ALICE)
                .body("application/json", DOCUMENT)), 500);
        assertTrue(problem.detail().startsWith("internal error, see the server log with id "));
        assertTrue(repository.find("acme", "nb").isEmpty());
        assertEquals(1, logged.size());
    }

    /** Reads native JSON, as the io.json bundle's importer does. */
    private static final BuildingImporter JSON_IMPORTER = new BuildingImporter() {
        @Override
        public Set<String> mediaTypes() {
            return Set.of(BuildingJson.MEDIA_TYPE);
        }

        @Override
        public Set<String> extensions() {
            return Set.of("json");
        }

        @Override
        public ImportResult read(java.io.InputStream in, ImportOptions options)
                throws org.arxos.api.io.ImportException, java.io.IOException {
            return BuildingJson.readBuilding(in, options);
        }
    };

    @Test
    void importPicksTheImporterByMediaTypeOrExtension() {
        Problem none = problem(call(FakeServices.Request.of("POST", "/api/buildings/import?name=a.ifc", ALICE)
                .body("application/octet-stream", "ISO-10303-21;")), 415);
        assertEquals("no importer reads media type 'application/octet-stream' or extension 'ifc' "
                + "(no importer is running)", none.detail());

        selector.importers.add(JSON_IMPORTER);
        Problem png = problem(call(FakeServices.Request.of("POST", "/api/buildings/import?name=a.png", ALICE)
                .body("image/png", "x")), 415);
        assertEquals("no importer reads media type 'image/png' or extension 'png'", png.detail());
        assertEquals(List.of("json"), png.extensions().get("acceptedExtensions"));
        assertEquals(List.of(BuildingJson.MEDIA_TYPE), png.extensions().get("acceptedMediaTypes"));
        assertEquals("no importer reads a file without media type and the file name has no extension "
                + "(name the file with ?name=<file>)", problem(call(FakeServices.Request.of("POST",
                        "/api/buildings/import", ALICE).body(null, DOCUMENT)), 415).detail());
        problem(call(FakeServices.Request.of("POST", "/api/buildings/import?name=b.json", ALICE)
                .body("multipart/form-data; boundary=x", DOCUMENT)), 415);

        ApiResponse response = call(FakeServices.Request.of("POST", "/api/buildings/import?name=b.json", ALICE)
                .body("application/x-www-form-urlencoded", DOCUMENT));
        ImportedBuilding imported = (ImportedBuilding) body(response, 201);
        assertEquals("nb", imported.building().id());
        assertEquals("/api/buildings/nb", response.headers().get("Location"));
        assertEquals(List.of("acme/alice/nb=OWNER"), identities.grants);
        assertEquals("alice", repository.created.get(0).author());
        assertEquals(ImportJob.State.SUCCEEDED, imports.jobs().get(0).state());
    }

    @Test
    void importWithBadContentNamesTheFileAndLine() {
        selector.importers.add(JSON_IMPORTER);
        Problem invalid = problem(call(FakeServices.Request.of("POST", "/api/buildings/import?name=b.json", ALICE)
                .body(null, DOCUMENT.replace("\"type\":\"floor\"", "\"type\":\"flor\""))), 400);
        assertTrue(invalid.detail().startsWith("b.json: invalid document at line 3 column "), invalid.detail());
        assertTrue(repository.created.isEmpty());
        settings = new ApiSettings(64, 1000, 100, 1000, 5000, 3, 16, 8192);
        problem(call(FakeServices.Request.of("POST", "/api/buildings/import?name=b.json&async=true", ALICE)
                .body(null, DOCUMENT)), 413);
        problem(call(FakeServices.Request.of("POST", "/api/buildings/import?name=b.json&async=maybe", ALICE)
                .body(null, DOCUMENT)), 400);
        problem(call(FakeServices.Request.of("POST", "/api/buildings/import?name=b.json&async=true", BOB)
                .body(null, DOCUMENT)), 403);
        assertTrue(repository.created.isEmpty());
    }

    @Test
    void asyncImportAnswers202WithTheJobWhichOnlyItsTenantSees() throws Exception {
        selector.importers.add(JSON_IMPORTER);
        ApiResponse accepted = call(FakeServices.Request.of("POST",
                "/api/buildings/import?name=b.json&id=async-1&async=true", ALICE).body(null, DOCUMENT));
        ImportJob job = (ImportJob) body(accepted, 202);
        assertEquals("/api/imports/" + job.id(), accepted.headers().get("Location"));
        assertEquals("no-store", accepted.headers().get("Cache-Control"));
        assertEquals("acme", job.tenant());
        assertEquals("alice", job.user());
        assertEquals("b.json", job.sourceName());
        assertEquals(DOCUMENT.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, job.totalBytes());

        ImportJob done = job;
        for (int i = 0; i < 500 && !done.state().finished(); i++) {
            Thread.sleep(10);
            done = (ImportJob) body(call("GET", "/api/imports/" + job.id(), BOB), 200);
        }
        assertEquals(ImportJob.State.SUCCEEDED, done.state(), done::problem);
        assertEquals(100.0, done.percent());
        assertEquals(2, done.objectsRead());
        assertEquals("async-1", done.result().building().id());
        assertTrue(repository.find("acme", "async-1").isPresent());
        assertEquals(List.of("acme/alice/async-1=OWNER"), identities.grants);
        String document = json.writeValueAsString(done);
        assertTrue(document.contains("\"state\":\"SUCCEEDED\"") && document.contains("\"percent\":100.0")
                && document.contains("\"objectsPerSecond\":"), document);

        assertEquals("unknown import job '" + job.id() + "'",
                problem(call("GET", "/api/imports/" + job.id(), CAROL), 404).detail());
        problem(call("GET", "/api/imports/nope", ALICE), 404);
        try (var files = Files.list(spool)) {
            assertEquals(List.of(), files.toList(), "the spooled upload is deleted");
        }
    }

    @Test
    void aFailedAsyncImportSaysWhyInTheJob() throws Exception {
        selector.importers.add(JSON_IMPORTER);
        ImportJob job = (ImportJob) body(call(FakeServices.Request.of("POST",
                "/api/buildings/import?name=cut.json&async=true", ALICE).body(null, DOCUMENT.substring(0, 90))), 202);
        ImportJob done = job;
        for (int i = 0; i < 500 && !done.state().finished(); i++) {
            Thread.sleep(10);
            done = (ImportJob) body(call("GET", "/api/imports/" + job.id(), ALICE), 200);
        }
        assertEquals(ImportJob.State.FAILED, done.state());
        assertTrue(done.problem().startsWith("cut.json:"), done.problem());
        assertTrue(repository.created.isEmpty());
    }

    @Test
    void generateValidatesItsRequest() {
        Problem tooSmall = problem(call(FakeServices.Request.of("POST", "/api/buildings/generate", ALICE)
                .body("application/json", "{\"objects\":5,\"id\":\"g1\"}")), 400);
        assertEquals("objects must be between 100 and 2000000 (objects plus connections) but was 5", tooSmall.detail());
        Problem unknownField = problem(call(FakeServices.Request.of("POST", "/api/buildings/generate", ALICE)
                .body("application/json", "{\"objects\":500,\"id\":\"g1\",\"floors\":3}")), 400);
        assertEquals(ProblemType.INVALID_DOCUMENT, unknownField.type());
        problem(call(FakeServices.Request.of("POST", "/api/buildings/generate", BOB)
                .body("application/json", "{\"objects\":500,\"id\":\"g1\"}")), 403);
        assertEquals("field 'id' is required", problem(call(FakeServices.Request.of("POST",
                "/api/buildings/generate", ALICE).body("application/json", "{\"objects\":500}")), 400).detail());
    }

    @Test
    void historyIsPaged() {
        RevisionEndpoints.RevisionPage page = (RevisionEndpoints.RevisionPage) body(
                call("GET", "/api/buildings/b1/revisions?offset=1&limit=5000", BOB), 200);
        assertEquals(1, page.offset());
        assertEquals(1000, page.limit());
        assertEquals(List.of(2L, 1L), page.items().stream().map(r -> r.number()).toList());
        problem(call("GET", "/api/buildings/b1/revisions?limit=0", BOB), 400);
    }

    @Test
    void unknownRevisionsAreNotFound() {
        assertEquals("unknown revision 'abc' of building 'b1': use a revision number from 1 or 'head'",
                problem(call("GET", "/api/buildings/b1/revisions/abc", BOB), 404).detail());
        problem(call("GET", "/api/buildings/b1/revisions/0", BOB), 404);
        problem(call("GET", "/api/buildings/b1/revisions/99", BOB), 404);
    }

    @Test
    void changesNeedEditor() {
        problem(call(FakeServices.Request.of("POST", "/api/buildings/b1/changes", BOB).body("application/json", "{}")),
                403);
    }

    @Test
    void implementationsArePinnedByTenantOwnersOnly() {
        @SuppressWarnings("unchecked")
        List<ImplementationEndpoints.CapabilityDocument> all = (List<ImplementationEndpoints.CapabilityDocument>) body(
                call("GET", "/api/implementations", BOB), 200);
        assertEquals(Capability.values().length, all.size());
        assertEquals("repository", all.get(0).capability());
        assertEquals("fake", all.get(0).serving());

        FakeServices.Request pin = FakeServices.Request.of("PUT", "/api/implementations/grouping", ALICE)
                .body("application/json", "{\"pin\":\"spatial\"}");
        problem(call(pin), 403);
        assertTrue(selector.pins.isEmpty());
        problem(call(new FakeServices.Request("PUT", pin.path(), pin.query(), pin.headers(), pin.content(), CAROL)),
                403);
        assertTrue(selector.pins.isEmpty(), "a tenant owner who is no administrator cannot pin for every tenant");

        ImplementationEndpoints.CapabilityDocument pinned = (ImplementationEndpoints.CapabilityDocument) body(
                call(new FakeServices.Request("PUT", pin.path(), pin.query(), pin.headers(), pin.content(), OWEN)), 200);
        assertEquals("spatial", pinned.pinned());
        assertEquals(Map.of(Capability.GROUPING, "spatial"), selector.pins);

        assertEquals("unknown capability 'nope'; known: repository, importer, exporter, grouping, renderer, cache, "
                + "cache-tier, compressor, compute-engine, calculation, conflict-resolver, event-bus, identity-store",
                problem(call("DELETE", "/api/implementations/nope/pin", OWEN), 404).detail());
        body(call("DELETE", "/api/implementations/grouping/pin", OWEN), 200);
        assertTrue(selector.pins.isEmpty());
        problem(call(FakeServices.Request.of("PUT", "/api/implementations/grouping", OWEN)
                .body("application/json", "{\"pin\":\"  \"}")), 400);
    }

    @Test
    void unknownPathsAndMethods() {
        assertEquals("no endpoint at GET /api/nothing", problem(call("GET", "/api/nothing", ALICE), 404).detail());
        ApiResponse notAllowed = call("PATCH", "/api/buildings/b1", ALICE);
        Problem problem = problem(notAllowed, 405);
        assertEquals("PATCH is not allowed on /api/buildings/b1; allowed: DELETE, GET", problem.detail());
        assertEquals("DELETE, GET", notAllowed.headers().get("Allow"));
    }

    @Test
    void aMissingServiceIs503() {
        selector.serving.remove(BuildingRepository.class);
        assertEquals("no implementation of repository is running",
                problem(call("GET", "/api/buildings", ALICE), 503).detail());
    }

    @Test
    void generateCreatesASyntheticBuilding() {
        ApiResponse response = call(FakeServices.Request.of("POST", "/api/buildings/generate", ALICE)
                .body("application/json", "{\"objects\":300,\"seed\":42,\"id\":\"gen\",\"name\":\"Tower\"}"));
        BuildingSummary created = (BuildingSummary) body(response, 201);
        assertEquals("gen", created.id());
        assertEquals("Tower", created.name());
        assertEquals(300, created.objectCount() + created.connectionCount());
        assertEquals("/api/buildings/gen", response.headers().get("Location"));
        assertEquals(List.of("acme/alice/gen=OWNER"), identities.grants);
    }

    @Test
    void revisionContentIsStreamedNativeJsonWithTheContentHashAsETag() throws Exception {
        ApiResponse response = call("GET", "/api/buildings/b1/revisions/head", BOB);
        ApiResponse.Streamed streamed = assertInstanceOf(ApiResponse.Streamed.class, response);
        assertEquals(BuildingJson.MEDIA_TYPE, streamed.contentType());
        String hash = repository.head("acme", "b1").contentHash();
        assertEquals("\"" + hash + "\"", streamed.headers().get("ETag"));
        assertEquals("3", streamed.headers().get("Arxos-Revision"));
        assertEquals("attachment; filename=\"b1-r3.json\"", streamed.headers().get("Content-Disposition"));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        streamed.writer().writeTo(out);
        String document = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(document.contains("\"Floor 1\""), document);

        ApiResponse first = call("GET", "/api/buildings/b1/revisions/1", BOB);
        assertEquals(repository.revision("acme", "b1", 1).contentHash(),
                first.headers().get("ETag").replace("\"", ""));
        assertEquals(304, call(FakeServices.Request.of("GET", "/api/buildings/b1/revisions/3", BOB)
                .header("If-None-Match", "\"" + hash + "\"")).status());
    }

    /** Writes "svg <root id>" for a building, a floor or a zone; refuses other objects, as the SVG exporter does. */
    private static final BuildingExporter SUBTREE_EXPORTER = new BuildingExporter() {
        @Override
        public String mediaType() {
            return "image/svg+xml";
        }

        @Override
        public String extension() {
            return "svg";
        }

        @Override
        public void write(Revision revision, java.io.OutputStream out) throws java.io.IOException {
            write(revision, null, out);
        }

        @Override
        public void write(Revision revision, String subtreeId, java.io.OutputStream out) throws java.io.IOException {
            BuildingObject top = subtreeId == null ? revision.root().orElseThrow() : revision.get(subtreeId);
            if (top.type() != ObjectType.BUILDING && top.type() != ObjectType.FLOOR && top.type() != ObjectType.ZONE) {
                throw new IllegalArgumentException("the svg format exports a building, a floor or a zone, but '"
                        + subtreeId + "' is a " + top.type().id());
            }
            out.write(("svg " + top.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    };

    private static String written(ApiResponse response) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        assertInstanceOf(ApiResponse.Streamed.class, response, response::toString).writer().writeTo(out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void revisionContentInAnotherFormatByParameterOrAcceptWithItsOwnTagAndFileName() throws Exception {
        String hash = repository.head("acme", "b1").contentHash();
        ApiResponse svg = call("GET", "/api/buildings/b1/revisions/head?format=svg&node=f1", BOB);
        ApiResponse.Streamed streamed = assertInstanceOf(ApiResponse.Streamed.class, svg);
        assertEquals(200, streamed.status());
        assertEquals("image/svg+xml", streamed.contentType());
        assertEquals("\"" + hash + "+svg+f1\"", streamed.headers().get("ETag"));
        assertEquals("attachment; filename=\"b1-r3-f1.svg\"", streamed.headers().get("Content-Disposition"));
        assertEquals("Accept", streamed.headers().get("Vary"));
        assertEquals("3", streamed.headers().get("Arxos-Revision"));
        assertEquals("svg f1", written(svg));

        ApiResponse whole = call("GET", "/api/buildings/b1/revisions/2?format=SVG", BOB);
        assertEquals("svg b1", written(whole));
        assertEquals("\"" + repository.revision("acme", "b1", 2).contentHash() + "+svg\"",
                whole.headers().get("ETag"));
        assertEquals("attachment; filename=\"b1-r2.svg\"", whole.headers().get("Content-Disposition"));
        // the root as node is the whole building
        assertEquals("attachment; filename=\"b1-r3.svg\"", call("GET",
                "/api/buildings/b1/revisions/3?format=svg&node=b1", BOB).headers().get("Content-Disposition"));

        // Accept, when there is no format parameter; the parameter wins; a media type as format
        FakeServices.Request accepting = FakeServices.Request.of("GET", "/api/buildings/b1/revisions/head", BOB)
                .header("Accept", "application/json;q=0.5, image/*");
        assertEquals("image/svg+xml", ((ApiResponse.Streamed) call(accepting)).contentType());
        assertEquals(BuildingJson.MEDIA_TYPE, ((ApiResponse.Streamed) call(FakeServices.Request.of("GET",
                "/api/buildings/b1/revisions/head?format=json", BOB).header("Accept", "image/svg+xml")))
                .contentType());
        assertEquals(BuildingJson.MEDIA_TYPE, ((ApiResponse.Streamed) call(FakeServices.Request.of("GET",
                "/api/buildings/b1/revisions/head", BOB).header("Accept", "application/json"))).contentType());
        assertEquals("svg f1", written(call("GET",
                "/api/buildings/b1/revisions/head?format=image/svg%2Bxml&node=f1", BOB)));

        // each representation has its own tag
        assertEquals(304, call(FakeServices.Request.of("GET", "/api/buildings/b1/revisions/3?format=svg&node=f1", BOB)
                .header("If-None-Match", "\"" + hash + "+svg+f1\"")).status());
        assertEquals(200, call(FakeServices.Request.of("GET", "/api/buildings/b1/revisions/3?format=svg", BOB)
                .header("If-None-Match", "\"" + hash + "\"")).status());
        assertEquals(304, call(FakeServices.Request.of("GET", "/api/buildings/b1/revisions/3?format=json", BOB)
                .header("If-None-Match", "\"" + hash + "\"")).status());
    }

    @Test
    void anUnknownFormatIs406ListingTheFormatsAndAnUnknownNode404() {
        Problem unknown = problem(call("GET", "/api/buildings/b1/revisions/head?format=dwg", BOB), 406);
        assertEquals(ProblemType.NOT_ACCEPTABLE, unknown.type());
        assertEquals("no exporter writes the format 'dwg'; the running exporters write json ("
                + BuildingJson.MEDIA_TYPE + "), svg (image/svg+xml)", unknown.detail());
        assertEquals(List.of("json", "svg"), unknown.extensions().get("availableFormats"));
        assertEquals(List.of(BuildingJson.MEDIA_TYPE, "image/svg+xml"),
                unknown.extensions().get("availableMediaTypes"));
        Problem refused = problem(call(FakeServices.Request.of("GET", "/api/buildings/b1/revisions/head", BOB)
                .header("Accept", "text/html")), 406);
        assertTrue(refused.detail().startsWith("no exporter writes a media type the Accept header 'text/html' "
                + "accepts;"), refused.detail());

        assertEquals("unknown node 'zz' in revision 3 of building 'b1'",
                problem(call("GET", "/api/buildings/b1/revisions/head?format=svg&node=zz", BOB), 404).detail());
        // visibility comes first
        problem(call("GET", "/api/buildings/b1/revisions/head?format=dwg", CAROL), 404);
    }

    @Test
    void aNodeTheFormatCannotExportIs400WithTheExportersWords() throws Exception {
        repository.apply("acme", "b2", ChangeSet.of("ann", "", new Change.AddObject(
                new BuildingObject("s1", ObjectType.SPACE, "office", "f1", null, null, null, null))));
        ProblemMapper problems = new ProblemMapper((id, failure) -> logged.add(id + " " + failure));
        ProblemException space = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                () -> written(call("GET", "/api/buildings/b2/revisions/head?format=svg&node=s1", ALICE)));
        Problem problem = problems.map(space, "/x").problem();
        assertEquals(400, problem.status());
        assertEquals("the svg format exports a building, a floor or a zone, but 's1' is a space", problem.detail());

        ProblemException json = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                () -> written(call("GET", "/api/buildings/b2/revisions/head?node=f1", ALICE)));
        assertEquals("the json format (" + BuildingJson.MEDIA_TYPE + ") exports whole buildings only, not the "
                + "subtree of 'f1'", json.getMessage());
        assertEquals(ProblemType.BAD_REQUEST, json.type());
        assertEquals(List.of(), logged);
    }

    private static final String RENAME = """
            {"format":"arxos.changes","version":1,"message":"rename",%s
             "changes":[{"op":"rename","id":"f1","name":"Lobby"}]}
            """;

    @Test
    void changesMakeANewRevision() {
        ApiResponse response = call(FakeServices.Request.of("POST", "/api/buildings/b2/changes", ALICE)
                .body(BuildingJson.CHANGES_MEDIA_TYPE, RENAME.formatted("")));
        RevisionEndpoints.AppliedChanges applied = (RevisionEndpoints.AppliedChanges) body(response, 201);
        assertEquals(2, applied.revision());
        assertEquals("/api/buildings/b2/revisions/2", response.headers().get("Location"));
        assertEquals("Lobby", repository.head("acme", "b2").get("f1").name());
    }

    @Test
    void changesOnAStaleBaseAreAConflict() {
        Problem conflict = problem(call(FakeServices.Request.of("POST", "/api/buildings/b1/changes", ALICE)
                .body("application/json", RENAME.formatted("\"baseRevision\":2,"))), 409);
        assertEquals("building 'b1' is at revision 3, not at baseRevision 2: read the head again and rebase the changes",
                conflict.detail());
        assertEquals(3L, conflict.extensions().get("headRevision"));
        assertEquals(3, repository.head("acme", "b1").number());
        body(call(FakeServices.Request.of("POST", "/api/buildings/b1/changes", ALICE)
                .body("application/json", RENAME.formatted("\"baseRevision\":3,"))), 201);
    }

    @Test
    void changesTheModelRefusesAre422WithTheViolations() {
        String bad = """
                {"format":"arxos.changes","version":1,
                 "changes":[{"op":"remove","id":"nope"},{"op":"move","id":"f1","parent":"f1"}]}
                """;
        Problem rejected = problem(call(FakeServices.Request.of("POST", "/api/buildings/b2/changes", ALICE)
                .body("application/json", bad)), 422);
        List<?> violations = (List<?>) rejected.extensions().get("violations");
        assertTrue(!violations.isEmpty(), rejected.toString());
        org.arxos.model.Violation first = (org.arxos.model.Violation) violations.get(0);
        assertEquals(0, first.changeIndex());
        assertEquals("nope", first.targetId());
        assertEquals(1, repository.head("acme", "b2").number());
    }

    /** Groups a revision by containment: one node per object, children in model order. */
    static final class ContainmentStrategy implements org.arxos.api.grouping.GroupingStrategy {
        final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public org.arxos.api.grouping.Hierarchy group(org.arxos.model.Revision revision) {
            calls.incrementAndGet();
            return new org.arxos.api.grouping.Hierarchy() {
                @Override
                public long revision() {
                    return revision.number();
                }

                @Override
                public org.arxos.api.grouping.GroupNode root() {
                    return node(revision.root().orElseThrow().id()).orElseThrow();
                }

                @Override
                public java.util.Optional<org.arxos.api.grouping.GroupNode> node(String nodeId) {
                    return revision.find(nodeId).map(o -> new org.arxos.api.grouping.GroupNode(o.id(),
                            o.name() == null ? o.id() : o.name(), o.type().id(), o.id(), revision.childCount(o.id()),
                            1, null));
                }

                @Override
                public java.util.Optional<org.arxos.api.grouping.GroupNode> parent(String nodeId) {
                    return revision.find(nodeId).map(o -> o.parentId()).flatMap(this::node);
                }

                @Override
                public List<org.arxos.api.grouping.GroupNode> children(String nodeId, int offset, int limit) {
                    return revision.children(nodeId).stream().skip(offset).limit(limit)
                            .map(o -> node(o.id()).orElseThrow()).toList();
                }
            };
        }
    }

    @Test
    void hierarchyPagesChildrenAndCachesTheGrouping() throws Exception {
        ContainmentStrategy strategy = new ContainmentStrategy();
        selector.serving.put(org.arxos.api.grouping.GroupingStrategy.class, strategy);
        JsonNode page = jsonBody(call("GET", "/api/buildings/b1/hierarchy", BOB));
        assertEquals("fake", page.get("strategy").asText());
        assertEquals(3, page.get("revision").asLong());
        assertEquals("b1", page.get("node").get("id").asText());
        assertEquals("f1", page.get("children").get(0).get("id").asText());
        assertEquals(1, page.get("children").size());
        JsonNode floor = jsonBody(call("GET", "/api/buildings/b1/hierarchy?strategy=fake&node=f1&offset=0&limit=10",
                BOB));
        assertEquals("Floor 1", floor.get("node").get("label").asText());
        assertEquals(1, strategy.calls.get());

        assertEquals("unknown node 'zz' in the 'fake' hierarchy of building 'b1' at revision 3",
                problem(call("GET", "/api/buildings/b1/hierarchy?node=zz", BOB), 404).detail());
        assertEquals("unknown grouping strategy 'spatial'; running: fake",
                problem(call("GET", "/api/buildings/b1/hierarchy?strategy=spatial", BOB), 404).detail());
        assertEquals(1, jsonBody(call("GET", "/api/buildings/b1/hierarchy?revision=1", BOB)).get("revision").asLong());
        assertEquals(2, strategy.calls.get());
    }

    /** Writes what it was asked to draw, so tests can see the request the endpoint made. */
    static final class DescribingRenderer implements org.arxos.api.render.Renderer {
        final List<org.arxos.api.render.RenderRequest> requests = new java.util.ArrayList<>();

        @Override
        public java.util.Set<String> formats() {
            return java.util.Set.of("svg", "png");
        }

        @Override
        public org.arxos.api.render.RenderResult render(org.arxos.model.Revision revision,
                org.arxos.api.grouping.Hierarchy hierarchy, org.arxos.api.render.RenderRequest request,
                java.io.OutputStream out) throws java.io.IOException {
            requests.add(request);
            out.write((hierarchy.root().id() + " " + request).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new org.arxos.api.render.RenderResult(request.format().equals("svg") ? "image/svg+xml"
                    : "image/png", 7, 2, 30, false);
        }
    }

    private DescribingRenderer floorsWithFootprints() throws Exception {
        repository.create("acme", org.arxos.generator.SyntheticBuilding.generate(
                new org.arxos.generator.GeneratorSettings(3, 600, "t1", "Tower")));
        selector.serving.put(org.arxos.api.grouping.GroupingStrategy.class, new ContainmentStrategy());
        DescribingRenderer renderer = new DescribingRenderer();
        selector.serving.put(org.arxos.api.render.Renderer.class, renderer);
        return renderer;
    }

    @Test
    void floorsAreListedWithTheExtentTheirTilesAreCutFrom() throws Exception {
        floorsWithFootprints();
        RenderEndpoints.FloorPage page = (RenderEndpoints.FloorPage) body(
                call("GET", "/api/buildings/t1/floors", ALICE), 200);
        org.arxos.model.Revision head = repository.head("acme", "t1");
        assertEquals(head.children("t1").stream().filter(o -> o.type() == ObjectType.FLOOR).map(o -> o.id()).toList(),
                page.floors().stream().map(RenderEndpoints.FloorSummary::id).toList());
        assertEquals(head.get("f1").footprint().bounds(), page.floors().get(0).extent());
        assertEquals(16, page.floors().get(0).maxTileZoom());
    }

    @Test
    void renderDrawsTheViewportAtTheScaleAndRevalidatesByEntityTag() throws Exception {
        DescribingRenderer renderer = floorsWithFootprints();
        ApiResponse drawn = call("GET", "/api/buildings/t1/floors/f1/render?bbox=0,0,10,5&scale=20", ALICE);
        assertEquals(200, drawn.status());
        assertEquals("image/svg+xml", ((ApiResponse.Streamed) drawn).contentType());
        assertEquals("7", drawn.headers().get("Arxos-Elements"));
        assertEquals("30", drawn.headers().get("Arxos-Summarized"));
        org.arxos.api.render.RenderRequest asked = renderer.requests.get(0);
        assertEquals(new org.arxos.model.geometry.Bounds(0, 0, 10, 5), asked.viewport());
        assertEquals(20, asked.scale());
        assertEquals(5000, asked.maxElements());

        String etag = drawn.headers().get("ETag");
        assertEquals(304, call(FakeServices.Request.of("GET", "/api/buildings/t1/floors/f1/render?bbox=0,0,10,5&scale=20",
                ALICE).header("If-None-Match", etag)).status());
        assertEquals(1, renderer.requests.size());
        String other = call("GET", "/api/buildings/t1/floors/f1/render?bbox=0,0,10,5&scale=40", ALICE).headers()
                .get("ETag");
        assertNotEquals(etag, other);
        repository.apply("acme", "t1", ChangeSet.of("ann", "", new Change.Rename("f1", "Level one")));
        assertEquals(200, call(FakeServices.Request.of("GET", "/api/buildings/t1/floors/f1/render?bbox=0,0,10,5&scale=20",
                ALICE).header("If-None-Match", etag)).status());
    }

    @Test
    void tilesAreCutFromTheFloorExtent() throws Exception {
        DescribingRenderer renderer = floorsWithFootprints();
        org.arxos.model.geometry.Bounds extent = repository.head("acme", "t1").get("f2").footprint().bounds();
        ApiResponse tile = call("GET", "/api/buildings/t1/floors/f2/tiles/2/1/0.png", ALICE);
        assertEquals(200, tile.status());
        assertEquals("image/png", ((ApiResponse.Streamed) tile).contentType());
        org.arxos.api.render.TileAddress address = new org.arxos.api.render.TileAddress("f2", 2, 1, 0);
        assertEquals(address.request(extent, "png", 5000, 3), renderer.requests.get(0));
        assertTrue(extent.width() > extent.height() * 4 / 3, "the pyramid is square, the floor is wider than deep");
        assertTrue(problem(call("GET", "/api/buildings/t1/floors/f2/tiles/2/1/3.png", ALICE), 400).detail()
                .contains("does not overlap floor 'f2'"));
    }

    @Test
    void badRenderRequestsAreRefusedNamingTheProblem() throws Exception {
        floorsWithFootprints();
        assertEquals("unknown floor 'f99' in revision 1 of building 't1'",
                problem(call("GET", "/api/buildings/t1/floors/f99/render", ALICE), 404).detail());
        assertEquals("'f1z1' in building 't1' is a zone, not a floor",
                problem(call("GET", "/api/buildings/t1/floors/f1z1/tiles/0/0/0.svg", ALICE), 404).detail());
        assertTrue(problem(call("GET", "/api/buildings/t1/floors/f1/render?bbox=1000,1000,1010,1010&scale=1", ALICE),
                400).detail().startsWith("the viewport (1000.0, 1000.0) to (1010.0, 1010.0) does not overlap floor 'f1'"));
        assertEquals("bbox must be minX,minY,maxX,maxY in metres, was '1,2,3'",
                problem(call("GET", "/api/buildings/t1/floors/f1/render?bbox=1,2,3", ALICE), 400).detail());
        assertEquals("bbox must have minX < maxX and minY < maxY, was '5,0,1,1'",
                problem(call("GET", "/api/buildings/t1/floors/f1/render?bbox=5,0,1,1", ALICE), 400).detail());
        assertEquals("scale must be a positive number of pixels per metre, was -2",
                problem(call("GET", "/api/buildings/t1/floors/f1/render?scale=-2", ALICE), 400).detail());
        assertTrue(problem(call("GET", "/api/buildings/t1/floors/f1/render?scale=100000", ALICE), 400).detail()
                .endsWith("pixels is larger than the limit of 8192 a side: zoom out or draw a smaller viewport"));
        assertEquals("zoom 17 is out of range: tiles have zoom 0 to 16",
                problem(call("GET", "/api/buildings/t1/floors/f1/tiles/17/0/0.svg", ALICE), 400).detail());
        assertEquals("tile 4/0 is outside zoom 2, which has 4 tiles a side",
                problem(call("GET", "/api/buildings/t1/floors/f1/tiles/2/4/0.svg", ALICE), 400).detail());
        assertEquals("column must be a whole number, was 'x'",
                problem(call("GET", "/api/buildings/t1/floors/f1/tiles/2/x/0.svg", ALICE), 400).detail());
        assertEquals("floors are drawn as svg or png, not 'gif'",
                problem(call("GET", "/api/buildings/t1/floors/f1/tiles/0/0/0.gif", ALICE), 406).detail());
        assertEquals("maxElements must be 1 to 5000, was 9000",
                problem(call("GET", "/api/buildings/t1/floors/f1/render?maxElements=9000", ALICE), 400).detail());
        assertEquals("unknown grouping strategy 'spatial'; running: fake",
                problem(call("GET", "/api/buildings/t1/floors/f1/render?strategy=spatial", ALICE), 404).detail());
    }
}
