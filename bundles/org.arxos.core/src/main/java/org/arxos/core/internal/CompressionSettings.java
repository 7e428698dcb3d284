package org.arxos.core.internal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the compression service holds content, read once per configuration change.
 *
 * @param memoryBytes    content and compressor output up to this size are held in memory, larger in a temporary file
 * @param spoolDirectory where those temporary files are made
 */
public record CompressionSettings(int memoryBytes, Path spoolDirectory) {

    static final int DEFAULT_MEMORY_BYTES = 8 << 20;

    public CompressionSettings {
        memoryBytes = Math.max(0, memoryBytes);
        Objects.requireNonNull(spoolDirectory, "spoolDirectory");
    }

    /** 8 MiB in memory, beyond that in the system's temporary folder. */
    public static CompressionSettings defaults() {
        return new CompressionSettings(DEFAULT_MEMORY_BYTES, temporaryFolder());
    }

    static CompressionSettings of(CompressionConfiguration configuration) {
        String folder = configuration.spoolDirectory() == null ? "" : configuration.spoolDirectory().strip();
        return new CompressionSettings(configuration.memoryBytes(),
                folder.isEmpty() ? temporaryFolder() : ImportSettings.serverHome().resolve(folder));
    }

    private static Path temporaryFolder() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
