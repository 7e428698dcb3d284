package org.arxos.http.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import org.arxos.api.compute.Calculations;
import org.arxos.api.compute.ComputeEngine;
import org.arxos.api.compute.EngineStatus;
import org.arxos.api.compute.JobStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * Calculation jobs and compute engines, read once per scrape: the job queue's depth, running jobs, ended jobs by
 * outcome, job latency quantiles per engine (label {@code engine}), and each running engine's nodes, workers and
 * tasks.
 */
final class ComputeMetrics implements MultiCollector {

    private static final Logger LOG = LoggerFactory.getLogger(ComputeMetrics.class);

    private final Map<ComputeEngine, String> engines = new ConcurrentHashMap<>();
    private volatile Calculations calculations;

    void add(ComputeEngine engine, String name) {
        engines.put(engine, name);
    }

    void remove(ComputeEngine engine) {
        engines.remove(engine);
    }

    void calculations(Calculations service) {
        calculations = service;
    }

    @Override
    public MetricSnapshots collect() {
        List<MetricSnapshot> metrics = new ArrayList<>();
        Calculations jobs = calculations;
        if (jobs != null) {
            jobMetrics(jobs.statistics(), metrics);
        }
        Map<String, EngineStatus> byEngine = new TreeMap<>();
        engines.forEach((engine, name) -> {
            try {
                byEngine.put(name, engine.status());
            } catch (RuntimeException e) {
                LOG.debug("Compute engine '{}' gave no status: {}", name, e.toString());
            }
        });
        if (!byEngine.isEmpty()) {
            metrics.add(engineGauge("arxos_compute_engine_nodes", "Nodes that run tasks", byEngine,
                    EngineStatus::nodes));
            metrics.add(engineGauge("arxos_compute_engine_workers", "Threads over all nodes that run tasks",
                    byEngine, EngineStatus::workers));
            metrics.add(engineGauge("arxos_compute_engine_tasks_queued", "Tasks waiting for a worker", byEngine,
                    EngineStatus::queuedTasks));
            metrics.add(engineGauge("arxos_compute_engine_tasks_running", "Tasks running", byEngine,
                    EngineStatus::runningTasks));
            metrics.add(engineCounter("arxos_compute_engine_tasks_completed", "Tasks completed", byEngine,
                    EngineStatus::completedTasks));
            metrics.add(engineCounter("arxos_compute_engine_tasks_failed", "Tasks that threw or were lost",
                    byEngine, EngineStatus::failedTasks));
            metrics.add(engineCounter("arxos_compute_engine_tasks_failed_over",
                    "Tasks run again elsewhere after their node left", byEngine, EngineStatus::failedOver));
        }
        return new MetricSnapshots(metrics);
    }

    private static void jobMetrics(JobStatistics statistics, List<MetricSnapshot> metrics) {
        metrics.add(GaugeSnapshot.builder().name("arxos_compute_jobs_queued").help("Calculation jobs waiting to run")
                .dataPoint(GaugeDataPointSnapshot.builder().value(statistics.queued()).build()).build());
        metrics.add(GaugeSnapshot.builder().name("arxos_compute_jobs_running").help("Calculation jobs running")
                .dataPoint(GaugeDataPointSnapshot.builder().value(statistics.running()).build()).build());
        metrics.add(CounterSnapshot.builder().name("arxos_compute_jobs_ended")
                .help("Calculation jobs ended, by outcome")
                .dataPoint(outcome("succeeded", statistics.succeeded()))
                .dataPoint(outcome("failed", statistics.failed()))
                .dataPoint(outcome("cancelled", statistics.cancelled())).build());
        metrics.add(CounterSnapshot.builder().name("arxos_compute_jobs_cached")
                .help("Succeeded calculation jobs whose result came from the cache")
                .dataPoint(CounterDataPointSnapshot.builder().value(statistics.cached()).build()).build());
        GaugeSnapshot.Builder latency = GaugeSnapshot.builder().name("arxos_compute_job_duration_seconds")
                .help("Time from a job's start to its end over the engine's most recent jobs, by quantile")
                .unit(Unit.SECONDS);
        statistics.engines().forEach(engine -> {
            latency.dataPoint(GaugeDataPointSnapshot.builder()
                    .labels(Labels.of("engine", engine.engine(), "quantile", "0.5")).value(engine.p50Seconds())
                    .build());
            latency.dataPoint(GaugeDataPointSnapshot.builder()
                    .labels(Labels.of("engine", engine.engine(), "quantile", "0.99")).value(engine.p99Seconds())
                    .build());
        });
        metrics.add(latency.build());
    }

    private static CounterDataPointSnapshot outcome(String outcome, long value) {
        return CounterDataPointSnapshot.builder().labels(Labels.of("outcome", outcome)).value(value).build();
    }

    private static MetricSnapshot engineGauge(String name, String help, Map<String, EngineStatus> byEngine,
            ToDoubleFunction<EngineStatus> value) {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
        byEngine.forEach((engine, status) -> gauge.dataPoint(GaugeDataPointSnapshot.builder()
                .labels(Labels.of("engine", engine)).value(value.applyAsDouble(status)).build()));
        return gauge.build();
    }

    private static MetricSnapshot engineCounter(String name, String help, Map<String, EngineStatus> byEngine,
            ToDoubleFunction<EngineStatus> value) {
        CounterSnapshot.Builder counter = CounterSnapshot.builder().name(name).help(help);
        byEngine.forEach((engine, status) -> counter.dataPoint(CounterDataPointSnapshot.builder()
                .labels(Labels.of("engine", engine)).value(value.applyAsDouble(status)).build()));
        return counter.build();
    }
}
