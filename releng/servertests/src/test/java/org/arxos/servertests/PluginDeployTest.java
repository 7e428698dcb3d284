package org.arxos.servertests;

import static org.arxos.servertests.Api.capability;
import static org.arxos.servertests.Api.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin authors' path end to end: the example grouping strategy in {@code docs/examples/} is built with Maven
 * against the API artifact alone, offline, and its jar is dropped into {@code deploy/} of a running server while 8
 * clients ask for the sample building's hierarchy. The plugin (ranked 100) serves within a second with no failed
 * request, and deleting the jar gives the shipped strategy that served before back within a second, again with no
 * failed request.
 */
@ExtendWith(ServerLogsOnFailure.class)
class PluginDeployTest {

    static final Duration SWITCH_LIMIT = Duration.ofSeconds(1);
    static final int CLIENTS = 8;
    static final String PLUGIN = "by-type";

    @TempDir
    Path dir;

    private ArxosServer server;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> clients = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(30).toMillis());
        }
        if (server != null) {
            server.close();
        }
    }

    /** What the clients saw: failures, and when each strategy first served after a mark. */
    private static final class Served {
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final Set<String> strategies = ConcurrentHashMap.newKeySet();
        final Map<String, AtomicLong> firstAfterMark = new ConcurrentHashMap<>();
        final AtomicLong requests = new AtomicLong();
        volatile long mark = Long.MAX_VALUE;

        void record(String strategy, long sentNanos) {
            strategies.add(strategy);
            if (sentNanos >= mark) {
                firstAfterMark.computeIfAbsent(strategy, s -> new AtomicLong(Long.MAX_VALUE))
                        .accumulateAndGet(System.nanoTime(), Math::min);
            }
        }

        void mark(long nanos) {
            firstAfterMark.clear();
            mark = nanos;
        }

        long firstAfterMark(String strategy) {
            AtomicLong first = firstAfterMark.get(strategy);
            return first == null ? Long.MAX_VALUE : first.get();
        }
    }

    @Test
    void theExamplePluginBuiltFromTheApiAloneTakesOverAndHandsBackWithoutAFailedRequest() throws Exception {
        Path plugin = buildExample();
        server = ArxosServer.create(dir);
        server.start();
        server.awaitHealthy(Duration.ofSeconds(30));
        String token = DeployFolderTest.devToken(server);
        DeployFolderTest.awaitSample(server, token);
        // the shipped strategy that serves before the plugin comes, and again after it goes
        String shipped = text(capability(DeployFolderTest.implementations(server, token), "grouping"), "serving");
        assertEquals(shipped, DeployFolderTest.hierarchy(server, token).path("strategy").asText());

        Served served = new Served();
        for (int i = 0; i < CLIENTS; i++) {
            Thread client = new Thread(() -> callHierarchy(token, served), "hierarchy-client-" + i);
            clients.add(client);
            client.start();
        }
        server.await("the clients' first answers", Duration.ofSeconds(10), () -> served.requests.get() >= CLIENTS);

        ArxosServer.Deployed deployed = server.deploy(plugin);
        served.mark(deployed.nanos());
        server.await(() -> PLUGIN + " serving the hierarchy; failures: " + served.failures, Duration.ofSeconds(15),
                () -> served.firstAfterMark(PLUGIN) != Long.MAX_VALUE);
        Duration in = Duration.ofNanos(served.firstAfterMark(PLUGIN) - deployed.nanos());

        long deleted = System.nanoTime();
        served.mark(deleted);
        Files.delete(deployed.jar());
        server.await(() -> shipped + " serving the hierarchy again; failures: " + served.failures,
                Duration.ofSeconds(15), () -> served.firstAfterMark(shipped) != Long.MAX_VALUE);
        Duration out = Duration.ofNanos(served.firstAfterMark(shipped) - deleted);
        Thread.sleep(300); // the clients keep calling on the shipped strategy for a moment
        running.set(false);
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(30).toMillis());
        }

        System.out.printf("PluginDeployTest: %d requests by %d clients; %s served %d ms after the jar was dropped "
                + "into deploy/, %s %d ms after it was deleted%n", served.requests.get(), CLIENTS, PLUGIN,
                in.toMillis(), shipped, out.toMillis());
        assertEquals(List.of(), List.copyOf(served.failures), "failed requests");
        assertEquals(Set.of(PLUGIN, shipped), Set.copyOf(served.strategies), "strategies that served");
        assertTrue(in.compareTo(SWITCH_LIMIT) <= 0, PLUGIN + " served only " + in.toMillis() + " ms after the drop");
        assertTrue(out.compareTo(SWITCH_LIMIT) <= 0,
                shipped + " served only " + out.toMillis() + " ms after the delete");
    }

    /** docs/examples/grouping-strategy, built in a copy by the plugin kit's Maven; its jar. */
    private Path buildExample() throws IOException {
        PluginKit kit = PluginKit.get();
        Path project = PluginKit.copyProject(kit.projectDir().resolve("docs/examples/grouping-strategy"),
                dir.resolve("grouping-strategy"));
        kit.maven(project, "deploy-test-example", "package").assertSucceeded("building the example grouping strategy");
        try (var jars = Files.list(project.resolve("target"))) {
            return jars.filter(j -> j.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("the example build made no jar in " + project));
        }
    }

    /** One client: asks for the hierarchy every 50 ms until stopped, noting who served and every failure. */
    private void callHierarchy(String token, Served served) {
        while (running.get()) {
            long sent = System.nanoTime();
            try {
                HttpResponse<String> response = server.get("/api/buildings/sample/hierarchy?limit=5", token);
                served.requests.incrementAndGet();
                if (response.statusCode() != 200) {
                    served.failures.add(Api.describe(response));
                } else {
                    served.record(Api.json(response).path("strategy").asText(), sent);
                }
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | AssertionError e) {
                served.failures.add(e.toString());
            }
        }
    }
}
