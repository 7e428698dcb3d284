package org.arxos.core.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.arxos.api.health.Health;
import org.arxos.api.health.HealthContributor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Keeps {@code /health} from answering UP before the configuration files in the watched folders ({@code etc/}) are
 * configurations: Felix FileInstall polls those folders and hands each file to ConfigurationAdmin a moment after the
 * server has started, and a client that trusts an early UP would meet the defaults instead of the operator's settings.
 * A file still not applied after a grace period is reported DEGRADED instead (FileInstall could not read it; its log
 * says why), so that a broken file does not take a running server out of service.
 */
@Component(property = HealthContributor.NAME + "=configuration")
public final class ConfigurationFilesHealthContributor implements HealthContributor {

    static final String WATCHED_FOLDERS = "felix.fileinstall.dir";
    static final String SOURCE_FILE = "felix.fileinstall.filename";
    static final Duration GRACE = Duration.ofSeconds(30);

    private final List<Path> folders;
    private final ConfigurationAdmin configurations;
    private final Clock clock;
    private final Map<Path, Instant> pendingSince = new ConcurrentHashMap<>();

    @Activate
    public ConfigurationFilesHealthContributor(BundleContext context, @Reference ConfigurationAdmin configurations) {
        this(watchedFolders(context.getProperty(WATCHED_FOLDERS)), configurations, Clock.systemUTC());
    }

    ConfigurationFilesHealthContributor(List<Path> folders, ConfigurationAdmin configurations, Clock clock) {
        this.folders = List.copyOf(folders);
        this.configurations = configurations;
        this.clock = clock;
    }

    static List<Path> watchedFolders(String property) {
        if (property == null || property.isBlank()) {
            return List.of();
        }
        return Stream.of(property.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> Path.of(s).toAbsolutePath().normalize()).toList();
    }

    @Override
    public Health check() {
        List<Path> files = configurationFiles();
        Set<Path> applied = appliedFiles();
        Instant now = clock.instant();
        List<String> waiting = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        pendingSince.keySet().retainAll(files);
        for (Path file : files) {
            if (applied.contains(file)) {
                pendingSince.remove(file);
            } else if (Duration.between(pendingSince.computeIfAbsent(file, f -> now), now).compareTo(GRACE) < 0) {
                waiting.add(display(file));
            } else {
                unread.add(display(file));
            }
        }
        Map<String, Object> details = Map.of("files", files.size(), "applied", files.size() - waiting.size()
                - unread.size());
        if (!waiting.isEmpty()) {
            return new Health(Health.Status.DOWN, "configuration not applied yet: " + String.join(", ", waiting),
                    details);
        }
        if (!unread.isEmpty()) {
            return new Health(Health.Status.DEGRADED, "configuration files not applied after " + GRACE.toSeconds()
                    + " s (see the log for why FileInstall could not read them): " + String.join(", ", unread),
                    details);
        }
        return Health.up(details);
    }

    private List<Path> configurationFiles() {
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> entries = Files.list(folder)) {
                entries.filter(ConfigurationFilesHealthContributor::isConfigurationFile)
                        .map(p -> p.toAbsolutePath().normalize()).forEach(files::add);
            } catch (IOException e) {
                // a watched folder that does not exist holds no configuration
            }
        }
        return files;
    }

    static boolean isConfigurationFile(Path path) {
        String name = path.getFileName().toString();
        return (name.endsWith(".cfg") || name.endsWith(".config")) && Files.isRegularFile(path);
    }

    private Set<Path> appliedFiles() {
        Set<Path> applied = new HashSet<>();
        try {
            Configuration[] all = configurations.listConfigurations("(" + SOURCE_FILE + "=*)");
            for (Configuration configuration : all == null ? new Configuration[0] : all) {
                Object source = configuration.getProperties() == null ? null
                        : configuration.getProperties().get(SOURCE_FILE);
                if (source != null) {
                    applied.add(sourcePath(source.toString()));
                }
            }
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("cannot list configurations: " + e.getMessage(), e);
        }
        return applied;
    }

    /** FileInstall records the file as a {@code file:} URL; older versions as a plain path. */
    static Path sourcePath(String source) {
        Path path = source.startsWith("file:") ? Path.of(URI.create(source)) : Path.of(source);
        return path.toAbsolutePath().normalize();
    }

    private String display(Path file) {
        Path folder = file.getParent();
        Path base = Path.of("").toAbsolutePath();
        return folder != null && folder.startsWith(base) ? base.relativize(file).toString() : file.toString();
    }
}
