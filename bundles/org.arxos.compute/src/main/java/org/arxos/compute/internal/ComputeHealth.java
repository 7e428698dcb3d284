package org.arxos.compute.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.arxos.api.compute.Calculations;
import org.arxos.api.compute.ComputeEngine;
import org.arxos.api.compute.EngineStatus;
import org.arxos.api.compute.JobStatistics;
import org.arxos.api.health.Health;
import org.arxos.api.health.HealthContributor;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.ImplementationSelector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code compute} part of {@code /health}: DOWN without a compute engine (no job can run), DEGRADED without a
 * calculation (every job is refused), UP otherwise, with the job counters and the serving engine's status.
 */
@Component(service = HealthContributor.class, property = HealthContributor.NAME + "=compute")
public final class ComputeHealth implements HealthContributor {

    private final ImplementationSelector selector;
    private final Calculations calculations;

    @Activate
    public ComputeHealth(@Reference ImplementationSelector selector, @Reference Calculations calculations) {
        this.selector = selector;
        this.calculations = calculations;
    }

    @Override
    public Health check() {
        Optional<ComputeEngine> engine = selector.select(ComputeEngine.class);
        if (engine.isEmpty()) {
            return Health.down("no compute engine is running: calculation jobs fail");
        }
        EngineStatus status = engine.get().status();
        JobStatistics jobs = calculations.statistics();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("engine", status.engine());
        details.put("nodes", status.nodes());
        details.put("workers", status.workers());
        details.put("queuedJobs", jobs.queued());
        details.put("runningJobs", jobs.running());
        details.put("succeededJobs", jobs.succeeded());
        details.put("failedJobs", jobs.failed());
        details.put("calculations", calculations.names());
        if (selector.capability(Capability.CALCULATION).implementations().isEmpty()) {
            return new Health(Health.Status.DEGRADED, "no calculation is running", details);
        }
        return Health.up(details);
    }
}
