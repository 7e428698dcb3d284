package org.arxos.servertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin projects a plugin author starts from (the examples in {@code docs/examples/} and the project the
 * archetype generates) build offline against the API artifact alone, run their own tests, and make a bundle that
 * imports nothing of Arxos but API and model packages and registers one DS component.
 */
class PluginProjectsTest {

    /** An Import-Package entry's package name. */
    private static final Pattern IMPORTED = Pattern.compile("(?:^|,)([a-zA-Z_][\\w.]*)");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({ "grouping-strategy, org.arxos.api.grouping.GroupingStrategy, by-type",
            "compressor, org.arxos.api.compress.Compressor, gzip" })
    void anExampleBuildsAgainstTheApiAloneAndPassesItsTests(String example, String spi, String name)
            throws IOException {
        PluginKit kit = PluginKit.get();
        Path project = PluginKit.copyProject(kit.projectDir().resolve("docs/examples").resolve(example),
                dir.resolve(example));
        assertOnlyKitDependencies(project);

        kit.maven(project, "example-" + example, "package").assertSucceeded("building docs/examples/" + example);

        assertTrue(PluginKit.testsRun(project) > 0, "the example's own tests ran");
        assertPluginBundle(jarOf(project), spi, name);
    }

    @Test
    void theArchetypeGeneratesAPluginProjectThatBuildsAndPassesItsTests() throws IOException {
        PluginKit kit = PluginKit.get();
        Path archetype = kit.projectDir().resolve("releng/archetype");
        kit.installPom("releng", kit.projectDir().resolve("releng/pom.xml"), kit.version());
        kit.install("arxos-plugin-archetype", kit.version(), archetype.resolve("pom.xml"),
                archetype.resolve("target/arxos-plugin-archetype-" + kit.version() + ".jar"));

        kit.maven(dir, "archetype-generate", "org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate",
                "-DarchetypeGroupId=org.arxos", "-DarchetypeArtifactId=arxos-plugin-archetype",
                "-DarchetypeVersion=" + kit.version(), "-DgroupId=com.acme", "-DartifactId=acme-grouping",
                "-Dversion=1.0.0-SNAPSHOT", "-Dpackage=com.acme.grouping", "-Dimplementation=acme")
                .assertSucceeded("generating a project from the archetype");
        Path project = dir.resolve("acme-grouping");
        assertTrue(Files.isRegularFile(project.resolve("src/main/java/com/acme/grouping/FlatGroupingStrategy.java")));
        assertOnlyKitDependencies(project);

        kit.maven(project, "archetype-project", "package").assertSucceeded("building the generated project");

        assertTrue(PluginKit.testsRun(project) > 0, "the generated project's own tests ran");
        assertPluginBundle(jarOf(project), "org.arxos.api.grouping.GroupingStrategy", "acme");
    }

    /** The pom names the API, the OSGi annotations and JUnit, nothing else. */
    private static void assertOnlyKitDependencies(Path project) throws IOException {
        String pom = Files.readString(project.resolve("pom.xml"));
        Matcher dependency = Pattern.compile(
                "<dependency>\\s*<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>").matcher(pom);
        List<String> dependencies = dependency.results().map(m -> m.group(1) + ":" + m.group(2)).toList();
        assertEquals(List.of("org.arxos:org.arxos.api", "org.osgi:osgi.annotation",
                "org.osgi:org.osgi.service.component.annotations", "org.junit.jupiter:junit-jupiter"), dependencies);
    }

    private static void assertPluginBundle(Path jar, String spi, String name) throws IOException {
        try (JarFile bundle = new JarFile(jar.toFile())) {
            Manifest manifest = bundle.getManifest();
            String imports = manifest.getMainAttributes().getValue("Import-Package").replaceAll("\"[^\"]*\"", "");
            List<String> arxos = IMPORTED.matcher(imports).results().map(m -> m.group(1))
                    .filter(p -> p.startsWith("org.arxos.")).toList();
            assertTrue(!arxos.isEmpty() && arxos.stream().allMatch(
                    p -> p.startsWith("org.arxos.api.") || p.equals("org.arxos.model")
                            || p.startsWith("org.arxos.model.")), "imports of " + jar + ": " + imports);
            String components = manifest.getMainAttributes().getValue("Service-Component");
            assertTrue(components != null && !components.contains(","), "one component: " + components);
            String xml = new String(bundle.getInputStream(bundle.getEntry(components)).readAllBytes());
            assertTrue(xml.contains("<provide interface=\"" + spi + "\"/>"), xml);
            assertTrue(xml.contains("name=\"arxos.impl\" type=\"String\" value=\"" + name + "\""), xml);
            assertTrue(xml.contains("name=\"service.ranking\" type=\"Integer\""), xml);
        }
    }

    private static Path jarOf(Path project) throws IOException {
        try (var files = Files.list(project.resolve("target"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no jar in " + project.resolve("target")));
        }
    }
}
