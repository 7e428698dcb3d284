package org.arxos.compress.svg.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/** The SVG floor plans in the shared data folder ({@code arxos.shared.dir}, set by Surefire). */
final class SharedPlans {

    static final List<String> FILES = List.of("concordia-hall-floor9.svg", "hafloorplan-home.svg",
            "hafloorplan-multi_floor.svg");

    private SharedPlans() {
    }

    /** The folder; tests that need it are skipped only where it is absent (a user's machine), never in CI. */
    static Path folder() {
        String shared = System.getProperty("arxos.shared.dir", "../../../shared");
        Path dir = Path.of(shared, "data", "svg");
        Assumptions.assumeTrue(Files.isDirectory(dir), "no shared SVG folder at " + dir);
        return dir;
    }

    static byte[] read(String file) throws IOException {
        return Files.readAllBytes(folder().resolve(file));
    }

    static Stream<String> files() {
        return FILES.stream();
    }
}
