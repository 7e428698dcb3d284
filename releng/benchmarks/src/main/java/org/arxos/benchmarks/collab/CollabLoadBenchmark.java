package org.arxos.benchmarks.collab;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.arxos.model.Revision;

import com.sun.management.OperatingSystemMXBean;

/**
 * The collaboration load of issue 8: {@code --editors} seeded WebSocket clients on one generated building, each
 * sending one operation per second for {@code --warmup} and then {@code --seconds} seconds (only the latter are
 * measured; all are checked), {@code --mirrors} clients that apply every effect to the
 * model, and {@code --idle} silent sessions held on other buildings (500 each) meanwhile. All clients live in this
 * JVM, so the time from sending an operation to another client receiving it is measured on one clock.
 *
 * <p>Prints the propagation latency per delivery (send until one other client has the applied message) and per
 * operation (until the last has it), the acknowledgement latency, throughput, operations lost (acknowledged but not
 * received by every other client) or duplicated, gaps and duplicates in every client's revision stream, whether
 * every client received the same thing as each revision, whether the mirrors ended with the content hash of the
 * server's head, whether the idle sessions were all still open and answered a ping, and the CPU the server's JVM
 * and this JVM used during the measured seconds, and the latency to every other client per 10 s of the run (warm-up
 * included), which shows whether slow operations came in bursts. Exits with 1 when something was lost, duplicated or did not converge.
 *
 * <pre>CollabLoadBenchmark [--editors=500] [--seconds=60] [--warmup=0] [--idle=2000] [--mirrors=2] [--objects=5000] [--seed=42]
 *     [--http-clients=4] [--server-dir=../../product/server/target/arxos-server] [--server-heap=2g]
 *     [--server=http://host:port --token=TOKEN [--server-pid=PID]]</pre>
 */
public final class CollabLoadBenchmark {

    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration DRAIN = Duration.ofSeconds(60);
    private static final int OPENING_AT_ONCE = 64;
    private static final int TIMELINE_SECONDS = 10;
    /** Idle sessions per building: the server holds at most 1 000 sessions per building by default. */
    private static final int IDLE_PER_BUILDING = 500;
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory
            .getOperatingSystemMXBean();

