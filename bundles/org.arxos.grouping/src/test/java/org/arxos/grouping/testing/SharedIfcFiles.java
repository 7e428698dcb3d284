package org.arxos.grouping.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.arxos.api.io.ImportOptions;
import org.arxos.io.ifc.internal.IfcBuildingImporter;
import org.arxos.model.Revision;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared IFC files, from {@code arxos.shared.dir} (set by Surefire; then they must be there) or the
 * {@code shared} folder beside the project. Tests skip only when neither is set up, as on a user's machine.
 */
public final class SharedIfcFiles {

    private SharedIfcFiles() {
    }

    public static List<Path> all() throws Exception {
        try (Stream<Path> files = Files.list(folder())) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".ifc")).sorted().toList();
            assertTrue(list.size() >= 6, "expected the six shared IFC files, found " + list);
            return list;
        }
    }

    public static Path file(String name) throws Exception {
        return folder().resolve(name);
    }

    public static Revision read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return Revision.EMPTY.apply(new IfcBuildingImporter()
                    .read(in, ImportOptions.of(file.getFileName().toString())).content());
        }
    }

    private static Path folder() {
        String configured = System.getProperty("arxos.shared.dir");
        if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured))) {
            Path ifc = Path.of(configured, "data", "ifc");
            return Files.isDirectory(ifc) ? ifc : fail("arxos.shared.dir " + configured + " has no data/ifc");
        }
        // Built with -f on this module, Maven's multi-module directory is the module itself: look upwards.
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("data").resolve("ifc");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        Assumptions.abort("the shared IFC files are not here (arxos.shared.dir was " + configured + ")");
        return null;
    }
}
