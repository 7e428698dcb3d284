package org.arxos.messaging.activemq.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.apache.activemq.broker.BrokerService;
import org.arxos.api.event.BuildingEvent;
import org.arxos.api.event.EventBridge;
import org.arxos.api.health.Health;
import org.arxos.messaging.internal.LocalBuses;
import org.arxos.messaging.internal.LocalEventBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes, each a real in-process bus with a bridge, over a real ActiveMQ broker on loopback. */
class ActiveMqEventBridgeTest {

    /** Ports of the brokers these tests start (61700-61799 are this bundle's). */
    private static final int EMBEDDED_PORT = 61701;
    private static final int EXTERNAL_PORT = 61702;
    private static final int SMALL_LIMIT_PORT = 61703;

    @TempDir
    Path data;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        Collections.reverse(open);
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    @Test
    void eventsCrossExactlyOnceEachWayThroughTheEmbeddedBrokerOfOneNode() throws Exception {
        Node a = node(settings("", "tcp://127.0.0.1:" + EMBEDDED_PORT, "node-a", 65_536));
        awaitConnected(a);
        Node b = node(settings("tcp://127.0.0.1:" + EMBEDDED_PORT, "", "node-b", 65_536));
        awaitConnected(b);

        int perNode = 200;
        for (int i = 1; i <= perNode; i++) {
            a.bus.publish(event("from-a", i));
            b.bus.publish(event("from-b", i));
        }
        await("every event on the other node", () -> b.seen.size() == 2 * perNode && a.seen.size() == 2 * perNode);
        Thread.sleep(500); // a duplicate or an echo would arrive by now

        for (Node node : List.of(a, b)) {
            Node other = node == a ? b : a;
            String local = node == a ? "from-a" : "from-b";
            String remote = node == a ? "from-b" : "from-a";
            List<BuildingEvent> own = node.seen.stream().filter(e -> e.buildingId().equals(local)).toList();
            List<BuildingEvent> theirs = node.seen.stream().filter(e -> e.buildingId().equals(remote)).toList();
            assertEquals(perNode, own.size(), node.name + " got its own events back");
            assertTrue(own.stream().allMatch(e -> !e.attributes().containsKey(EventBridge.ORIGIN)));
            assertEquals(perNode, theirs.size(), node.name + " did not get each event of the other node once");
            assertTrue(theirs.stream().allMatch(e -> other.name.equals(e.attributes().get(EventBridge.ORIGIN))),
                    "events of another node carry its id as origin");
            assertEquals(revisions(perNode), theirs.stream().map(BuildingEvent::revision).toList(),
                    "one building's events arrive in publication order");
            assertEquals(perNode, node.bridge.stats().sent());
            assertEquals(perNode, node.bridge.stats().received());
            assertEquals(0, node.bridge.stats().failed());
        }
        BuildingEvent crossed = b.seen.stream().filter(e -> e.buildingId().equals("from-a")).findFirst().orElseThrow();
        assertEquals("t1", crossed.tenant());
        assertEquals(BuildingEvent.REVISION_APPLIED, crossed.topic());
        assertEquals("alice", crossed.attributes().get("author"));
        assertEquals(Health.Status.UP, a.bridge.check().status());
    }

    @Test
    void aBrokerThatGoesAwayAndComesBackIsJoinedAgainAndEventsFlowAgain() throws Exception {
        BrokerService broker = externalBroker(EXTERNAL_PORT);
        String url = "tcp://127.0.0.1:" + EXTERNAL_PORT;
        Node a = node(settings(url, "", "node-a", 65_536));
        Node b = node(settings(url, "", "node-b", 65_536));
        awaitConnected(a);
        awaitConnected(b);
        a.bus.publish(event("before", 1));
        await("the event before the outage", () -> b.seen.size() == 1);

        broker.stop();
        broker.waitUntilStopped();
        await("both bridges to notice the outage", () -> a.bridge.check().status() == Health.Status.DEGRADED
                && b.bridge.check().status() == Health.Status.DEGRADED);
        Health degraded = a.bridge.check();
        assertTrue(degraded.message().contains("unreachable"), degraded.message());
        assertFalse(a.bridge.stats().connected());
        a.bus.publish(event("during", 1));
        await("the event during the outage to count as failed", () -> a.bridge.stats().failed() == 1);

        externalBroker(EXTERNAL_PORT);
        awaitConnected(a);
        awaitConnected(b);
        a.bus.publish(event("after", 1));
        b.bus.publish(event("after-b", 1));
        await("events after the outage", () -> b.seen.stream().anyMatch(e -> e.buildingId().equals("after"))
                && a.seen.stream().anyMatch(e -> e.buildingId().equals("after-b")));
        Thread.sleep(300);
        assertEquals(List.of("before", "after"), b.seen.stream().filter(e -> e.attributes().containsKey(
                EventBridge.ORIGIN)).map(BuildingEvent::buildingId).toList(),
                "node b gets what node a sent while connected, once");
        assertEquals(Health.Status.UP, a.bridge.check().status());
    }

