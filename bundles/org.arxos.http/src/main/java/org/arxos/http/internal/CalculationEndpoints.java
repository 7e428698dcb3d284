package org.arxos.http.internal;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import org.arxos.api.compute.CalculationInfo;
import org.arxos.api.compute.CalculationRequest;
import org.arxos.api.compute.Calculations;
import org.arxos.api.compute.JobFailedException;
import org.arxos.api.compute.JobStatus;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;
import org.arxos.api.selection.ImplementationSelector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code /api/calculations} and {@code /api/jobs}: the running calculations, running one on a building (waiting for
 * its result, or with {@code ?async=true} as a job to poll), and a tenant's jobs with their results and cancel. The
 * jobs themselves are the {@link Calculations} service's, the same the Gogo shell uses. A job of another tenant, or on
 * a building the user may not read, answers like one that does not exist.
 */
final class CalculationEndpoints {

    /** Query parameters of the endpoint itself; every other one is a parameter of the calculation. */
    static final Set<String> RESERVED = Set.of("revision", "async", "priority");

    record CalculationList(List<CalculationInfo> calculations) {
    }

    record JobList(List<JobStatus> jobs) {
    }

    private final ImplementationSelector selector;
    private final Supplier<Optional<Calculations>> calculations;
    private final ObjectMapper mapper;

    CalculationEndpoints(ImplementationSelector selector, Supplier<Optional<Calculations>> calculations,
            ObjectMapper mapper) {
        this.selector = selector;
        this.calculations = calculations;
        this.mapper = mapper;
    }

    ApiResponse list() {
        return new ApiResponse.Json(200, new CalculationList(service().calculations()),
                Map.of("Cache-Control", "no-store"));
    }

    /** {@code POST /api/buildings/{id}/calculations/{name}?revision=&priority=&async=&<parameter>=}. */
    ApiResponse run(ApiRequest request, String buildingId, String name, ApiSettings settings) throws Exception {
        Calculations jobs = service();
        Principal principal = request.principal();
        BuildingAccess.require(selector.require(BuildingRepository.class), principal, buildingId, Role.VIEWER,
                "calculating on");
        CalculationRequest wanted = new CalculationRequest(principal.tenant(), buildingId,
                revision(request, buildingId), name, parameters(request, settings),
                priority(request));
        if (!ImportEndpoints.flag(request, "async")) {
            return new ApiResponse.Json(200, jobs.run(wanted), Map.of("Cache-Control", "no-store"));
        }
        JobStatus job = jobs.submit(wanted);
        return new ApiResponse.Json(202, job, ApiResponse.headers("Location", location(request, job),
                "Cache-Control", "no-store"));
    }

    ApiResponse jobs(ApiRequest request) {
        Principal principal = request.principal();
        return new ApiResponse.Json(200, new JobList(service().jobs().stream()
                .filter(job -> visible(principal, job)).toList()), Map.of("Cache-Control", "no-store"));
    }

    ApiResponse job(ApiRequest request, String jobId) {
        return new ApiResponse.Json(200, visibleJob(service(), request, jobId), Map.of("Cache-Control", "no-store"));
    }

    /**
     * The result of an ended job; a job still queued or running answers 202 with its status. A failed or cancelled
     * job's {@link JobFailedException} becomes its problem.
     */
    ApiResponse result(ApiRequest request, String jobId) throws InterruptedException {
        Calculations jobs = service();
        JobStatus job = visibleJob(jobs, request, jobId);
        if (!job.state().ended()) {
            return new ApiResponse.Json(202, job, ApiResponse.headers("Location", location(request, job),
                    "Cache-Control", "no-store"));
        }
        try {
            return new ApiResponse.Json(200, jobs.result(jobId).orElseThrow(() -> unknownJob(jobId)).get(),
                    Map.of("Cache-Control", "no-store"));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("job " + jobId + " ended with " + e.getCause(), e.getCause());
        }
    }

