package org.arxos.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.security.IdentityStore;
import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;
import org.arxos.compress.ContentCoding;
import org.arxos.compress.FrameLimits;
import org.arxos.core.internal.BuildingExportService;
import org.arxos.core.internal.BuildingImportJobs;
import org.arxos.core.internal.ImportSettings;
import org.arxos.io.json.BuildingJson;
import org.arxos.io.json.internal.JsonBuildingExporter;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The content coding filter in front of the real API servlet (services faked as in the dispatcher tests): responses
 * coded as Accept-Encoding asks, 304 with coded entity tags, coded request bodies, and broken or bomb bodies refused
 * with a problem.
 */
class ContentCodingFilterTest {

    private static final Principal ALICE = new Principal("alice", "acme", Role.EDITOR, Map.of(), false);
    private static final String TOKEN = "alice-token";
    private static final String DOCUMENT = """
            {"format":"arxos.building","version":1,"building":{"id":"%s","name":"New"},
             "objects":[{"id":"%s","type":"building","kind":"office","name":"New"},
                        {"id":"f1","type":"floor","kind":"floor","parent":"%s"}],
             "connections":[]}
            """;

    private final FakeServices.Repository repository = new FakeServices.Repository();
    private final FakeServices.Identities identities = new FakeServices.Identities();
    private final FakeServices.Selector selector = new FakeServices.Selector();
    private final ContentCodingFilter filter = new ContentCodingFilter(ContentCodingSettings.DEFAULTS);
    private BuildingImportJobs imports;
    private ApiServlet api;

    @TempDir
    Path spool;

    @BeforeEach
    void setUp() throws Exception {
        selector.serving.put(BuildingRepository.class, repository);
        selector.serving.put(IdentityStore.class, identities);
        selector.exporters.add(new JsonBuildingExporter());
        identities.byToken.put(TOKEN, ALICE);
        List<Change> rooms = new ArrayList<>();
        rooms.add(new Change.AddObject(new BuildingObject("b1", ObjectType.BUILDING, "office", null, "Tower", null,
                null, null)));
        rooms.add(new Change.AddObject(new BuildingObject("f1", ObjectType.FLOOR, "floor", "b1", "Floor 1", null,
                null, null)));
        for (int i = 0; i < 40; i++) {
            rooms.add(new Change.AddObject(new BuildingObject("r" + i, ObjectType.SPACE, "office", "f1", "Room " + i,
                    null, null, null)));
        }
        repository.create("acme", new ChangeSet("seed", "", rooms));
        imports = new BuildingImportJobs(selector, ImportSettings.defaults(spool), Clock.systemUTC(), System::nanoTime);
        // hierarchies, floor rendering and compression: no request here reaches them
        api = new ApiServlet(selector, imports, new BuildingExportService(selector), null, null, null,
                FakeHttp.defaults(HttpApiConfiguration.class));
    }

    @AfterEach
    void stopImports() throws InterruptedException {
        imports.close();
    }

    private FakeHttp.Response exchange(FakeHttp.Request request) throws IOException, ServletException {
        return exchange(request, (req, res) -> api.service(req, res));
    }

    private FakeHttp.Response exchange(FakeHttp.Request request, FilterChain servlet)
            throws IOException, ServletException {
        FakeHttp.Response response = new FakeHttp.Response();
        filter.doFilter(request.header("Authorization", "Bearer " + TOKEN).servlet(), response.servlet(), servlet);
        return response;
    }

    private static FakeHttp.Request get(String path, String acceptEncoding) {
        FakeHttp.Request request = new FakeHttp.Request("GET", path);
        return acceptEncoding == null ? request : request.header("Accept-Encoding", acceptEncoding);
    }

    private static byte[] decoded(FakeHttp.Response response) throws IOException {
        try (InputStream in = ContentCoding.decoding(response.header("Content-Encoding"),
                new ByteArrayInputStream(response.body.toByteArray()), FrameLimits.DEFAULT)) {
            return in.readAllBytes();
        }
    }

    private static byte[] encode(ContentCoding coding, byte[] content) throws IOException {
        ByteArrayOutputStream coded = new ByteArrayOutputStream();
        try (OutputStream out = coding.encoder(coded, CompressionLevel.FAST)) {
            out.write(content);
        }
        return coded.toByteArray();
    }

