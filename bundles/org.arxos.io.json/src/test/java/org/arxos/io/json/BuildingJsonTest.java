package org.arxos.io.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.arxos.api.io.ImportException;
import org.arxos.api.io.ImportOptions;
import org.arxos.api.io.ImportResult;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.arxos.model.geometry.ElevationRange;
import org.arxos.model.geometry.Polygon;
import org.arxos.model.geometry.Polyline;
import org.junit.jupiter.api.Test;

class BuildingJsonTest {

    static Revision sampleBuilding() throws Exception {
        Properties lightProperties = Properties.of(Map.of(
                "power", new PropertyValue.Number(60.5, "W"),
                "emergency", new PropertyValue.Flag(true),
                "model", new PropertyValue.Text("Läuchte \"X\" \u2013 7"),
                "count", new PropertyValue.Number(3)));
        return Revision.EMPTY.apply(ChangeSet.of("ann", "sample",
                new Change.AddObject(new BuildingObject("b1", ObjectType.BUILDING, "office", null, "HQ", null, null,
                        Properties.of("year", new PropertyValue.Number(1999)))),
                new Change.AddObject(new BuildingObject("f1", ObjectType.FLOOR, "storey", "b1", "Ground",
                        new Bounds(0, 0, 40.25f, 20), new ElevationRange(-0f, 3.2f), null)),
                new Change.AddObject(new BuildingObject("s1", ObjectType.SPACE, "office", "f1", "Room 1",
                        new Polygon(0, 0, 10, 0, 10, 8.125f, 0, 8.125f), new ElevationRange(0, 3), null)),
                new Change.AddObject(new BuildingObject("e1", ObjectType.SYSTEM, "electrical", "b1", null, null, null,
                        null)),
                new Change.AddObject(new BuildingObject("p1", ObjectType.COMPONENT, "panel", "e1", "Panel",
                        new Bounds(1, 1, 1.5f, 1.1f), null, null)),
                new Change.AddObject(new BuildingObject("l1", ObjectType.COMPONENT, "light-fixture", "s1", "Light",
                        new Bounds(2, 2, 2.6f, 2.6f), new ElevationRange(2.9f, 3), lightProperties)),
                new Change.AddObject(new BuildingObject("w1", ObjectType.COMPONENT, "wire", "e1", null,
                        new Polyline(1.25f, 1, 2.3f, 2.3f, 1e-7f, 123456.79f), null, null)),
                new Change.Connect(new Connection("c1", "p1", "l1", "power",
                        Properties.of("circuit", new PropertyValue.Text("L1-3"))))));
    }

