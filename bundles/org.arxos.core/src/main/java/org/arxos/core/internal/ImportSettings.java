package org.arxos.core.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.arxos.api.io.ImportOptions;

/**
 * The configured import limits, read once per configuration change.
 *
 * @param spoolDirectory where background uploads wait as temporary files
 */
public record ImportSettings(long maxObjects, int concurrentImports, Duration keepFinished, int keepFinishedJobs,
        Duration progressInterval, Path spoolDirectory) {

    public ImportSettings {
        if (maxObjects < 1) {
            throw new IllegalArgumentException("maxObjects must be 1 or more but was " + maxObjects);
        }
        concurrentImports = Math.max(1, concurrentImports);
        keepFinishedJobs = Math.max(0, keepFinishedJobs);
    }

    /** The defaults, spooling under {@code spoolDirectory}. */
    public static ImportSettings defaults(Path spoolDirectory) {
        return new ImportSettings(ImportOptions.DEFAULT_MAX_OBJECTS, 1, Duration.ofHours(1), 100,
                Duration.ofSeconds(3), spoolDirectory);
    }

    static ImportSettings of(ImportsConfiguration config) {
        String spool = config.spoolDirectory() == null ? "" : config.spoolDirectory().strip();
        return new ImportSettings(config.maxObjects(), config.concurrentImports(),
                Duration.ofMinutes(Math.max(0, config.keepFinishedMinutes())), config.keepFinishedJobs(),
                Duration.ofMillis(Math.max(100, config.progressIntervalMillis())),
                spool.isEmpty() ? serverHome().resolve("data").resolve("imports") : serverHome().resolve(spool));
    }

    /** The server home ({@code arxos.home}, set by the launch script), else the working directory. */
    static Path serverHome() {
        String home = System.getProperty("arxos.home");
        return Path.of(home == null || home.isBlank() ? "" : home).toAbsolutePath();
    }
}
