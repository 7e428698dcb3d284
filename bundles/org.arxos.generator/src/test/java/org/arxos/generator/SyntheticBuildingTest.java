package org.arxos.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.Connection;
import org.arxos.model.Discipline;
import org.arxos.model.ObjectType;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SyntheticBuildingTest {

    @Test
    void sameSeedSameBuilding() {
        Revision a = SyntheticBuilding.generateRevision(GeneratorSettings.of(42, 5_000));
        Revision b = SyntheticBuilding.generateRevision(GeneratorSettings.of(42, 5_000));
        Revision c = SyntheticBuilding.generateRevision(GeneratorSettings.of(43, 5_000));
        assertEquals(a.contentHash(), b.contentHash());
        assertEquals(a.objects().toList(), b.objects().toList());
        assertNotEquals(a.contentHash(), c.contentHash());
        assertEquals(SyntheticBuilding.generate(GeneratorSettings.of(7, 300)).changes(),
                SyntheticBuilding.generate(GeneratorSettings.of(7, 300)).changes());
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 101, 250, 999, 10_000, 200_000})
    void countsWithinTwoPercent(int target) {
        Revision r = SyntheticBuilding.generateRevision(GeneratorSettings.of(target, target));
        int total = r.objectCount() + r.connectionCount();
        assertTrue(Math.abs(total - target) <= target * 0.02, "total " + total + " for target " + target);
        assertSane(r);
    }

    @Test
    void changeSetIsParentsFirstThenConnections() {
        ChangeSet cs = SyntheticBuilding.generate(GeneratorSettings.of(1, 2_000));
        Set<String> seen = new java.util.HashSet<>();
        boolean connecting = false;
        for (Change c : cs.changes()) {
            if (c instanceof Change.AddObject add) {
                assertFalse(connecting, "objects come before connections");
                BuildingObject o = add.object();
                assertTrue(o.parentId() == null || seen.contains(o.parentId()), o.id());
                seen.add(o.id());
            } else {
                connecting = true;
                Connection k = ((Change.Connect) c).connection();
                assertTrue(seen.contains(k.fromId()) && seen.contains(k.toId()), k.id());
            }
        }
    }

    @Test
    void settingsAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GeneratorSettings.of(1, 99));
        assertTrue(e.getMessage().contains("between 100 and 2000000"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GeneratorSettings.of(1, 2_000_001));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorSettings(1, 1000, "f1", null));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorSettings(1, 1000, "be", null));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorSettings(1, 1000, "a b", null));
        Revision r = SyntheticBuilding.generateRevision(new GeneratorSettings(1, 1000, "hq", "Head office"));
        assertEquals("hq", r.root().orElseThrow().id());
        assertEquals("Head office", r.root().orElseThrow().name());
    }

    /** Structure and proportions a realistic building has. */
    static void assertSane(Revision r) {
        BuildingObject building = r.root().orElseThrow();
        List<BuildingObject> floors = r.children(building.id()).stream()
                .filter(o -> o.type() == ObjectType.FLOOR).toList();
        assertTrue(floors.size() >= 1);
        int components = 0;
        Map<String, Integer> kinds = new HashMap<>();
        for (BuildingObject o : (Iterable<BuildingObject>) r.objects()::iterator) {
            kinds.merge(o.kind(), 1, Integer::sum);
            if (o.type() == ObjectType.COMPONENT) {
                components++;
                assertTrue(o.elevation() != null && o.footprint() != null, o.id());
            }
        }
        for (BuildingObject floor : floors) {
            List<BuildingObject> zones = r.children(floor.id());
            assertTrue(zones.size() >= 4 && zones.size() <= 12, floor.id() + " has " + zones.size() + " zones");
            Bounds plate = floor.footprint().bounds();
            List<Bounds> zoneBounds = new ArrayList<>();
            double zoneArea = 0;
            for (BuildingObject zone : zones) {
                assertEquals(ObjectType.ZONE, zone.type());
                Bounds zb = zone.footprint().bounds();
                assertTrue(plate.contains(zb), zone.id());
                zoneBounds.add(zb);
                zoneArea += zb.area();
                Set<Discipline> disciplines = EnumSet.noneOf(Discipline.class);
                List<Bounds> spaces = new ArrayList<>();
                double spaceArea = 0;
                for (BuildingObject child : r.children(zone.id())) {
                    if (child.type() == ObjectType.SYSTEM) {
                        disciplines.add(Discipline.of(child.kind()).orElseThrow());
                        for (BuildingObject component : r.children(child.id())) {
                            Bounds cb = component.footprint().bounds();
                            assertTrue(zb.contains(cb), component.id() + " " + cb + " outside " + zone.id() + " " + zb);
                            assertTrue(floor.elevation().bottom() <= component.elevation().bottom()
                                    && component.elevation().top() <= floor.elevation().top(), component.id());
                        }
                    } else if (child.type() == ObjectType.SPACE) {
                        Bounds sb = child.footprint().bounds();
                        assertTrue(zb.contains(sb), child.id());
                        assertTrue(child.properties().get("use").orElseThrow() instanceof PropertyValue.Text);
                        spaces.add(sb);
                        spaceArea += sb.area();
                    }
                }
                assertEquals(EnumSet.of(Discipline.ELECTRICAL, Discipline.MECHANICAL, Discipline.PLUMBING), disciplines,
                        zone.id());
                assertNoOverlap(spaces, zone.id());
                assertEquals(zb.area(), spaceArea, zb.area() * 1e-3, "spaces tile " + zone.id());
            }
            assertNoOverlap(zoneBounds, floor.id());
            assertEquals(plate.area(), zoneArea, plate.area() * 1e-3, "zones tile " + floor.id());
        }
        assertTrue(r.connectionCount() >= 0.3 * components, r.connectionCount() + " connections, " + components);
        assertTrue(kinds.containsKey("light-fixture") && kinds.containsKey("panel") && kinds.containsKey("duct-terminal")
                && kinds.containsKey("water-branch"), kinds.toString());
        if (r.objectCount() > 1_000) {
            assertTrue(kinds.containsKey("corridor") && kinds.containsKey("restroom") && kinds.containsKey("office")
                    && kinds.containsKey("stair"), kinds.toString());
            assertTrue(kinds.get("office") > kinds.get("restroom"), kinds.toString());
        }
        // distribution flows from sources: every connection into a light starts at a circuit, panels only feed
        for (Connection k : (Iterable<Connection>) r.connections()::iterator) {
            String fromKind = r.get(k.fromId()).kind();
            String toKind = r.get(k.toId()).kind();
            assertFalse(toKind.equals("panel") && !fromKind.equals("riser"), k.id());
            if (toKind.equals("light-fixture")) {
                assertEquals("circuit", fromKind, k.id());
                assertEquals("power", k.kind());
            }
            if (fromKind.equals("air-handler")) {
                assertEquals("vav-box", toKind);
            }
        }
        Map<String, Long> byKind = r.connections().collect(Collectors.groupingBy(Connection::kind, Collectors.counting()));
        assertEquals(Set.of("power", "air", "water"), byKind.keySet());
    }

    static void assertNoOverlap(List<Bounds> boxes, String where) {
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                Bounds a = boxes.get(i);
                Bounds b = boxes.get(j);
                double w = Math.min(a.maxX(), b.maxX()) - Math.max(a.minX(), b.minX());
                double h = Math.min(a.maxY(), b.maxY()) - Math.max(a.minY(), b.minY());
                assertFalse(w > 1e-3 && h > 1e-3, where + ": " + a + " overlaps " + b);
            }
        }
    }
}