    static byte[] write(Revision revision) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BuildingJson.writeBuilding(revision, out);
        return out.toByteArray();
    }

    static ImportResult read(String json, ImportOptions options) throws Exception {
        return BuildingJson.readBuilding(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), options);
    }

    static ImportException importError(String json) {
        return assertThrows(ImportException.class, () -> read(json, ImportOptions.of("building.json")));
    }

    @Test
    void buildingRoundTripsToTheSameContentHash() throws Exception {
        Revision original = sampleBuilding();
        byte[] json = write(original);

        ImportResult result = BuildingJson.readBuilding(new ByteArrayInputStream(json), ImportOptions.of("b.json"));
        Revision read = Revision.EMPTY.apply(result.content());

        assertEquals(original.contentHash(), read.contentHash());
        assertEquals(original.objects().toList(), read.objects().toList());
        assertEquals(original.connections().toList(), read.connections().toList());
        assertEquals(Map.of("building", 1, "floor", 1, "space", 1, "system", 1, "component", 3, "connection", 1),
                result.report().mapped());
    }

    @Test
    void writtenDocumentIsCompactWithOneObjectPerLine() throws Exception {
        String json = new String(write(sampleBuilding()), StandardCharsets.UTF_8);

        assertTrue(json.startsWith("{\"format\":\"arxos.building\",\"version\":1,\"building\":{\"id\":\"b1\""), json);
        assertTrue(json.contains(",\n{\"id\":\"f1\",\"type\":\"floor\",\"kind\":\"storey\",\"parent\":\"b1\","
                + "\"name\":\"Ground\",\"bounds\":[0,0,40.25,20],\"elevation\":[-0.0,3.2]}"), json);
        assertTrue(json.contains("\"power\":{\"number\":60.5,\"unit\":\"W\"}"), json);
        assertTrue(!json.contains("null"), "absent values are omitted: " + json);
        assertEquals(9, json.lines().count(), "header, 7 objects, 1 connection: " + json);
    }

    @Test
    void changeSetRoundTripsWithEveryKindOfChange() throws Exception {
        ChangeSet changes = new ChangeSet("bob", "every op", List.of(
                new Change.AddObject(new BuildingObject("l2", ObjectType.COMPONENT, "light-fixture", "s1", "Light 2",
                        new Polygon(0, 0, 1, 0, 1, 1), new ElevationRange(2, 3),
                        Properties.of("power", new PropertyValue.Number(12.75, "W")))),
                new Change.MoveObject("l1", "f1"),
                new Change.SetProperty("l1", "power", new PropertyValue.Number(40)),
                new Change.SetProperty("l1", "dimmable", new PropertyValue.Flag(false)),
                new Change.ClearProperty("l1", "model"),
                new Change.SetGeometry("l1", new Polyline(0, 0, 3, 4), null),
                new Change.SetGeometry("w1", null, null),
                new Change.Rename("l1", "Moved light"),
                new Change.Rename("p1", null),
                new Change.Disconnect("c1"),
                new Change.Connect(new Connection("c2", "p1", "l2", "power", null)),
                new Change.RemoveObject("w1")));
        ChangeDocument document = new ChangeDocument(changes, OptionalLong.of(1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BuildingJson.writeChanges(document, out);

        ChangeDocument read = BuildingJson.readChanges(new ByteArrayInputStream(out.toByteArray()), "c.json", 100);

        assertEquals(document, read);
        Revision base = sampleBuilding();
        assertEquals(base.apply(changes).contentHash(), base.apply(read.changes()).contentHash());
    }

    @Test
    void changeDocumentWithoutBaseRevisionOrAuthorReadsAsEmpty() throws Exception {
        String json = "{\"format\":\"arxos.changes\",\"version\":1,\"changes\":[{\"op\":\"remove\",\"id\":\"x\"}]}";
        ChangeDocument read = BuildingJson.readChanges(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "c.json", 10);
        assertEquals(OptionalLong.empty(), read.baseRevision());
        assertEquals(ChangeSet.of("", "", new Change.RemoveObject("x")), read.changes());
    }

    @Test
    void importedBuildingTakesTheIdFromTheOptions() throws Exception {
        String json = new String(write(sampleBuilding()), StandardCharsets.UTF_8);
        ImportResult result = read(json, new ImportOptions("b.json", "renamed", "imp", 100));
        Revision revision = Revision.EMPTY.apply(result.content());

        assertEquals("renamed", revision.root().orElseThrow().id());
        assertEquals("renamed", revision.get("f1").parentId());
        assertEquals("imp", result.content().author());
    }

    // ------------------------------------------------------------------------------------------- errors

    private static final String HEAD = "{\"format\":\"arxos.building\",\"version\":1,\"building\":{\"id\":\"b\"},"
            + "\"objects\":[\n{\"id\":\"b\",\"type\":\"building\",\"kind\":\"office\"}";

    @Test
    void unknownTypeNamesSourceLineFieldAndColumn() {
        ImportException e = importError(HEAD + ",\n{\"id\":\"f\",\"type\":\"floor\",\"kind\":\"s\",\"parent\":\"b\"},"
                + "\n{\"id\":\"g\",\"type\":\"flor\",\"kind\":\"s\",\"parent\":\"b\"}]}");

        assertEquals("building.json", e.source());
        assertEquals(4, e.line());
        assertEquals("objects[2].type", e.field());
        assertTrue(e.getMessage().startsWith("building.json:4 (objects[2].type): unknown object type 'flor'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("(column 18)"), e.getMessage());
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        ImportException e = importError(HEAD + ",\n{\"id\":\"f\",\"type\":\"floor\" \"kind\":\"s\"}]}");

        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("column 26"), e.getMessage());
    }

    @Test
    void unknownFieldIsRejected() {
        ImportException e = importError(HEAD + ",\n{\"id\":\"f\",\"type\":\"floor\",\"kind\":\"s\",\"parent\":\"b\","
                + "\"colour\":\"red\"}]}");
        assertEquals("objects[1].colour", e.field());
        assertTrue(e.getMessage().contains("unknown field 'colour'"), e.getMessage());
    }

    @Test
    void childBeforeItsParentIsRejected() {
        ImportException e = importError(HEAD + ",\n{\"id\":\"s\",\"type\":\"space\",\"kind\":\"x\",\"parent\":\"f\"},"
                + "\n{\"id\":\"f\",\"type\":\"floor\",\"kind\":\"s\",\"parent\":\"b\"}]}");
        assertEquals("objects[1].parent", e.field());
        assertTrue(e.getMessage().contains("'f' is not an object before this one"), e.getMessage());
    }

    @Test
    void duplicateIdIsRejected() {
        ImportException e = importError(HEAD + ",\n{\"id\":\"f\",\"type\":\"floor\",\"kind\":\"s\",\"parent\":\"b\"},"
                + "\n{\"id\":\"f\",\"type\":\"floor\",\"kind\":\"s\",\"parent\":\"b\"}]}");
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("duplicate object id 'f'"), e.getMessage());
    }

    @Test
    void badGeometryNamesTheField() {
        ImportException e = importError(HEAD + ",\n{\"id\":\"f\",\"type\":\"floor\",\"kind\":\"s\",\"parent\":\"b\","
                + "\"bounds\":[5,0,1,1]}]}");
        assertEquals("objects[1].bounds", e.field());
        assertTrue(e.getMessage().contains("min must not exceed max"), e.getMessage());

        ImportException three = importError(HEAD + ",\n{\"id\":\"f\",\"type\":\"floor\",\"kind\":\"s\","
                + "\"parent\":\"b\",\"bounds\":[0,0,\"1\",1]}]}");
        assertEquals("objects[1].bounds[2]", three.field());
    }

    @Test
    void connectionToAnUnknownObjectIsRejected() {
        ImportException e = importError(HEAD + "],\"connections\":[\n{\"id\":\"c\",\"from\":\"b\",\"to\":\"nope\","
                + "\"kind\":\"power\"}]}");
        assertEquals("connections[0].to", e.field());
        assertTrue(e.getMessage().contains("no object 'nope'"), e.getMessage());
    }

    @Test
    void wrongFormatAndVersionAreRejected() {
        ImportException format = importError("{\"format\":\"arxos.changes\",\"version\":1,\"changes\":[]}");
        assertEquals("format", format.field());
        assertTrue(format.getMessage().contains("expected 'arxos.building'"), format.getMessage());

        ImportException version = importError("{\"format\":\"arxos.building\",\"version\":2}");
        assertTrue(version.getMessage().contains("unsupported version 2"), version.getMessage());

        ImportException notObject = importError("[1,2]");
        assertTrue(notObject.getMessage().contains("not a JSON object"), notObject.getMessage());
    }

    @Test
    void trailingContentIsRejected() {
        ImportException e = importError(HEAD + "]}\n{}");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("after the end of the document"), e.getMessage());
    }

    @Test
    void tooManyObjectsFailsAtTheFirstObjectOverTheLimit() throws Exception {
        String json = new String(write(sampleBuilding()), StandardCharsets.UTF_8);
        ImportException e = assertThrows(ImportException.class,
                () -> read(json, new ImportOptions("big.json", null, "", 3)));

        assertEquals("objects[3]", e.field());
        assertEquals(5, e.line(), "fails on the 4th object's line, not at the end");
        assertTrue(e.getMessage().contains("the import limit (maxObjects) is 3"), e.getMessage());
    }

    @Test
    void badChangesNameTheChangeAndField() {
        ImportException unknownOp = assertThrows(ImportException.class, () -> BuildingJson.readChanges(
                stream("{\"format\":\"arxos.changes\",\"version\":1,\"changes\":[\n{\"op\":\"remove\",\"id\":\"a\"},"
                        + "\n{\"op\":\"explode\",\"id\":\"a\"}]}"), "c.json", 10));
        assertEquals("c.json:3 (changes[1].op): unknown op 'explode'; ops are add, remove, move, set, clear, "
                + "geometry, rename, connect and disconnect (column 7)", unknownOp.getMessage());

        ImportException misplaced = assertThrows(ImportException.class, () -> BuildingJson.readChanges(
                stream("{\"format\":\"arxos.changes\",\"version\":1,\"changes\":[{\"op\":\"remove\",\"id\":\"a\","
                        + "\"parent\":\"b\"}]}"), "c.json", 10));
        assertEquals("changes[0].parent", misplaced.field());

        ImportException missing = assertThrows(ImportException.class, () -> BuildingJson.readChanges(
                stream("{\"format\":\"arxos.changes\",\"version\":1,\"changes\":[{\"op\":\"set\",\"id\":\"a\","
                        + "\"name\":\"p\"}]}"), "c.json", 10));
        assertEquals("changes[0].value", missing.field());

        ImportException nested = assertThrows(ImportException.class, () -> BuildingJson.readChanges(
                stream("{\"format\":\"arxos.changes\",\"version\":1,\"changes\":[{\"op\":\"add\",\"object\":"
                        + "{\"id\":\"a\",\"type\":\"space\",\"kind\":\"k\",\"properties\":{\"p\":{\"text\":\"x\","
                        + "\"unit\":\"W\"}}}}]}"), "c.json", 10));
        assertEquals("changes[0].object.properties.p.unit", nested.field());

        ImportException tooMany = assertThrows(ImportException.class, () -> BuildingJson.readChanges(
                stream("{\"format\":\"arxos.changes\",\"version\":1,\"changes\":[{\"op\":\"remove\",\"id\":\"a\"},"
                        + "{\"op\":\"remove\",\"id\":\"b\"}]}"), "c.json", 1));
        assertEquals("changes[1]", tooMany.field());
    }

    @Test
    void generatedBuildingOf200000ObjectsRoundTrips() throws Exception {
        Revision original = SyntheticBuilding.generateRevision(GeneratorSettings.of(7, 200_000));
        byte[] json = write(original);

        List<Long> progress = new ArrayList<>();
        ImportResult result = BuildingJson.readBuilding(new ByteArrayInputStream(json),
                new ImportOptions("generated.json", null, "", 200_000, progress::add));
        Revision read = Revision.EMPTY.apply(result.content());
        long total = original.objectCount() + original.connectionCount();

        assertTrue(progress.size() >= 40, "progress reported " + progress.size() + " times");
        assertEquals(total, progress.get(progress.size() - 1), "the last report counts everything");
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), "progress never goes back: " + progress);
        }

        assertTrue(original.objectCount() + original.connectionCount() >= 196_000,
                "generated " + original.objectCount() + " objects and " + original.connectionCount() + " connections");
        assertEquals(original.objectCount(), read.objectCount());
        assertEquals(original.connectionCount(), read.connectionCount());
        assertEquals(original.contentHash(), read.contentHash());
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
