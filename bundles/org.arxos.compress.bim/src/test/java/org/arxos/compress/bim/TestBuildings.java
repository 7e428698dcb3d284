package org.arxos.compress.bim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.arxos.api.io.ImportOptions;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.io.ifc.internal.IfcBuildingImporter;
import org.arxos.io.json.BuildingJson;
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
import org.junit.jupiter.api.Assumptions;

/** Buildings for the tests: generated ones, one with odd values, and the shared IFC files. */
public final class TestBuildings {

    private TestBuildings() {
    }

    public static Revision generated(long seed, int items) {
        return SyntheticBuilding.generateRevision(GeneratorSettings.of(seed, items));
    }

    /**
     * A small building with the values a codec gets wrong: unicode, empty and very long strings, every property type,
     * floats that are not short decimals ({@code -0}, subnormal, huge), polygons and polylines, ids of every shape.
     */
    public static Revision odd() throws Exception {
        String longText = "long ".repeat(40_000) + "\u00e9\u4e2d\ud83d\ude80";
        Properties props = Properties.EMPTY
                .with("empty", PropertyValue.of(""))
                .with("unicode \u00fc\u00df \u4e2d\u6587 \ud83c\udfe2",
                        PropertyValue.of("\u00e9t\u00e9 \u2603 \ud83d\ude00 \u0000 tab\tnl\n"))
                .with("long", PropertyValue.of(longText))
                .with("flag-true", PropertyValue.of(true))
                .with("flag-false", PropertyValue.of(false))
                .with("zero", PropertyValue.of(0.0))
                .with("negative-zero", PropertyValue.of(-0.0, "m"))
                .with("tiny", PropertyValue.of(Double.MIN_VALUE, "m\u00b2"))
                .with("huge", PropertyValue.of(-Double.MAX_VALUE, ""))
                .with("third", PropertyValue.of(1.0 / 3, "W"))
                .with("decimal", PropertyValue.of(241.497955958, "m2"))
                .with("integer", PropertyValue.of(9_007_199_254_740_993.0));
        String root = "0c-N1CTon2BB2Sp89385G8";
        String system = "3Fit2Fad92zf2f6aWdJtF5";
        return Revision.EMPTY.apply(ChangeSet.of("test", "",
                add(new BuildingObject("0c-N1CTon2BB2Sp89385G8", ObjectType.BUILDING, "building", null,
                        "G\u00e4rtnerei \ud83c\udf31", null, new ElevationRange(-0f, 0f), props)),
                add(new BuildingObject("0c-N1CTon2BB2Sp89385G8.site", ObjectType.FLOOR, "site",
                        "0c-N1CTon2BB2Sp89385G8", "", new Bounds(-Float.MAX_VALUE, -0f, Float.MAX_VALUE, 0f),
                        new ElevationRange(Float.MIN_VALUE, 1e-30f), Properties.EMPTY)),
                add(new BuildingObject("f007", ObjectType.FLOOR, "floor", "0c-N1CTon2BB2Sp89385G8", "  ",
                        new Polygon(0.1f, 0.2f, 1e7f, 0.2f, 1e7f, 3.3333333f, -0f, 12345.678f),
                        new ElevationRange(3.5f, 7f), Properties.of("x", PropertyValue.of("y")))),
                add(new BuildingObject("f008", ObjectType.FLOOR, "floor", "0c-N1CTon2BB2Sp89385G8", null,
                        new Bounds(1.17549435E-38f, 0.3f, 1.17549435E-38f, 0.3f), null, Properties.EMPTY)),
                add(new BuildingObject("f007z9223372036854775807", ObjectType.ZONE, "zone", "f007", longText,
                        new Polyline(1f, 2f, 1f, 2f), new ElevationRange(3.5f, 7f), props)),
                add(new BuildingObject("a:b.c_d-e", ObjectType.SPACE, "\u00e9tage-\ud83d\ude80",
                        "f007z9223372036854775807", null, null, null, Properties.EMPTY)),
                add(new BuildingObject(system, ObjectType.SYSTEM, "electrical", root, null, null, null,
                        Properties.EMPTY)),
                add(new BuildingObject("zzzzzzzzzzzzzzzzzzzzzz", ObjectType.COMPONENT, "panel", system,
                        null, new Bounds(1, 1, 2, 2), null, Properties.EMPTY)),
                add(new BuildingObject("3___________________--", ObjectType.COMPONENT, "panel", system,
                        null, new Bounds(1, 1, 2, 2), null, Properties.EMPTY)),
                add(new BuildingObject("x".repeat(128), ObjectType.COMPONENT, "light", "a:b.c_d-e",
                        null, new Bounds(-3e-45f, -1.5f, 0f, 2.5f), new ElevationRange(0, 0), props)),
                new Change.Connect(new Connection("k1", "zzzzzzzzzzzzzzzzzzzzzz", "x".repeat(128), "power",
                        Properties.of("\u00e9", PropertyValue.of("\u00e9")))),
                new Change.Connect(new Connection("k0", "3___________________--", "zzzzzzzzzzzzzzzzzzzzzz", "data",
                        Properties.EMPTY))));
    }

    private static Change add(BuildingObject o) {
        return new Change.AddObject(o);
    }

    public static long jsonSize(Revision revision) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            BuildingJson.writeBuilding(revision, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }

    /** Asserts the same content in the same order: objects depth-first, connections as made. */
    public static void assertSameContent(Revision expected, Revision actual) {
        assertEquals(expected.contentHash(), actual.contentHash());
        assertEquals(expected.number(), actual.number());
        assertEquals(expected.objects().toList(), actual.objects().toList());
        assertEquals(expected.connections().toList(), actual.connections().toList());
    }

    /** The shared IFC files ({@code arxos.shared.dir}); the test is skipped only where the folder is absent. */
    public static List<Path> sharedIfcFiles() throws IOException {
        String dir = System.getProperty("arxos.shared.dir");
        Path ifc = dir == null ? null : Path.of(dir, "data", "ifc");
        Assumptions.assumeTrue(ifc != null && Files.isDirectory(ifc), "no shared IFC folder at " + dir);
        try (Stream<Path> files = Files.list(ifc)) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".ifc")).sorted().toList();
            assertTrue(list.size() >= 6, "expected the six shared IFC files, found " + list);
            return list;
        }
    }

    public static Revision importIfc(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return Revision.EMPTY.apply(new IfcBuildingImporter()
                    .read(in, ImportOptions.of(file.getFileName().toString())).content());
        }
    }
}
