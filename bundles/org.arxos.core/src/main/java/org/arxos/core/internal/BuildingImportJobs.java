package org.arxos.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.arxos.api.io.BuildingImporter;
import org.arxos.api.io.BuildingImports;
import org.arxos.api.io.ImportException;
import org.arxos.api.io.ImportJob;
import org.arxos.api.io.ImportOptions;
import org.arxos.api.io.ImportRequest;
import org.arxos.api.io.ImportResult;
import org.arxos.api.io.ImportedBuilding;
import org.arxos.api.io.UnsupportedFormatException;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.repository.BuildingSummary;
import org.arxos.api.security.IdentityStore;
import org.arxos.api.security.Role;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports files into the serving repository as jobs: on the caller's thread, or in the background from a temporary
 * copy under the spool folder. Importer, repository and identity store are chosen through the selector on every
 * import, so a swapped implementation serves from the next import on. Jobs live only in memory: a finished one is
 * kept for a while so its caller can read the outcome; the building itself is in the repository. A new building is
 * handed to the cache warming, when it runs, which prepares it for its first viewers in the background.
 */
@Component(service = BuildingImports.class, configurationPid = ImportsConfiguration.PID)
@Designate(ocd = ImportsConfiguration.class)
public final class BuildingImportJobs implements BuildingImports {

    private static final Logger LOG = LoggerFactory.getLogger(BuildingImportJobs.class);
    private static final String SPOOL_PREFIX = "import-";
    private static final String SPOOL_SUFFIX = ".spool";
    /** Objects reported between two looks at the clock: the importer may report every single object. */
    private static final int OBJECTS_PER_CLOCK_CHECK = 256;

    private final ImplementationSelector selector;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Map<String, RunningImport> jobs = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ThreadPoolExecutor executor;
    private volatile ImportSettings settings;
    private volatile BuildingWarming warming;

    @Activate
    public BuildingImportJobs(@Reference ImplementationSelector selector, ImportsConfiguration configuration) {
        this(selector, ImportSettings.of(configuration), Clock.systemUTC(), System::nanoTime);
        deleteStaleSpoolFiles(settings.spoolDirectory());
    }

    /** Outside OSGi (tests): the clocks are given. */
    public BuildingImportJobs(ImplementationSelector selector, ImportSettings settings, Clock clock,
            LongSupplier nanoTime) {
        this.selector = selector;
        this.settings = settings;
        this.clock = clock;
        this.nanoTime = nanoTime;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(settings.concurrentImports(), settings.concurrentImports(), 30,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread thread = new Thread(r, "arxos-import-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    @Reference(name = "warming", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    public void bindWarming(BuildingWarming warming) {
        this.warming = warming;
    }

    public void unbindWarming(BuildingWarming gone) {
        if (warming == gone) {
            warming = null;
        }
    }

    @Modified
    void modified(ImportsConfiguration configuration) {
        ImportSettings next = ImportSettings.of(configuration);
        int threads = next.concurrentImports();
        if (threads > executor.getMaximumPoolSize()) {
            executor.setMaximumPoolSize(threads);
            executor.setCorePoolSize(threads);
        } else {
            executor.setCorePoolSize(threads);
            executor.setMaximumPoolSize(threads);
        }
        settings = next;
    }

    /** Stops running imports (nothing of them is stored), fails queued ones and deletes their temporary files. */
    @Deactivate
    public void close() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("Import threads did not stop within 10 s");
        }
        for (RunningImport job : jobs.values()) {
            if (job.state() == ImportJob.State.QUEUED) {
                job.failed(job.request().sourceName() + ": the import service stopped before the import began",
                        clock.instant());
                deleteQuietly(job.spoolFile());
            }
        }
    }

    @Override
    public BuildingImporter importerFor(String mediaType, String sourceName) throws UnsupportedFormatException {
        return ImporterChoice.choose(selector.all(BuildingImporter.class), mediaType, sourceName);
    }

