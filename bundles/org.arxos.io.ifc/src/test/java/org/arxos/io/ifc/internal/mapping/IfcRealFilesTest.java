package org.arxos.io.ifc.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.arxos.api.io.ImportOptions;
import org.arxos.api.io.ImportResult;
import org.arxos.io.ifc.internal.IfcBuildingImporter;
import org.arxos.model.BuildingObject;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Footprint;
import org.arxos.model.geometry.Polygon;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every shared IFC file imports, applies, and matches an independent count of its entities. */
class IfcRealFilesTest {

    static final String[] TERMINALS = {"IFCFLOWTERMINAL", "IFCAIRTERMINAL", "IFCAUDIOVISUALAPPLIANCE",
        "IFCCOMMUNICATIONSAPPLIANCE", "IFCELECTRICAPPLIANCE", "IFCFIRESUPPRESSIONTERMINAL", "IFCLAMP",
        "IFCLIGHTFIXTURE", "IFCMEDICALDEVICE", "IFCOUTLET", "IFCSANITARYTERMINAL", "IFCSPACEHEATER",
        "IFCSTACKTERMINAL", "IFCWASTETERMINAL"};

    static Revision importFile(Path file, List<ImportResult> out) throws Exception {
        ImportResult result;
        try (InputStream in = Files.newInputStream(file)) {
            result = new IfcBuildingImporter().read(in, ImportOptions.of(file.getFileName().toString()));
        }
        if (out != null) {
            out.add(result);
        }
        return Revision.EMPTY.apply(result.content());
    }

