package org.arxos.io.ifc.internal.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.io.ifc.internal.step.StepEntity;
import org.arxos.io.ifc.internal.step.StepFile;
import org.arxos.io.ifc.internal.step.StepReader;
import org.arxos.io.ifc.internal.step.StepTyped;
import org.arxos.model.BuildingObject;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.arxos.model.geometry.ElevationRange;
import org.arxos.model.geometry.Footprint;
import org.arxos.model.geometry.Polygon;
import org.arxos.model.geometry.Polyline;
import org.junit.jupiter.api.Test;

class IfcBuildingExporterTest {

    static Revision smallBuilding() throws Exception {
        ElevationRange storey = new ElevationRange(3.2f, 6.4f);
        Properties light = Properties.of(Map.of("power", new PropertyValue.Number(60.5, "W"),
                "emergency", new PropertyValue.Flag(true), "model", new PropertyValue.Text("L\u00e4uchte 'X' \\ 7"),
                "count", new PropertyValue.Number(3)));
        List<BuildingObject> objects = List.of(
                new BuildingObject("b", ObjectType.BUILDING, "building", null, "HQ", null,
                        new ElevationRange(0, 6.4f), Properties.EMPTY),
                new BuildingObject("f1", ObjectType.FLOOR, "floor", "b", "Level 1", new Bounds(0, 0, 30.5f, 20),
                        storey, Properties.EMPTY),
                new BuildingObject("z1", ObjectType.ZONE, "zone", "f1", "Zone A", new Bounds(0, 0, 15, 20), storey,
                        Properties.EMPTY),
                new BuildingObject("s1", ObjectType.SPACE, "office", "z1", "Office 1",
                        new Polygon(0.1f, 0.1f, 5, 0.1f, 5, 4.3f, 0.1f, 6), new ElevationRange(3.2f, 5.9f),
                        Properties.of("area", new PropertyValue.Number(24.6, "m2"))),
                new BuildingObject("s2", ObjectType.SPACE, "corridor", "f1", null, new Bounds(15, 0, 17, 20),
                        storey, Properties.EMPTY),
                new BuildingObject("w1", ObjectType.COMPONENT, "ifcwall", "s1", "Wall", new Bounds(0, 0, 5, 0.1f),
                        storey, Properties.EMPTY),
                new BuildingObject("d1", ObjectType.COMPONENT, "ifcdoor", "f1", "Door", new Bounds(5, 1, 5.1f, 2),
                        new ElevationRange(3.2f, 5.3f), Properties.EMPTY),
                new BuildingObject("e", ObjectType.SYSTEM, "electrical", "b", "Power", null, null, Properties.EMPTY),
                new BuildingObject("m", ObjectType.SYSTEM, "mechanical", "z1", null, null, null, Properties.EMPTY),
                new BuildingObject("st", ObjectType.SYSTEM, "structural", "b", null, null, null, Properties.EMPTY),
                new BuildingObject("l1", ObjectType.COMPONENT, "light-fixture", "e", "Light",
                        new Bounds(2, 2, 2.6f, 2.6f), new ElevationRange(5.9f, 6.0f), light),
                new BuildingObject("l2", ObjectType.COMPONENT, "light-fixture", "e", null,
                        new Bounds(4, 2, 4.6f, 2.6f), new ElevationRange(5.9f, 6.0f), light),
                new BuildingObject("p1", ObjectType.COMPONENT, "duct", "m", null,
                        new Polyline(1, 1, 10, 1, 10, 8), new ElevationRange(6.0f, 6.2f), Properties.EMPTY),
                new BuildingObject("t1", ObjectType.COMPONENT, "thermostat", "m", null, new Bounds(3, 3, 3, 3),
                        null, Properties.EMPTY));
        List<Connection> connections = List.of(new Connection("c1", "l1", "l2", "power",
                Properties.of("circuit", new PropertyValue.Text("C-3"))));
        return Revision.restore(1, objects.stream(), connections.stream());
    }