    @Override
    public ImportedBuilding importBuilding(ImportRequest request, InputStream in)
            throws ImportException, IOException, ChangeRejectedException {
        BuildingImporter importer = importerFor(request.mediaType(), request.sourceName());
        RunningImport job = register(request, null);
        return run(job, importer, in, false);
    }

    @Override
    public ImportJob submit(ImportRequest request, InputStream in) throws ImportException, IOException {
        BuildingImporter importer = importerFor(request.mediaType(), request.sourceName());
        Path spool = spool(in);
        RunningImport job = register(request.withTotalBytes(Files.size(spool)), spool);
        try {
            executor.execute(() -> runSpooled(job, importer));
        } catch (RejectedExecutionException e) {
            job.failed(request.sourceName() + ": the import service is stopping", clock.instant());
            deleteQuietly(spool);
            throw new IllegalStateException("the import service is stopping; try again when it runs", e);
        }
        LOG.info("Queued import {} of {} ({}) for tenant '{}'", job.id(), request.sourceName(),
                ImportMeter.megabytes(job.meter().totalBytes()), request.tenant());
        return job.snapshot();
    }

    @Override
    public Optional<ImportJob> job(String tenant, String jobId) {
        prune();
        RunningImport job = jobId == null ? null : jobs.get(jobId);
        return job == null || !job.request().tenant().equals(tenant) ? Optional.empty() : Optional.of(job.snapshot());
    }

    @Override
    public List<ImportJob> jobs() {
        prune();
        return jobs.values().stream().sorted(Comparator.comparingLong(RunningImport::sequence).reversed())
                .map(RunningImport::snapshot).toList();
    }

    @Override
    public BuildingSummary create(String tenant, String user, ChangeSet content) throws ChangeRejectedException {
        BuildingRepository repository = selector.require(BuildingRepository.class);
        IdentityStore identities = user == null ? null : selector.require(IdentityStore.class);
        ChangeSet authored = new ChangeSet(user == null ? ImportRequest.NO_USER_AUTHOR : user, content.message(),
                content.changes());
        BuildingSummary created = repository.create(tenant, authored);
        if (identities != null) {
            try {
                identities.grant(tenant, user, created.id(), Role.OWNER);
            } catch (RuntimeException e) {
                repository.delete(tenant, created.id());
                throw e;
            }
        }
        BuildingWarming warm = warming;
        if (warm != null) {
            warm.warm(tenant, created.id());
        }
        return created;
    }

    // ------------------------------------------------------------------------------------------------ running

    private RunningImport register(ImportRequest request, Path spool) {
        prune();
        long number = sequence.incrementAndGet();
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        RunningImport job = new RunningImport(id, number, request,
                new ImportMeter(nanoTime, settings.progressInterval().toNanos(), request.totalBytes()),
                clock.instant(), spool);
        jobs.put(id, job);
        return job;
    }

    private void runSpooled(RunningImport job, BuildingImporter importer) {
        try (InputStream file = Files.newInputStream(job.spoolFile())) {
            run(job, importer, file, true);
        } catch (Exception e) {
            // recorded in the job and logged by run
        } finally {
            deleteQuietly(job.spoolFile());
        }
    }

