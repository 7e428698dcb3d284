package org.arxos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

import javax.inject.Inject;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteState;
import org.apache.ignite.Ignition;
import org.apache.ignite.configuration.DataStorageConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.arxos.api.compute.ComputeEngine;
import org.arxos.api.compute.ComputeTask;
import org.arxos.api.compute.JobOptions;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The Apache Ignite engine in Felix: its node binds only to the loopback on this test's ports (discovery 48510..48519,
 * communication 48610..48619) with its memory capped; it runs a task whose class lives in another bundle (this test's
 * probe) to the same result as the local engine; the serving engine moves between local and Ignite while threads keep
 * submitting jobs, and no job fails; stopping the bundle leaves no Ignite thread behind.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IgniteEngineTest {

    private static final String PID = "org.arxos.compute.ignite";
    private static final String INSTANCE = "arxos-itest";
    private static final int DISCOVERY_PORT = 48510;
    private static final int COMMUNICATION_PORT = 48610;
    private static final int PORT_RANGE = 9;
    private static final int REGION_MEGABYTES = 32;
    private static final long START_MILLIS = 120_000;
    private static final JobOptions OPTIONS = new JobOptions(0, Duration.ofMinutes(2), "itest");
    private static final List<Integer> INPUTS = IntStream.range(0, 16).boxed().toList();

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurations;

    private ServiceTracker<ComputeEngine, ComputeEngine> engines;

    /** Some arithmetic per input; its class is in the probe bundle, not in the engine's. */
    static final class ResidueSum implements ComputeTask<Integer, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long apply(Integer input) {
            long sum = 0;
            for (long k = 1; k <= 200_000; k++) {
                sum += (input * 7919L + k * k) % 9973;
            }
            return sum;
        }
    }

    @Configuration
    public Option[] config() {
        return ArxosRuntime.withIgniteInstalled();
    }

    @Before
    public void startIgniteOnTheLoopback() throws Exception {
        org.osgi.service.cm.Configuration current = configurations.getConfiguration(PID, "?");
        if (current.getProperties() == null || !Integer.valueOf(-10).equals(current.getProperties()
                .get("service.ranking"))) {
            configure(-10);
        }
        engines = new ServiceTracker<>(context, ComputeEngine.class, null);
        engines.open();
        bundle(ArxosRuntime.IGNITE_ENGINE).start();
        // a reconfiguration (of this or the previous test) restarts the node: wait for the one of this configuration
        Awaits.until("the Ignite engine ranked -10 with its node started", START_MILLIS,
                () -> !references("(&(arxos.impl=ignite)(service.ranking=-10))").isEmpty()
                        && Ignition.state(INSTANCE) == IgniteState.STARTED,
                Boolean.TRUE::equals);
        awaitEngine("local");
    }

    @After
    public void closeTracker() {
        engines.close();
    }

    @Test
    public void theNodeBindsOnlyTheLoopbackOnItsOwnPortsWithCappedMemory() throws Exception {
        Ignite ignite = Ignition.ignite(INSTANCE);
        IgniteConfiguration node = ignite.configuration();
        TcpDiscoverySpi discovery = (TcpDiscoverySpi) node.getDiscoverySpi();
        TcpCommunicationSpi communication = (TcpCommunicationSpi) node.getCommunicationSpi();

        assertEquals("127.0.0.1", node.getLocalHost());
        assertEquals(List.of("127.0.0.1"), List.copyOf(ignite.cluster().localNode().addresses()));
        assertEquals("127.0.0.1", discovery.getLocalAddress());
        assertEquals("127.0.0.1", communication.getLocalAddress());
        assertInRange("discovery port", discovery.getLocalPort(), DISCOVERY_PORT);
        assertInRange("communication port", communication.getLocalPort(), COMMUNICATION_PORT);
        assertFalse("no peer class loading", node.isPeerClassLoadingEnabled());
        DataStorageConfiguration storage = node.getDataStorageConfiguration();
        long cap = REGION_MEGABYTES * 1024L * 1024;
        assertEquals(cap, storage.getDefaultDataRegionConfiguration().getMaxSize());
        assertEquals(cap, storage.getSystemDataRegionConfiguration().getMaxSize());
        assertFalse(storage.getDefaultDataRegionConfiguration().isPersistenceEnabled());

        // what the kernal really listens on: every listening socket in our port ranges is on 127.0.0.1
        List<String> listening = listeningSockets(DISCOVERY_PORT, DISCOVERY_PORT + PORT_RANGE);
        listening.addAll(listeningSockets(COMMUNICATION_PORT, COMMUNICATION_PORT + PORT_RANGE));
        assertTrue("Ignite listens in both port ranges: " + listening, listening.stream()
                .anyMatch(s -> s.endsWith(":" + discovery.getLocalPort())) && listening.stream()
                .anyMatch(s -> s.endsWith(":" + communication.getLocalPort())));
        for (String socket : listening) {
            assertTrue("listens only on the loopback: " + listening, socket.startsWith("127.0.0.1:"));
        }
    }

    @Test
    public void aTaskFromAnotherBundleGivesTheLocalEnginesResult() throws Exception {
        ResidueSum task = new ResidueSum();
        assertNotEquals("the task's class is in another bundle than the engine's",
                FrameworkUtil.getBundle(ResidueSum.class).getSymbolicName(), ArxosRuntime.IGNITE_ENGINE);

        long onIgnite = engine("ignite").mapReduce(INPUTS, task, Long::sum, 0L, OPTIONS).get(2, TimeUnit.MINUTES);
        long onLocal = engine("local").mapReduce(INPUTS, task, Long::sum, 0L, OPTIONS).get(2, TimeUnit.MINUTES);

        assertEquals(onLocal, onIgnite);
        assertEquals(1, engine("ignite").status().nodes());
        assertTrue(engine("ignite").status().completedTasks() >= INPUTS.size());
    }

    @Test
    public void swappingLocalAndIgniteUnderLoadFailsNoRequest() throws Exception {
        long expected = engine("local").mapReduce(INPUTS, new ResidueSum(), Long::sum, 0L, OPTIONS)
                .get(2, TimeUnit.MINUTES);
        Load load = new Load(expected, 3);
        load.start();
        try {
            load.awaitRequestsOn("local", "before any step");
            step("rank ignite above local", () -> configure(10), "ignite", load);
            step("stop the Ignite bundle", () -> bundle(ArxosRuntime.IGNITE_ENGINE).stop(), "local", load);
            step("start the Ignite bundle", () -> bundle(ArxosRuntime.IGNITE_ENGINE).start(), "ignite", load);
            step("stop the local bundle", () -> bundle("org.arxos.compute.local").stop(), "ignite", load);
            step("start the local bundle", () -> bundle("org.arxos.compute.local").start(), "ignite", load);
            step("rank ignite below local", () -> configure(-10), "local", load);
        } finally {
            load.stop();
        }
        assertEquals("failed requests: " + load.failures, 0, load.failures.size());
        System.out.printf("IgniteEngineTest: %d requests on local, %d on ignite, none failed%n",
                load.served("local"), load.served("ignite"));
    }

    @Test
    public void stoppingTheBundleLeavesNoIgniteThread() throws Exception {
        assertFalse("Ignite's threads while it runs", igniteThreads().isEmpty());
        bundle(ArxosRuntime.IGNITE_ENGINE).stop();
        Awaits.until("no thread of " + INSTANCE + " left", 20_000, IgniteEngineTest::igniteThreads,
                threads -> ((List<?>) threads).isEmpty());
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private void step(String description, Action action, String serving, Load load) throws Exception {
        long begin = System.nanoTime();
        action.run();
        awaitServing(serving, description);
        load.awaitRequestsOn(serving, "after '" + description + "'");
        System.out.printf("IgniteEngineTest: %s: %s serves after %d ms%n", description, serving,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
    }

    /** Threads submitting map-reduce jobs to the engine a consumer finds now, checking every answer. */
    private final class Load {
        private final long expected;
        private final List<Thread> threads = new ArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Map<String, LongAdder> served = new ConcurrentHashMap<>();
        final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

        Load(long expected, int threadCount) {
            this.expected = expected;
            for (int i = 0; i < threadCount; i++) {
                threads.add(new Thread(this::submitUntilStopped, "ignite-itest-load-" + i));
            }
        }

        void start() {
            threads.forEach(Thread::start);
        }

        private void submitUntilStopped() {
            while (running.get()) {
                ServiceReference<ComputeEngine> reference = engines.getServiceReference();
                ComputeEngine engine = reference == null ? null : engines.getService(reference);
                if (engine == null) {
                    failures.add("no compute engine registered");
                    pause();
                    continue;
                }
                String name = (String) reference.getProperty("arxos.impl");
                try {
                    long sum = engine.mapReduce(INPUTS, new ResidueSum(), Long::sum, 0L, OPTIONS)
                            .get(2, TimeUnit.MINUTES);
                    if (sum != expected) {
                        failures.add(name + " answered " + sum + " instead of " + expected);
                    }
                    served.computeIfAbsent(name, n -> new LongAdder()).increment();
                } catch (Exception e) {
                    failures.add(name + ": " + e);
                    pause();
                }
            }
        }

        private void pause() {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.set(false);
            }
        }

        long served(String engine) {
            LongAdder count = served.get(engine);
            return count == null ? 0 : count.sum();
        }

        void awaitRequestsOn(String engine, String when) throws InterruptedException {
            long before = served(engine);
            Awaits.until("requests answered by " + engine + " " + when, START_MILLIS, () -> served(engine),
                    count -> (Long) count >= before + 3);
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(TimeUnit.MINUTES.toMillis(2));
            }
        }
    }

    private void configure(int ranking) throws IOException {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("instanceName", INSTANCE);
        properties.put("addresses", new String[] {"127.0.0.1:" + DISCOVERY_PORT + ".." + (DISCOVERY_PORT + PORT_RANGE)});
        properties.put("localAddress", "127.0.0.1");
        properties.put("discoveryPort", DISCOVERY_PORT);
        properties.put("discoveryPortRange", PORT_RANGE);
        properties.put("communicationPort", COMMUNICATION_PORT);
        properties.put("communicationPortRange", PORT_RANGE);
        properties.put("dataRegionMegabytes", REGION_MEGABYTES);
        properties.put("workers", 2);
        properties.put("service.ranking", ranking);
        configurations.getConfiguration(PID, "?").update(properties);
    }

    private ComputeEngine engine(String name) throws Exception {
        ServiceReference<ComputeEngine> reference = awaitEngine(name);
        return context.getService(reference);
    }

    private ServiceReference<ComputeEngine> awaitEngine(String name) throws Exception {
        String filter = "(arxos.impl=" + name + ")";
        Awaits.until("a compute engine " + name, START_MILLIS,
                () -> references(filter), found -> !((List<?>) found).isEmpty());
        return references(filter).get(0);
    }

    private List<ServiceReference<ComputeEngine>> references(String filter) {
        try {
            return List.copyOf(context.getServiceReferences(ComputeEngine.class, filter));
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
    }

    private void awaitServing(String name, String when) throws InterruptedException {
        Awaits.until(name + " serves after '" + when + "'", START_MILLIS, () -> {
            ServiceReference<ComputeEngine> serving = engines.getServiceReference();
            return serving == null ? null : serving.getProperty("arxos.impl");
        }, name::equals);
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    private static void assertInRange(String what, int port, int first) {
        assertTrue(what + " " + port + " in " + first + ".." + (first + PORT_RANGE),
                port >= first && port <= first + PORT_RANGE);
    }

    /** Ignite names its threads with {@code %instance%}. */
    private static List<String> igniteThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.contains("%" + INSTANCE + "%")).toList();
    }

    /** Listening TCP sockets of this machine with a port in the range, as address:port, from /proc/net/tcp[6]. */
    private static List<String> listeningSockets(int firstPort, int lastPort) throws IOException {
        List<String> found = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                String[] local = fields[1].split(":");
                int port = Integer.parseInt(local[1], 16);
                boolean listen = fields[3].equals("0A");
                if (listen && port >= firstPort && port <= lastPort) {
                    found.add(address(local[0]) + ":" + port);
                }
            }
        }
        return found;
    }

    /** /proc/net/tcp writes IPv4 addresses as little-endian hex; IPv6 ones as 32 hex digits. */
    private static String address(String hex) {
        if (hex.length() == 8) {
            long value = Long.parseLong(hex, 16);
            return (value & 0xff) + "." + (value >> 8 & 0xff) + "." + (value >> 16 & 0xff) + "." + (value >> 24 & 0xff);
        }
        if (hex.equals("0000000000000000FFFF00000100007F")) {
            return "127.0.0.1";
        }
        return "[" + hex + "]";
    }
}
