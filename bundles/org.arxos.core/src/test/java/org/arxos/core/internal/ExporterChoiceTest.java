package org.arxos.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.util.List;

import org.arxos.api.io.BuildingExporter;
import org.arxos.api.io.ExportFormatException;
import org.arxos.model.Revision;
import org.junit.jupiter.api.Test;

class ExporterChoiceTest {

    record FakeExporter(String mediaType, String extension) implements BuildingExporter {
        @Override
        public void write(Revision revision, OutputStream out) {
            throw new UnsupportedOperationException();
        }
    }

    private final BuildingExporter ifc = new FakeExporter("application/x-step", "ifc");
    private final BuildingExporter svg = new FakeExporter("image/svg+xml", "svg");
    private final BuildingExporter json = new FakeExporter("application/vnd.arxos.building+json", "json");
    private final BuildingExporter otherIfc = new FakeExporter("application/x-step", "IFC");
    /** The serving exporter first: ifc, as a ranking could make it. */
    private final List<BuildingExporter> exporters = List.of(ifc, svg, json, otherIfc);

    @Test
    void byExtensionOrMediaTypeIgnoringCaseDotsAndParameters() throws Exception {
        assertSame(ifc, ExporterChoice.choose(exporters, "IFC", null));
        assertSame(svg, ExporterChoice.choose(exporters, ".svg", "ignored.ifc"));
        assertSame(svg, ExporterChoice.choose(exporters, "Image/SVG+xml; charset=utf-8", null));
        assertSame(json, ExporterChoice.choose(exporters, "application/vnd.arxos.building+json", null));
    }

    @Test
    void byTheFileNameWithoutAFormatAndTheDefaultWithoutEither() throws Exception {
        assertSame(ifc, ExporterChoice.choose(exporters, null, "out/Model.IFC"));
        assertSame(svg, ExporterChoice.choose(exporters, " ", "C:\\plans\\f1.svg"));
        assertSame(json, ExporterChoice.choose(exporters, null, null));
    }

    @Test
    void theFirstListedWinsSoTheServingExporterComesFirst() throws Exception {
        assertSame(otherIfc, ExporterChoice.choose(List.of(otherIfc, ifc), "ifc", null));
    }

    @Test
    void noneFitsListsWhatIsWritten() {
        ExportFormatException e = assertThrows(ExportFormatException.class,
                () -> ExporterChoice.choose(exporters, "dwg", null));
        assertEquals("no exporter writes the format 'dwg'", e.problem());
        assertEquals("no exporter writes the format 'dwg'; the running exporters write ifc (application/x-step), "
                + "json (application/vnd.arxos.building+json), svg (image/svg+xml)", e.getMessage());
        assertEquals(List.of("ifc", "json", "svg"), e.availableExtensions());
        assertEquals(List.of("application/x-step", "application/vnd.arxos.building+json", "image/svg+xml"),
                e.availableMediaTypes());
        assertEquals("no exporter writes media type 'image/png'",
                assertThrows(ExportFormatException.class, () -> ExporterChoice.choose(exporters, "image/png", null))
                        .problem());
        assertEquals("the file name 'plan' has no extension to choose the format by",
                assertThrows(ExportFormatException.class, () -> ExporterChoice.choose(exporters, null, "plan"))
                        .problem());
        assertEquals("no exporter writes the format 'json' (no exporter is running)",
                assertThrows(ExportFormatException.class, () -> ExporterChoice.choose(List.of(), null, null))
                        .getMessage());
    }

    @Test
    void acceptPicksTheHighestQualityThenTheMostSpecificRange() throws Exception {
        assertSame(svg, ExporterChoice.negotiate(exporters, "image/svg+xml"));
        assertSame(ifc, ExporterChoice.negotiate(exporters, "image/svg+xml;q=0.5, application/x-step"));
        assertSame(svg, ExporterChoice.negotiate(exporters, "image/*;q=0.9, application/*;q=0.8"));
        // the most specific range decides a type's quality: x-step is refused, the rest of application/* is fine
        assertSame(json, ExporterChoice.negotiate(exporters, "application/x-step;q=0, application/*"));
        assertSame(ifc, ExporterChoice.negotiate(exporters, "application/x-step, application/*"));
    }

    @Test
    void wildcardsAndNoHeaderMeanTheDefaultFormat() throws Exception {
        assertSame(json, ExporterChoice.negotiate(exporters, null));
        assertSame(json, ExporterChoice.negotiate(exporters, ""));
        assertSame(json, ExporterChoice.negotiate(exporters, "*/*"));
        assertSame(json, ExporterChoice.negotiate(exporters, "*"));
        assertSame(json, ExporterChoice.negotiate(exporters, "application/*"));
        assertSame(json, ExporterChoice.negotiate(exporters,
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
    }

    @Test
    void applicationJsonAcceptsTheNativeJsonType() throws Exception {
        assertSame(json, ExporterChoice.negotiate(exporters, "application/json"));
        assertSame(json, ExporterChoice.negotiate(exporters, "Application/JSON; charset=utf-8"));
    }

    @Test
    void tiesGoToTheRangeListedFirst() throws Exception {
        assertSame(svg, ExporterChoice.negotiate(exporters, "image/svg+xml, application/x-step"));
        assertSame(ifc, ExporterChoice.negotiate(exporters, "application/x-step, image/svg+xml"));
    }

    @Test
    void anAcceptHeaderNoExporterFitsIsRefused() {
        ExportFormatException e = assertThrows(ExportFormatException.class,
                () -> ExporterChoice.negotiate(exporters, "text/html, image/png;q=0.5"));
        assertEquals("no exporter writes a media type the Accept header 'text/html, image/png;q=0.5' accepts",
                e.problem());
        assertEquals(List.of("ifc", "json", "svg"), e.availableExtensions());
        assertThrows(ExportFormatException.class, () -> ExporterChoice.negotiate(exporters, "image/svg+xml;q=0"));
        assertThrows(ExportFormatException.class, () -> ExporterChoice.negotiate(exporters, "*/*;q=0"));
        assertThrows(ExportFormatException.class, () -> ExporterChoice.negotiate(exporters, "garbage"));
    }
}
