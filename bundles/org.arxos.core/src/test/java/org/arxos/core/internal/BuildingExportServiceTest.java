package org.arxos.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import org.arxos.api.io.BuildingExporter;
import org.arxos.api.io.ExportFormatException;
import org.arxos.api.io.ExportRequest;
import org.arxos.api.io.ExportedRevision;
import org.arxos.api.io.ImportOptions;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.repository.UnknownBuildingException;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.io.json.BuildingJson;
import org.arxos.io.json.internal.JsonBuildingExporter;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.arxos.repository.jdbc.internal.JdbcBuildingStore;
import org.arxos.repository.jdbc.internal.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export service and {@code arxos:export} with the real native JSON exporter and a JDBC store on H2. */
class BuildingExportServiceTest {

    /** Writes the ids of a floor's subtree, one per line; refuses everything but floors, as the SVG exporter does. */
    static final class FloorExporter implements BuildingExporter {
        @Override
        public String mediaType() {
            return "text/x-floor";
        }

        @Override
        public String extension() {
            return "floor";
        }

        @Override
        public void write(Revision revision, OutputStream out) throws IOException {
            write(revision, revision.root().orElseThrow().id(), out);
        }

        @Override
        public void write(Revision revision, String subtreeId, OutputStream out) throws IOException {
            BuildingObject top = subtreeId == null ? revision.root().orElseThrow() : revision.get(subtreeId);
            if (top.type() != ObjectType.FLOOR && top.type() != ObjectType.BUILDING) {
                throw new IllegalArgumentException("the floor format exports floors, but '" + subtreeId + "' is a "
                        + top.type().id());
            }
            for (String id : BuildingExportService.subtree(revision, top)) {
                out.write((id + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @TempDir
    Path folder;

    private final TestSelector selector = new TestSelector();
    private final BuildingExportService exports = new BuildingExportService(selector);
    private JdbcBuildingStore store;
    private Revision generated;

    @BeforeEach
    void open() throws Exception {
        org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + folder.resolve("db/arxos").toAbsolutePath() + ";AUTO_SERVER=FALSE");
        store = new JdbcBuildingStore(dataSource, StoreSettings.of(50, 4), e -> { });
        selector.add(BuildingRepository.class, store).add(BuildingExporter.class, new FloorExporter())
                .add(BuildingExporter.class, new JsonBuildingExporter());
        ChangeSet content = SyntheticBuilding.generate(new GeneratorSettings(5, 1000, "tower", "Tower"));
        store.create("acme", content);
        store.apply("acme", "tower", ChangeSet.of("ann", "rename", new Change.Rename("tower", "Renamed")));
        generated = store.head("acme", "tower");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private BuildingObject first(ObjectType type) {
        return generated.objects().filter(o -> o.type() == type).findFirst().orElseThrow();
    }

    @Test
    void exportsTheHeadOrARevisionAsAWholeInTheFormatOfTheFileName() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportedRevision done = exports.export(ExportRequest.of("acme", "tower", "dir/tower.JSON"), out);
        assertEquals(new ExportedRevision("tower", 2, "json", BuildingJson.MEDIA_TYPE, null,
                generated.objectCount(), generated.connectionCount(), out.size()), done);
        Revision read = Revision.EMPTY.apply(BuildingJson.readBuilding(new ByteArrayInputStream(out.toByteArray()),
                ImportOptions.of("x.json")).content());
        assertEquals(generated.contentHash(), read.contentHash());

        out.reset();
        assertEquals(1, exports.export(new ExportRequest("acme", "tower", 1, "json", null, null), out).revision());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"Tower\""));
    }

    @Test
    void aSubtreeCountsItsObjectsAndTheConnectionsWithinIt() throws Exception {
        BuildingObject floor = first(ObjectType.FLOOR);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportedRevision done = exports.export(new ExportRequest("acme", "tower", 0, "floor", null, floor.id()), out);
        List<String> written = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(written.size(), done.objects());
        assertTrue(done.objects() > 1 && done.objects() < generated.objectCount(), done.toString());
        long within = generated.connections()
                .filter(c -> written.contains(c.fromId()) && written.contains(c.toId())).count();
        assertEquals(within, done.connections());
        assertEquals(floor.id(), done.subtreeId());
        assertEquals(out.size(), done.bytes());
    }

    @Test
    void failuresBeforeAnythingIsWritten() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals("no exporter writes the format 'dwg'", assertThrows(ExportFormatException.class,
                () -> exports.export(ExportRequest.of("acme", "tower", "a.dwg"), out)).problem());
        assertThrows(UnknownBuildingException.class, () -> exports.export(ExportRequest.of("acme", "nope", "a.json"),
                out));
        assertThrows(UnknownBuildingException.class, () -> exports.export(ExportRequest.of("other", "tower",
                "a.json"), out));
        assertThrows(UnknownBuildingException.class,
                () -> exports.export(new ExportRequest("acme", "tower", 9, null, "a.json", null), out));
        assertThrows(NoSuchElementException.class,
                () -> exports.export(new ExportRequest("acme", "tower", 0, null, "a.json", "nothing"), out));
        String space = first(ObjectType.SPACE).id();
        assertEquals("the json format (" + BuildingJson.MEDIA_TYPE + ") exports whole buildings only, not the "
                + "subtree of '" + space + "'", assertThrows(UnsupportedOperationException.class,
                        () -> exports.export(new ExportRequest("acme", "tower", 0, null, "a.json", space), out))
                .getMessage());
        assertEquals("the floor format exports floors, but '" + space + "' is a space",
                assertThrows(IllegalArgumentException.class,
                        () -> exports.export(new ExportRequest("acme", "tower", 0, "floor", null, space), out))
                        .getMessage());
        assertEquals(0, out.size());
    }

