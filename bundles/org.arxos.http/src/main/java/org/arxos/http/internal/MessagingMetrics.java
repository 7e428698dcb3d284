package org.arxos.http.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import org.arxos.api.event.BridgeStats;
import org.arxos.api.event.EventBridge;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * The counters of every event bridge between server nodes (label {@code bridge}, its {@code arxos.impl}), read once
 * per scrape: events sent to other nodes, received from them, failed, and whether the bridge is connected.
 */
final class MessagingMetrics implements MultiCollector {

    private final Map<EventBridge, String> bridges = new ConcurrentHashMap<>();

    void add(EventBridge bridge, String name) {
        bridges.put(bridge, name);
    }

    void remove(EventBridge bridge) {
        bridges.remove(bridge);
    }

    @Override
    public MetricSnapshots collect() {
        Map<String, BridgeStats> byBridge = new TreeMap<>();
        bridges.forEach((bridge, name) -> byBridge.put(name, bridge.stats()));
        if (byBridge.isEmpty()) {
            return new MetricSnapshots();
        }
        GaugeSnapshot.Builder connected = GaugeSnapshot.builder().name("arxos_messaging_connected")
                .help("1 while the bridge is connected to its broker, 0 while it reconnects");
        byBridge.forEach((name, stats) -> connected.dataPoint(GaugeDataPointSnapshot.builder()
                .labels(Labels.of("bridge", name)).value(stats.connected() ? 1 : 0).build()));
        return new MetricSnapshots(
                counter("arxos_messaging_sent", "Events of this node handed to the broker", byBridge,
                        BridgeStats::sent),
                counter("arxos_messaging_received", "Events of other nodes published into this node's bus", byBridge,
                        BridgeStats::received),
                counter("arxos_messaging_failed",
                        "Events not carried: too large, unreadable, or lost while the broker was unreachable",
                        byBridge, BridgeStats::failed),
                connected.build());
    }

    private static CounterSnapshot counter(String name, String help, Map<String, BridgeStats> byBridge,
            ToDoubleFunction<BridgeStats> value) {
        CounterSnapshot.Builder counter = CounterSnapshot.builder().name(name).help(help);
        byBridge.forEach((bridge, stats) -> counter.dataPoint(CounterDataPointSnapshot.builder()
                .labels(Labels.of("bridge", bridge, "node", stats.nodeId())).value(value.applyAsDouble(stats))
                .build()));
        return counter.build();
    }
}
