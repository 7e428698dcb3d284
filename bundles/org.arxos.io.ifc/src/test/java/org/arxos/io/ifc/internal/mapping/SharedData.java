package org.arxos.io.ifc.internal.mapping;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The shared IFC files, from {@code arxos.shared.dir} (set by Surefire) or the {@code shared} folder beside the project. */
final class SharedData {

    private SharedData() {
    }

    static Path ifcFolder() {
        String configured = System.getProperty("arxos.shared.dir");
        if (configured != null && Files.isDirectory(Path.of(configured, "data", "ifc"))) {
            return Path.of(configured, "data", "ifc");
        }
        // Built with -f on this module, Maven's multi-module directory is the module itself: look upwards.
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("data").resolve("ifc");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return fail("the shared IFC files are missing: set arxos.shared.dir (was " + configured + ")");
    }

    static List<Path> ifcFiles() throws Exception {
        try (Stream<Path> files = Files.list(ifcFolder())) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".ifc")).sorted().toList();
            assertTrue(list.size() >= 6, "expected the six shared IFC files, found " + list);
            return list;
        }
    }
}
