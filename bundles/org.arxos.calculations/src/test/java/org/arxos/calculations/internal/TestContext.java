package org.arxos.calculations.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.arxos.api.compute.CalculationContext;
import org.arxos.api.compute.ComputeEngine;
import org.arxos.api.compute.JobOptions;
import org.arxos.model.Revision;

/** A job's context outside the job service: a revision, parameters and an engine; records progress. */
final class TestContext implements CalculationContext {

    private final Revision revision;
    private final Map<String, String> parameters;
    private final ComputeEngine engine;
    private final List<Double> progress = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;
    private volatile double cancelAt = Double.MAX_VALUE;

    TestContext(Revision revision, Map<String, String> parameters, ComputeEngine engine) {
        this.revision = revision;
        this.parameters = Map.copyOf(parameters);
        this.engine = engine;
    }

    void cancel() {
        cancelled = true;
    }

    /** Cancels the job once it reports this much progress, as a user pressing cancel while it runs. */
    void cancelAt(double fraction) {
        cancelAt = fraction;
    }

    List<Double> progressReports() {
        return progress;
    }

    @Override
    public String building() {
        return revision.root().map(o -> o.id()).orElse("none");
    }

    @Override
    public Revision revision() {
        return revision;
    }

    @Override
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public ComputeEngine engine() {
        return engine;
    }

    @Override
    public JobOptions options() {
        return JobOptions.DEFAULT.withLabel("test");
    }

    @Override
    public void progress(double fraction) {
        progress.add(fraction);
        if (fraction >= cancelAt) {
            cancelled = true;
        }
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }
}
