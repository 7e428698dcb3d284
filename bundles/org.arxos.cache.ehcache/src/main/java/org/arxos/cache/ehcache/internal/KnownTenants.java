package org.arxos.cache.ehcache.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The tenants that have a partition in a disk tier's directory, one per line, so a restarted tier reopens them all
 * (Ehcache cannot list the caches it persisted).
 */
final class KnownTenants {

    private final Path file;

    KnownTenants(Path file) {
        this.file = file;
    }

    List<String> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(line -> !line.isEmpty()).distinct().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tenants of the disk cache from " + file, e);
        }
    }

    void add(String tenant) throws IOException {
        Files.writeString(file, tenant + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
