package org.arxos.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.arxos.api.compute.CalculationContext;
import org.arxos.api.compute.ComputeEngine;
import org.arxos.api.compute.ComputeTask;
import org.arxos.api.compute.JobOptions;
import org.arxos.calculations.ClearanceResult;
import org.arxos.calculations.internal.ClearanceCalculation;
import org.arxos.compute.ignite.internal.IgniteComputeEngine;
import org.arxos.compute.ignite.internal.IgniteNodeSettings;
import org.arxos.compute.local.internal.LocalComputeEngine;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.model.BuildingObject;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.Connection;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.arxos.model.geometry.Footprint;
import org.arxos.model.geometry.Polygon;
import org.arxos.model.geometry.Polyline;

/**
 * Strong and weak scaling of the heavy calculation ({@code clearance}) on Apache Ignite. In one run: the local engine
 * with one worker in this JVM (T_local), and its result on twice the building; then a JVM of its own joins a loopback
 * cluster as a client node (it submits and reduces, runs no job; see {@link #relaunchAsClientNode}) with one server
 * node of one worker in a JVM of its own (T1), then two (T2), then twice the building on the two (T2w); the first run
 * on each engine, and on each newly started second server, is a warm-up, not counted. Twice the building is the
 * building and an identical twin tower beside it, further away than the clearance distance and shifted by whole
 * tiles: exactly twice the slices and twice the work, so that weak scaling measures the engine, not a harder problem
 * (the generator's building of twice the objects has larger floors, so more neighbours per component: 2.26 times the
 * work at 1,000,000 objects).
 * Each measured configuration runs {@code --repeat} times (default 3) and counts with its median wall time: single runs
 * of the same work on this machine differ by up to 15 % (JIT and scheduling), more than the targets' margins. The
 * Ignite configurations are measured in rounds (T1, then a second server joins for T2 and T2w and leaves again), as the
 * machine's speed drifts over minutes by as much. Also: the per-job overhead (no-op jobs through one worker), the bytes
 * sent and received per job, and the CPU of each server JVM and of the client's. Every result must equal the local
 * engine's. With {@code taskset}, server JVMs are pinned one per core and the client node's JVM to the first server's
 * core: a run on n servers has n cores, the client's work included, in every configuration (unpinned, the one-server
 * run had the second core for the client alone).
 *
 * <p>Arguments (one string, as exec:exec passes {@code benchmark.sizes}): the building's objects (default 1000000),
 * then optional {@code --distance=} and {@code --tile=} (the calculation's parameters), {@code --repeat=},
 * {@code --no-pin}. exec:exec passes Ignite's flags as {@code -Dignite.jvm.options} for the client node's JVM.
 */
public final class ComputeScalingBenchmark {

    /** Given to the client node's JVM: the file with the local engine's measurement and results. */
    private static final String REFERENCE_OPTION = "--reference=";
    private static final List<String> CLIENT_NODE_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final String JVM_OPTIONS_PROPERTY = "ignite.jvm.options";
    private static final int DISCOVERY_PORT = 48540;
    private static final int COMMUNICATION_PORT = 48640;
    private static final int OVERHEAD_JOBS = 400;
    private static final String TASKSET = "/usr/bin/taskset";
    private static final JobOptions OPTIONS = new JobOptions(0, Duration.ofHours(2), "clearance-benchmark");

