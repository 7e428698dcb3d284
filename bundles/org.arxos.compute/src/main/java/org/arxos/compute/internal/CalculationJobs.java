package org.arxos.compute.internal;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.arxos.api.cache.Cache;
import org.arxos.api.cache.CacheKey;
import org.arxos.api.cache.CachedOperation;
import org.arxos.api.compute.Calculation;
import org.arxos.api.compute.CalculationInfo;
import org.arxos.api.compute.CalculationRequest;
import org.arxos.api.compute.CalculationResult;
import org.arxos.api.compute.Calculations;
import org.arxos.api.compute.ComputeEngine;
import org.arxos.api.compute.ComputeException;
import org.arxos.api.compute.JobFailedException;
import org.arxos.api.compute.JobOptions;
import org.arxos.api.compute.JobQueueFullException;
import org.arxos.api.compute.JobStatistics;
import org.arxos.api.compute.JobStatus;
import org.arxos.api.compute.UnknownCalculationException;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.repository.BuildingSummary;
import org.arxos.api.repository.UnknownBuildingException;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.Implementation;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.model.Revision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job service. Jobs wait in one priority queue; a fixed number of runner threads each take the best waiting job
 * when one is submitted or a runner frees up, so a high-priority job starts before every lower one still waiting.
 * A job looks up its calculation by name and the serving compute engine when it starts, reads its revision from the
 * serving repository and keeps its result in the serving cache under the revision's content hash, the calculation's
 * version and the sorted parameters. A calculation that throws fails its own job only.
 */
@Component(service = Calculations.class, configurationPid = JobsConfiguration.PID)
@Designate(ocd = JobsConfiguration.class)
public final class CalculationJobs implements Calculations {

    private static final Logger LOG = LoggerFactory.getLogger(CalculationJobs.class);
    /** Latencies per engine that the quantiles are taken over. */
    static final int LATENCY_WINDOW = 1024;

    private final ImplementationSelector selector;
    private final Clock clock;
    private final PriorityBlockingQueue<Job> queue = new PriorityBlockingQueue<>(64, Job::runOrder);
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Deque<Job> ended = new ArrayDeque<>();
    private final ThreadPoolExecutor runners;
    private final ScheduledThreadPoolExecutor timeouts;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    private final LongAdder cached = new LongAdder();
    private final Map<String, LatencyWindow> latencies = new ConcurrentHashMap<>();
    private volatile JobSettings settings;

    @Activate
    public CalculationJobs(@Reference ImplementationSelector selector, JobsConfiguration configuration) {
        this(selector, JobSettings.of(configuration), Clock.systemUTC());
    }

