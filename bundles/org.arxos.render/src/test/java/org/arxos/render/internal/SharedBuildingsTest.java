package org.arxos.render.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.arxos.api.grouping.Hierarchy;
import org.arxos.api.io.ImportOptions;
import org.arxos.api.io.ImportResult;
import org.arxos.api.render.RenderRequest;
import org.arxos.api.render.RenderResult;
import org.arxos.io.ifc.internal.IfcBuildingImporter;
import org.arxos.io.svg.SvgFloorPlans;
import org.arxos.model.BuildingObject;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every floor of the shared IFC models and SVG plans ({@code arxos.shared.dir}, set by Surefire), drawn whole and in
 * part at several scales: the plans agree with brute force and the SVG is well-formed. Skipped only where the shared
 * folder is absent.
 */
class SharedBuildingsTest {

    @TestFactory
    Stream<DynamicTest> everyFloorOfTheSharedFilesDrawsAsBruteForceSays() throws Exception {
        Path data = sharedData();
        List<Path> files;
        try (Stream<Path> ifc = Files.list(data.resolve("ifc")); Stream<Path> svg = Files.list(data.resolve("svg"))) {
            files = Stream.concat(ifc, svg).filter(f -> f.toString().endsWith(".ifc") || f.toString().endsWith(".svg"))
                    .sorted().toList();
        }
        assertTrue(files.size() >= 9, "expected the six IFC and three SVG files, found " + files);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> checkFile(f)));
    }

    private static Path sharedData() {
        String dir = System.getProperty("arxos.shared.dir");
        Path data = dir == null ? null : Path.of(dir, "data");
        Assumptions.assumeTrue(data != null && Files.isDirectory(data), "no shared data folder at " + dir);
        return data;
    }

    private static void checkFile(Path file) throws Exception {
        Revision revision = Revision.EMPTY.apply(read(file).content());
        Hierarchy hierarchy = TestBuildings.containment(revision);
        SvgPngRenderer renderer = new SvgPngRenderer(Limits.DEFAULTS);
        int drawnFloors = 0;
        for (BuildingObject floor : TestBuildings.floors(revision)) {
            List<BuildingObject> objects = TestBuildings.floorObjects(revision, floor.id());
            FloorIndex index = FloorIndex.build(revision, floor);
            assertEquals(objects.size(), index.size(), floor.id());
            if (objects.isEmpty()) {
                continue;
            }
            drawnFloors++;
            Bounds extent = TestBuildings.extent(objects);
            double fit = 2_000 / Math.max(Math.max(extent.width(), extent.height()), 0.01);
            Bounds corner = new Bounds(extent.minX(), extent.minY(), extent.minX() + extent.width() / 3,
                    extent.minY() + extent.height() / 3);
            for (double scale : new double[] {fit / 20, fit / 4, fit}) {
                for (Bounds viewport : List.of(extent, corner)) {
                    for (int cap : new int[] {5_000, 25}) {
                        DrawingPlan plan = LevelOfDetail.plan(index, hierarchy, viewport, scale, 3, cap);
                        PlanCheck.check(plan, objects, hierarchy, 3, cap);
                    }
                    if (viewport.width() * scale >= 1 && viewport.height() * scale >= 1) {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        RenderResult result = renderer.render(revision, hierarchy,
                                new RenderRequest(floor.id(), viewport, scale, "svg", 5_000, 3), out);
                        SvgDocument svg = new SvgDocument(out.toByteArray());
                        assertEquals(result.elementCount(), svg.withClass("arxos-footprint").size());
                    }
                }
            }
        }
        assertTrue(drawnFloors > 0, file + " has no floor with anything to draw");
    }

    private static ImportResult read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            ImportOptions options = ImportOptions.of(file.getFileName().toString());
            return file.toString().endsWith(".ifc") ? new IfcBuildingImporter().read(in, options)
                    : SvgFloorPlans.read(in, options);
        }
    }
}
