package org.arxos.compute.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.arxos.api.compute.CalculationInfo;
import org.arxos.api.compute.CalculationRequest;
import org.arxos.api.compute.CalculationResult;
import org.arxos.api.compute.Calculations;
import org.arxos.api.compute.ComputeException;
import org.arxos.api.compute.JobStatus;
import org.arxos.api.repository.RepositoryException;
import org.arxos.api.selection.NoImplementationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gogo commands that run calculations as jobs, as the REST API does, and show and cancel the jobs. */
@Component(service = CalculationCommands.class, property = {
        "osgi.command.scope=arxos",
        "osgi.command.function=calc",
        "osgi.command.function=calcs",
        "osgi.command.function=jobs",
        "osgi.command.function=job",
        "osgi.command.function=cancel" })
public final class CalculationCommands {

    static final String DEFAULT_TENANT = "default";
    /** Characters of a result shown at most; the REST API gives the whole of it. */
    static final int MAX_RESULT_CHARACTERS = 20_000;
    private static final Logger LOG = LoggerFactory.getLogger(CalculationCommands.class);

    private final Calculations calculations;

    @Activate
    public CalculationCommands(@Reference Calculations calculations) {
        this.calculations = calculations;
    }

    @Descriptor("runs a calculation on a building and prints its result, or with --async queues it and prints the job")
    public String calc(
            @Descriptor("the building's tenant (default: default)")
            @Parameter(names = "--tenant", absentValue = DEFAULT_TENANT) String tenant,
            @Descriptor("the revision to calculate on (default: the newest)")
            @Parameter(names = "--revision", absentValue = "-1") long revision,
            @Descriptor("higher starts first among waiting jobs (default 0)")
            @Parameter(names = "--priority", absentValue = "0") int priority,
            @Descriptor("queue the job and return at once")
            @Parameter(names = "--async", presentValue = "true", absentValue = "false") boolean async,
            @Descriptor("the building's id") String building,
            @Descriptor("the calculation, see arxos:calcs") String name,
            @Descriptor("parameters as name=value") String... parameters) {
        try {
            CalculationRequest request = new CalculationRequest(tenant, building, revision, name,
                    parameters(parameters), priority);
            if (async) {
                return "Queued " + line(calculations.submit(request));
            }
            CalculationResult result = calculations.run(request);
            JobStatus job = result.job();
            return String.format(Locale.ROOT, "%s on building '%s' revision %d: %s in %s%n%s", job.calculation(),
                    job.building(), job.revision(), result.cached() ? "from the cache" : "computed on " + job.engine(),
                    millis(job), shown(String.valueOf(result.value())));
        } catch (Exception e) {
            return "calc failed: " + describe(e);
        }
    }

    @Descriptor("lists the running calculations")
    public String calcs() {
        List<CalculationInfo> running = calculations.calculations();
        if (running.isEmpty()) {
            return "No calculation is running.";
        }
        StringBuilder out = new StringBuilder();
        running.forEach(c -> out.append(String.format(Locale.ROOT, "%-14s v%-4s %s%n", c.name(), c.version(),
                c.description())));
        return out.toString().stripTrailing();
    }

    @Descriptor("lists the jobs not yet ended, then the most recent ended ones")
    public String jobs() {
        List<JobStatus> jobs = calculations.jobs();
        if (jobs.isEmpty()) {
            return "No jobs.";
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-36s %-10s %-9s %5s %-12s %-16s %8s %s%n",
                "JOB", "STATE", "PROGRESS", "PRIO", "CALCULATION", "BUILDING@REV", "ENGINE", "TENANT"));
        for (JobStatus j : jobs) {
            out.append(String.format(Locale.ROOT, "%-36s %-10s %8.0f%% %5d %-12s %-16s %8s %s%n", j.id(), j.state(),
                    100 * j.progress(), j.priority(), j.calculation(), j.building() + "@" + j.revision(),
                    j.engine() == null ? "-" : j.engine(), j.tenant()));
        }
        return out.toString().stripTrailing();
    }

    @Descriptor("shows a job")
    public String job(@Descriptor("the job's id") String id) {
        return calculations.job(id).map(CalculationCommands::line).orElse("No job '" + id + "'.");
    }

    @Descriptor("cancels a waiting or running job")
    public String cancel(@Descriptor("the job's id") String id) {
        if (calculations.cancel(id)) {
            return "Cancelled job " + id + ".";
        }
        return calculations.job(id).map(j -> "Job " + id + " had already ended: " + j.state() + ".")
                .orElse("No job '" + id + "'.");
    }

    static Map<String, String> parameters(String... parameters) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String parameter : parameters == null ? new String[0] : parameters) {
            int equals = parameter.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("a parameter is name=value, not '" + parameter + "'");
            }
            parsed.put(parameter.substring(0, equals), parameter.substring(equals + 1));
        }
        return parsed;
    }

    private static String line(JobStatus j) {
        return String.format(Locale.ROOT, "job %s: %s on building '%s' revision %d of tenant '%s', priority %d: %s%s%s",
                j.id(), j.calculation(), j.building(), j.revision(), j.tenant(), j.priority(), j.state(),
                j.state() == JobStatus.State.RUNNING ? String.format(Locale.ROOT, " %.0f %%", 100 * j.progress()) : "",
                j.error() == null ? "" : " (" + j.error() + ")");
    }

    private static String millis(JobStatus job) {
        return job.started() == null || job.finished() == null ? "-"
                : java.time.Duration.between(job.started(), job.finished()).toMillis() + " ms";
    }

    private static String shown(String result) {
        return result.length() <= MAX_RESULT_CHARACTERS ? result
                : result.substring(0, MAX_RESULT_CHARACTERS) + "... (" + result.length() + " characters; the REST API "
                        + "gives the whole result)";
    }

    /** One line for an expected failure; a bug is logged with a stack trace under an id the line names. */
    private static String describe(Exception failure) {
        if (failure instanceof ComputeException || failure instanceof IllegalArgumentException
                || failure instanceof RepositoryException || failure instanceof NoImplementationException) {
            return failure.getMessage();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.error("arxos:calc: internal error {}", errorId, failure);
        return "internal error, see the server log with id " + errorId;
    }
}