    public CalculationJobs(ImplementationSelector selector, JobSettings settings, Clock clock) {
        this.selector = selector;
        this.settings = settings;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.runners = new ThreadPoolExecutor(settings.maxRunning(), settings.maxRunning(), 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(), task -> daemon(task, "arxos-calculation-" + threads.incrementAndGet()));
        this.timeouts = new ScheduledThreadPoolExecutor(1, task -> daemon(task, "arxos-calculation-timeouts"));
        timeouts.setRemoveOnCancelPolicy(true);
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    @Modified
    void modified(JobsConfiguration configuration) {
        JobSettings next = JobSettings.of(configuration);
        if (next.maxRunning() > runners.getMaximumPoolSize()) {
            runners.setMaximumPoolSize(next.maxRunning());
            runners.setCorePoolSize(next.maxRunning());
        } else {
            runners.setCorePoolSize(next.maxRunning());
            runners.setMaximumPoolSize(next.maxRunning());
        }
        settings = next;
        trimHistory();
    }

    @Deactivate
    public void close() {
        runners.shutdownNow();
        timeouts.shutdownNow();
        jobs.values().forEach(job -> job.fail("the calculation service stopped before the job ended", null));
    }

    @Override
    public List<String> names() {
        return calculationNames(selector.capability(Capability.CALCULATION));
    }

    private static List<String> calculationNames(CapabilityStatus status) {
        return status.implementations().stream().map(Implementation::name).distinct().sorted().toList();
    }

    @Override
    public List<CalculationInfo> calculations() {
        List<CalculationInfo> infos = new ArrayList<>();
        for (String name : names()) {
            selector.select(Calculation.class, name).ifPresent(calculation -> infos.add(new CalculationInfo(name,
                    calculation.description(), calculation.version())));
        }
        return infos;
    }

    @Override
    public JobStatus submit(CalculationRequest request) {
        return enqueue(request).status();
    }

    @Override
    public CalculationResult run(CalculationRequest request) {
        Calculation<?> calculation = calculation(request.calculation());
        BuildingSummary building = summary(request);
        CalculationRequest resolved = resolveRevision(request, building);
        if (resolved.revision() == building.headRevision()) {
            Optional<CalculationResult> cached = fromCache(calculation, resolved, building.contentHash());
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        Job job = enqueue(calculation, resolved);
        try {
            return job.result().get();
        } catch (InterruptedException e) {
            cancel(job.id());
            Thread.currentThread().interrupt();
            throw new ComputeException("interrupted while waiting for job " + job.id() + "; it was cancelled", e);
        } catch (ExecutionException e) {
            throw (JobFailedException) e.getCause();
        }
    }

    private Job enqueue(CalculationRequest request) {
        return enqueue(calculation(request.calculation()), resolveRevision(request, summary(request)));
    }

    /**
     * A result the cache holds needs no runner: the job starts and ends on the caller's thread, and is listed once it
     * has ended (so nothing can cancel it half way). Without a cache, or on a miss, empty: the job is queued. Asked
     * for the head revision only, whose content hash the building's summary has: an older revision would be read
     * here and, on a miss, again by the runner.
     */
    private <R extends Serializable> Optional<CalculationResult> fromCache(Calculation<R> calculation,
            CalculationRequest resolved, String contentHash) {
        Optional<Cache> cache = selector.select(Cache.class);
        if (cache.isEmpty()) {
            return Optional.empty();
        }
        CachedOperation<R> operation = operation(calculation, resolved);
        Optional<R> value = operation.find(cache, key(operation, calculation, resolved, contentHash));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Job job = new Job(UUID.randomUUID().toString(), resolved, sequence.getAndIncrement(), clock, this::ended);
        running.incrementAndGet();
        job.start(null);
        job.succeed(value.get(), true);
        jobs.put(job.id(), job);
        return Optional.of(job.result().join());
    }

    private Job enqueue(Calculation<?> calculation, CalculationRequest resolved) {
        JobSettings s = settings;
        if (queue.size() >= s.maxQueued()) {
            throw new JobQueueFullException(s.maxQueued());
        }
        Job job = new Job(UUID.randomUUID().toString(), resolved, sequence.getAndIncrement(), clock, this::ended);
        jobs.put(job.id(), job);
        queue.add(job);
        try {
            runners.execute(this::runNext);
        } catch (RejectedExecutionException e) {
            queue.remove(job);
            job.fail("the calculation service has stopped", null);
        }
        LOG.debug("Queued job {}: {} v{} on building '{}' revision {} of tenant '{}', priority {}", job.id(),
                resolved.calculation(), calculation.version(), resolved.building(), resolved.revision(),
                resolved.tenant(), resolved.priority());
        return job;
    }

    @Override
    public Optional<JobStatus> job(String id) {
        return Optional.ofNullable(jobs.get(id)).map(Job::status);
    }

    @Override
    public List<JobStatus> jobs() {
        List<JobStatus> all = jobs.values().stream().map(Job::status).toList();
        List<JobStatus> listed = new ArrayList<>(all.stream().filter(j -> !j.state().ended())
                .sorted(Comparator.comparing(JobStatus::submitted)).toList());
        listed.addAll(all.stream().filter(j -> j.state().ended())
                .sorted(Comparator.comparing(JobStatus::finished).reversed()).toList());
        return listed;
    }

    @Override
    public Optional<CompletableFuture<CalculationResult>> result(String id) {
        return Optional.ofNullable(jobs.get(id)).map(job -> job.result().copy());
    }

    @Override
    public boolean cancel(String id) {
        Job job = jobs.get(id);
        if (job == null) {
            return false;
        }
        queue.remove(job);
        return job.cancel();
    }

    @Override
    public JobStatistics statistics() {
        List<JobStatistics.EngineJobs> engines = new TreeMap<>(latencies).entrySet().stream()
                .map(e -> new JobStatistics.EngineJobs(e.getKey(), e.getValue().count(),
                        e.getValue().quantileSeconds(0.5), e.getValue().quantileSeconds(0.99)))
                .toList();
        return new JobStatistics(queue.size(), running.get(), succeeded.sum(), failed.sum(), cancelled.sum(),
                cached.sum(), engines);
    }

    /** @throws UnknownCalculationException naming the running ones */
    private Calculation<?> calculation(String name) {
        CapabilityStatus status = selector.capability(Capability.CALCULATION);
        return selector.select(Calculation.class, name)
                .orElseThrow(() -> new UnknownCalculationException(name, calculationNames(status)));
    }

    private BuildingSummary summary(CalculationRequest request) {
        return selector.require(BuildingRepository.class).find(request.tenant(), request.building())
                .orElseThrow(() -> new UnknownBuildingException("there is no building '" + request.building() + "'"));
    }

    /** The request with its revision checked and {@link CalculationRequest#HEAD} replaced by the head's number. */
    private static CalculationRequest resolveRevision(CalculationRequest request, BuildingSummary building) {
        long revision = request.revision() == CalculationRequest.HEAD ? building.headRevision() : request.revision();
        if (revision < 1 || revision > building.headRevision()) {
            throw new UnknownBuildingException("building '" + request.building() + "' has no revision " + revision
                    + "; its revisions are 1 to " + building.headRevision());
        }
        return new CalculationRequest(request.tenant(), request.building(), revision, request.calculation(),
                request.parameters(), request.priority());
    }

    /** Runs the best waiting job, if any is left: one call per submitted job, so every job gets a turn. */
    private void runNext() {
        Job job = queue.poll();
        if (job == null) {
            return;
        }
        CapabilityStatus engines = selector.capability(Capability.COMPUTE_ENGINE);
        Optional<ComputeEngine> engine = engines.serving() == null ? Optional.empty()
                : selector.select(ComputeEngine.class, engines.serving());
        if (engine.isEmpty()) {
            job.fail("no compute engine is running", null);
            return;
        }
        job.engineWork().use(engine.get());
        running.incrementAndGet(); // before the start, so that the job's end (which counts it down) comes after
        if (!job.start(engines.serving())) {
            running.decrementAndGet();
            return;
        }
        JobSettings s = settings;
        ScheduledFuture<?> timeout = timeouts.schedule(() -> job.fail("job " + job.id() + " did not finish within "
                + s.timeout().toSeconds() + " s", null), s.timeout().toNanos(), TimeUnit.NANOSECONDS);
        try {
            runStarted(job, s);
        } finally {
            timeout.cancel(false);
            job.leave();
        }
    }

    private void runStarted(Job job, JobSettings s) {
        CalculationRequest request = job.request();
        try {
            Calculation<?> calculation = selector.select(Calculation.class, request.calculation())
                    .orElseThrow(() -> new ComputeException("the calculation '" + request.calculation()
                            + "' stopped before the job ran"));
            Revision revision = selector.require(BuildingRepository.class).revision(request.tenant(),
                    request.building(), request.revision());
            JobOptions options = new JobOptions(request.priority(), s.timeout(),
                    "calc." + request.calculation() + " " + request.building() + "@" + request.revision());
            computed(job, calculation, new JobContext(job, revision, options));
        } catch (CalculationFailure failure) {
            job.fail(request.calculation() + " failed: " + describe(failure.getCause()), failure.getCause());
        } catch (IllegalArgumentException invalid) {
            job.fail(request.calculation() + ": " + describe(invalid), invalid);
        } catch (RuntimeException | LinkageError e) {
            if (!job.state().ended()) {
                LOG.warn("Job {} ({} on building '{}' revision {}) failed: {}", job.id(), request.calculation(),
                        request.building(), request.revision(), e.toString());
            }
            job.fail(request.calculation() + " failed: " + describe(e), e);
        }
    }

    private static <R extends Serializable> CachedOperation<R> operation(Calculation<R> calculation,
            CalculationRequest request) {
        return new CachedOperation<>("calc." + CacheKey.part(request.calculation()),
                new SerializedResultCodec<>(calculation.resultType()));
    }

    private static CacheKey key(CachedOperation<?> operation, Calculation<?> calculation, CalculationRequest request,
            String contentHash) {
        return operation.key(request.tenant(), request.building(), contentHash,
                calculation.version(), new TreeMap<>(request.parameters()));
    }

    private <R extends Serializable> void computed(Job job, Calculation<R> calculation, JobContext context) {
        CalculationRequest request = job.request();
        CachedOperation<R> operation = operation(calculation, request);
        CacheKey key = key(operation, calculation, request, context.revision().contentHash());
        boolean[] computedHere = {false};
        R value = operation.get(selector.select(Cache.class), key, () -> {
            computedHere[0] = true;
            return calculate(calculation, context);
        });
        job.succeed(value, !computedHere[0]);
    }

    private static <R extends Serializable> R calculate(Calculation<R> calculation, JobContext context) {
        R value;
        try {
            value = calculation.calculate(context);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CalculationFailure(e);
        }
        if (value == null) {
            throw new ComputeException("the calculation returned no result");
        }
        if (!calculation.resultType().isInstance(value)) {
            throw new ComputeException("the calculation returned a " + value.getClass().getName() + ", not the "
                    + calculation.resultType().getName() + " it declares");
        }
        return value;
    }

    /**
     * Counts a job that ended and forgets the oldest ended ones beyond the history. Called before the job's result
     * completes, so that whoever waits for the result sees statistics that already count it as ended.
     */
    private void ended(Job job) {
        JobStatus status = job.status();
        if (status.started() != null) {
            running.decrementAndGet();
        }
        switch (status.state()) {
            case SUCCEEDED -> succeeded.increment();
            case FAILED -> failed.increment();
            case CANCELLED -> cancelled.increment();
            default -> throw new IllegalStateException("job " + job.id() + " has not ended");
        }
        if (job.cachedResult()) {
            cached.increment();
        }
        if (status.started() != null && status.engine() != null) {
            latencies.computeIfAbsent(status.engine(), e -> new LatencyWindow(LATENCY_WINDOW))
                    .add(Duration.between(status.started(), status.finished()).toNanos());
        }
        synchronized (ended) {
            ended.addLast(job);
        }
        trimHistory();
    }

    private void trimHistory() {
        int keep = settings.history();
        synchronized (ended) {
            while (ended.size() > keep) {
                jobs.remove(ended.removeFirst().id());
            }
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof ComputeException || cause instanceof IllegalArgumentException) {
            return cause.getMessage();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** A checked exception of a calculation, carried through the cache's computation. */
    private static final class CalculationFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        CalculationFailure(Exception cause) {
            super(cause);
        }
    }
}