    private CollabLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.printf("CollabLoadBenchmark %s%n", Instant.now());
        System.out.printf("machine: %d cores, load average %.2f, %s %s, tool heap %d MB%n",
                Runtime.getRuntime().availableProcessors(), OS.getSystemLoadAverage(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("options: " + options);
        // the WebSocket clients' threads are not daemons: the JVM ends here whatever happened
        int status = 1;
        Path home = options.server() != null ? null : Files.createTempDirectory("arxos-collab-load-");
        try (ServerUnderTest server = home == null
                ? ServerUnderTest.connect(options.server(), options.token(), options.serverPid())
                : ServerUnderTest.start(options.serverDir().toAbsolutePath().normalize(), home, options.serverHeap(),
                        START)) {
            System.out.println("server: " + server.base() + (home == null ? "" : ", home and logs in " + home));
            status = run(options, server) ? 0 : 1;
        } catch (IllegalStateException | IllegalArgumentException | java.io.IOException e) {
            System.err.println("collab load failed: " + e.getMessage());
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            System.exit(status);
        }
    }

    private static boolean run(LoadOptions options, ServerUnderTest server) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        String edited = "collab-load-" + run;
        List<String> idleBuildings = IntStream.range(0, (options.idle() + IDLE_PER_BUILDING - 1) / IDLE_PER_BUILDING)
                .mapToObj(i -> "collab-idle-" + run + "-" + i).toList();
        server.generate(edited, options.items(), options.seed());
        for (String idleBuilding : idleBuildings) {
            server.generate(idleBuilding, 200, options.seed());
        }
        ServerUnderTest.Head start = server.head(edited);
        Revision building = Mirror.readBuilding(new ByteArrayInputStream(start.json()), edited);
        EditScript.Targets targets = EditScript.Targets.of(building);
        System.out.printf("building %s: revision %d, %d objects (%d components, %d spaces); idle buildings %s%n",
                edited, start.revision(), building.objectCount(), targets.components().size(),
                targets.spaces().size(), idleBuildings);

        ExecutorService callbacks = Executors.newFixedThreadPool(Math.max(2, options.httpClients()));
        List<HttpClient> https = IntStream.range(0, options.httpClients()).mapToObj(i -> HttpClient.newBuilder()
                .executor(callbacks).build()).toList();
        URI ws = server.webSocketBase();

        List<String> editorIds = IntStream.range(0, options.editors()).mapToObj(i -> "e-" + run + "-" + i).toList();
        OperationLedger ledger = new OperationLedger(editorIds, options.warmup() + options.seconds() + 1,
                options.warmup() + 1);
        List<CollabClient> idle = new ArrayList<>();
        for (int i = 0; i < options.idle(); i++) {
            idle.add(new CollabClient("i-" + run + "-" + i, null, null));
        }
        List<Mirror> mirrors = new ArrayList<>();
        List<CollabClient> receivers = new ArrayList<>();
        for (int i = 0; i < options.mirrors(); i++) {
            Mirror mirror = new Mirror(building);
            mirrors.add(mirror);
            receivers.add(new CollabClient("m-" + run + "-" + i, ledger, mirror));
        }
        List<CollabClient> editors = editorIds.stream().map(id -> new CollabClient(id, ledger, null)).toList();
        receivers.addAll(editors);

        long opening = System.nanoTime();
        for (int b = 0; b < idleBuildings.size(); b++) {
            String idleBuilding = idleBuildings.get(b);
            open(idle.subList(b * IDLE_PER_BUILDING, Math.min(idle.size(), (b + 1) * IDLE_PER_BUILDING)), https, ws,
                    server.token(), idleBuilding, server.head(idleBuilding).revision());
        }
        System.out.printf("%d idle sessions open in %.1f s%n", idle.size(), (System.nanoTime() - opening) / 1e9);
        opening = System.nanoTime();
        open(receivers, https, ws, server.token(), edited, start.revision());
        System.out.printf("%d editors and %d mirrors open in %.1f s%n", editors.size(), mirrors.size(),
                (System.nanoTime() - opening) / 1e9);

        long began = System.nanoTime();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        java.util.SplittableRandom phases = new java.util.SplittableRandom(options.seed());
        for (int i = 0; i < editors.size(); i++) {
            CollabClient editor = editors.get(i);
            EditScript script = new EditScript(editor.clientId(), targets, options.seed() * 1_000_003L + i);
            AtomicLong sent = new AtomicLong();
            long phase = phases.nextLong(1_000_000_000L);
            clock.scheduleAtFixedRate(() -> {
                if (sent.incrementAndGet() <= options.warmup() + options.seconds()) {
                    editor.sendOperation(script.next());
                }
            }, phase, 1_000_000_000L, TimeUnit.NANOSECONDS);
        }
        Thread.sleep(options.warmup() * 1000L);
        Optional<Duration> serverCpuBefore = server.cpu();
        long toolCpuBefore = OS.getProcessCpuTime();
        long measured = System.nanoTime();
        Thread.sleep(options.seconds() * 1000L + 1000);
        clock.shutdownNow();
        long sendingNanos = System.nanoTime() - measured;
        int receiversOfEach = receivers.size() - 1;
        long drainDeadline = System.nanoTime() + DRAIN.toNanos();
        while (!ledger.deliveredEverywhere(receiversOfEach) && System.nanoTime() < drainDeadline) {
            Thread.sleep(100);
        }
        long elapsed = System.nanoTime() - measured;
        Optional<Duration> serverCpuAfter = server.cpu();
        long toolCpu = OS.getProcessCpuTime() - toolCpuBefore;
        double loadAfter = OS.getSystemLoadAverage();

        LatencyHistogram everyone = new LatencyHistogram();
        OperationLedger.Tally tally = ledger.tally(receiversOfEach, everyone);
        long missing = 0;
        long duplicates = 0;
        long outOfOrder = 0;
        long behind = 0;
        long rejected = 0;
        long conflicts = 0;
        long closed = 0;
        Map<String, Long> errors = new TreeMap<>();
        long last = receivers.stream().mapToLong(CollabClient::lastRevision).max().orElse(start.revision());
        for (CollabClient client : receivers) {
            missing += client.missingUpTo(last);
            duplicates += client.duplicates();
            outOfOrder += client.outOfOrder();
            behind += client.lastRevision() < last ? 1 : 0;
            rejected += client.rejected();
            conflicts += client.conflicts();
            if (client.closed().isDone()) {
                closed++;
                errors.merge("closed: " + client.closed().getNow(""), 1L, Long::sum);
            }
            client.errors().forEach((problem, n) -> errors.merge(problem, n.get(), Long::sum));
        }
        IdleCheck idleCheck = checkIdle(idle);

        double seconds = elapsed / 1e9;
        System.out.println();
        System.out.printf("editors %d, mirrors %d, one operation per editor per second for %d s after a %d s "
                + "warm-up (measured: %.1f s sending, %.1f s until everything arrived)%n", editors.size(),
                mirrors.size(), options.seconds(), options.warmup(), sendingNanos / 1e9, seconds);
        System.out.printf("operations: %d sent, %d acknowledged (%.0f/s), %d unacknowledged, %d acknowledged twice, "
                + "%d changes rejected, %d conflicts reported%n", tally.sent(), tally.acknowledged(),
                tally.acknowledged() / ((measured - began + sendingNanos) / 1e9), tally.unacknowledged(), tally.acknowledgedTwice(),
                rejected, conflicts);
        System.out.printf("deliveries to other clients: %d (%.0f/s); revisions %d..%d%n", ledger.propagation.count(),
                ledger.propagation.count() / seconds, start.revision(), last);
        long frames = receivers.stream().mapToLong(CollabClient::frames).sum();
        long messages = receivers.stream().mapToLong(CollabClient::messages).sum();
        System.out.printf("frames to the edited building's clients during the whole run: %d, %.1f messages per "
                + "frame%n", frames, (double) messages / Math.max(1, frames));
        printLatency("propagation, per delivery", ledger.propagation);
        printLatency("propagation, to every other client", everyone);
        printLatency("acknowledgement to the author", ledger.acknowledgement);
        List<LatencyHistogram> timeline = ledger.timeline(began, TimeUnit.SECONDS.toNanos(TIMELINE_SECONDS));
        for (int w = 0; w < timeline.size(); w++) {
            printLatency(String.format("  to every other client, sent at %3d-%3d s%s", w * TIMELINE_SECONDS,
                    (w + 1) * TIMELINE_SECONDS, w * TIMELINE_SECONDS < options.warmup() ? " (warm-up)" : ""),
                    timeline.get(w));
        }
        System.out.printf("lost (acknowledged, not received by all %d others): %d; duplicated: %d; unknown "
                + "operations received: %d%n", receiversOfEach, tally.lost(), tally.duplicated(),
                ledger.unknownOperations());
        System.out.printf("revision streams: %d revisions missing, %d received twice, %d out of order, %d clients "
                + "behind the last revision, %d revisions received differently by two clients, %d frames unreadable%n",
                missing, duplicates, outOfOrder, behind, ledger.fingerprintMismatches(),
                receivers.stream().mapToLong(CollabClient::malformedFrames).sum());
        System.out.printf("idle sessions held: %d of %d still open and answering a ping (ping p99 %.1f ms)%n",
                idleCheck.answered(), idle.size(), idleCheck.pings().percentileMillis(99));
        System.out.printf("sessions of the edited building closed during the run: %d%n", closed);
        errors.forEach((problem, n) -> System.out.printf("  %6d x %s%n", n, problem));
        System.out.printf("CPU during the run: server JVM %s, load tool %.1f s (%.0f %% of one core); load average "
                + "now %.2f%n", serverCpuAfter.flatMap(after -> serverCpuBefore.map(before -> String.format(
                        "%.1f s (%.0f %% of one core)", after.minus(before).toMillis() / 1e3,
                        after.minus(before).toMillis() / 10.0 / seconds))).orElse("unknown (no --server-pid)"),
                toolCpu / 1e9, toolCpu / 1e7 / seconds, loadAfter);

        System.out.printf("p99 propagation %.1f ms (target 50 ms): %s%n", ledger.propagation.percentileMillis(99),
                ledger.propagation.percentileMillis(99) <= 50 ? "met" : "NOT met");

        ServerMessage live = liveHead(https, ws, server.token(), edited, "v-" + run);
        String headHash = Mirror.readBuilding(live.snapshot(), edited + " snapshot").contentHash();
        int converged = 0;
        for (Mirror mirror : mirrors) {
            if (mirror.failure() == null && mirror.contentHash().equals(headHash)) {
                converged++;
            } else {
                System.out.printf("mirror not converged: %s (hash %s)%n", mirror.failure(), mirror.contentHash());
            }
        }
        System.out.printf("the server's head: revision %d, content hash %s; mirrors with the same content: %d of %d%n",
                live.revision(), headHash, converged, mirrors.size());
        boolean passed = live.revision() == last && tally.lost() == 0 && tally.duplicated() == 0
                && tally.unacknowledged() == 0 && missing == 0 && duplicates == 0 && ledger.fingerprintMismatches() == 0 && converged == mirrors.size()
                && idleCheck.answered() == idle.size() && behind == 0;

        receivers.forEach(CollabClient::close);
        idle.forEach(CollabClient::close);
        boolean stored = awaitStoredHead(server, edited, headHash);
        System.out.printf("once every session left, the building's head in the repository has the same content: %s%n",
                stored ? "yes" : "NO");
        System.out.printf("lost, duplicated, held and converged: %s%n", passed && stored ? "passed" : "FAILED");
        server.delete(edited);
        for (String idleBuilding : idleBuildings) {
            server.delete(idleBuilding);
        }
        callbacks.shutdownNow();
        return passed && stored;
    }