    private ImportedBuilding run(RunningImport job, BuildingImporter importer, InputStream in, boolean background)
            throws ImportException, IOException, ChangeRejectedException {
        ImportRequest request = job.request();
        ImportMeter meter = job.meter();
        job.running(clock.instant());
        try {
            CountingInputStream counted = new CountingInputStream(in, bytes -> {
                meter.bytesRead(bytes);
                if (meter.reportDue()) {
                    report(job);
                }
            });
            int[] calls = {0};
            ImportOptions options = new ImportOptions(request.sourceName(), request.buildingId(), request.author(),
                    request.maxObjects() > 0 ? request.maxObjects() : settings.maxObjects(), objects -> {
                        meter.objectsRead(objects);
                        if (++calls[0] % OBJECTS_PER_CLOCK_CHECK == 0 && meter.reportDue()) {
                            report(job);
                        }
                    });
            ImportResult read = importer.read(counted, options);
            // importers that do not report objects as they go still get their count: every change adds one
            meter.objectsRead(Math.max(meter.objectsRead(), read.content().size()));
            meter.stop();
            BuildingSummary created = create(request.tenant(), request.user(), read.content());
            ImportedBuilding done = new ImportedBuilding(created, read.report());
            job.succeeded(done, clock.instant());
            LOG.info("Imported {} as building '{}' of tenant '{}' (job {}): {} objects, {} connections; read {} in "
                    + "{} s, {} objects/s", request.sourceName(), created.id(), created.tenant(), job.id(),
                    ImportMeter.grouped(created.objectCount()), ImportMeter.grouped(created.connectionCount()),
                    ImportMeter.megabytes(meter.bytesRead()),
                    String.format(java.util.Locale.ROOT, "%.1f", meter.elapsedSeconds()),
                    ImportMeter.grouped(Math.round(meter.objectsPerSecond())));
            return done;
        } catch (Exception | Error e) {
            String problem = ImportFailures.describe(request.sourceName(), e);
            if (problem == null) {
                String errorId = UUID.randomUUID().toString();
                problem = request.sourceName() + ": internal error, see the server log with id " + errorId;
                if (background) {
                    LOG.error("Import {} of {} failed: internal error {}", job.id(), request.sourceName(), errorId, e);
                } else {
                    // the caller reports it (with its own error id) and logs the stack trace
                    LOG.debug("Import {} of {} failed: internal error {}", job.id(), request.sourceName(), errorId, e);
                }
            } else {
                LOG.warn("Import {} failed: {}", job.id(), problem);
            }
            job.failed(problem, clock.instant());
            throw e;
        }
    }

    private void report(RunningImport job) {
        LOG.info("Importing {}: {}", job.request().sourceName(), job.meter().describe());
        try {
            job.request().progress().accept(job.snapshot());
        } catch (RuntimeException e) {
            LOG.debug("A progress listener of import {} failed", job.id(), e);
        }
    }

    // ------------------------------------------------------------------------------------------------ jobs kept

    /** Forgets finished jobs older than the retention time, then the oldest finished ones beyond the count. */
    private void prune() {
        ImportSettings s = settings;
        Instant oldest = clock.instant().minus(s.keepFinished());
        List<RunningImport> finished = new ArrayList<>();
        for (RunningImport job : jobs.values()) {
            if (job.state().finished()) {
                if (job.finished().isBefore(oldest)) {
                    jobs.remove(job.id());
                } else {
                    finished.add(job);
                }
            }
        }
        if (finished.size() > s.keepFinishedJobs()) {
            finished.sort(Comparator.comparing(RunningImport::finished).thenComparingLong(RunningImport::sequence));
            finished.subList(0, finished.size() - s.keepFinishedJobs()).forEach(job -> jobs.remove(job.id()));
        }
    }

    // ------------------------------------------------------------------------------------------------ spooling

    private Path spool(InputStream in) throws IOException {
        Path folder = settings.spoolDirectory();
        Files.createDirectories(folder);
        Path file = Files.createTempFile(folder, SPOOL_PREFIX, SPOOL_SUFFIX);
        try (OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
            return file;
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(file);
            throw e;
        }
    }

    /** Temporary files of a server that ended while importing. */
    private static void deleteStaleSpoolFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(folder, SPOOL_PREFIX + "*" + SPOOL_SUFFIX)) {
            for (Path file : stale) {
                deleteQuietly(file);
            }
        } catch (IOException e) {
            LOG.warn("Could not clean the import spool folder {}: {}", folder, e.toString());
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete the temporary import file {}: {}", file, e.toString());
        }
    }
}
