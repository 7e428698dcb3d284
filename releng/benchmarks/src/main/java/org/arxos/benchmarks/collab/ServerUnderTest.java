package org.arxos.benchmarks.collab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Arxos server the load runs against: the assembled product started in a fresh home of its own (its
 * {@code bin/}, {@code lib/} and {@code etc/} copied, an identity file with one owner whose token the tool made up),
 * or a server already running, given by URL and token. Talks REST to it and reads the CPU time its JVM used.
 */
final class ServerUnderTest implements AutoCloseable {

    static final String TENANT = "load";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final String token;
    private final Process process;
    private final ProcessHandle jvm;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ServerUnderTest(URI base, String token, Process process, ProcessHandle jvm) {
        this.base = base;
        this.token = token;
        this.process = process;
        this.jvm = jvm;
    }

    /** A running server; its JVM's CPU is read only when its process id is given. */
    static ServerUnderTest connect(URI base, String token, Long pid) {
        return new ServerUnderTest(base, token, null, pid == null ? null : ProcessHandle.of(pid).orElseThrow(
                () -> new IllegalArgumentException("no process " + pid + " on this machine")));
    }

    /**
     * Starts {@code distribution/bin/arxos} on a copy in {@code home} with the heap given, on a free loopback port,
     * and waits until {@code /health} is UP.
     */
    static ServerUnderTest start(Path distribution, Path home, String heap, Duration timeout)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(distribution.resolve("bin/arxos"))) {
            throw new IllegalArgumentException("no assembled server at " + distribution
                    + ": build it (mvn -B -q -o install -f product/pom.xml) or pass --server=URL --token=TOKEN");
        }
        for (String folder : List.of("bin", "lib", "etc")) {
            copyTree(distribution.resolve(folder), home.resolve(folder));
        }
        Files.createDirectories(home.resolve("deploy"));
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String token = "arx_load_" + HexFormat.of().formatHex(secret);
        Files.createDirectories(home.resolve("data"));
        Files.writeString(home.resolve("data/identity.json"), "{\"version\":1,\"users\":[{\"name\":\"load\","
                + "\"tenant\":\"" + TENANT + "\",\"tenantRole\":\"owner\",\"buildings\":{},\"tokenHashes\":[\""
                + sha256(token) + "\"]}]}");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/arxos").toString(),
                "-Dorg.osgi.service.http.port=" + port, "-Dorg.apache.felix.http.host=127.0.0.1")
                .directory(home.toFile());
        builder.environment().remove("ARXOS_JAVA_OPTS");
        builder.environment().put("ARXOS_HOME", home.toString());
        builder.environment().put("ARXOS_CONSOLE", "off");
        builder.environment().put("ARXOS_HEAP", "-Xmx" + heap);
        builder.redirectOutput(home.resolve("stdout.log").toFile());
        builder.redirectError(home.resolve("stderr.log").toFile());
        Process process = builder.start();
        ServerUnderTest server = new ServerUnderTest(URI.create("http://127.0.0.1:" + port), token, process,
                process.toHandle());
        server.awaitHealthy(timeout, home);
        return server;
    }

    private void awaitHealthy(Duration timeout, Path home) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("the server ended with " + process.exitValue() + "; see "
                        + home.resolve("stderr.log"));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server was not UP within " + timeout + "; see " + home);
    }

    URI base() {
        return base;
    }

    /** The same address with the {@code ws} scheme. */
    URI webSocketBase() {
        return URI.create("ws://" + base.getAuthority());
    }

    String token() {
        return token;
    }

    /** CPU time the server's JVM has used so far, when it is known. */
    Optional<Duration> cpu() {
        return jvm == null ? Optional.empty() : jvm.info().totalCpuDuration();
    }

    /** {@code POST /api/buildings/generate}: a generated building of about {@code items} objects and connections. */
    void generate(String id, int items, long seed) throws IOException, InterruptedException {
        HttpResponse<String> created = send(HttpRequest.newBuilder(base.resolve("/api/buildings/generate"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"objects\":" + items + ",\"id\":\"" + id + "\",\"seed\":" + seed + ",\"name\":\"Load " + id
                                + "\"}")), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IOException("generating building '" + id + "' answered " + created.statusCode() + ": "
                    + created.body());
        }
    }

    /** The head revision's number and content as native JSON. */
    record Head(long revision, byte[] json) {
    }

    Head head(String building) throws IOException, InterruptedException {
        HttpResponse<byte[]> head = send(HttpRequest.newBuilder(base.resolve("/api/buildings/" + building
                + "/revisions/head")).header("Accept", "application/vnd.arxos.building+json").GET(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (head.statusCode() != 200) {
            throw new IOException("GET head of '" + building + "' answered " + head.statusCode() + ": "
                    + new String(head.body(), StandardCharsets.UTF_8));
        }
        return new Head(Long.parseLong(head.headers().firstValue("Arxos-Revision").orElseThrow(
                () -> new IOException("no Arxos-Revision header on the head of '" + building + "'"))), head.body());
    }

    void delete(String building) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(base.resolve("/api/buildings/" + building)).DELETE(),
                HttpResponse.BodyHandlers.discarding());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        return http.send(request.header("Authorization", "Bearer " + token).timeout(REQUEST_TIMEOUT).build(), body);
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