    ApiResponse cancel(ApiRequest request, String jobId) {
        Calculations jobs = service();
        visibleJob(jobs, request, jobId);
        if (!jobs.cancel(jobId)) {
            JobStatus ended = jobs.job(jobId).orElseThrow(() -> unknownJob(jobId));
            throw new ProblemException(ProblemType.JOB_ENDED, "job " + jobId + " had already ended: "
                    + ended.state()).with("state", ended.state().name());
        }
        return new ApiResponse.Json(200, jobs.job(jobId).orElseThrow(() -> unknownJob(jobId)),
                Map.of("Cache-Control", "no-store"));
    }

    private Calculations service() {
        return calculations.get().orElseThrow(() -> new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "no calculation service is running"));
    }

    private static JobStatus visibleJob(Calculations jobs, ApiRequest request, String jobId) {
        return jobs.job(jobId).filter(job -> visible(request.principal(), job))
                .orElseThrow(() -> unknownJob(jobId));
    }

    private static boolean visible(Principal principal, JobStatus job) {
        return job.tenant().equals(principal.tenant()) && principal.may(job.building(), Role.VIEWER);
    }

    private static ProblemException unknownJob(String jobId) {
        return ProblemException.notFound("unknown job '" + jobId + "'");
    }

    private static String location(ApiRequest request, JobStatus job) {
        return request.contextPath() + "/api/jobs/" + job.id();
    }

    /** Higher starts first among waiting jobs; 0 when absent. */
    private static int priority(ApiRequest request) {
        String value = request.parameter("priority");
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("parameter 'priority' must be an integer but was '" + value + "'");
        }
    }

    /** {@code head} (or absent) or a revision number from 1. */
    private static long revision(ApiRequest request, String buildingId) {
        String name = request.parameter("revision");
        if (name == null || name.equals("head")) {
            return CalculationRequest.HEAD;
        }
        long number = RevisionEndpoints.revisionNumber(name);
        if (number < 1) {
            throw RevisionEndpoints.unknownRevision(buildingId, name);
        }
        return number;
    }

    /**
     * The calculation's parameters: the query's, other than {@link #RESERVED}, and the members of a JSON object in the
     * body (strings, numbers or booleans); a name given twice is refused.
     */
    private Map<String, String> parameters(ApiRequest request, ApiSettings settings) throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.query().forEach((name, values) -> {
            if (RESERVED.contains(name)) {
                return;
            }
            if (values.size() != 1) {
                throw ProblemException.badRequest("parameter '" + name + "' is given " + values.size()
                        + " times; give it once");
            }
            parameters.put(name, values.get(0));
        });
        byte[] body = request.contentLength() == 0 ? new byte[0]
                : BuildingEndpoints.readLimited(request, settings, InputStream::readAllBytes);
        if (body.length == 0) {
            return parameters;
        }
        String type = MediaTypes.essence(request.contentType());
        if (type == null || !(type.equals("application/json") || type.endsWith("+json"))) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "calculation parameters in a body are a "
                    + "JSON object (application/json), not " + (type == null ? "untyped content" : type))
                    .with("acceptedMediaTypes", List.of("application/json"));
        }
        JsonNode document = mapper.readTree(body);
        if (document == null || !document.isObject()) {
            throw new ProblemException(ProblemType.INVALID_DOCUMENT,
                    "calculation parameters are a JSON object of names to strings, numbers or booleans");
        }
        for (Map.Entry<String, JsonNode> member : (Iterable<Map.Entry<String, JsonNode>>) document::fields) {
            JsonNode value = member.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw new ProblemException(ProblemType.INVALID_DOCUMENT, "calculation parameter '" + member.getKey()
                        + "' must be a string, number or boolean").with("field", member.getKey());
            }
            if (parameters.putIfAbsent(member.getKey(), value.asText()) != null) {
                throw ProblemException.badRequest("parameter '" + member.getKey() + "' is given in both the query "
                        + "and the body; give it once");
            }
        }
        return parameters;
    }
}
