package org.arxos.servertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bnd baselining in the API's own build fails an incompatible change that does not bump the major version.
 *
 * <p>There is no API release yet, and bnd 7.1 reports no baseline error for versions below 1.0 (semantic versioning's
 * initial development), so the test makes the release it needs: a copy of {@code bundles/org.arxos.api}, its
 * packages at 1.0.0, is built as release 1.0.0 and installed into the plugin kit's repository. Copies that remove
 * {@code ImplementationSelector.unpin} are then built with the real pom (parents, bnd and baseline configuration from
 * this build), as version 2.0.0: with the package version left at 1.0.0 the build fails naming the package, the
 * interface and the method; with the package at 2.0.0 it passes.
 */
class ApiBaselineTest {

    private static final Pattern PACKAGE_VERSION = Pattern
            .compile("@org\\.osgi\\.annotation\\.versioning\\.Version\\(\"[^\"]*\"\\)");
    private static final String SELECTOR = "src/main/java/org/arxos/api/selection/ImplementationSelector.java";
    private static final String SELECTION_INFO = "src/main/java/org/arxos/api/selection/package-info.java";

    @TempDir
    Path dir;

    @Test
    void removingAnInterfaceMethodFailsTheBuildUnlessThePackageMajorVersionIsBumped() throws IOException {
        PluginKit kit = PluginKit.get();
        Path release = copy(kit, "release", "1.0.0");
        kit.maven(release, "baseline-release", "package", "-Dmaven.test.skip=true", "-Dmaven.javadoc.skip=true",
                "-Dmaven.source.skip=true").assertSucceeded("building API release 1.0.0");
        kit.install("org.arxos.api", "1.0.0", release.resolve("pom.xml"),
                release.resolve("target/org.arxos.api-1.0.0.jar"));

        Path unbumped = copy(kit, "unbumped", "2.0.0");
        removeUnpin(unbumped);
        PluginKit.Result failed = kit.maven(unbumped, "baseline-unbumped", "verify", "-Dmaven.test.skip=true",
                "-Dmaven.javadoc.skip=true", "-Dmaven.source.skip=true");
        assertEquals(1, failed.exitValue(), "the build fails:\n" + failed.log());
        assertTrue(failed.log().contains("The baseline version was found to be 1.0.0"), failed.log());
        assertTrue(failed.log().contains("Baseline problems detected"), failed.log());
        String report = Files.readString(unbumped.resolve("target/baseline/org.arxos.api-2.0.0.txt"));
        assertTrue(Pattern.compile("\\* org\\.arxos\\.api\\.selection +PACKAGE +MAJOR +1\\.0\\.0 +1\\.0\\.0 +2\\.0\\.0")
                .matcher(report).find(), "the package is flagged, 2.0.0 suggested:\n" + report);
        assertTrue(report.contains("REMOVED      METHOD     unpin(org.arxos.api.selection.Capability)"), report);

        Path bumped = copy(kit, "bumped", "2.0.0");
        removeUnpin(bumped);
        replace(bumped.resolve(SELECTION_INFO), PACKAGE_VERSION,
                "@org.osgi.annotation.versioning.Version(\"2.0.0\")");
        PluginKit.Result passed = kit.maven(bumped, "baseline-bumped", "verify", "-Dmaven.test.skip=true",
                "-Dmaven.javadoc.skip=true", "-Dmaven.source.skip=true");
        assertEquals(0, passed.exitValue(), "the build passes:\n" + passed.log());
        assertTrue(passed.log().contains("Baseline check succeeded"), passed.log());
    }

    /** The API module at {@code version} with every package at 1.0.0, as after its first release. */
    private Path copy(PluginKit kit, String name, String version) throws IOException {
        Path copy = PluginKit.copyProject(kit.projectDir().resolve("bundles/org.arxos.api"), dir.resolve(name));
        replace(copy.resolve("pom.xml"), Pattern.compile("<artifactId>org\\.arxos\\.api</artifactId>"),
                "<artifactId>org.arxos.api</artifactId><version>" + version + "</version>");
        try (var files = Files.walk(copy.resolve("src/main/java"))) {
            for (Path info : files.filter(f -> f.getFileName().toString().equals("package-info.java")).toList()) {
                replace(info, PACKAGE_VERSION, "@org.osgi.annotation.versioning.Version(\"1.0.0\")");
            }
        }
        // The root pom imports the platform BOM at the project's version: make this build's BOM available at this one.
        Path bom = Files.createDirectories(dir.resolve("bom-" + version)).resolve("pom.xml");
        Files.copy(kit.projectDir().resolve("targetplatform/pom.xml"), bom, StandardCopyOption.REPLACE_EXISTING);
        replace(bom, Pattern.compile("<version>" + Pattern.quote(kit.version()) + "</version>"),
                "<version>" + version + "</version>");
        kit.installPom("targetplatform", bom, version);
        return copy;
    }

    private static void removeUnpin(Path api) throws IOException {
        replace(api.resolve(SELECTOR), Pattern.compile("\\s*void unpin\\(Capability capability\\);"), "");
    }

    private static void replace(Path file, Pattern pattern, String replacement) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(pattern.matcher(text).find(), pattern + " is not in " + file);
        Files.writeString(file, pattern.matcher(text).replaceAll(Matcher.quoteReplacement(replacement)),
                StandardCharsets.UTF_8);
    }
}