    @Test
    void exportsASmallBuildingAsIfc4() throws Exception {
        Revision revision = smallBuilding();
        StepFile f = exportAndRead(revision);
        assertEquals(List.of("IFC4"), f.header().schemas());
        f.validate();
        for (String type : List.of("IFCPROJECT", "IFCSITE", "IFCBUILDING", "IFCBUILDINGSTOREY", "IFCZONE",
                "IFCWALL", "IFCDOOR", "IFCSYSTEM", "IFCUNITASSIGNMENT", "IFCRELCONNECTSELEMENTS")) {
            assertEquals(1, f.entitiesOfType(type).size(), type);
        }
        assertEquals(2, f.entitiesOfType("IFCSPACE").size());
        assertEquals(2, f.entitiesOfType("IFCDISTRIBUTIONSYSTEM").size());
        assertEquals(4, f.entitiesOfType("IFCBUILDINGELEMENTPROXY").size());
        assertEquals(1, f.entitiesOfType("IFCRELSERVICESBUILDINGS").size() - 1); // e and st serve the building

        StepEntity storey = f.entitiesOfType("IFCBUILDINGSTOREY").get(0);
        assertEquals(3.2f, (float) storey.real(9));
        StepEntity length = f.entitiesOfType("IFCSIUNIT").stream()
                .filter(u -> "LENGTHUNIT".equals(enumName(u, 1))).findFirst().orElseThrow();
        assertEquals("METRE", length.enumName(3));

        Map<String, StepEntity> byArxosId = checkObjects(f, revision);
        assertEquals("s1", containerOf(f, byArxosId.get("w1")));
        assertEquals("f1", containerOf(f, byArxosId.get("d1")));
        assertEquals("b", containerOf(f, byArxosId.get("l1")));

        // properties, with the unit of a number as its IfcContextDependentUnit
        Map<String, StepEntity> lightProps = propertySet(f, byArxosId.get("l1"), "Pset_Arxos");
        assertEquals(new StepTyped("IFCREAL", List.of(60.5)), lightProps.get("power").arg(2));
        assertEquals("W", f.resolve(lightProps.get("power"), 3).string(2));
        assertTrue(lightProps.get("count").isNull(3));
        assertEquals("T", lightProps.get("emergency").enumName(2));
        assertEquals("L\u00e4uchte 'X' \\ 7", lightProps.get("model").string(2));
        assertEquals(propertySet(f, byArxosId.get("l2"), "Pset_Arxos"), lightProps); // written once, shared

        // geometry IFC cannot carry stays in Pset_ArxosObject
        Map<String, StepEntity> zone = propertySet(f, byArxosId.get("z1"), "Pset_ArxosObject");
        assertEquals("bounds 0.0 0.0 15.0 20.0", zone.get("Footprint").string(2));
        assertEquals(3.2f, (float) zone.get("ElevationBottom").real(2));
        assertEquals("f1", zone.get("Parent").string(2));
        assertEquals("zone", zone.get("Type").string(2));

        StepEntity connection = f.entitiesOfType("IFCRELCONNECTSELEMENTS").get(0);
        assertEquals("c1", connection.string(2));
        assertEquals("power", connection.string(3));
        assertEquals(byArxosId.get("l1").id(), connection.ref(5));
        assertEquals(byArxosId.get("l2").id(), connection.ref(6));
    }

    @Test
    void exportIsDeterministic() throws Exception {
        assertArrayEquals(export(smallBuilding()), export(smallBuilding()));
    }