    @Test
    void anEventLargerThanTheLimitIsRefusedAndNotSent() throws Exception {
        Node a = node(settings("", "tcp://127.0.0.1:" + SMALL_LIMIT_PORT, "node-a", 512));
        Node b = node(settings("tcp://127.0.0.1:" + SMALL_LIMIT_PORT, "", "node-b", 512));
        awaitConnected(a);
        awaitConnected(b);
        a.bus.publish(new BuildingEvent(BuildingEvent.REVISION_APPLIED, "t1", "big", 1,
                Map.of("note", "x".repeat(600)), Instant.now()));
        a.bus.publish(event("small", 1));
        await("the small event", () -> b.seen.size() == 1);
        assertEquals("small", b.seen.get(0).buildingId());
        assertEquals(1, a.bridge.stats().failed());
        assertEquals(1, a.bridge.stats().sent());
    }

    @Test
    void configurationsThatCannotWorkAreRefusedNamingTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings("tcp://10.0.0.1:61616", "tcp://127.0.0.1:61616", "n", 1024));
        assertTrue(e.getMessage().contains("tcp://10.0.0.1:61616") && e.getMessage().contains("listenAddress"),
                e.getMessage());
        IllegalArgumentException address = assertThrows(IllegalArgumentException.class,
                () -> settings("", "localhost:61616", "n", 1024));
        assertTrue(address.getMessage().contains("tcp://<host>:<port>"), address.getMessage());
        IllegalArgumentException failover = assertThrows(IllegalArgumentException.class,
                () -> settings("failover:(tcp://a:61616,tcp://b:61616)", "", "n", 1024));
        assertTrue(failover.getMessage().contains("failover"), failover.getMessage());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private record Node(String name, LocalEventBus bus, ActiveMqEventBridge bridge, List<BuildingEvent> seen) {
    }

    private Node node(BridgeSettings settings) throws Exception {
        LocalEventBus bus = LocalBuses.start();
        open.add(() -> LocalBuses.stop(bus));
        List<BuildingEvent> seen = Collections.synchronizedList(new ArrayList<>());
        bus.subscribe("*", seen::add);
        ActiveMqEventBridge bridge = new ActiveMqEventBridge(bus, settings);
        open.add(bridge::stop);
        return new Node(settings.nodeId(), bus, bridge, seen);
    }

    private BridgeSettings settings(String brokerUrl, String listen, String nodeId, int maxBytes) {
        return new BridgeSettings(brokerUrl, listen, nodeId, "arxos.test", maxBytes, false,
                data.resolve(nodeId), Duration.ofMillis(50), Duration.ofMillis(400));
    }

    private BrokerService externalBroker(int port) throws Exception {
        BrokerService broker = new BrokerService();
        broker.setBrokerName("external-" + port);
        broker.setUseJmx(false);
        broker.setPersistent(false);
        broker.setUseShutdownHook(false);
        broker.setDataDirectoryFile(data.resolve("external").toFile());
        broker.addConnector("tcp://127.0.0.1:" + port);
        broker.start();
        broker.waitUntilStarted();
        open.add(broker::stop);
        return broker;
    }

    private static BuildingEvent event(String building, long revision) {
        return new BuildingEvent(BuildingEvent.REVISION_APPLIED, "t1", building, revision, Map.of("author", "alice"),
                Instant.now());
    }

    private static List<Long> revisions(int count) {
        return java.util.stream.LongStream.rangeClosed(1, count).boxed().collect(Collectors.toList());
    }

    private static void awaitConnected(Node node) throws InterruptedException {
        await(node.name + " to connect", () -> node.bridge.stats().connected());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