    @TestFactory
    Stream<DynamicTest> everyFileImportsWithTheIndependentCounts() throws Exception {
        return SharedData.ifcFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> checkFile(file)));
    }

    private void checkFile(Path file) throws Exception {
        List<ImportResult> results = new ArrayList<>();
        Revision revision = importFile(file, results);
        IfcLineScanner scan = new IfcLineScanner(file);
        StringBuilder table = new StringBuilder(file.getFileName() + ":");
        compare(table, "storeys", scan.count("IFCBUILDINGSTOREY"), revision,
                o -> o.type() == ObjectType.FLOOR && o.kind().equals("floor"));
        compare(table, "spaces", scan.count("IFCSPACE"), revision, o -> o.type() == ObjectType.SPACE);
        compare(table, "zones", scan.count("IFCZONE"), revision, o -> o.type() == ObjectType.ZONE);
        compare(table, "walls", scan.count("IFCWALL", "IFCWALLSTANDARDCASE"), revision,
                kind("ifcwall", "ifcwallstandardcase"));
        compare(table, "slabs", scan.count("IFCSLAB"), revision, kind("ifcslab"));
        compare(table, "doors", scan.count("IFCDOOR"), revision, kind("ifcdoor"));
        compare(table, "windows", scan.count("IFCWINDOW"), revision, kind("ifcwindow"));
        compare(table, "terminals", scan.count(TERMINALS), revision, kind(lower(TERMINALS)));
        compare(table, "beams", scan.count("IFCBEAM"), revision, kind("ifcbeam"));
        compare(table, "columns", scan.count("IFCCOLUMN"), revision, kind("ifccolumn"));
        compare(table, "furnishing", scan.count("IFCFURNISHINGELEMENT", "IFCFURNITURE"), revision,
                kind("ifcfurnishingelement", "ifcfurniture"));
        compare(table, "systems", scan.count("IFCSYSTEM", "IFCDISTRIBUTIONSYSTEM", "IFCBUILDINGSYSTEM"), revision,
                o -> o.type() == ObjectType.SYSTEM);
        table.append(" | objects ").append(revision.objectCount()).append(", connections ")
                .append(revision.connectionCount());
        System.out.println(table);

        // spaces land on the storey the file puts them on
        for (long space : scan.ofType("IFCSPACE")) {
            String storey = scan.storeyOf(space);
            BuildingObject imported = revision.get(scan.globalIds.get(space).replace('$', '-'));
            BuildingObject floor = floorOf(revision, imported);
            if (storey == null) {
                assertEquals("site", floor.kind(), "space #" + space + " is on no storey in the file");
            } else {
                assertEquals(storey.replace('$', '-'), floor.id(), "storey of space #" + space);
            }
        }
        Map<String, Integer> mapped = results.get(0).report().mapped();
        assertFalse(mapped.isEmpty());
        for (BuildingObject space : revision.objects().filter(o -> o.type() == ObjectType.SPACE).toList()) {
            checkArea(file, space);
        }
    }

    private static void checkArea(Path file, BuildingObject space) {
        Optional<Double> net = quantity(space, ".NetFloorArea");
        Optional<Double> gross = quantity(space, ".GrossFloorArea");
        if (net.isEmpty() && gross.isEmpty()) {
            return;
        }
        assertNotNull(space.footprint(), "space " + space.id() + " has a floor area quantity but no footprint");
        double area = area(space.footprint());
        boolean close = net.map(a -> Math.abs(area - a) <= 0.02 * a).orElse(false)
                || gross.map(a -> Math.abs(area - a) <= 0.02 * a).orElse(false);
        System.out.printf("  area %s %s (%s): footprint %.3f m2 (%s), net %s, gross %s%n", file.getFileName(),
                space.id(), space.name(), area, space.footprint() instanceof Polygon ? "polygon" : "bounds",
                net.orElse(null), gross.orElse(null));
        assertTrue(close, "space " + space.id() + " footprint area " + area + " vs net " + net + " gross " + gross);
    }

    static double area(Footprint f) {
        if (f instanceof Polygon p) {
            double twice = 0;
            for (int i = 0; i < p.vertexCount(); i++) {
                int j = (i + 1) % p.vertexCount();
                twice += (double) p.x(i) * p.y(j) - (double) p.x(j) * p.y(i);
            }
            return Math.abs(twice) / 2;
        }
        return f.bounds().area();
    }

    private static Optional<Double> quantity(BuildingObject o, String suffix) {
        for (Map.Entry<String, PropertyValue> e : o.properties().asMap().entrySet()) {
            if (e.getKey().endsWith(suffix) && e.getValue() instanceof PropertyValue.Number n) {
                return Optional.of(n.value());
            }
        }
        return Optional.empty();
    }

    static BuildingObject floorOf(Revision revision, BuildingObject o) {
        BuildingObject current = o;
        while (current.type() != ObjectType.FLOOR) {
            current = revision.get(current.parentId());
        }
        return current;
    }

    private static void compare(StringBuilder table, String what, int expected, Revision revision,
            Predicate<BuildingObject> filter) {
        long imported = revision.objects().filter(filter).count();
        table.append(' ').append(what).append(' ').append(expected).append('/').append(imported);
        assertEquals(expected, imported, what);
    }

    private static Predicate<BuildingObject> kind(String... kinds) {
        List<String> list = List.of(kinds);
        return o -> o.type() == ObjectType.COMPONENT && list.contains(o.kind());
    }

    private static String[] lower(String[] types) {
        return Stream.of(types).map(String::toLowerCase).toArray(String[]::new);
    }

    @Test
    void hvacGivesAnExhaustSystemWithItsDuctAndTerminals() throws Exception {
        Revision revision = importFile(SharedData.ifcFolder().resolve("Building-Hvac.ifc"), null);
        List<BuildingObject> systems = revision.objects().filter(o -> o.type() == ObjectType.SYSTEM).toList();
        assertEquals(1, systems.size());
        BuildingObject system = systems.get(0);
        assertEquals("mechanical", system.kind());
        List<String> kinds = revision.children(system.id()).stream().map(BuildingObject::kind).sorted().toList();
        assertEquals(List.of("ifcairterminal", "ifcairterminal", "ifcductsegment"), kinds);
        for (BuildingObject member : revision.children(system.id())) {
            assertTrue(member.properties().contains("containedIn"), member.id());
            assertNotNull(member.footprint(), member.id());
        }
        // The file has no ports (no IfcDistributionPort, no IfcRelConnectsPorts): port connections are checked on a
        // hand-made file in IfcMappingTest.
        List<Connection> connections = revision.connections().toList();
        assertEquals(0, connections.size());
    }
}
