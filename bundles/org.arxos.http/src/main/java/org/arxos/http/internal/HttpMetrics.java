package org.arxos.http.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.RuntimeMXBean;
import java.util.Map;

import org.arxos.api.cache.Cache;
import org.arxos.api.event.EventBridge;
import org.arxos.api.compute.Calculations;
import org.arxos.api.compute.ComputeEngine;
import org.arxos.api.selection.Capability;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The bundle's metrics: requests by method, route and status, their latency, JVM heap and uptime, and the counters of
 * every running cache ({@link CacheMetrics}), calculation jobs and compute engines ({@link ComputeMetrics}), event bridges
 * ({@link MessagingMetrics}). Its own registry, not the library's static default one, so restarting
 * the bundle does not register the metrics twice.
 */
@Component(service = HttpMetrics.class)
public final class HttpMetrics {

    /** Prometheus text exposition format 0.0.4. */
    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter textFormat = PrometheusTextFormatWriter.create();
    private final Counter requests;
    private final Histogram latency;
    private final CacheMetrics caches = new CacheMetrics();
    private final MessagingMetrics bridges = new MessagingMetrics();
    private final ComputeMetrics compute = new ComputeMetrics();

    public HttpMetrics() {
        requests = Counter.builder().name("arxos_http_requests").help("HTTP requests answered")
                .labelNames("method", "route", "status").withoutExemplars().register(registry);
        latency = Histogram.builder().name("arxos_http_request_duration_seconds")
                .help("Time from receiving a request to finishing its response").unit(Unit.SECONDS)
                .labelNames("method", "route", "status").classicOnly()
                .classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
                .withoutExemplars().register(registry);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        heapGauge("jvm_memory_heap_used_bytes", "Heap memory in use", memory, MemoryUsage::getUsed);
        heapGauge("jvm_memory_heap_committed_bytes", "Heap memory committed by the JVM", memory,
                MemoryUsage::getCommitted);
        heapGauge("jvm_memory_heap_max_bytes", "Largest heap the JVM may use, -1 when unbounded", memory,
                MemoryUsage::getMax);
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        GaugeWithCallback.builder().name("process_uptime_seconds").help("Time since the JVM started")
                .unit(Unit.SECONDS).callback(cb -> cb.call(runtime.getUptime() / 1000.0)).register(registry);
        GaugeWithCallback.builder().name("process_start_time_seconds").help("When the JVM started, in Unix time")
                .unit(Unit.SECONDS).callback(cb -> cb.call(runtime.getStartTime() / 1000.0)).register(registry);
        registry.register(caches);
        registry.register(compute);
        registry.register(bridges);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCache(Cache cache, Map<String, Object> properties) {
        caches.add(cache, String.valueOf(properties.getOrDefault(Capability.IMPL, "cache")));
    }

    void removeCache(Cache cache) {
        caches.remove(cache);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addBridge(EventBridge bridge, Map<String, Object> properties) {
        bridges.add(bridge, String.valueOf(properties.getOrDefault(Capability.IMPL, "bridge")));
    }

    void removeBridge(EventBridge bridge) {
        bridges.remove(bridge);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEngine(ComputeEngine engine, Map<String, Object> properties) {
        compute.add(engine, String.valueOf(properties.getOrDefault(Capability.IMPL, "engine")));
    }

    void removeEngine(ComputeEngine engine) {
        compute.remove(engine);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setCalculations(Calculations calculations) {
        compute.calculations(calculations);
    }

    void unsetCalculations(Calculations calculations) {
        compute.calculations(null);
    }

    private void heapGauge(String name, String help, MemoryMXBean memory,
            java.util.function.ToLongFunction<MemoryUsage> value) {
        GaugeWithCallback.builder().name(name).help(help).unit(Unit.BYTES)
                .callback(cb -> cb.call(value.applyAsLong(memory.getHeapMemoryUsage()))).register(registry);
    }

    void record(String method, String route, int status, long nanos) {
        String statusLabel = Integer.toString(status);
        requests.labelValues(method, route, statusLabel).inc();
        latency.labelValues(method, route, statusLabel).observe(nanos / 1e9);
    }

    void write(OutputStream out) throws IOException {
        textFormat.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
    }
}
