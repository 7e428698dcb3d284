package org.arxos.compute.internal;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.arxos.api.compute.CalculationRequest;
import org.arxos.api.compute.CalculationResult;
import org.arxos.api.compute.JobFailedException;
import org.arxos.api.compute.JobStatus;
import org.arxos.api.compute.JobStatus.State;

/**
 * One calculation job and its state; every transition happens once, under the job's lock. When the job ends, the
 * service hears of it first and the result future completes after, so whoever waits on the result finds the job
 * counted. An ended job stops its engine work and interrupts the thread that runs it.
 */
final class Job {

    private final String id;
    private final CalculationRequest request;
    private final long sequence;
    private final Clock clock;
    private final Consumer<Job> ended;
    private final Instant submitted;
    private final CompletableFuture<CalculationResult> result = new CompletableFuture<>();
    private final JobEngine engineWork = new JobEngine();
    private State state = State.QUEUED;
    private double progress;
    private String engine;
    private Instant started;
    private Instant finished;
    private String error;
    private Thread runner;
    private boolean cached;

    /**
     * @param request with the revision resolved to a number
     * @param ended   told once when the job ends, before its result completes
     */
    Job(String id, CalculationRequest request, long sequence, Clock clock, Consumer<Job> ended) {
        this.id = id;
        this.request = request;
        this.sequence = sequence;
        this.clock = clock;
        this.ended = ended;
        this.submitted = clock.instant();
    }

    String id() {
        return id;
    }

    CalculationRequest request() {
        return request;
    }

    /** Higher priority first, then submission order. */
    static int runOrder(Job a, Job b) {
        int byPriority = Integer.compare(b.request.priority(), a.request.priority());
        return byPriority != 0 ? byPriority : Long.compare(a.sequence, b.sequence);
    }

    CompletableFuture<CalculationResult> result() {
        return result;
    }

    synchronized JobStatus status() {
        return new JobStatus(id, request.tenant(), request.calculation(), request.building(), request.revision(),
                request.priority(), state, progress, engine, submitted, started, finished, error);
    }

    synchronized State state() {
        return state;
    }

    /** Starts the job on the current thread; false when it ended before its turn came. */
    synchronized boolean start(String engineName) {
        if (state != State.QUEUED) {
            return false;
        }
        state = State.RUNNING;
        engine = engineName;
        started = clock.instant();
        runner = Thread.currentThread();
        return true;
    }

    /** The engine the calculation distributes on: the chosen one, whose work ends with the job. */
    JobEngine engineWork() {
        return engineWork;
    }

    synchronized void progress(double fraction) {
        if (state == State.RUNNING && fraction >= 0 && fraction <= 1) {
            progress = Math.max(progress, fraction);
        }
    }

    /** @return whether this ended the job */
    boolean succeed(Serializable value, boolean cached) {
        JobStatus status;
        synchronized (this) {
            if (state != State.RUNNING) {
                return false;
            }
            progress = 1;
            this.cached = cached;
            status = end(State.SUCCEEDED, null);
        }
        ended.accept(this);
        result.complete(new CalculationResult(status, value, cached));
        return true;
    }

    /** @return whether this ended the job */
    boolean fail(String why, Throwable cause) {
        return endExceptionally(State.FAILED, why, cause);
    }

    /** @return whether this ended the job */
    boolean cancel() {
        return endExceptionally(State.CANCELLED, "job " + id + " was cancelled", null);
    }

    /** Whether the job succeeded with a result from the cache. */
    synchronized boolean cachedResult() {
        return cached;
    }

    private boolean endExceptionally(State ending, String why, Throwable cause) {
        JobStatus status;
        synchronized (this) {
            if (state.ended()) {
                return false;
            }
            status = end(ending, why);
            if (runner != null && runner != Thread.currentThread()) {
                runner.interrupt();
            }
        }
        engineWork.cancel();
        ended.accept(this);
        result.completeExceptionally(new JobFailedException(status, cause));
        return true;
    }

    private JobStatus end(State ending, String why) {
        state = ending;
        error = why;
        finished = clock.instant();
        return status();
    }

    /** Called by the runner when it leaves the job, so that a late interrupt cannot reach its next job. */
    synchronized void leave() {
        runner = null;
        Thread.interrupted();
    }
}