    /**
     * The server's live head: the welcome of a client with nothing. A room busy with a backlog refuses the join for
     * a while ("try again"), so up to three attempts.
     */
    private static ServerMessage liveHead(List<HttpClient> https, URI ws, String token, String building, String id)
            throws Exception {
        for (int attempt = 1;; attempt++) {
            CollabClient verifier = new CollabClient(id + "-" + attempt, null, null);
            try {
                open(List.of(verifier), https, ws, token, building, -1);
                ServerMessage live = verifier.welcome().get();
                if (live.snapshot() == null) {
                    throw new IllegalStateException("a client joining with since=-1 got no snapshot: " + live);
                }
                return live;
            } catch (IllegalStateException e) {
                if (attempt == 3) {
                    throw e;
                }
                System.out.println("reading the live head failed, again in 5 s: " + e.getMessage());
                Thread.sleep(5000);
            } finally {
                verifier.close();
            }
        }
    }

    /** Polls the head through REST until it has the content hash the live head had, for up to 30 s. */
    private static boolean awaitStoredHead(ServerUnderTest server, String building, String contentHash)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            ServerUnderTest.Head head = server.head(building);
            Revision stored = Mirror.readBuilding(new ByteArrayInputStream(head.json()), building);
            if (stored.contentHash().equals(contentHash)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(500);
        }
    }

    private static void printLatency(String what, LatencyHistogram histogram) {
        System.out.printf("%-40s p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (%d samples)%n", what + ":",
                histogram.percentileMillis(50), histogram.percentileMillis(99), histogram.maxMillis(),
                histogram.count());
    }

    /** Opens the sessions, at most {@link #OPENING_AT_ONCE} handshakes at a time, and waits for every welcome. */
    private static void open(List<CollabClient> clients, List<HttpClient> https, URI server, String token,
            String building, long since) throws Exception {
        Semaphore handshakes = new Semaphore(OPENING_AT_ONCE);
        List<CompletableFuture<?>> welcomes = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            CollabClient client = clients.get(i);
            handshakes.acquire();
            welcomes.add(client.connect(https.get(i % https.size()), server, token, building, since)
                    .thenCompose(CollabClient::welcome).whenComplete((w, e) -> handshakes.release()));
        }
        try {
            CompletableFuture.allOf(welcomes.toArray(CompletableFuture[]::new)).get(START.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a session of building '" + building + "' could not join: "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    private record IdleCheck(long answered, LatencyHistogram pings) {
    }

    /** Every idle session must still be open and answer a ping within 30 s. */
    private static IdleCheck checkIdle(List<CollabClient> idle) throws InterruptedException {
        LatencyHistogram pings = new LatencyHistogram();
        List<CompletableFuture<Long>> pongs = new ArrayList<>();
        for (CollabClient client : idle) {
            pongs.add(client.closed().isDone() ? CompletableFuture.failedFuture(new IllegalStateException("closed"))
                    : client.ping());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long answered = 0;
        for (CompletableFuture<Long> pong : pongs) {
            try {
                long nanos = pong.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                pings.recordNanos(nanos);
                answered++;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // counted as not held
            }
        }
        return new IdleCheck(answered, pings);
    }
}
