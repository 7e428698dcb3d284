package org.arxos.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

import org.arxos.api.io.BuildingImporter;
import org.arxos.api.io.ImportOptions;
import org.arxos.api.io.ImportResult;
import org.arxos.api.io.UnsupportedFormatException;
import org.junit.jupiter.api.Test;

class ImporterChoiceTest {

    record FakeImporter(Set<String> mediaTypes, Set<String> extensions) implements BuildingImporter {
        @Override
        public ImportResult read(InputStream in, ImportOptions options) {
            throw new UnsupportedOperationException();
        }
    }

    private final BuildingImporter ifc = new FakeImporter(Set.of("application/x-step"), Set.of("ifc"));
    private final BuildingImporter json = new FakeImporter(
            Set.of("application/json", "application/vnd.arxos.building+json"), Set.of("JSON"));
    private final BuildingImporter otherIfc = new FakeImporter(Set.of("application/x-step"), Set.of("ifc"));
    private final List<BuildingImporter> importers = List.of(ifc, json, otherIfc);

    @Test
    void byMediaTypeIgnoringParametersAndCase() throws Exception {
        assertSame(ifc, ImporterChoice.choose(importers, "Application/X-STEP; charset=utf-8", null));
        assertSame(json, ImporterChoice.choose(importers, "application/json", "plan.ifc"));
    }

    @Test
    void byExtensionWhenTheMediaTypeSaysNothingOrIsUnknown() throws Exception {
        assertSame(ifc, ImporterChoice.choose(importers, null, "Model.IFC"));
        assertSame(ifc, ImporterChoice.choose(importers, "application/octet-stream", "dir/model.ifc"));
        assertSame(ifc, ImporterChoice.choose(importers, "application/x-www-form-urlencoded", "model.ifc"));
        assertSame(json, ImporterChoice.choose(importers, "text/plain", "C:\\plans\\b.json"));
    }

    @Test
    void theFirstListedWinsSoTheServingImporterComesFirst() throws Exception {
        assertSame(otherIfc, ImporterChoice.choose(List.of(otherIfc, ifc), null, "a.ifc"));
    }

    @Test
    void noneFitsListsWhatIsRead() {
        UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class,
                () -> ImporterChoice.choose(importers, "image/png", "plan.png"));
        assertEquals("no importer reads media type 'image/png' or extension 'png'", e.problem());
        assertEquals("plan.png: no importer reads media type 'image/png' or extension 'png'; the running importers "
                + "read the extensions ifc, json and the media types application/json, "
                + "application/vnd.arxos.building+json, application/x-step", e.getMessage());
        assertEquals(Set.of("ifc", "json"), e.acceptedExtensions());
        assertEquals(List.of("application/json", "application/vnd.arxos.building+json", "application/x-step"),
                List.copyOf(e.acceptedMediaTypes()));
        assertEquals("no importer reads a file without media type and the file name has no extension",
                assertThrows(UnsupportedFormatException.class, () -> ImporterChoice.choose(importers, null, null))
                        .problem());
        assertTrue(assertThrows(UnsupportedFormatException.class,
                () -> ImporterChoice.choose(importers, "multipart/form-data; boundary=x", "a.ifc")).problem()
                .contains("not wrapped in multipart/form-data"));
        assertTrue(assertThrows(UnsupportedFormatException.class,
                () -> ImporterChoice.choose(List.of(), null, "a.ifc")).problem().endsWith("(no importer is running)"));
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
