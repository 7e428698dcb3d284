package org.arxos.io.svg.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;

import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.io.svg.SvgFloorPlans;
import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.junit.jupiter.api.Test;

class SvgBuildingExporterTest {

    private final SvgBuildingExporter exporter = new SvgBuildingExporter();
    private final Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(3, 1000));

    private BuildingObject first(ObjectType type) {
        return revision.objects().filter(o -> o.type() == type).findFirst().orElseThrow();
    }

    private byte[] export(String subtreeId) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.write(revision, subtreeId, out);
        return out.toByteArray();
    }

    @Test
    void theRootOrNoIdIsTheWholeBuilding() throws Exception {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        SvgFloorPlans.write(revision, whole);
        assertArrayEquals(whole.toByteArray(), export(null));
        assertArrayEquals(whole.toByteArray(), export(revision.root().orElseThrow().id()));
    }

    @Test
    void aFloorOrAZoneIsWrittenWithItsSubtree() throws Exception {
        for (ObjectType type : new ObjectType[] {ObjectType.FLOOR, ObjectType.ZONE}) {
            String id = first(type).id();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            SvgFloorPlans.write(revision, id, expected);
            byte[] written = export(id);
            assertArrayEquals(expected.toByteArray(), written);
            assertTrue(new String(written, StandardCharsets.UTF_8).contains("data-arxos-root=\"" + id + "\""));
        }
    }

    @Test
    void otherObjectsAreRefusedByIdAndTypeBeforeAnythingIsWritten() {
        BuildingObject space = first(ObjectType.SPACE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> exporter.write(revision, space.id(), out));
        assertEquals("the svg format exports a building, a floor or a zone, but '" + space.id() + "' is a space",
                refused.getMessage());
        assertEquals(0, out.size());
        assertThrows(NoSuchElementException.class, () -> exporter.write(revision, "nothing", out));
        assertEquals(0, out.size());
    }
}
