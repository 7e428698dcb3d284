package org.arxos.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ops4j.pax.exam.Option;

/**
 * The Felix runtime the integration tests start: the Arxos core bundles and the infrastructure they need, installed by
 * file from {@code target/bundles} (copied there by the build, see the pom), plus Pax Exam's own bundles from the
 * local Maven repository only.
 */
final class ArxosRuntime {

    /**
     * The infrastructure, in start order (as in features/core.bndrun): SPI Fly with asm before slf4j-api, whose
     * ServiceLoader call it weaves; promises and log API before ConfigAdmin and SCR; the shell last.
     */
    private static final List<String> INFRASTRUCTURE = List.of(
            "asm",
            "asm-tree",
            "asm-analysis",
            "asm-commons",
            "asm-util",
            "org.apache.aries.spifly.dynamic.bundle",
            "slf4j-api",
            "slf4j-simple",
            "org.osgi.util.function",
            "org.osgi.util.promise",
            "org.osgi.service.log",
            "org.osgi.service.component",
            "org.apache.felix.configadmin",
            "org.apache.felix.metatype",
            "org.apache.felix.scr",
            "org.apache.felix.gogo.runtime");

    static final List<String> ARXOS_CORE = List.of(
            "org.arxos.model",
            "org.arxos.api",
            "org.arxos.generator",
            "org.arxos.core",
            "org.arxos.messaging",
            "org.arxos.grouping.containment");

    static final String FIXTURE = "org.arxos.fixture.grouping";

    /** Grouping strategies and the renderer with what they need (JTS, the Batik wrapper). */
    static final String[] VIEWS = {"jts-core", "batik-osgi", "org.arxos.grouping", "org.arxos.grouping.spatial",
            "org.arxos.grouping.system", "org.arxos.grouping.functional", "org.arxos.render"};

    /**
     * What the bundles that keep data in a database import: the JDBC service API with H2's DataSourceFactory, the
     * connection pool, and Arxos' JDBC support.
     */
    static final String[] JDBC_LIBRARIES = {"org.osgi.service.jdbc", "h2", "HikariCP", "org.arxos.jdbc"};

    /**
     * What the cache tiers import besides {@link #JDBC_LIBRARIES}: Ehcache with the JAXB API it needs, Caffeine,
     * Jedis and its pool.
     */
    static final String[] CACHE_LIBRARIES = {"jakarta.activation-api", "jakarta.xml.bind-api", "ehcache", "caffeine",
            "commons-pool2", "gson", "json", "redis-authx-core", "jedis"};

    /**
     * The framed container with the general codec compressor and its codecs (bzip2 needs commons-io and
     * commons-lang3), and the SVG compressor.
     */
    static final String[] COMPRESSION = {"zstd-jni", "xz", "dec", "commons-io", "commons-lang3", "commons-compress",
            "org.arxos.compress", "org.arxos.compress.svg"};

    /** The BIM and delta compressors, which read native JSON through io.json; on top of {@link #COMPRESSION}. */
    static final String[] BIM_COMPRESSION = {"jackson-core", "org.arxos.io.json", "org.arxos.compress.bim",
            "org.arxos.compress.delta"};

    /** The tiered cache and its tier bundles. */
    static final String[] CACHE = {"org.arxos.cache", "org.arxos.cache.ehcache", "org.arxos.cache.caffeine",
            "org.arxos.cache.redis", "org.arxos.cache.jdbc"};

    /** The calculation job service, the local engine and the calculations (as features/compute.bndrun). */
    static final String[] COMPUTE = {"org.arxos.compute.local", "org.arxos.compute", "org.arxos.calculations"};

    /** The JDBC building store, started by a test once it has pointed it at a database of its own. */
    static final String REPOSITORY = "org.arxos.repository.jdbc";

    /** What the JDBC building store imports besides {@link #JDBC_LIBRARIES}: the native JSON format of its snapshots. */
    static final String[] REPOSITORY_LIBRARIES = {"jackson-core", "org.arxos.io.json"};

    /** The collaboration session host, started by a test once it has pointed it at a database of its own. */
    static final String COLLABORATION = "org.arxos.collab";

    /** The Apache Ignite engine's bundle, started by the test once it has configured the node. */
    static final String IGNITE_ENGINE = "org.arxos.compute.ignite";

    private ArxosRuntime() {
    }

    /** Infrastructure, the Arxos core bundles, and the named extra bundles (e.g. {@link #FIXTURE}). */
    static Option[] withExtraBundles(String... extraBundles) {
        List<Option> options = new ArrayList<>();
        options.add(junitBundles());
        options.add(workingDirectory(workDirectory()));
        // pax-url (Pax Exam's own bundles, named as mvn: links): the local repository, no remote repository at all.
        options.add(systemProperty("org.ops4j.pax.url.mvn.localRepository").value(localRepository()));
        options.add(systemProperty("org.ops4j.pax.url.mvn.repositories").value(""));
        options.add(systemProperty("org.ops4j.pax.url.mvn.defaultRepositories").value(""));
        options.add(systemProperty("org.ops4j.pax.url.mvn.offline").value("true"));
        options.add(systemProperty("org.ops4j.pax.url.mvn.useFallbackRepositories").value("false"));
        options.add(frameworkProperty("ds.loglevel").value("warn"));
        // Batik draws PNGs through AWT classes; no window is ever opened.
        options.add(systemProperty("java.awt.headless").value("true"));
        for (String name : INFRASTRUCTURE) {
            options.add(bundle(bundleFile(name).toURI().toString()));
        }
        for (String name : ARXOS_CORE) {
            options.add(bundle(bundleFile(name).toURI().toString()));
        }
        for (String name : extraBundles) {
            options.add(bundle(bundleFile(name).toURI().toString()));
        }
        return options.toArray(Option[]::new);
    }

