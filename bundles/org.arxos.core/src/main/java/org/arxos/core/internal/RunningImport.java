package org.arxos.core.internal;

import java.nio.file.Path;
import java.time.Instant;

import org.arxos.api.io.ImportJob;
import org.arxos.api.io.ImportRequest;
import org.arxos.api.io.ImportedBuilding;

/** The live state of one import job; {@link #snapshot()} is what callers see. */
final class RunningImport {

    private final String id;
    private final long sequence;
    private final ImportRequest request;
    private final ImportMeter meter;
    private final Instant submitted;
    private final Path spoolFile;
    private volatile ImportJob.State state = ImportJob.State.QUEUED;
    private volatile Instant started;
    private volatile Instant finished;
    private volatile ImportedBuilding result;
    private volatile String problem;

    /** @param spoolFile the temporary copy of the input to delete when the job ends, or {@code null} */
    RunningImport(String id, long sequence, ImportRequest request, ImportMeter meter, Instant submitted,
            Path spoolFile) {
        this.id = id;
        this.sequence = sequence;
        this.request = request;
        this.meter = meter;
        this.submitted = submitted;
        this.spoolFile = spoolFile;
    }

    String id() {
        return id;
    }

    long sequence() {
        return sequence;
    }

    ImportRequest request() {
        return request;
    }

    ImportMeter meter() {
        return meter;
    }

    Path spoolFile() {
        return spoolFile;
    }

    ImportJob.State state() {
        return state;
    }

    Instant finished() {
        return finished;
    }

    void running(Instant now) {
        started = now;
        meter.start();
        state = ImportJob.State.RUNNING;
    }

    void succeeded(ImportedBuilding building, Instant now) {
        meter.stop();
        result = building;
        finished = now;
        state = ImportJob.State.SUCCEEDED;
    }

    void failed(String why, Instant now) {
        meter.stop();
        problem = why;
        finished = now;
        state = ImportJob.State.FAILED;
    }

    ImportJob snapshot() {
        // state first: a job seen as finished has its result or problem and its final counts written before it
        ImportJob.State s = state;
        Double percent = meter.percent();
        return new ImportJob(id, request.tenant(), request.user(), request.sourceName(), s, meter.bytesRead(),
                meter.totalBytes(), percent == null ? null : Math.round(percent * 100) / 100.0, meter.objectsRead(),
                Math.round(meter.objectsPerSecond() * 10) / 10.0, submitted, started, finished, result, problem);
    }
}