    @Test
    void responsesAreCodedAsTheClientPrefers() throws Exception {
        String revision = "/api/buildings/b1/revisions/head";
        FakeHttp.Response plain = exchange(get(revision, null));
        assertEquals(200, plain.status);
        assertNull(plain.header("Content-Encoding"));
        assertEquals("Accept, Accept-Encoding", plain.header("Vary"));
        byte[] identity = plain.body.toByteArray();
        assertTrue(identity.length > 2048, "a body worth coding: " + identity.length);

        Map<String, String> expected = Map.of("gzip", "gzip", "gzip;q=0.5, zstd", "zstd", "deflate", "deflate",
                "*", "zstd", "br", "identity", "identity;q=0, br", "identity", "x-gzip, zstd;q=0.1", "gzip");
        for (Map.Entry<String, String> asked : expected.entrySet()) {
            FakeHttp.Response coded = exchange(get(revision, asked.getKey()));
            String coding = asked.getValue().equals("identity") ? null : asked.getValue();
            assertEquals(coding, coded.header("Content-Encoding"), asked.getKey());
            assertEquals("Accept, Accept-Encoding", coded.header("Vary"), asked.getKey());
            assertArrayEquals(identity, decoded(coded), asked.getKey());
            if (coding != null) {
                assertNull(coded.header("Content-Length"), "a coded body's length is its own");
                assertTrue(coded.body.size() < identity.length / 3, asked.getKey() + ": " + coded.body.size());
                assertEquals("W/" + plain.header("ETag"), coded.header("ETag"), asked.getKey());
            } else {
                assertEquals(plain.header("ETag"), coded.header("ETag"));
            }
        }
    }

    @Test
    void revalidationAnswers304WhicheverCodingTheClientHolds() throws Exception {
        String revision = "/api/buildings/b1/revisions/head";
        FakeHttp.Response coded = exchange(get(revision, "gzip"));
        String weak = coded.header("ETag");
        assertTrue(weak.startsWith("W/\""), weak);

        FakeHttp.Response notModified = exchange(get(revision, "gzip").header("If-None-Match", weak));
        assertEquals(304, notModified.status);
        assertEquals(weak, notModified.header("ETag"), "the tag the client holds");
        assertEquals("Accept, Accept-Encoding", notModified.header("Vary"));
        assertNull(notModified.header("Content-Encoding"));
        assertEquals(0, notModified.body.size());

        String strong = weak.substring(2);
        FakeHttp.Response identityHeld = exchange(get(revision, "gzip").header("If-None-Match", strong));
        assertEquals(304, identityHeld.status);
        assertEquals(strong, identityHeld.header("ETag"));

        repository.apply("acme", "b1", ChangeSet.of("ann", "", new Change.Rename("r1", "Kitchen")));
        FakeHttp.Response changed = exchange(get(revision, "gzip").header("If-None-Match", weak));
        assertEquals(200, changed.status, "a new revision has a new tag");
        assertTrue(new String(decoded(changed), StandardCharsets.UTF_8).contains("Kitchen"));
    }

    @Test
    void smallBodiesGoOutAsTheyAreWithTheirLength() throws Exception {
        FakeHttp.Response list = exchange(get("/api/buildings", "gzip, zstd"));
        assertEquals(200, list.status);
        assertTrue(list.body.size() < ContentCodingSettings.DEFAULTS.minBytes(), "small: " + list.body.size());
        assertNull(list.header("Content-Encoding"));
        assertEquals(Integer.toString(list.body.size()), list.header("Content-Length"));
        assertEquals("Accept-Encoding", list.header("Vary"), "a longer list would be coded");
    }

    @Test
    void streamedBodiesAreHeldBackUntilTheyAreWorthCoding() throws Exception {
        byte[] text = "plan text, ".repeat(1000).getBytes(StandardCharsets.UTF_8);
        for (int length : new int[] {100, 1023, 1024, 11_000}) {
            FakeHttp.Response response = exchange(get("/api/x", "zstd"), (req, res) -> {
                res.setContentType("text/plain");
                OutputStream out = res.getOutputStream();
                for (int offset = 0; offset < length; offset += 300) {
                    out.write(text, offset, Math.min(300, length - offset));
                    out.flush();
                    if (offset + 300 < ContentCodingSettings.DEFAULTS.minBytes()) {
                        assertFalse(res.isCommitted(), "held back, not committed, after " + (offset + 300));
                    }
                }
            });
            boolean worth = length >= ContentCodingSettings.DEFAULTS.minBytes();
            assertEquals(worth ? "zstd" : null, response.header("Content-Encoding"), "length " + length);
            assertEquals(worth ? null : Integer.toString(length), response.header("Content-Length"));
            assertArrayEquals(Arrays.copyOf(text, length), decoded(response), "length " + length);
        }
    }

    @Test
    void compressedMediaTypesAreNotCodedAgain() throws Exception {
        byte[] png = new byte[20_000];
        new SplittableRandom(3).nextBytes(png);
        FakeHttp.Response response = exchange(get("/api/tile.png", "gzip"), (req, res) -> {
            res.setContentType("image/png");
            res.getOutputStream().write(png);
        });
        assertNull(response.header("Content-Encoding"));
        assertNull(response.header("Vary"));
        assertArrayEquals(png, response.body.toByteArray());
    }

    @Test
    void aBodyHeldBackIsDroppedWhenTheServletResetsTheResponse() throws Exception {
        byte[] problem = ("{\"detail\":\"" + "went wrong ".repeat(200) + "\"}").getBytes(StandardCharsets.UTF_8);
        FakeHttp.Response response = exchange(get("/api/x", "gzip"), (req, res) -> {
            res.setContentType("text/plain");
            res.getOutputStream().write(new byte[500]);
            assertFalse(res.isCommitted());
            res.reset();
            HttpServletResponse http = (HttpServletResponse) res;
            http.setStatus(500);
            http.setContentType(Problem.MEDIA_TYPE);
            http.setContentLength(problem.length);
            http.getOutputStream().write(problem);
        });
        assertEquals(500, response.status);
        assertEquals("gzip", response.header("Content-Encoding"));
        assertArrayEquals(problem, decoded(response), "only what was written after the reset");
    }