    /**
     * Infrastructure, the Arxos core bundles, the cache's libraries, the {@link #COMPRESSION} bundles (the cache
     * compresses large values), and the {@link #CACHE} bundles installed but not started: a test configures them
     * through ConfigAdmin first, so that no tier ever runs on its defaults (a shared Redis key prefix, folders in the
     * working directory).
     */
    static Option[] withCacheInstalled() {
        List<String> started = new ArrayList<>(List.of(CACHE_LIBRARIES));
        started.addAll(List.of(JDBC_LIBRARIES));
        started.addAll(List.of(COMPRESSION));
        List<Option> options = new ArrayList<>(List.of(withExtraBundles(started.toArray(String[]::new))));
        // As features/cache.bndrun: Ehcache reaches sun.misc.Unsafe without importing it, and finds its own services
        // with a plain ServiceLoader over its bundle.
        options.add(frameworkProperty("org.osgi.framework.bootdelegation").value("sun.misc"));
        options.add(frameworkProperty("org.ehcache.core.osgi").value("false"));
        for (String name : CACHE) {
            options.add(bundle(bundleFile(name).toURI().toString()).start(false));
        }
        return options.toArray(Option[]::new);
    }

    /**
     * As {@link #withCacheInstalled()}, with the {@link #COMPUTE} bundles started and the {@link #REPOSITORY} installed
     * but not started (H2 comes with the {@link #JDBC_LIBRARIES}): a test configures its database first.
     */
    static Option[] withComputeInstalled() {
        List<Option> options = new ArrayList<>(List.of(withCacheInstalled()));
        List<String> started = new ArrayList<>(List.of(REPOSITORY_LIBRARIES));
        started.addAll(List.of(COMPUTE));
        for (String name : started) {
            options.add(bundle(bundleFile(name).toURI().toString()));
        }
        options.add(bundle(bundleFile(REPOSITORY).toURI().toString()).start(false));
        return options.toArray(Option[]::new);
    }

    /**
     * Infrastructure, the Arxos core bundles, the local compute engine, Ignite's wrapper bundle, and the Ignite engine
     * installed but not started: a test configures the node first (ports of its own, capped memory), so that no node
     * ever runs on the defaults. Ignite reaches JDK internals (sun.misc.Unsafe, sun.nio.ch, com.sun.management) that
     * the framework must delegate to the boot class path; the JVM opens them (Surefire's argLine).
     */
    static Option[] withIgniteInstalled() {
        List<Option> options = new ArrayList<>(List.of(withExtraBundles("org.arxos.compute.local", "ignite-osgi")));
        options.add(frameworkProperty("org.osgi.framework.bootdelegation").value("sun.*,com.sun.*,jdk.internal.*"));
        options.add(bundle(bundleFile(IGNITE_ENGINE).toURI().toString()).start(false));
        return options.toArray(Option[]::new);
    }

    /**
     * Infrastructure, the Arxos core bundles, H2 with the JDBC service API, the CRDT resolver, and the
     * {@link #REPOSITORY} and {@link #COLLABORATION} installed but not started: a test configures their databases
     * first.
     */
    static Option[] withCollaborationInstalled() {
        List<String> started = new ArrayList<>(List.of(JDBC_LIBRARIES));
        started.addAll(List.of(REPOSITORY_LIBRARIES));
        started.add("org.arxos.collab.crdt");
        List<Option> options = new ArrayList<>(List.of(withExtraBundles(started.toArray(String[]::new))));
        options.add(bundle(bundleFile(REPOSITORY).toURI().toString()).start(false));
        options.add(bundle(bundleFile(COLLABORATION).toURI().toString()).start(false));
        return options.toArray(Option[]::new);
    }

    /** The jar of a bundle the build copied, by artifactId (= Bundle-SymbolicName for Arxos bundles). */
    static File bundleFile(String artifactId) {
        File file = new File(property("arxos.itests.bundles", "target/bundles"), artifactId + ".jar");
        if (!file.isFile()) {
            throw new IllegalStateException(file + " is missing: run the build to `verify` (it copies the bundles)");
        }
        return file;
    }

    static String workDirectory() {
        return property("arxos.itests.work", "target/pax-exam");
    }

    private static String localRepository() {
        return property("arxos.itests.localRepository",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
    }

    private static String property(String key, String fallback) {
        String value = System.getProperty(key);
        return value == null || value.isBlank() ? fallback : value;
    }
}
