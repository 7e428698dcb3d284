package org.arxos.io.ifc.internal.step;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The IFC files of {@code ../shared/data/ifc}, and an independent count of their entities by plain line scanning. */
public final class SharedIfcFiles {

    private SharedIfcFiles() {
    }

    /**
     * The files, sorted by name. Fails (does not skip) when the folder is missing: Surefire passes
     * {@code arxos.shared.dir}, and a build without the data would silently test nothing.
     */
    public static List<Path> files() throws IOException {
        Path folder = folder();
        assertTrue(Files.isDirectory(folder), "the shared IFC data folder is missing: " + folder.toAbsolutePath());
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> list = files.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".ifc")).sorted()
                    .toList();
            assertTrue(!list.isEmpty(), "no .ifc files in " + folder);
            return list;
        }
    }

    private static Path folder() {
        String dir = System.getProperty("arxos.shared.dir");
        if (dir != null && Files.isDirectory(Path.of(dir, "data", "ifc"))) {
            return Path.of(dir, "data", "ifc");
        }
        // Built with -f on this module, Maven takes the module as the project root: look beside its ancestors.
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/data/ifc"))) {
                return p.resolve("shared/data/ifc");
            }
        }
        return Path.of(dir != null ? dir : "../shared", "data", "ifc");
    }

    /** Counts lines that start with {@code #N=TYPE(}, by type (upper case): no STEP parsing involved. */
    public static Map<String, Integer> countByLineScan(Path file) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                int paren = line.indexOf('(');
                if (eq < 0 || paren < eq) {
                    continue;
                }
                String type = line.substring(eq + 1, paren).trim().toUpperCase();
                if (!type.isEmpty()) {
                    counts.merge(type, 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
