package org.arxos.servertests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Maven as a plugin author runs it: offline, against the Arxos API artifact and nothing else of Arxos.
 *
 * <p>Maven gets a local repository of its own ({@code target/plugin-kit/repository}) in which the API and model jars
 * this build made, and the poms they inherit, are installed. Everything else (Maven plugins, OSGi annotations,
 * JUnit) comes from the user's local repository, which Maven reads as a file repository, so a nested build downloads
 * nothing, installs nothing into the user's repository, and sees the API of this build rather than a stale one.
 * Surefire passes the paths (see the pom).
 */
final class PluginKit {

    static final String GROUP = "org.arxos";
    private static final Duration MAVEN_TIMEOUT = Duration.ofMinutes(5);
    private static PluginKit instance;

    private final Path projectDir;
    private final String version;
    private final Path repository;
    private final Path settings;
    private final Path logs;

    /** Maven's answer: its exit value and everything it printed. */
    record Result(int exitValue, String log) {

        Result assertSucceeded(String what) {
            if (exitValue != 0) {
                fail(what + " failed (exit value " + exitValue + "):\n" + tail(log, 80));
            }
            return this;
        }
    }

    private PluginKit(Path projectDir, String version, Path dir) {
        this.projectDir = projectDir;
        this.version = version;
        this.repository = dir.resolve("repository");
        this.settings = dir.resolve("settings.xml");
        this.logs = dir.resolve("logs");
    }

    /** The kit of this test run, its repository holding this build's API the first time it is asked for. */
    static synchronized PluginKit get() {
        if (instance == null) {
            PluginKit kit = new PluginKit(property("servertests.project.dir"),
                    System.getProperty("servertests.version"), property("servertests.kit.dir"));
            kit.prepare();
            instance = kit;
        }
        return instance;
    }

    Path projectDir() {
        return projectDir;
    }

    String version() {
        return version;
    }

    private void prepare() {
        try {
            Files.createDirectories(repository);
            Files.createDirectories(logs);
            Path userRepository = property("servertests.user.repository");
            Files.writeString(settings, """
                    <settings>
                      <localRepository>%s</localRepository>
                      <offline>true</offline>
                      <mirrors>
                        <mirror><id>user-repository</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
                      </mirrors>
                      <profiles>
                        <!-- artifacts Maven downloaded have checksum files beside them, installed ones do not -->
                        <profile>
                          <id>no-checksums</id>
                          <repositories>
                            <repository><id>central</id><url>%3$s</url>
                              <releases><checksumPolicy>ignore</checksumPolicy></releases>
                              <snapshots><enabled>false</enabled></snapshots></repository>
                          </repositories>
                          <pluginRepositories>
                            <pluginRepository><id>central</id><url>%3$s</url>
                              <releases><checksumPolicy>ignore</checksumPolicy></releases>
                              <snapshots><enabled>false</enabled></snapshots></pluginRepository>
                          </pluginRepositories>
                        </profile>
                      </profiles>
                      <activeProfiles><activeProfile>no-checksums</activeProfile></activeProfiles>
                    </settings>
                    """.formatted(repository, userRepository.toUri(), userRepository.toUri()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        installPom("arxos", projectDir.resolve("pom.xml"), version);
        installPom("bundles", projectDir.resolve("bundles/pom.xml"), version);
        installPom("targetplatform", projectDir.resolve("targetplatform/pom.xml"), version);
        installModule("org.arxos.model", projectDir.resolve("bundles/org.arxos.model"));
        installModule("org.arxos.api", projectDir.resolve("bundles/org.arxos.api"));
    }

    /** Installs the pom and jar a reactor module built, at this build's version. */
    void installModule(String artifactId, Path module) {
        Path jar = module.resolve("target/" + artifactId + "-" + version + ".jar");
        if (!Files.isRegularFile(jar)) {
            fail("no " + jar + ": build " + module + " first");
        }
        install(artifactId, version, module.resolve("pom.xml"), jar);
    }

    void installPom(String artifactId, Path pom, String atVersion) {
        install(artifactId, atVersion, pom, null);
    }

    /**
     * Installs an artifact of group {@value #GROUP} the way {@code mvn install} lays it out, with the local metadata
     * that version ranges are resolved from.
     */
    void install(String artifactId, String atVersion, Path pom, Path jar) {
        Path dir = repository.resolve(GROUP.replace('.', '/')).resolve(artifactId).resolve(atVersion);
        try {
            Files.createDirectories(dir);
            Files.copy(pom, dir.resolve(artifactId + "-" + atVersion + ".pom"), StandardCopyOption.REPLACE_EXISTING);
            if (jar != null) {
                Files.copy(jar, dir.resolve(artifactId + "-" + atVersion + ".jar"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            writeMetadata(dir.getParent(), artifactId);
        } catch (IOException e) {
            throw new UncheckedIOException("could not install " + artifactId + " " + atVersion, e);
        }
    }

    private static void writeMetadata(Path artifactDir, String artifactId) throws IOException {
        List<String> versions = new ArrayList<>();
        try (var dirs = Files.list(artifactDir)) {
            dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().forEach(versions::add);
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<metadata><groupId>")
                .append(GROUP).append("</groupId><artifactId>").append(artifactId)
                .append("</artifactId><versioning><versions>");
        versions.forEach(v -> xml.append("<version>").append(v).append("</version>"));
        xml.append("</versions><lastUpdated>20260101000000</lastUpdated></versioning></metadata>\n");
        Files.writeString(artifactDir.resolve("maven-metadata-local.xml"), xml, StandardCharsets.UTF_8);
    }

    /** Runs Maven in {@code dir} with the kit's settings; its output goes to a log named after the call. */
    Result maven(Path dir, String logName, String... arguments) {
        List<String> command = new ArrayList<>(List.of(property("servertests.maven").toString(), "-B", "-o", "-s",
                settings.toString(), "-Daether.offline.protocols=file"));
        command.addAll(List.of(arguments));
        Path log = logs.resolve(logName + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().remove("MAVEN_ARGS");
        // short builds: the JVM's quick compiler is enough and starts faster
        builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1");
        try {
            Process process = builder.start();
            if (!process.waitFor(MAVEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail(String.join(" ", command) + " in " + dir + " did not end within " + MAVEN_TIMEOUT + ":\n"
                        + tail(Files.readString(log), 40));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Copies a project folder, without its {@code target/}, to {@code to}. */
    static Path copyProject(Path from, Path to) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (dir.getFileName().toString().equals("target") && !dir.equals(from)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, to.resolve(from.relativize(file).toString()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + from + " to " + to, e);
        }
        return to;
    }

    /** Number of tests Surefire ran in a built project (from its reports). */
    static int testsRun(Path project) {
        Path reports = project.resolve("target/surefire-reports");
        if (!Files.isDirectory(reports)) {
            return 0;
        }
        int count = 0;
        try (var files = Files.list(reports)) {
            for (Path report : files.filter(f -> f.getFileName().toString().endsWith(".xml")).toList()) {
                var matcher = java.util.regex.Pattern.compile("<testsuite [^>]*tests=\"(\\d+)\"")
                        .matcher(Files.readString(report));
                if (matcher.find()) {
                    count += Integer.parseInt(matcher.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    private static Path property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            fail("system property " + name + " is not set (Surefire sets it: run through Maven)");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n", -1);
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }
}
