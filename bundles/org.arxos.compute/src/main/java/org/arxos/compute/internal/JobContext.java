package org.arxos.compute.internal;

import java.util.Map;

import org.arxos.api.compute.CalculationContext;
import org.arxos.api.compute.ComputeEngine;
import org.arxos.api.compute.JobOptions;
import org.arxos.model.Revision;

/** What a job's calculation runs on: the job's revision, parameters and engine; progress goes to the job. */
record JobContext(Job job, Revision revision, JobOptions options) implements CalculationContext {

    @Override
    public String building() {
        return job.request().building();
    }

    @Override
    public Map<String, String> parameters() {
        return job.request().parameters();
    }

    @Override
    public ComputeEngine engine() {
        return job.engineWork();
    }

    @Override
    public void progress(double fraction) {
        job.progress(fraction);
    }

    @Override
    public boolean cancelled() {
        return job.state().ended();
    }
}