    @Test
    void theGogoCommandWritesTheFileAndSaysWhatItWrote() throws Exception {
        ExportCommands commands = new ExportCommands(exports);
        Path file = folder.resolve("out/tower.json");
        Files.createDirectories(file.getParent());
        String answer = commands.exportFile("acme", "tower", "head", "", "", file.toString());
        assertTrue(answer.startsWith("Exported building 'tower' of tenant 'acme', revision 2, as json to " + file
                + ": " + ImportMeter.grouped(generated.objectCount()) + " objects, "
                + ImportMeter.grouped(generated.connectionCount()) + " connections, "
                + ImportMeter.grouped(Files.size(file)) + " bytes ("), answer);
        assertTrue(Files.readString(file).contains("\"Renamed\""));

        String floor = first(ObjectType.FLOOR).id();
        Path part = folder.resolve("out/f.txt");
        answer = commands.exportFile("acme", "tower", "1", "floor", floor, part.toString());
        assertTrue(answer.startsWith("Exported building 'tower' of tenant 'acme', revision 1, the subtree of '"
                + floor + "', as floor to " + part), answer);
        assertTrue(Files.readString(part).startsWith(floor + "\n") || Files.readString(part).contains(floor));
    }

    @Test
    void gogoErrorsAreOneLineAndLeaveNoFileBehind() throws Exception {
        ExportCommands commands = new ExportCommands(exports);
        Path out = Files.createDirectories(folder.resolve("out"));
        String space = first(ObjectType.SPACE).id();
        List<String> answers = List.of(
                commands.exportFile("acme", "tower", "head", "", "", out.resolve("a.dwg").toString()),
                commands.exportFile("acme", "tower", "head", "", "", out.resolve("noext").toString()),
                commands.exportFile("acme", "nope", "head", "", "", out.resolve("a.json").toString()),
                commands.exportFile("acme", "tower", "7", "", "", out.resolve("a.json").toString()),
                commands.exportFile("acme", "tower", "x", "", "", out.resolve("a.json").toString()),
                commands.exportFile("acme", "tower", "head", "", "zz", out.resolve("a.json").toString()),
                commands.exportFile("acme", "tower", "head", "floor", space, out.resolve("a.floor").toString()),
                commands.exportFile("acme", "tower", "head", "", space, out.resolve("a.json").toString()),
                commands.exportFile("acme", "tower", "head", "", "", folder.resolve("missing/a.json").toString()));
        assertEquals(List.of(
                "export failed: no exporter writes the format 'dwg'; the running exporters write floor (text/x-floor), "
                        + "json (" + BuildingJson.MEDIA_TYPE + ")",
                "export failed: the file name 'noext' has no extension to choose the format by; "
                        + "the running exporters write floor (text/x-floor), json (" + BuildingJson.MEDIA_TYPE + ")",
                "export failed: no building 'nope' for tenant 'acme'",
                "export failed: no revision 7 of building 'tower' for tenant 'acme' (its revisions are 1 to 2)",
                "export failed: --revision must be a revision number from 1 or 'head' but was 'x'",
                "export failed: building 'tower': revision 2 has no object 'zz'",
                "export failed: the floor format exports floors, but '" + space + "' is a space",
                "export failed: the json format (" + BuildingJson.MEDIA_TYPE + ") exports whole buildings only, not "
                        + "the subtree of '" + space + "'",
                "export failed: no such folder: " + folder.resolve("missing")), answers);
        try (Stream<Path> left = Files.list(out)) {
            assertFalse(left.findAny().isPresent(), "no file, no part file");
        }
    }
}
