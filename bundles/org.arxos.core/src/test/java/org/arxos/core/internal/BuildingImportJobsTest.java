package org.arxos.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.arxos.api.io.BuildingImporter;
import org.arxos.api.io.ImportException;
import org.arxos.api.io.ImportJob;
import org.arxos.api.io.ImportOptions;
import org.arxos.api.io.ImportRequest;
import org.arxos.api.io.ImportResult;
import org.arxos.api.io.ImportedBuilding;
import org.arxos.api.io.UnsupportedFormatException;
import org.arxos.api.repository.BuildingExistsException;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.security.IdentityStore;
import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.io.json.BuildingJson;
import org.arxos.model.Revision;
import org.arxos.repository.jdbc.internal.JdbcBuildingStore;
import org.arxos.repository.jdbc.internal.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import service with the real native JSON reader and a real JDBC store on H2 in a temporary folder. */
class BuildingImportJobsTest {

    private static final long SECOND = 1_000_000_000L;
    private static byte[] document;
    private static Revision generated;

    /** The native JSON importer as the io.json bundle registers it. */
    static class JsonImporter implements BuildingImporter {
        @Override
        public Set<String> mediaTypes() {
            return Set.of(BuildingJson.MEDIA_TYPE, "application/json");
        }

        @Override
        public Set<String> extensions() {
            return Set.of("json");
        }

        @Override
        public ImportResult read(InputStream in, ImportOptions options) throws ImportException, IOException {
            return BuildingJson.readBuilding(in, options);
        }
    }

    static final class Identities implements IdentityStore {
        final List<String> grants = new CopyOnWriteArrayList<>();
        volatile RuntimeException failure;

        @Override
        public Optional<Principal> authenticate(String bearerToken) {
            return Optional.empty();
        }

        @Override
        public void grant(String tenant, String user, String buildingId, Role role) {
            if (failure != null) {
                throw failure;
            }
            grants.add(tenant + "/" + user + "/" + buildingId + "=" + role);
        }
    }

    @TempDir
    Path folder;

    private final Identities identities = new Identities();
    private final TestSelector selector = new TestSelector();
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T10:00:00Z"));
    private JdbcBuildingStore store;
    private BuildingImportJobs imports;

