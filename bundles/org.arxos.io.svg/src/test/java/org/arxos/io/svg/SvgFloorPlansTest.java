package org.arxos.io.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.arxos.api.io.ImportException;
import org.arxos.api.io.ImportOptions;
import org.arxos.api.io.ImportResult;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SvgFloorPlansTest {

    /** The shared data folder; the tests fail rather than skip without it (CI always has it). */
    static Path svgDir() {
        String shared = System.getProperty("arxos.shared.dir");
        assertTrue(shared != null, "the system property arxos.shared.dir must name the shared data folder");
        Path dir = Path.of(shared, "data", "svg");
        assertTrue(Files.isDirectory(dir), "missing test data: " + dir);
        return dir;
    }

    static ImportResult read(byte[] svg, String name) throws Exception {
        return SvgFloorPlans.read(new ByteArrayInputStream(svg), ImportOptions.of(name));
    }

    static Revision importFile(String file) throws Exception {
        return Revision.EMPTY.apply(read(Files.readAllBytes(svgDir().resolve(file)), file).content());
    }

    static byte[] export(Revision revision, String objectId) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SvgFloorPlans.write(revision, objectId, out);
        return out.toByteArray();
    }

    static long count(Revision r, ObjectType type) {
        return r.objects().filter(o -> o.type() == type).count();
    }

    static long count(Revision r, ObjectType type, String kind) {
        return r.objects().filter(o -> o.type() == type && o.kind().equals(kind)).count();
    }

    static ImportException refused(String svg) {
        return assertThrows(ImportException.class, () -> read(svg.getBytes(StandardCharsets.UTF_8), "bad.svg"));
    }

    // ------------------------------------------------------------------------------------------ the shared files

    @Test
    void concordiaFloorHasRoomsNamedByTheirLabels() throws Exception {
        Revision r = importFile("concordia-hall-floor9.svg");
        ImportResult result = read(Files.readAllBytes(svgDir().resolve("concordia-hall-floor9.svg")), "floor9.svg");
        // One Inkscape layer "Floor 9"; 76 rects and 32 paths; 105 texts of which 8 are empty.
        assertEquals(1, count(r, ObjectType.FLOOR));
        assertEquals("Floor 9", r.get("layer4").name());
        // 93 room shapes hold a label (the smallest closed shape around each of 96 labels); 2 rooms hold two.
        assertEquals(93, count(r, ObjectType.SPACE));
        assertEquals(Map.of("text", 96), result.report().kept());
        assertEquals(1, result.report().mapped().get("text")); // the rotated ESCALATOR label lies in no room
        assertEquals(8, result.report().skipped().get("text"));
        assertEquals(76, result.report().mapped().get("rect"));
        assertEquals(32, result.report().mapped().get("path"));
        assertEquals("H927-1", r.get("rect4137").name());
        assertEquals("H920", r.get("rect4370").name());
        assertEquals("H920.3\nH920-4", r.get("rect4370").properties().get("label").map(v -> ((org.arxos.model.PropertyValue.Text) v).value()).orElseThrow());
        // Scale 10 px per metre, y up: the 1024 px page is a 102.4 m floor.
        BuildingObject room = r.get("rect4137");
        assertTrue(room.footprint() instanceof org.arxos.model.geometry.Polygon);
        assertEquals(95.33, room.footprint().bounds().minX(), 0.01);
        assertEquals(32.60, room.footprint().bounds().minY(), 0.01);
    }

    @Test
    void homePlanIsOneFloorWithItsSensorRooms() throws Exception {
        ImportResult result = read(Files.readAllBytes(svgDir().resolve("hafloorplan-home.svg")), "hafloorplan-home.svg");
        Revision r = Revision.EMPTY.apply(result.content());
        // No floor groups: the drawing is one floor. Three room overlays named after their sensors.
        assertEquals(1, count(r, ObjectType.FLOOR));
        assertEquals(List.of("binary_sensor.garage", "binary_sensor.living_area", "binary_sensor.main_bedroom"),
                r.objects().filter(o -> o.type() == ObjectType.SPACE).map(BuildingObject::name).sorted().toList());
        // 15 texts: 3 in skipped buttons, 12 labels outside the rooms (the side panel and the gauge) kept as
        // text-label components on the floor.
        assertEquals(12, count(r, ObjectType.COMPONENT, "text-label"));
        assertEquals(3, result.report().skipped().get("text"));
        assertEquals("Living area fan", r.get("text5097").name());
        assertEquals(181, result.report().mapped().get("path"));
        assertEquals(21, result.report().mapped().get("ellipse"));
        assertEquals(12, result.report().mapped().get("circle"));
        assertEquals(240, r.objectCount());
    }

    @Test
    void multiFloorPlanHasAFloorPerGroup() throws Exception {
        ImportResult result = read(Files.readAllBytes(svgDir().resolve("hafloorplan-multi_floor.svg")), "multi.svg");
        Revision r = Revision.EMPTY.apply(result.content());
        assertEquals(List.of("first_floor", "ground_floor"),
                r.children(r.root().orElseThrow().id()).stream().map(BuildingObject::id).toList());
        assertEquals("first_floor", r.get("binary_sensor.activity").parentId());
        assertEquals("ground_floor", r.get("binary_sensor.garage").parentId());
        assertEquals(2, count(r, ObjectType.SPACE));
        // 725 lines, 194 polylines, 168 polygons, 138 of 140 rects (2 are button backgrounds) are components.
        assertEquals(725, count(r, ObjectType.COMPONENT, "svg-line"));
        assertEquals(194, count(r, ObjectType.COMPONENT, "svg-polyline"));
        assertEquals(168, count(r, ObjectType.COMPONENT, "svg-polygon"));
        assertEquals(1105, count(r, ObjectType.COMPONENT, "svg-path"));
        // Its three texts are the two floor buttons and a sample outside both floors: no room labels.
        assertEquals(0, result.report().kept().getOrDefault("text", 0));
        assertEquals(4, result.report().skipped().get("text"));
        assertEquals(2333, r.objectCount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"concordia-hall-floor9.svg", "hafloorplan-home.svg", "hafloorplan-multi_floor.svg"})
    void importedFileExportsAndReimportsIdentically(String file) throws Exception {
        Revision original = importFile(file);
        byte[] svg = export(original, null);
        Revision again = Revision.EMPTY.apply(read(svg, "again.svg").content());
        assertEquals(original.contentHash(), again.contentHash());
        assertEquals(original.objectCount(), again.objectCount());
    }

    @Test
    void importIsDeterministic() throws Exception {
        assertEquals(importFile("hafloorplan-multi_floor.svg").contentHash(),
                importFile("hafloorplan-multi_floor.svg").contentHash());
    }

    // ------------------------------------------------------------------------------------------ generated buildings

    @Test
    void generatedBuildingRoundTripsToTheSameContentHash() throws Exception {
        Revision original = SyntheticBuilding.generateRevision(GeneratorSettings.of(42, 5000));
        byte[] svg = export(original, null);
        ImportResult result = read(svg, "generated.svg");
        Revision again = Revision.EMPTY.apply(result.content());
        assertEquals(original.objectCount(), again.objectCount());
        assertEquals(original.connectionCount(), again.connectionCount());
        assertEquals(original.contentHash(), again.contentHash());
    }

    @Test
    void oneFloorExportsWithItsAncestorsAndReimportsTheSameObjects() throws Exception {
        Revision original = SyntheticBuilding.generateRevision(GeneratorSettings.of(7, 5000));
        BuildingObject floor = original.objects().filter(o -> o.type() == ObjectType.FLOOR).skip(1).findFirst()
                .orElseThrow();
        Revision again = Revision.EMPTY.apply(read(export(original, floor.id()), "floor.svg").content());
        Map<String, BuildingObject> byId = again.objects().collect(Collectors.toMap(BuildingObject::id,
                Function.identity()));
        // The floor's whole subtree and the building above it, each object exactly as it was.
        long subtree = subtreeSize(original, floor.id());
        assertEquals(subtree + 1, again.objectCount());
        byId.values().forEach(o -> assertEquals(original.get(o.id()), o));
        assertTrue(again.connectionCount() > 0);
        again.connections().forEach(c -> assertEquals(original.connection(c.id()).orElseThrow(), c));
    }

    @Test
    void aZoneExportsToo() throws Exception {
        Revision original = SyntheticBuilding.generateRevision(GeneratorSettings.of(7, 2000));
        BuildingObject zone = original.objects().filter(o -> o.type() == ObjectType.ZONE).findFirst().orElseThrow();
        Revision again = Revision.EMPTY.apply(read(export(original, zone.id()), "zone.svg").content());
        again.objects().forEach(o -> assertEquals(original.get(o.id()), o));
        assertEquals(subtreeSize(original, zone.id()) + depth(original, zone.id()), again.objectCount());
    }

    @Test
    void buildingIdOptionRenamesTheBuildingOnExactReimport() throws Exception {
        Revision original = SyntheticBuilding.generateRevision(GeneratorSettings.of(3, 500));
        ImportResult result = SvgFloorPlans.read(new ByteArrayInputStream(export(original, null)),
                new ImportOptions("x.svg", "copy", "ann", ImportOptions.DEFAULT_MAX_OBJECTS));
        Revision again = Revision.EMPTY.apply(result.content());
        assertEquals("copy", again.root().orElseThrow().id());
        assertEquals(original.objectCount(), again.objectCount());
    }

    static long subtreeSize(Revision r, String id) {
        long n = 1;
        for (BuildingObject c : r.children(id)) {
            n += subtreeSize(r, c.id());
        }
        return n;
    }

    static int depth(Revision r, String id) {
        int d = 0;
        for (String p = r.get(id).parentId(); p != null; p = r.get(p).parentId()) {
            d++;
        }
        return d;
    }

    // ------------------------------------------------------------------------------------------ limits and progress

    @Test
    void maxObjectsStopsTheImport() throws Exception {
        byte[] svg = Files.readAllBytes(svgDir().resolve("hafloorplan-multi_floor.svg"));
        ImportException e = assertThrows(ImportException.class, () -> SvgFloorPlans.read(
                new ByteArrayInputStream(svg), new ImportOptions("multi.svg", null, "", 100)));
        assertTrue(e.getMessage().contains("maxObjects"), e.getMessage());
    }

    @Test
    void progressCountsObjects() throws Exception {
        long[] last = {0};
        byte[] svg = Files.readAllBytes(svgDir().resolve("concordia-hall-floor9.svg"));
        ImportResult r = SvgFloorPlans.read(new ByteArrayInputStream(svg),
                new ImportOptions("f.svg", null, "", 10_000, n -> last[0] = n));
        assertEquals(r.content().size(), last[0]);
    }

    // ------------------------------------------------------------------------------------------ bad input

    @Test
    void externalEntityIsRefusedWithoutBeingRead() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ImportException e = refused("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n"
                    + "<!ENTITY xxe SYSTEM \"http://127.0.0.1:" + server.getLocalPort() + "/secret\">\n]>\n"
                    + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text x=\"1\" y=\"1\">&xxe;</text></svg>");
            assertEquals(3, e.line());
            assertTrue(e.getMessage().contains("external entity refused"), e.getMessage());
            server.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, server::accept, "the importer contacted the entity's URL");
        }
        ImportException e = refused("<!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&xxe;</text></svg>");
        assertTrue(e.getMessage().contains("external entity refused"), e.getMessage());
        assertFalse(e.getMessage().contains("root:"), e.getMessage());
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder svg = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            svg.append("<!ENTITY lol").append(i).append(" \"");
            svg.append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">\n");
        }
        svg.append("]>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&lol9;</text></svg>");
        ImportException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> refused(svg.toString()));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("entit"), e.getMessage());
    }

    @Test
    void plainInternalEntitiesAndADoctypeAreAccepted() throws Exception {
        String svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                + "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\" [\n<!ENTITY room \"Room 1\">\n]>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">"
                + "<rect id=\"outline\" width=\"100\" height=\"100\"/><rect id=\"r1\" x=\"0\" y=\"0\" width=\"50\" height=\"50\"/><text x=\"10\" y=\"10\">&room;</text></svg>";
        Revision r = Revision.EMPTY.apply(read(svg.getBytes(StandardCharsets.UTF_8), "ok.svg").content());
        assertEquals(ObjectType.SPACE, r.get("r1").type());
        assertEquals("Room 1", r.get("r1").name());
    }

    @Test
    void useBombIsRefusedQuickly() {
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n<defs><rect id=\"a0\" width=\"1\" height=\"1\"/>\n");
        for (int i = 1; i <= 12; i++) {
            svg.append("<g id=\"a").append(i).append("\">");
            for (int k = 0; k < 10; k++) {
                svg.append("<use xlink:href=\"#a").append(i - 1).append("\"/>");
            }
            svg.append("</g>\n");
        }
        svg.append("</defs><use xlink:href=\"#a12\"/></svg>");
        ImportException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> refused(svg.toString()));
        assertTrue(e.getMessage().contains("element limit"), e.getMessage());
    }

    @Test
    void truncatedFileNamesTheLine() throws Exception {
        byte[] full = Files.readAllBytes(svgDir().resolve("concordia-hall-floor9.svg"));
        String half = new String(full, 0, full.length / 2, StandardCharsets.UTF_8);
        ImportException e = assertThrows(ImportException.class, () -> read(half.getBytes(StandardCharsets.UTF_8),
                "floor9.svg"));
        assertEquals(half.split("\n", -1).length, e.line(), e.getMessage());
    }

    @Test
    void nonNumericCoordinateNamesTheElementAndLine() {
        ImportException e = refused("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<g>\n"
                + "<rect id=\"bad\" x=\"ten\" y=\"0\" width=\"5\" height=\"5\"/>\n</g></svg>");
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("bad"), e.getMessage());
    }

    @Test
    void nonNumericPathDataIsRefused() {
        ImportException e = refused("<svg xmlns=\"http://www.w3.org/2000/svg\">\n"
                + "<path id=\"p\" d=\"M 0 0 L x y\"/></svg>");
        assertEquals(2, e.line(), e.getMessage());
    }

    @Test
    void hugeDeclaredSizesAreRefused() {
        ImportException page = refused("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1e30\" height=\"1e30\">\n"
                + "<rect width=\"1\" height=\"1\"/></svg>");
        assertTrue(page.getMessage().contains("out of range"), page.getMessage());
        ImportException shape = refused("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">\n"
                + "<rect id=\"huge\" width=\"1e38\" height=\"1\"/></svg>");
        assertEquals(2, shape.line(), shape.getMessage());
        assertTrue(shape.getMessage().contains("out of range"), shape.getMessage());
    }

    @Test
    void limitsStopOversizedFiles() {
        byte[] svg = ("<svg xmlns=\"http://www.w3.org/2000/svg\">" + "<g>".repeat(300) + "</g>".repeat(300)
                + "</svg>").getBytes(StandardCharsets.UTF_8);
        ImportException deep = assertThrows(ImportException.class, () -> read(svg, "deep.svg"));
        assertTrue(deep.getMessage().contains("depth limit"), deep.getMessage());
        ImportException big = assertThrows(ImportException.class, () -> SvgFloorPlans.read(
                new ByteArrayInputStream(svg), ImportOptions.of("big.svg"), SvgMapping.DEFAULT,
                new SvgLimits(100, 1000, 10, 100, 0, 0)));
        assertTrue(big.getMessage().contains("size limit"), big.getMessage());
    }

    @Test
    void notSvgAndBrokenArxosFilesAreRefused() {
        assertTrue(refused("<html/>").getMessage().contains("not an SVG document"));
        ImportException e = refused("<svg xmlns=\"http://www.w3.org/2000/svg\" data-arxos-format=\"1\">\n"
                + "<g id=\"b\" data-arxos-type=\"building\" data-arxos-kind=\"x\">\n"
                + "<g id=\"f\" data-arxos-type=\"floor\" data-arxos-kind=\"storey\" data-arxos-parent=\"b\">"
                + "<polygon class=\"arxos-footprint\" points=\"0,0 1,x 2,2\"/></g></g></svg>");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("not a number"), e.getMessage());
        assertTrue(refused("<svg xmlns=\"http://www.w3.org/2000/svg\" data-arxos-format=\"9\"/>").getMessage()
                .contains("unknown Arxos SVG format"));
    }

    @Test
    void imagesAndExternalReferencesAreNeverLoaded() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/x.png";
            String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                    + "width=\"100\" height=\"100\"><image id=\"img\" x=\"10\" y=\"10\" width=\"20\" height=\"20\" "
                    + "xlink:href=\"" + url + "\"/><image id=\"etc\" width=\"5\" height=\"5\" "
                    + "xlink:href=\"file:///etc/passwd\"/></svg>";
            Revision r = Revision.EMPTY.apply(read(svg.getBytes(StandardCharsets.UTF_8), "plan.svg").content());
            assertEquals("svg-image", r.get("img").kind());
            assertEquals(2, r.get("img").footprint().bounds().width(), 1e-6);
            server.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, server::accept, "the importer fetched the image");
            ImportException e = refused("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                    + "xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n<use id=\"u\" xlink:href=\"" + url
                    + "#a\"/></svg>");
            assertTrue(e.getMessage().contains("u"), e.getMessage());
            assertThrows(SocketTimeoutException.class, server::accept, "the importer fetched the used document");
        }
    }

    @Test
    void mappingFileChangesRulesAndScale() throws Exception {
        SvgMapping mapping = SvgMapping.read(new ByteArrayInputStream(("{\"pixelsPerMetre\": 100, \"yAxis\": \"down\","
                + "\"groups\": [{\"match\": \"id\", \"pattern\": \"^wing-\", \"as\": \"zone\", \"kind\": \"wing\"}],"
                + "\"shapes\": [{\"match\": \"class\", \"pattern\": \"^desk$\", \"as\": \"component\", \"kind\": \"desk\"}]}")
                .getBytes(StandardCharsets.UTF_8)));
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"1000\">"
                + "<g id=\"level-2\"><g id=\"wing-a\"><rect id=\"d1\" class=\"desk\" x=\"100\" y=\"200\" width=\"50\" "
                + "height=\"50\"/></g></g></svg>";
        Revision r = Revision.EMPTY.apply(SvgFloorPlans.read(new ByteArrayInputStream(svg.getBytes(
                StandardCharsets.UTF_8)), ImportOptions.of("m.svg"), mapping, SvgLimits.DEFAULT).content());
        assertEquals(ObjectType.FLOOR, r.get("level-2").type());
        assertEquals("wing", r.get("wing-a").kind());
        assertEquals("desk", r.get("d1").kind());
        assertEquals("wing-a", r.get("d1").parentId());
        assertEquals(2.0f, r.get("d1").footprint().bounds().minY(), 1e-6); // y down, 100 px per metre
        assertThrows(IllegalArgumentException.class, () -> SvgMapping.read(new ByteArrayInputStream(
                "{\"groups\": [{\"pattern\": \"x\", \"as\": \"attic\"}]}".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void idsAreSanitizedAndUnique() throws Exception {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">"
                + "<rect id=\"a b\" width=\"1\" height=\"1\"/><rect id=\"a_b\" width=\"1\" height=\"1\"/>"
                + "<g id=\"grp\"><line x2=\"5\"/><line x2=\"6\"/></g></svg>";
        Revision r = Revision.EMPTY.apply(read(svg.getBytes(StandardCharsets.UTF_8), "ids.svg").content());
        assertTrue(r.find("a_b").isPresent());
        assertTrue(r.find("a_b-2").isPresent());
        assertTrue(r.find("grp.line1").isPresent());
        assertEquals("svg-line", r.get("grp.line2").kind());
    }

    static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
