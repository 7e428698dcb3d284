package org.arxos.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

import org.arxos.api.io.BuildingImporter;
import org.arxos.api.io.ImportOptions;
import org.arxos.api.io.ImportResult;
import org.junit.jupiter.api.Test;

class ImporterChoiceTest {

    record FakeImporter(Set<String> mediaTypes, Set<String> extensions) implements BuildingImporter {
        @Override
        public ImportResult read(InputStream in, ImportOptions options) {
            throw new UnsupportedOperationException();
        }
    }

    private final BuildingImporter ifc = new FakeImporter(Set.of("application/x-step"), Set.of("ifc"));
    private final BuildingImporter json = new FakeImporter(Set.of("application/json", "application/vnd.arxos.building+json"),
            Set.of("json"));
    private final List<BuildingImporter> importers = List.of(ifc, json);

    @Test
    void byMediaTypeIgnoringParametersAndCase() {
        assertSame(ifc, ImporterChoice.choose(importers, "Application/X-STEP; charset=utf-8", null));
        assertSame(json, ImporterChoice.choose(importers, "application/json", "plan.ifc"));
    }

    @Test
    void byExtensionWhenTheMediaTypeSaysNothingOrIsUnknown() {
        assertSame(ifc, ImporterChoice.choose(importers, null, "Model.IFC"));
        assertSame(ifc, ImporterChoice.choose(importers, "application/octet-stream", "dir/model.ifc"));
        assertSame(ifc, ImporterChoice.choose(importers, "application/x-www-form-urlencoded", "model.ifc"));
        assertSame(json, ImporterChoice.choose(importers, "text/plain", "b.json"));
    }

    @Test
    void noneFits() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> ImporterChoice.choose(importers, "image/png", "plan.png"));
        assertEquals(415, e.type().status());
        assertEquals("no importer reads media type 'image/png' or extension 'png'", e.getMessage());
        assertEquals(List.of("ifc", "json"), e.extensions().get("acceptedExtensions"));
        assertEquals(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                assertThrows(ProblemException.class, () -> ImporterChoice.choose(importers, null, null)).type());
        assertEquals(ProblemType.UNSUPPORTED_MEDIA_TYPE, assertThrows(ProblemException.class,
                () -> ImporterChoice.choose(importers, "multipart/form-data; boundary=x", "a.ifc")).type());
    }

    @Test
    void extensions() {
        assertEquals("ifc", ImporterChoice.extension("a.b.IFC"));
        assertNull(ImporterChoice.extension("noext"));
        assertNull(ImporterChoice.extension("dir.d/noext"));
        assertNull(ImporterChoice.extension("trailing."));
        assertNull(ImporterChoice.extension(null));
    }
}
