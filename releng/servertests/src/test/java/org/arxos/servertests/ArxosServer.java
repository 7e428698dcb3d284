package org.arxos.servertests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The assembled server ({@code product/server/target/arxos-server}) run as a real process in a home of its own.
 *
 * <p>{@link #create(Path)} copies {@code bin/}, {@code lib/} and {@code etc/} of the distribution into a fresh folder
 * (never its {@code data/} or {@code deploy/}, which a developer's runs may have filled), so no two tests share
 * state. Before {@link #start()}, {@link #writeIdentity} and {@link #writeConfig} prepare the home;
 * {@link #start()} runs {@code bin/arxos -Dorg.osgi.service.http.port=<free port>} with stdin a pipe that stays
 * open (so {@link #gogo(String)} can type commands into the Gogo shell) and stdout / stderr into
 * {@code stdout.log} / {@code stderr.log} next to the home. {@link #stop()} and {@link #close()} always end the
 * process; {@link #start()} again restarts it on the same home and port.
 *
 * <p>Every wait is bounded; a failed wait fails the test with the tail of both logs.
 */
final class ArxosServer implements AutoCloseable {

    static final String SERVER_DIR_PROPERTY = "servertests.server.dir";
    static final String FIXTURE_JAR_PROPERTY = "servertests.fixture.jar";

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean CONNECTION_HEADER_ALLOWED = System
            .getProperty("jdk.httpclient.allowRestrictedHeaders", "").toLowerCase(java.util.Locale.ROOT)
            .contains("connection");

    /** Every server started in this JVM and not closed, so a failing test can print their logs. */
    private static final Set<ArxosServer> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        // a test JVM that ends abruptly (timeout, Ctrl-C) must not leave servers behind
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(s -> {
            Process p = s.process;
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }), "arxos-servertests-cleanup"));
    }

    private final Path home;
    private final Path stdoutLog;
    private final Path stderrLog;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private volatile Process process;
    private OutputStream console;
    private long startNanos;
    private int starts;

    private ArxosServer(Path home, Path logs, int port) {
        this.home = home;
        this.stdoutLog = logs.resolve("stdout.log");
        this.stderrLog = logs.resolve("stderr.log");
        this.port = port;
    }

    // ------------------------------------------------------------------------------------------------- set-up

    /** The assembled server this module tests (Surefire passes its path). */
    static Path distribution() {
        Path dir = pathProperty(SERVER_DIR_PROPERTY, "../../product/server/target/arxos-server");
        if (!Files.isRegularFile(dir.resolve("lib/arxos-server.jar")) || !Files.isRegularFile(dir.resolve("bin/arxos"))) {
            fail("no assembled server at " + dir + ": build it first (mvn -B install -pl product/server -am)");
        }
        return dir;
    }

    /** The fixture bundle: a grouping strategy {@code arxos.impl=fixture}, ranking 100. */
    static Path fixtureJar() {
        Path jar = pathProperty(FIXTURE_JAR_PROPERTY,
                "../fixtures/org.arxos.fixture.grouping/target/org.arxos.fixture.grouping-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            fail("no fixture bundle at " + jar + ": build releng/fixtures first");
        }
        return jar;
    }

    /** A jar that Surefire passes the path of in {@code property}; fails naming what to build when it is missing. */
    static Path jar(String property, String fallback, String buildFirst) {
        Path jar = pathProperty(property, fallback);
        if (!Files.isRegularFile(jar)) {
            fail("no jar at " + jar + ": build " + buildFirst + " first");
        }
        return jar;
    }

    private static Path pathProperty(String name, String fallback) {
        String value = System.getProperty(name);
        return Path.of(value == null || value.isBlank() ? fallback : value).toAbsolutePath().normalize();
    }

    /**
     * Makes a new server home under {@code dir} (a JUnit {@code @TempDir}): {@code dir/home} with bin, lib and etc
     * of the distribution, logs in {@code dir}.
     */
    static ArxosServer create(Path dir) {
        Path distribution = distribution();
        Path home = dir.resolve("home");
        try {
            for (String folder : List.of("bin", "lib", "etc")) {
                copyTree(distribution.resolve(folder), home.resolve(folder));
            }
            Files.createDirectories(home.resolve("deploy"));
            Files.createDirectories(home.resolve("data"));
            home.resolve("bin/arxos").toFile().setExecutable(true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the server from " + distribution + " to " + home, e);
        }
        return new ArxosServer(home, dir, freePort());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.createDirectories(to);
            return;
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A user of the identity file; {@code token} is stored only as its SHA-256 hash, as the server does. */
    record User(String name, String tenant, String tenantRole, String token) {
    }

    /** Writes {@code data/identity.json} (the format of the identity bundle's {@code IdentityFile}). */
    ArxosServer writeIdentity(User... users) {
        ObjectNode file = JSON.createObjectNode();
        file.put("version", 1);
        ArrayNode list = file.putArray("users");
        for (User user : users) {
            ObjectNode u = list.addObject();
            u.put("name", user.name());
            u.put("tenant", user.tenant());
            u.put("tenantRole", user.tenantRole());
            u.putObject("buildings");
            u.putArray("tokenHashes").add(sha256(user.token()));
        }
        try {
            Files.createDirectories(home.resolve("data"));
            JSON.writerWithDefaultPrettyPrinter().writeValue(home.resolve("data/identity.json").toFile(), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes {@code etc/<pid>.cfg}, which FileInstall turns into the ConfigAdmin configuration {@code pid}. */
    ArxosServer writeConfig(String pid, Map<String, String> properties) {
        StringBuilder text = new StringBuilder("# written by the server acceptance tests\n");
        properties.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        try {
            Files.writeString(home.resolve("etc").resolve(pid + ".cfg"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------- life cycle

    /** Starts {@code bin/arxos} on this home; does not wait (see {@link #awaitHealthy(Duration)}). */
    void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/arxos").toString(),
                "-Dorg.osgi.service.http.port=" + port,
                "-Dorg.apache.felix.http.host=127.0.0.1"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = builder.environment();
        env.remove("ARXOS_JAVA_OPTS");
        env.remove("ARXOS_HEAP");
        env.put("ARXOS_HOME", home.toString());
        env.put("ARXOS_CONSOLE", "commands");
        env.put("ARXOS_HEAP", "-Xmx1g");
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(stdoutLog.toFile()));
        builder.redirectError(ProcessBuilder.Redirect.appendTo(stderrLog.toFile()));
        try {
            mark("start " + (++starts) + ": " + String.join(" ", command));
            startNanos = System.nanoTime();
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
        console = process.getOutputStream();
        OPEN.add(this);
    }

    /** Polls {@code GET /health} until it answers 200 with status UP; returns the time since {@link #start()}. */
    Duration awaitHealthy(Duration timeout) {
        await("GET /health to answer 200 UP", timeout, () -> {
            HttpResponse<String> health = tryGet("/health");
            return health != null && health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"");
        });
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Ends the process (SIGTERM, then SIGKILL after {@link #STOP_TIMEOUT}); returns how long that took. */
    Duration stop() {
        if (process == null) {
            return Duration.ZERO;
        }
        long begin = System.nanoTime();
        try {
            console.close();
        } catch (IOException e) {
            // the process may be gone already
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                mark("did not stop within " + STOP_TIMEOUT + ": killing it");
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        mark("stopped, exit value " + (process.isAlive() ? "(still alive!)" : process.exitValue()));
        process = null;
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** Ends the process at once, as {@code kill -9} does: SIGKILL to the JVM and the launch script, no shutdown. */
    void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        mark("killed (SIGKILL)");
        process = null;
    }

    /** The command line's executable of the running process ({@code .../bin/java}: bin/arxos execs the JVM). */
    String command() {
        return process == null ? "" : process.info().command().orElse("");
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            OPEN.remove(this);
        }
    }

    /**
     * Drops a bundle into {@code deploy/}: copied beside it, then moved in, so FileInstall never sees half a jar.
     * Returns the jar in {@code deploy/} and the {@link System#nanoTime()} of the move, for timing the switch.
     */
    record Deployed(Path jar, long nanos) {
    }

    Deployed deploy(Path jar) {
        try {
            Path staged = home.resolve(jar.getFileName() + ".part");
            Files.copy(jar, staged, StandardCopyOption.REPLACE_EXISTING);
            Path deployed = home.resolve("deploy").resolve(jar.getFileName());
            long nanos = System.nanoTime();
            Files.move(staged, deployed, StandardCopyOption.ATOMIC_MOVE);
            return new Deployed(deployed, nanos);
        } catch (IOException e) {
            throw new UncheckedIOException("could not drop " + jar + " into " + home.resolve("deploy"), e);
        }
    }

    /** Types one command into the server's Gogo shell (its stdin). */
    void gogo(String commandLine) {
        if (!isRunning()) {
            fail("cannot run '" + commandLine + "': the server is not running" + logTails());
        }
        try {
            console.write((commandLine + "\n").getBytes(StandardCharsets.UTF_8));
            console.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write to the server's stdin", e);
        }
    }

    // ------------------------------------------------------------------------------------------------- access

    Path home() {
        return home;
    }

    int port() {
        return port;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String stdout() {
        return read(stdoutLog);
    }

    String stderr() {
        return read(stderrLog);
    }

    /** The tails of stdout and stderr, for failure messages. */
    String logTails() {
        return "\n---- server home " + home + " ----\n---- stdout (tail) ----\n" + tail(stdout(), 40)
                + "\n---- stderr (tail) ----\n" + tail(stderr(), 80) + "\n---- end of server logs ----";
    }

    /** The tails of every server not yet closed in this JVM (for a failing test). */
    static String openServerLogTails() {
        StringBuilder all = new StringBuilder();
        OPEN.forEach(s -> all.append(s.logTails()));
        return all.toString();
    }

    private void mark(String line) {
        try {
            Files.writeString(stderrLog, "\n#### servertests: " + line + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            // only a note in the log
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n", -1);
        int from = Math.max(0, all.length - lines);
        return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
    }

    // ------------------------------------------------------------------------------------------------- HTTP

    /**
     * Sends a request. One with a body is sent with {@code Connection: close}: the server closes the connection after
     * an error it answers before reading the body, without saying so, and a pooled connection would then fail the
     * next request at random (see {@link KeepAliveAfterErrorTest}, which tests exactly that; the other tests test
     * something else). Needs {@code -Djdk.httpclient.allowRestrictedHeaders=connection} (set by Surefire).
     */
    HttpResponse<String> send(HttpRequest.Builder request) {
        return exchange(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** {@link #send} for a binary answer, such as a PNG. */
    HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
        return exchange(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> answer) {
        HttpRequest built = request.timeout(REQUEST_TIMEOUT).build();
        if (built.bodyPublisher().isPresent() && !built.method().equals("GET")
                && built.bodyPublisher().get().contentLength() != 0 && CONNECTION_HEADER_ALLOWED) {
            built = HttpRequest.newBuilder(built, (name, value) -> true).header("Connection", "close").build();
        }
        try {
            return http.send(built, answer);
        } catch (IOException e) {
            throw new AssertionError(built.method() + " " + built.uri() + " failed: " + e + logTails(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    /** A GET that answers null instead of failing while the server is not listening yet. */
    HttpResponse<String> tryGet(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    HttpResponse<String> post(String path, String token, String contentType, String body) {
        return send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    // ------------------------------------------------------------------------------------------------- waits

    /**
     * Polls {@code condition} every 50 ms until it holds; fails after {@code timeout} with the logs. Fails at once when
     * the process has ended. Returns the time it took.
     */
    Duration await(String what, Duration timeout, BooleanSupplier condition) {
        long begin = System.nanoTime();
        long deadline = begin + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return Duration.ofNanos(System.nanoTime() - begin);
            }
            if (process != null && !process.isAlive()) {
                fail("the server ended (exit value " + process.exitValue() + ") while waiting for " + what
                        + logTails());
            }
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout.toMillis() + " ms waiting for " + what + logTails());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Like {@link #await} with a description that is computed at failure time (e.g. the last answer seen). */
    Duration await(Supplier<String> what, Duration timeout, BooleanSupplier condition) {
        try {
            return await("(see below)", timeout, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage().replace("(see below)", what.get()), e);
        }
    }

    static Map<String, String> config(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