    @Test
    void globalIdsAre22IfcBase64Characters() {
        GlobalIds ids = new GlobalIds();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ids.of("object-" + i);
            assertEquals(22, id.length());
            assertTrue(id.charAt(0) <= '3', id);
            assertTrue(id.matches("[0-9A-Za-z_$]{22}"), id);
            assertTrue(seen.add(id));
        }
        assertEquals("0000000000000000000000", GlobalIds.encode(0, 0));
        assertEquals("3$$$$$$$$$$$$$$$$$$$$$", GlobalIds.encode(-1, -1));
        assertEquals("0000000000000000000001", GlobalIds.encode(0, 1));
        assertEquals("1000000000000000000000", GlobalIds.encode(1L << 62, 0));
    }

    @Test
    void exportsAGenerated10000ObjectBuilding() throws Exception {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(11, 10_000));
        StepFile f = exportAndRead(revision);
        f.validate();
        Map<ObjectType, Integer> byType = new HashMap<>();
        Map<String, Integer> proxies = new HashMap<>();
        revision.objects().forEach(o -> byType.merge(o.type(), 1, Integer::sum));
        assertEquals(byType.get(ObjectType.FLOOR), f.entitiesOfType("IFCBUILDINGSTOREY").size());
        assertEquals(byType.get(ObjectType.SPACE), f.entitiesOfType("IFCSPACE").size());
        assertEquals(byType.get(ObjectType.ZONE), f.entitiesOfType("IFCZONE").size());
        assertEquals(byType.get(ObjectType.SYSTEM).intValue(), f.entitiesOfType("IFCSYSTEM").size()
                + f.entitiesOfType("IFCDISTRIBUTIONSYSTEM").size());
        assertEquals(byType.get(ObjectType.COMPONENT), f.entitiesOfType("IFCBUILDINGELEMENTPROXY").size());
        assertEquals(revision.connectionCount(), f.entitiesOfType("IFCRELCONNECTSELEMENTS").size());
        checkObjects(f, revision);
        assertTrue(proxies.isEmpty());
    }

    // ------------------------------------------------------------------ checks

    /**
     * Every object has exactly one Pset_ArxosObject with its id, kind and parent, and its placement and profile (or
     * the Footprint it keeps) agree with its footprint and elevation. Returns the IFC entity of each Arxos id.
     */
    static Map<String, StepEntity> checkObjects(StepFile f, Revision revision) throws IOException {
        Map<String, StepEntity> byArxosId = new HashMap<>();
        for (StepEntity rel : f.entitiesOfType("IFCRELDEFINESBYPROPERTIES")) {
            StepEntity pset = f.resolve(rel, 5);
            if (!pset.string(2).equals("Pset_ArxosObject")) {
                continue;
            }
            long[] related = rel.refs(4);
            assertEquals(1, related.length);
            String id = properties(f, pset).get("Id").string(2);
            assertTrue(byArxosId.put(id, f.entity(related[0])) == null, "one Pset_ArxosObject per object: " + id);
        }
        assertEquals(revision.objectCount(), byArxosId.size());
        List<String> problems = new ArrayList<>();
        for (BuildingObject o : (Iterable<BuildingObject>) revision.objects()::iterator) {
            StepEntity e = byArxosId.get(o.id());
            assertNotNull(e, o.id());
            Map<String, StepEntity> pset = propertySet(f, e, "Pset_ArxosObject");
            assertEquals(o.kind(), pset.get("Kind").string(2));
            assertEquals(o.type().id(), pset.get("Type").string(2));
            assertEquals(o.parentId(), pset.containsKey("Parent") ? pset.get("Parent").string(2) : null);
            String type = e.type();
            switch (o.type()) {
                case BUILDING -> assertEquals("IFCBUILDING", type);
                case FLOOR -> assertEquals("IFCBUILDINGSTOREY", type);
                case ZONE -> assertEquals("IFCZONE", type);
                case SPACE -> assertEquals("IFCSPACE", type);
                case SYSTEM -> assertTrue(type.equals("IFCSYSTEM") || type.equals("IFCDISTRIBUTIONSYSTEM"));
                case COMPONENT -> assertEquals(o.kind().startsWith("ifc") ? o.kind().toUpperCase(Locale.ROOT)
                        : "IFCBUILDINGELEMENTPROXY", type);
            }
            Geometry g = geometry(f, e);
            if (g == null) {
                if (o.footprint() != null) {
                    assertEquals(Ifc4Document.footprintText(o.footprint()), pset.get("Footprint").string(2));
                }
                if (o.elevation() != null) {
                    assertEquals(o.elevation().bottom(), (float) pset.get("ElevationBottom").real(2));
                    assertEquals(o.elevation().top(), (float) pset.get("ElevationTop").real(2));
                }
                continue;
            }
            if (!sameFootprint(o.footprint(), g.footprint)) {
                problems.add(o.id() + ": footprint " + o.footprint() + " but IFC gives " + g.footprint);
            }
            if (g.depth > 0) {
                assertEquals(o.elevation().bottom(), g.z, 1e-6, o.id());
                assertEquals(o.elevation().top(), g.z + g.depth, 1e-6, o.id());
            } else if (o.elevation() != null) {
                assertEquals(o.elevation().bottom(), g.z, 1e-6, o.id());
            }
        }
        assertEquals(List.of(), problems);
        return byArxosId;
    }

    record Geometry(Footprint footprint, double z, double depth) {
    }

    /** Resolves placement chain z, and the profile or axis curve of a product, without the mapping code. */
    static Geometry geometry(StepFile f, StepEntity product) throws IOException {
        if (Set.of("IFCZONE", "IFCSYSTEM", "IFCDISTRIBUTIONSYSTEM").contains(product.type()) || product.isNull(6)) {
            return null;
        }
        double z = 0;
        for (StepEntity lp = f.resolve(product, 5); lp != null; lp = lp.isNull(0) ? null : f.resolve(lp, 0)) {
            StepEntity axis = f.resolve(lp, 1);
            z += f.resolve(axis, 0).reals(0)[2];
        }
        StepEntity shape = f.entity(f.resolve(product, 6).refs(2)[0]);
        StepEntity item = f.entity(shape.refs(3)[0]);
        if (item.type().equals("IFCPOLYLINE")) {
            return new Geometry(new Polyline(coordinates(f, item)), z, 0);
        }
        assertEquals("IFCEXTRUDEDAREASOLID", item.type());
        StepEntity profile = f.resolve(item, 0);
        Footprint footprint;
        if (profile.type().equals("IFCRECTANGLEPROFILEDEF")) {
            double[] c = f.resolve(f.resolve(profile, 2), 0).reals(0);
            double w = profile.real(3);
            double d = profile.real(4);
            footprint = new Bounds((float) (c[0] - w / 2), (float) (c[1] - d / 2), (float) (c[0] + w / 2),
                    (float) (c[1] + d / 2));
        } else {
            float[] closed = coordinates(f, f.resolve(profile, 2));
            footprint = new Polygon(java.util.Arrays.copyOf(closed, closed.length - 2));
        }
        return new Geometry(footprint, z + f.resolve(f.resolve(item, 1), 0).reals(0)[2], item.real(3));
    }

    static boolean sameFootprint(Footprint a, Footprint b) {
        if (a instanceof Bounds x && b instanceof Bounds y) {
            return Math.abs(x.minX() - y.minX()) <= 1e-6 && Math.abs(x.minY() - y.minY()) <= 1e-6
                    && Math.abs(x.maxX() - y.maxX()) <= 1e-6 && Math.abs(x.maxY() - y.maxY()) <= 1e-6;
        }
        return a.equals(b);
    }

    static float[] coordinates(StepFile f, StepEntity polyline) throws IOException {
        long[] points = polyline.refs(0);
        float[] xy = new float[points.length * 2];
        for (int i = 0; i < points.length; i++) {
            double[] p = f.resolve(polyline, 0, points[i]).reals(0);
            xy[2 * i] = (float) p[0];
            xy[2 * i + 1] = (float) p[1];
        }
        return xy;
    }

    static Map<String, StepEntity> propertySet(StepFile f, StepEntity object, String name) throws IOException {
        for (StepEntity rel : f.entitiesOfType("IFCRELDEFINESBYPROPERTIES")) {
            for (long related : rel.refs(4)) {
                if (related == object.id() && f.resolve(rel, 5).string(2).equals(name)) {
                    return properties(f, f.resolve(rel, 5));
                }
            }
        }
        throw new AssertionError("#" + object.id() + " has no " + name);
    }

    static Map<String, StepEntity> properties(StepFile f, StepEntity pset) throws IOException {
        Map<String, StepEntity> map = new HashMap<>();
        for (long p : pset.refs(4)) {
            StepEntity value = f.resolve(pset, 4, p);
            map.put(value.string(0), value);
        }
        return map;
    }

    static String containerOf(StepFile f, StepEntity element) throws IOException {
        for (StepEntity rel : f.entitiesOfType("IFCRELCONTAINEDINSPATIALSTRUCTURE")) {
            if (Stream.of(rel.refs(4)).flatMapToLong(java.util.Arrays::stream).anyMatch(id -> id == element.id())) {
                return propertySet(f, f.resolve(rel, 5), "Pset_ArxosObject").get("Id").string(2);
            }
        }
        return null;
    }

    static String enumName(StepEntity e, int i) {
        try {
            return e.enumName(i);
        } catch (IOException x) {
            return null;
        }
    }

    static byte[] export(Revision revision) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new IfcBuildingExporter().write(revision, out);
        return out.toByteArray();
    }

    static StepFile exportAndRead(Revision revision) throws IOException {
        return StepReader.read(new ByteArrayInputStream(export(revision)), "export.ifc");
    }
}