    @BeforeAll
    static void generate() throws IOException {
        generated = SyntheticBuilding.generateRevision(new GeneratorSettings(7, 3000, "tower", "Tower"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BuildingJson.writeBuilding(generated, out);
        document = out.toByteArray();
    }

    @BeforeEach
    void open() throws Exception {
        org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + folder.resolve("db/arxos").toAbsolutePath() + ";AUTO_SERVER=FALSE");
        store = new JdbcBuildingStore(dataSource, StoreSettings.of(50, 4), e -> { });
        selector.add(BuildingRepository.class, store).add(IdentityStore.class, identities)
                .add(BuildingImporter.class, new JsonImporter());
        imports = imports(settings(100, Duration.ofHours(1), 10));
    }

    private ImportSettings settings(int keepJobs, Duration keep, long maxObjects) {
        return new ImportSettings(maxObjects == 10 ? 2_000_000 : maxObjects, 1, keep, keepJobs,
                Duration.ofSeconds(3), folder.resolve("spool"));
    }

    private BuildingImportJobs imports(ImportSettings settings) {
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        // every look at the clock is half a second later: a few reports fall due while the file is read
        return new BuildingImportJobs(selector, settings, clock, () -> nanos.addAndGet(SECOND / 2));
    }

    @AfterEach
    void close() throws Exception {
        imports.close();
        store.close();
    }

    private static ImportRequest request(String tenant, String user, String source) {
        return ImportRequest.of(tenant, user, source).withTotalBytes(document.length);
    }

    @Test
    void importsOnTheCallersThreadCreatesTheBuildingAndMakesTheUserItsOwner() throws Exception {
        List<ImportJob> progress = new ArrayList<>();
        Thread caller = Thread.currentThread();
        List<Thread> threads = new ArrayList<>();
        ImportedBuilding done = imports.importBuilding(request("acme", "alice", "tower.json").withProgress(job -> {
            progress.add(job);
            threads.add(Thread.currentThread());
        }), new ByteArrayInputStream(document));

        assertEquals("tower", done.building().id());
        assertEquals(generated.contentHash(), done.building().contentHash());
        assertEquals(generated.contentHash(), store.head("acme", "tower").contentHash());
        assertEquals(List.of("acme/alice/tower=OWNER"), identities.grants);
        assertEquals("alice", store.history("acme", "tower", 0, 1).get(0).author());
        assertEquals(1, done.report().mapped().get("building"));

        assertFalse(progress.isEmpty(), "progress was reported while reading");
        progress.forEach(job -> assertEquals(ImportJob.State.RUNNING, job.state()));
        assertTrue(threads.stream().allMatch(t -> t == caller), "progress on the importing thread");
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i).bytesRead() >= progress.get(i - 1).bytesRead());
        }

        ImportJob job = imports.jobs().get(0);
        assertEquals(ImportJob.State.SUCCEEDED, job.state());
        assertEquals(document.length, job.bytesRead());
        assertEquals(document.length, job.totalBytes());
        assertEquals(100.0, job.percent());
        long items = generated.objectCount() + generated.connectionCount();
        assertEquals(items, job.objectsRead());
        assertTrue(job.objectsPerSecond() > 0);
        assertEquals(done, job.result());
        assertNull(job.problem());
        assertNotNull(job.started());
        assertNotNull(job.finished());
    }

    @Test
    void withoutAUserNobodyIsGrantedAndTheAuthorIsTheConsole() throws Exception {
        imports.importBuilding(ImportRequest.of("acme", null, "tower.json").withBuildingId("t2"),
                new ByteArrayInputStream(document));
        assertTrue(identities.grants.isEmpty());
        assertEquals(ImportRequest.NO_USER_AUTHOR, store.history("acme", "t2", 0, 1).get(0).author());
    }

    @Test
    void inTheBackgroundFromASpooledCopyThatIsDeletedAfterwards() throws Exception {
        ImportJob queued = imports.submit(ImportRequest.of("acme", "alice", "tower.json"),
                new ByteArrayInputStream(document));
        assertTrue(queued.state() == ImportJob.State.QUEUED || queued.state() == ImportJob.State.RUNNING
                || queued.state() == ImportJob.State.SUCCEEDED, queued.toString());
        assertEquals(document.length, queued.totalBytes(), "the spooled copy's length is the total");

        ImportJob done = await("acme", queued.id());
        assertEquals(ImportJob.State.SUCCEEDED, done.state(), done::problem);
        assertEquals(100.0, done.percent());
        assertEquals("tower", done.result().building().id());
        assertEquals(List.of("acme/alice/tower=OWNER"), identities.grants);
        assertEquals(Optional.empty(), imports.job("globex", queued.id()), "another tenant's job is unknown");
        assertEquals(Optional.empty(), imports.job("acme", "no-such-job"));
        assertNoSpoolFiles();
    }

    @Test
    void badInputFailsNamingSourceAndLineAndStoresNothing() throws Exception {
        byte[] truncated = new String(document, StandardCharsets.UTF_8).substring(0, document.length / 2)
                .getBytes(StandardCharsets.UTF_8);
        ImportException e = assertThrows(ImportException.class, () -> imports.importBuilding(
                ImportRequest.of("acme", "alice", "cut.json"), new ByteArrayInputStream(truncated)));
        assertTrue(e.getMessage().startsWith("cut.json:"), e.getMessage());
        ImportJob failed = imports.jobs().get(0);
        assertEquals(ImportJob.State.FAILED, failed.state());
        assertEquals(e.getMessage(), failed.problem());
        assertTrue(store.list("acme").isEmpty());

        ImportJob background = await("acme", imports.submit(ImportRequest.of("acme", "alice", "cut.json"),
                new ByteArrayInputStream(truncated)).id());
        assertEquals(ImportJob.State.FAILED, background.state());
        assertTrue(background.problem().startsWith("cut.json:"), background.problem());
        assertNull(background.result());
        assertTrue(store.list("acme").isEmpty());
        assertTrue(identities.grants.isEmpty());
        assertNoSpoolFiles();
    }

    @Test
    void theObjectLimitOfTheRequestOrElseTheConfiguredOne() throws Exception {
        imports.close();
        imports = imports(settings(100, Duration.ofHours(1), 500));
        ImportException configured = assertThrows(ImportException.class, () -> imports.importBuilding(
                ImportRequest.of("acme", null, "tower.json"), new ByteArrayInputStream(document)));
        assertTrue(configured.getMessage().contains("500"), configured.getMessage());
        ImportException requested = assertThrows(ImportException.class, () -> imports.importBuilding(
                ImportRequest.of("acme", null, "tower.json").withMaxObjects(100), new ByteArrayInputStream(document)));
        assertTrue(requested.getMessage().contains("100"), requested.getMessage());
        assertTrue(store.list("acme").isEmpty());
    }

    @Test
    void unsupportedFilesFailBeforeAnythingIsReadOrAJobIsMade() {
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("read");
            }
        };
        UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class,
                () -> imports.submit(ImportRequest.of("acme", null, "plan.png").withMediaType("image/png"),
                        untouchable));
        assertEquals(Set.of("json"), e.acceptedExtensions());
        assertThrows(UnsupportedFormatException.class,
                () -> imports.importBuilding(ImportRequest.of("acme", null, "plan.dwg"), untouchable));
        assertTrue(imports.jobs().isEmpty());
    }

    @Test
    void aFailedGrantLeavesNoBuildingBehind() {
        identities.failure = new IllegalArgumentException("no user 'ghost' in tenant 'acme'");
        assertThrows(IllegalArgumentException.class, () -> imports.importBuilding(
                ImportRequest.of("acme", "ghost", "tower.json"), new ByteArrayInputStream(document)));
        assertTrue(store.list("acme").isEmpty());
        assertEquals(ImportJob.State.FAILED, imports.jobs().get(0).state());
    }

    @Test
    void aTakenIdFailsTheJob() throws Exception {
        imports.importBuilding(ImportRequest.of("acme", null, "tower.json"), new ByteArrayInputStream(document));
        assertThrows(BuildingExistsException.class, () -> imports.importBuilding(
                ImportRequest.of("acme", null, "tower.json"), new ByteArrayInputStream(document)));
        ImportJob failed = imports.jobs().get(0);
        assertEquals(ImportJob.State.FAILED, failed.state());
        assertTrue(failed.problem().contains("tower"), failed.problem());
    }

    @Test
    void finishedJobsAreKeptForABoundedTimeAndNumber() throws Exception {
        imports.close();
        imports = imports(settings(2, Duration.ofMinutes(10), 10));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            imports.importBuilding(ImportRequest.of("acme", null, "tower.json").withBuildingId("t" + i),
                    new ByteArrayInputStream(document));
            ids.add(imports.jobs().get(0).id());
            now.set(now.get().plusSeconds(60));
        }
        assertEquals(List.of(ids.get(2), ids.get(1)), imports.jobs().stream().map(ImportJob::id).toList());
        now.set(now.get().plusSeconds(9 * 60));
        assertEquals(List.of(ids.get(2)), imports.jobs().stream().map(ImportJob::id).toList());
        now.set(now.get().plusSeconds(60));
        assertTrue(imports.jobs().isEmpty());
        assertEquals(3, store.list("acme").size(), "the repository keeps the buildings");
    }

    @Test
    void stoppingTheServiceFailsQueuedJobsAndDeletesTheirFiles() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        selector.remove(BuildingImporter.class);
        selector.add(BuildingImporter.class, new JsonImporter() {
            @Override
            public ImportResult read(InputStream in, ImportOptions options) throws ImportException, IOException {
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.read(in, options);
            }
        });
        ImportJob running = imports.submit(ImportRequest.of("acme", null, "a.json"), new ByteArrayInputStream(document));
        ImportJob queued = imports.submit(ImportRequest.of("acme", null, "b.json"), new ByteArrayInputStream(document));
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        assertEquals(ImportJob.State.QUEUED, imports.job("acme", queued.id()).orElseThrow().state());
        assertEquals(ImportJob.State.RUNNING, imports.job("acme", running.id()).orElseThrow().state());
        imports.close();
        ImportJob stopped = imports.job("acme", running.id()).orElseThrow();
        assertEquals(ImportJob.State.FAILED, stopped.state());
        assertEquals("a.json: the import was stopped (the import service is shutting down)", stopped.problem());
        assertEquals(ImportJob.State.FAILED, imports.job("acme", queued.id()).orElseThrow().state());
        assertTrue(store.list("acme").isEmpty());
        assertNoSpoolFiles();
    }

    @Test
    void theShellCommandPrintsProgressAndTheReportOrOneLineWhenItFails() throws Exception {
        Path file = folder.resolve("tower.json");
        Files.write(file, document);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ImportCommands commands = new ImportCommands(imports);
        String answer = commands.importFile("acme", "", "alice", file.toString(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertTrue(answer.startsWith("Imported tower.json as building 'tower' of tenant 'acme', revision 1: "),
                answer);
        assertTrue(answer.contains("mapped: "), answer);
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("  tower.json: "), printed.toString());
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains(" objects/s"), printed.toString());
        assertTrue(commands.imports().contains("SUCCEEDED"), commands.imports());

        Path bad = folder.resolve("bad.json");
        Files.writeString(bad, "{\"format\":\"arxos.building\",\n\"version\":1,\n\"objects\":[{\"id\":");
        String failed = commands.importFile("acme", "", "", bad.toString(), System.out);
        assertTrue(failed.startsWith("import failed: bad.json:3"), failed);
        assertFalse(failed.contains("\n"), failed);
        assertFalse(failed.contains("Exception"), failed);
        assertEquals("import failed: no such file: " + folder.resolve("nope.json"),
                commands.importFile("acme", "", "", folder.resolve("nope.json").toString(), System.out));
        assertEquals("import failed: plan.png: no importer reads a file without media type or extension 'png'; the "
                + "running importers read the extensions json and the media types application/json, "
                + BuildingJson.MEDIA_TYPE,
                commands.importFile("acme", "", "", Files.writeString(folder.resolve("plan.png"), "x").toString(),
                        System.out));
    }

    private ImportJob await(String tenant, String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            ImportJob job = imports.job(tenant, id).orElseThrow();
            if (job.state().finished()) {
                return job;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    /** A background job is finished before its thread deletes the temporary file: give it a moment. */
    private void assertNoSpoolFiles() throws IOException, InterruptedException {
        Path spool = folder.resolve("spool");
        long end = System.nanoTime() + 10 * SECOND;
        List<Path> left = spoolFiles(spool);
        while (!left.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(10);
            left = spoolFiles(spool);
        }
        assertEquals(List.of(), left);
    }

    private static List<Path> spoolFiles(Path spool) throws IOException {
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.toList();
        }
    }
}