    private ComputeScalingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> words = Arrays.stream(String.join(" ", args).trim().split("\\s+")).filter(w -> !w.isEmpty())
                .toList();
        int objects = words.stream().filter(w -> !w.startsWith("--")).findFirst().map(Integer::parseInt)
                .orElse(1_000_000);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("distance", option(words, "--distance=", "1.0"));
        parameters.put("tile", option(words, "--tile=", "20"));
        int repeats = Integer.parseInt(option(words, "--repeat=", "3"));
        String referenceFile = option(words, REFERENCE_OPTION, null);
        if (referenceFile == null) {
            System.out.printf("ComputeScalingBenchmark: clearance %s on %d and %d objects (seed 42), %d cores%n",
                    parameters, objects, 2 * objects, Runtime.getRuntime().availableProcessors());
            // the client node's JVM, pinned to one core, sees one: the machine's cores go to it in the reference
            int cores = words.contains("--no-pin") ? 0 : Runtime.getRuntime().availableProcessors();
            Path reference = Files.createTempFile("arxos-compute-scaling-", ".reference");
            measureLocal(objects, parameters, repeats, cores, reference);
            System.exit(relaunchAsClientNode(args, reference, cores));
        }
        Reference reference;
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(Path.of(referenceFile)))) {
            reference = (Reference) in.readObject();
        }
        Run local = reference.local();
        Revision building = SyntheticBuilding.generateRevision(GeneratorSettings.of(42, objects));
        Path work = Files.createTempDirectory("arxos-compute-scaling-");
        List<Process> servers = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.forEach(Process::destroyForcibly)));
        Revision twice = twinTowers(building, parameters);
        List<Run> ones = new ArrayList<>();
        List<Run> twos = new ArrayList<>();
        List<Run> weaks = new ArrayList<>();
        double overheadMillis;
        // a client node joins only a cluster that has a server: the first server starts before it
        servers.add(startServer(1, reference.cores(), work));
        try (IgniteComputeEngine client = new IgniteComputeEngine(IgniteNodeSettings.loopback("bench-client", true,
                DISCOVERY_PORT, COMMUNICATION_PORT, 1, work.resolve("client")))) {
            awaitServers(client, 1);
            overheadMillis = perJobOverheadMillis(client);
            Run.measure("warm-up: ignite, 1 server", client, building, parameters, servers, local.result);
            // rounds, so that the machine's drift over minutes falls on every configuration alike
            for (int round = 1; round <= repeats; round++) {
                String of = " (" + round + "/" + repeats + ")";
                ones.add(Run.measure("ignite, 1 server" + of, client, building, parameters, servers, local.result));
                servers.add(startServer(2, reference.cores(), work));
                awaitServers(client, 2);
                Run.measure("warm-up: ignite, 2 servers" + of, client, building, parameters, servers, local.result);
                twos.add(Run.measure("ignite, 2 servers" + of, client, building, parameters, servers, local.result));
                weaks.add(Run.measure("ignite, 2 servers, 2x building" + of, client, twice, parameters, servers,
                        reference.twiceLocal()));
                stopServer(servers.remove(1));
                awaitServers(client, 1);
            }
            System.out.printf("  2x building: %.4f times the pairs, %d against %d slices%n",
                    (double) reference.twiceLocal().pairs() / local.result.pairs(), reference.twiceLocal().slices(),
                    local.result.slices());
        } finally {
            servers.forEach(ComputeScalingBenchmark::stopServer);
        }

        Run one = Run.median("ignite, 1 server", ones);
        Run two = Run.median("ignite, 2 servers", twos);
        Run weak = Run.median("ignite, 2 servers, 2x building", weaks);
        System.out.println();
        System.out.printf("medians of %d measured runs each:%n", repeats);
        System.out.printf("%-32s %10s %14s %12s %14s %12s %12s %8s %14s %14s%n", "run", "wall s", "range s",
                "server cpu s", "per server s", "client cpu s", "client gc s", "jobs", "sent B/job", "recv B/job");
        for (Run run : List.of(local, one, two, weak)) {
            System.out.printf("%-32s %10.2f %14s %12.2f %14s %12.2f %12.2f %8d %14d %14d%n", run.name, run.seconds,
                    run.range, Arrays.stream(run.serverCpuSeconds).sum(), perServer(run.serverCpuSeconds),
                    run.clientCpuSeconds, run.clientGcSeconds, run.jobs, run.jobs == 0 ? 0 : run.sentBytes / run.jobs,
                    run.jobs == 0 ? 0 : run.receivedBytes / run.jobs);
        }
        System.out.printf("%nT_local %.2f s, T1 %.2f s, T2 %.2f s, T2(2x building) %.2f s%n", local.seconds,
                one.seconds, two.seconds, weak.seconds);
        System.out.printf("strong-scaling efficiency T1/(2*T2) = %.3f (target >= 0.85)%n", one.seconds
                / (2 * two.seconds));
        System.out.printf("weak scaling T2(2x)/T1 = %.3f (target within 15%% of 1)%n", weak.seconds / one.seconds);
        System.out.printf("per-job overhead %.3f ms (%d no-op jobs through one worker); Ignite over local on one "
                + "worker: %.3f%n", overheadMillis, OVERHEAD_JOBS, one.seconds / local.seconds);
        System.out.println("every Ignite result equals the local engine's: yes");
    }

    /** One measured calculation: wall time, CPU time of the server JVMs, jobs and bytes through the engine. */
    private static final class Run implements Serializable {

        private static final long serialVersionUID = 1L;

        String name;
        double seconds;
        double[] serverCpuSeconds;
        /** CPU of this JVM (the client node: collecting, slicing, serializing, folding; all of the local run). */
        double clientCpuSeconds;
        /** Of which collecting garbage (pauses and concurrent work of this JVM's collectors, as they count it). */
        double clientGcSeconds;
        /** The fastest and slowest of the measured runs whose median this is. */
        String range = "-";
        long jobs;
        long sentBytes;
        long receivedBytes;
        ClearanceResult result;

        /** The run of the median wall time, with the range of all. */
        static Run median(String name, List<Run> measured) {
            List<Run> sorted = measured.stream().sorted(Comparator.comparingDouble(r -> r.seconds)).toList();
            Run median = sorted.get(sorted.size() / 2);
            median.name = name;
            median.range = String.format("%.2f-%.2f", sorted.get(0).seconds, sorted.get(sorted.size() - 1).seconds);
            return median;
        }

        static Run measure(String name, ComputeEngine engine, Revision revision, Map<String, String> parameters,
                List<Process> servers, ClearanceResult expected) throws Exception {
            Run run = new Run();
            run.name = name;
            long[] bytesBefore = engine instanceof IgniteComputeEngine ignite ? ignite.transferredBytes() : null;
            long completedBefore = engine.status().completedTasks();
            double[] cpuBefore = cpuSeconds(servers);
            System.gc(); // the garbage of the run before is not this run's
            double clientBefore = clientCpuSeconds();
            double gcBefore = clientGcSeconds();
            long begin = System.nanoTime();
            run.result = new ClearanceCalculation().calculate(new Context(revision, parameters, engine));
            run.seconds = (System.nanoTime() - begin) / 1e9;
            run.clientCpuSeconds = clientCpuSeconds() - clientBefore;
            run.clientGcSeconds = clientGcSeconds() - gcBefore;
            double[] cpuAfter = cpuSeconds(servers);
            run.serverCpuSeconds = IntStream.range(0, servers.size()).mapToDouble(i -> cpuAfter[i] - cpuBefore[i])
                    .toArray();
            run.jobs = engine.status().completedTasks() - completedBefore;
            if (bytesBefore != null) {
                long[] bytesAfter = ((IgniteComputeEngine) engine).transferredBytes();
                run.sentBytes = bytesAfter[0] - bytesBefore[0];
                run.receivedBytes = bytesAfter[1] - bytesBefore[1];
            }
            if (expected != null && !expected.equals(run.result)) {
                throw new IllegalStateException(name + " gave another result than the local engine: " + run.result
                        + " instead of " + expected);
            }
            System.out.printf("  %s: %.2f s, %d jobs, %d pairs; client cpu %.2f s, of which gc %.2f s%n", name,
                    run.seconds, run.jobs, run.result.pairs(), run.clientCpuSeconds, run.clientGcSeconds);
            return run;
        }
    }

    /** The calculation's view of a job, outside the job service. */
    private record Context(Revision revision, Map<String, String> parameters, ComputeEngine engine)
            implements CalculationContext {

        @Override
        public String building() {
            return revision.root().map(r -> r.id()).orElse("generated");
        }

        @Override
        public JobOptions options() {
            return OPTIONS;
        }

        @Override
        public void progress(double fraction) {
            // not shown
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    }

    /** A job that does nothing, so that its time is the engine's. */
    private record NoOp() implements ComputeTask<Integer, Integer>, Serializable {
        @Override
        public Integer apply(Integer input) {
            return input;
        }
    }

    private static double perJobOverheadMillis(ComputeEngine engine) throws Exception {
        List<Integer> inputs = IntStream.range(0, OVERHEAD_JOBS).boxed().toList();
        engine.map(inputs, new NoOp(), OPTIONS).get(10, TimeUnit.MINUTES); // warm-up
        long begin = System.nanoTime();
        engine.map(inputs, new NoOp(), OPTIONS).get(10, TimeUnit.MINUTES);
        return (System.nanoTime() - begin) / 1e6 / OVERHEAD_JOBS;
    }

    private static Process startServer(int number, int cores, Path work) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(onCore(number - 1, cores));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx2g");
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djava.net")).toList());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ComputeServerNode.class.getName(),
                "bench-server-" + number, String.valueOf(DISCOVERY_PORT), String.valueOf(COMMUNICATION_PORT), "1"));
        Path log = work.resolve("server-" + number + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        StringBuilder early = new StringBuilder();
        while ((line = out.readLine()) != null && !line.equals(ComputeServerNode.READY)) {
            early.append(line).append('\n');
        }
        if (line == null) {
            throw new IllegalStateException("server node " + number + " ended before it was ready:\n" + early);
        }
        Thread drain = new Thread(() -> {
            try {
                Files.writeString(log, early);
                out.transferTo(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.APPEND));
            } catch (IOException e) {
                // the node's log is for reading after a failure only
            }
        }, "server-" + number + "-log");
        drain.setDaemon(true);
        drain.start();
        return process;
    }

    /** The command prefix that runs a process on one of the machine's cores, if pinning and {@code taskset}. */
    private static List<String> onCore(int core, int cores) {
        return cores > 0 && Files.isExecutable(Path.of(TASKSET)) ? List.of(TASKSET, "-c", String.valueOf(core % cores))
                : List.of();
    }

    private static void awaitServers(ComputeEngine client, int servers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (client.status().nodes() != servers) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the cluster did not reach " + servers + " server nodes: "
                        + client.status());
            }
            Thread.sleep(50);
        }
    }

    private static double[] cpuSeconds(List<Process> servers) {
        return servers.stream().mapToDouble(p -> p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0d))
                .toArray();
    }

    private static double clientGcSeconds() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> b.getCollectionTime()).sum()
                / 1e3;
    }

    private static double clientCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static String perServer(double[] seconds) {
        return seconds.length == 0 ? "-" : String.join(" / ", Arrays.stream(seconds)
                .mapToObj(v -> String.format("%.2f", v)).toList());
    }

    /**
     * The building and an identical tower beside it: every object but the root again, with ids prefixed, footprints
     * moved along x by whole tiles to more than the clearance distance beyond the building's extent. Its storeys have
     * the first tower's elevations, so both fall into the same storey bands.
     */
    private static Revision twinTowers(Revision building, Map<String, String> parameters)
            throws ChangeRejectedException {
        double distance = Double.parseDouble(parameters.get("distance"));
        double tile = Double.parseDouble(parameters.get("tile"));
        String root = building.root().orElseThrow().id();
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        for (BuildingObject o : (Iterable<BuildingObject>) building.objects()::iterator) {
            if (o.footprint() != null) {
                minX = Math.min(minX, o.footprint().bounds().minX());
                maxX = Math.max(maxX, o.footprint().bounds().maxX());
            }
        }
        float shift = (float) (Math.ceil((maxX - minX + distance) / tile + 1) * tile);
        Stream<BuildingObject> twins = building.objects().filter(o -> !o.id().equals(root))
                .map(o -> new BuildingObject(twin(o.id()), o.type(), o.kind(), o.parentId().equals(root) ? root
                        : twin(o.parentId()), o.name(), moved(o.footprint(), shift), o.elevation(), o.properties()));
        Stream<Connection> twinConnections = building.connections().map(c -> new Connection(twin(c.id()),
                twin(c.fromId()), twin(c.toId()), c.kind(), c.properties()));
        return Revision.restore(building.number(), Stream.concat(building.objects(), twins),
                Stream.concat(building.connections(), twinConnections));
    }

    private static String twin(String id) {
        return "twin-" + id;
    }

    private static Footprint moved(Footprint footprint, float shift) {
        if (footprint == null) {
            return null;
        }
        if (footprint instanceof Bounds b) {
            return new Bounds(b.minX() + shift, b.minY(), b.maxX() + shift, b.maxY());
        }
        float[] coordinates = footprint instanceof Polygon p ? p.coordinates() : ((Polyline) footprint).coordinates();
        for (int i = 0; i < coordinates.length; i += 2) {
            coordinates[i] += shift;
        }
        return footprint instanceof Polygon ? new Polygon(coordinates) : new Polyline(coordinates);
    }

    private static void stopServer(Process process) {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }

    private static String option(List<String> words, String prefix, String fallback) {
        return words.stream().filter(w -> w.startsWith(prefix)).map(w -> w.substring(prefix.length())).findFirst()
                .orElse(fallback);
    }

    /**
     * The local engine's runs, in this JVM (started by exec:exec with the JIT and collector defaults), and the local
     * result on twice the building, written to {@code reference} for the client node's JVM to compare with.
     */
    private static void measureLocal(int objects, Map<String, String> parameters, int repeats, int cores,
            Path reference) throws Exception {
        Revision building = SyntheticBuilding.generateRevision(GeneratorSettings.of(42, objects));
        Run local;
        ClearanceResult twiceLocal;
        try (LocalComputeEngine engine = new LocalComputeEngine(1)) {
            Run.measure("warm-up: local, 1 worker", engine, building, parameters, List.of(), null);
            List<Run> measured = new ArrayList<>(repeats);
            for (int i = 1; i <= repeats; i++) {
                measured.add(Run.measure("local, 1 worker (" + i + "/" + repeats + ")", engine, building, parameters,
                        List.of(), null));
            }
            local = Run.median("local, 1 worker", measured);
            Revision twice = twinTowers(building, parameters);
            twiceLocal = Run.measure("local, 1 worker, 2x building", engine, twice, parameters, List.of(), null)
                    .result;
        }
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(reference))) {
            out.writeObject(new Reference(local, twiceLocal, cores));
        }
    }

    /**
     * What the local engine measured and computed, for the client node's JVM; {@code cores} to pin to, 0 for none.
     */
    private record Reference(Run local, ClearanceResult twiceLocal, int cores) implements Serializable {
    }

    /**
     * Runs the Ignite part in a JVM of its own: with Ignite's flags, and as a client node that takes as little as it
     * can from the server nodes' cores. On this 2-core machine the client has no core of its own, and its C2 compiler
     * (0.9–2.5 s a run, still compiling Ignite's code) and G1's concurrent marking of the building slowed the
     * servers' job threads by 15–24 % (their CPU for the same work); C1 alone and the serial collector do not
     * (measured 2026-11-28, docs/compute-scaling.md). The servers and the local runs keep the defaults.
     */
    private static int relaunchAsClientNode(String[] args, Path reference, int cores)
            throws IOException, InterruptedException {
        String flags = System.getProperty(JVM_OPTIONS_PROPERTY);
        if (flags == null || flags.isBlank()) {
            throw new IllegalStateException("run with -D" + JVM_OPTIONS_PROPERTY + "=\"<Ignite's JVM flags: the root "
                    + "pom's ignite.jvm.options>\" (exec:exec passes them)");
        }
        List<String> command = new ArrayList<>(onCore(0, cores));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(Arrays.asList(flags.trim().split("\\s+")));
        command.addAll(CLIENT_NODE_FLAGS);
        command.addAll(List.of("-cp", snapshotOfClassPath(), ComputeScalingBenchmark.class.getName()));
        command.addAll(Arrays.asList(args));
        command.add(REFERENCE_OPTION + reference);
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    /**
     * The class path with its jars copied aside: the JVMs of a run load classes until its end, and a build that
     * replaces a jar in the Maven repository meanwhile would make them fail to find classes.
     */
    private static String snapshotOfClassPath() throws IOException {
        Path copies = Files.createTempDirectory("arxos-compute-scaling-classpath-");
        List<String> entries = new ArrayList<>();
        String[] classPath = System.getProperty("java.class.path").split(java.io.File.pathSeparator);
        for (int i = 0; i < classPath.length; i++) {
            Path entry = Path.of(classPath[i]);
            if (Files.isRegularFile(entry)) {
                Path copy = copies.resolve(i + "-" + entry.getFileName());
                Files.copy(entry, copy);
                entries.add(copy.toString());
            } else {
                entries.add(classPath[i]);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
