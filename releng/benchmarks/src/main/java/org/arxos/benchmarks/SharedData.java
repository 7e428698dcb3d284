package org.arxos.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The real files in {@code shared/data}: from the {@code arxos.shared.dir} system property, or else the
 * {@code shared} folder found from the working directory upwards.
 */
final class SharedData {

    private SharedData() {
    }

    /** The files of {@code data/<folder>} whose names end with {@code .<extension>}, sorted by name. */
    static List<Path> files(String folder, String extension) throws IOException {
        Path dir = folder(folder);
        String suffix = "." + extension;
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suffix)).sorted()
                    .toList();
        }
    }

    private static Path folder(String folder) {
        String configured = System.getProperty("arxos.shared.dir");
        if (configured != null) {
            Path dir = Path.of(configured, "data", folder);
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("arxos.shared.dir is " + configured + ", which has no data/" + folder);
            }
            return dir;
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path dir = p.resolve("shared").resolve("data").resolve(folder);
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("no shared/data/" + folder + " folder above " + Path.of("").toAbsolutePath()
                + ": set arxos.shared.dir");
    }
}