    @Test
    void aServletFailingMidBodyLeavesACodedBodyThatCannotPassAsComplete() throws Exception {
        byte[] text = "row of a long export\n".repeat(2000).getBytes(StandardCharsets.UTF_8);
        FakeHttp.Response response = new FakeHttp.Response();
        assertThrows(IllegalStateException.class, () -> filter.doFilter(get("/api/x", "gzip").servlet(),
                response.servlet(), (req, res) -> {
                    res.setContentType("text/plain");
                    res.getOutputStream().write(text);
                    res.getOutputStream().flush();
                    throw new IllegalStateException("exporter broke");
                }));
        assertEquals("gzip", response.header("Content-Encoding"));
        assertThrows(EOFException.class, () -> decoded(response), "no gzip trailer was written");
    }

    @Test
    void codedRequestBodiesAreDecoded() throws Exception {
        for (ContentCoding coding : List.of(ContentCoding.GZIP, ContentCoding.DEFLATE, ContentCoding.ZSTD)) {
            String id = "b-" + coding.token();
            byte[] body = encode(coding, DOCUMENT.formatted(id, id, id).getBytes(StandardCharsets.UTF_8));
            FakeHttp.Response created = exchange(new FakeHttp.Request("POST", "/api/buildings")
                    .body(BuildingJson.MEDIA_TYPE, body).header("Content-Encoding", coding.token()));
            assertEquals(201, created.status, coding + ": " + created.text());
            assertEquals(2, repository.head("acme", id).objectCount());
        }
        byte[] brotli;
        try (InputStream in = getClass().getResourceAsStream("building.json.br")) {
            brotli = in.readAllBytes();
        }
        FakeHttp.Response created = exchange(new FakeHttp.Request("POST", "/api/buildings")
                .body(BuildingJson.MEDIA_TYPE, brotli).header("Content-Encoding", "br"));
        assertEquals(201, created.status, created.text());
        assertEquals("Brotli", repository.head("acme", "brotli").root().orElseThrow().name());
    }

    @Test
    void aBrokenCodedBodyIsABadRequestNamingTheCoding() throws Exception {
        byte[] gzip = encode(ContentCoding.GZIP, DOCUMENT.formatted("x", "x", "x").getBytes(StandardCharsets.UTF_8));
        for (byte[] broken : List.of("not gzip at all".getBytes(StandardCharsets.UTF_8),
                Arrays.copyOf(gzip, gzip.length / 2))) {
            FakeHttp.Response refused = exchange(new FakeHttp.Request("POST", "/api/buildings")
                    .body(BuildingJson.MEDIA_TYPE, broken).header("Content-Encoding", "gzip"));
            assertEquals(400, refused.status, refused.text());
            assertEquals(Problem.MEDIA_TYPE, refused.header("Content-Type"));
            assertTrue(refused.text().contains("urn:arxos:problem:corrupt-data"), refused.text());
            assertTrue(refused.text().contains("not valid gzip content"), refused.text());
        }
        assertTrue(repository.find("acme", "x").isEmpty());
    }

    @Test
    void aDecompressionBombIsRefusedBeforeItIsDecoded() throws Exception {
        ByteArrayOutputStream coded = new ByteArrayOutputStream();
        try (OutputStream out = ContentCoding.ZSTD.encoder(coded, CompressionLevel.MAX)) {
            // valid JSON as far as the parser gets: an object, then white space it skips
            out.write("{\"format\":\"arxos.building\",\"version\":1,".getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 256; i++) {
                out.write(spaces);
            }
        }
        assertTrue(coded.size() < 64 * 1024, "256 MiB in " + coded.size() + " bytes");
        FakeHttp.Response refused = exchange(new FakeHttp.Request("POST", "/api/buildings")
                .body(BuildingJson.MEDIA_TYPE, coded.toByteArray()).header("Content-Encoding", "zstd"));
        assertEquals(413, refused.status, refused.text());
        assertTrue(refused.text().contains("urn:arxos:problem:decompression-limit"), refused.text());
        assertTrue(refused.text().contains("\"limit\":\"maxExpansionRatio\""), refused.text());
    }

    @Test
    void anUnknownCodingIsRefusedBeforeTheServletRuns() throws Exception {
        FakeHttp.Response refused = exchange(new FakeHttp.Request("POST", "/api/buildings")
                .body(BuildingJson.MEDIA_TYPE, new byte[10]).header("Content-Encoding", "compress"),
                (req, res) -> {
                    throw new AssertionError("the servlet must not run");
                });
        assertEquals(415, refused.status);
        assertEquals(ContentCodingFilter.DECODED, refused.header("Accept-Encoding"));
        assertTrue(refused.text().contains("unknown content coding 'compress'"), refused.text());
    }
}
