package org.arxos.grouping.spatial.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.arxos.api.io.BuildingImporter;
import org.arxos.api.io.ImportOptions;
import org.arxos.grouping.GroupTree;
import org.arxos.io.ifc.internal.IfcBuildingImporter;
import org.arxos.model.Revision;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every IFC file of the shared data, imported, grouped spatially: every object once, clusters of bounded fan-out and depth.
 * The files are read from {@code arxos.shared.dir} (Surefire passes it) and the test fails, never skips, without them.
 */
class SpatialIfcFilesTest {

    private static final int FAN_OUT = 4;

    @TestFactory
    Stream<DynamicTest> everySharedIfcFileGroupsEveryObjectOnce() throws Exception {
        return ifcFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Revision revision = importFile(file);
            GroupTree tree = new SpatialGroupingStrategy(FAN_OUT).group(revision);

            TreeChecks.assertEveryObjectOnce(tree, revision);
            TreeChecks.assertBoundedClusters(tree, FAN_OUT);
        }));
    }

    private static Revision importFile(Path file) throws Exception {
        BuildingImporter importer = new IfcBuildingImporter();
        try (InputStream in = Files.newInputStream(file)) {
            return Revision.EMPTY.apply(importer.read(in, ImportOptions.of(file.getFileName().toString())).content());
        }
    }

    private static List<Path> ifcFiles() throws Exception {
        Path folder = ifcFolder();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> list = files.filter(f -> f.getFileName().toString().toLowerCase().endsWith(".ifc")).sorted()
                    .toList();
            assertTrue(!list.isEmpty(), "no IFC files in " + folder);
            return list;
        }
    }

    /** {@code <arxos.shared.dir>/data/ifc}, or {@code shared/data/ifc} beside a folder above this module. */
    private static Path ifcFolder() {
        String configured = System.getProperty("arxos.shared.dir");
        if (configured != null && Files.isDirectory(Path.of(configured, "data", "ifc"))) {
            return Path.of(configured, "data", "ifc");
        }
        // built with -f on this module, Maven's multi-module directory is the module itself: look upwards
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("data").resolve("ifc");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("the shared IFC files are missing: set arxos.shared.dir (was " + configured + ")");
    }
}
