package org.arxos.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.arxos.api.compute.Calculation;
import org.arxos.api.compute.CalculationContext;
import org.arxos.api.compute.CalculationResult;
import org.arxos.api.compute.Calculations;
import org.arxos.api.compute.ComputeEngine;
import org.arxos.api.compute.ComputeTask;
import org.arxos.api.compute.JobStatus;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.Implementation;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.compute.internal.CalculationJobs;
import org.arxos.compute.internal.JobSettings;
import org.arxos.compute.local.internal.LocalComputeEngine;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The calculation and job endpoints over the real job service and local engine. */
class CalculationEndpointsTest {

    private static final Principal ALICE = new Principal("alice", "acme", Role.EDITOR, Map.of(), false);
    private static final Principal BOB = new Principal("bob", "acme", null, Map.of("b1", Role.VIEWER), false);
    private static final Principal EVE = new Principal("eve", "other", Role.OWNER, Map.of(), false);

    /** Objects of a type in the revision, counted on the engine; {@code type} must name an object type. */
    record Count(String type, long objects) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    static final class CountCalculation implements Calculation<Count> {
        @Override
        public String description() {
            return "counts objects; type=<object type>";
        }

        @Override
        public Class<Count> resultType() {
            return Count.class;
        }

        @Override
        public Count calculate(CalculationContext context) throws Exception {
            String type = context.parameter("type").orElse("floor");
            ObjectType wanted;
            try {
                wanted = ObjectType.valueOf(type.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parameter 'type' must be an object type, not '" + type + "'");
            }
            List<String> ids = context.revision().objects().map(BuildingObject::id).toList();
            var revision = context.revision();
            ComputeTask<String, Integer> matches = id -> revision.get(id).type() == wanted ? 1 : 0;
            long count = context.engine().mapReduce(new ArrayList<>(ids), matches, Integer::sum, 0,
                    context.options()).get(30, TimeUnit.SECONDS);
            return new Count(type, count);
        }
    }

    static final class Gate implements Calculation<String> {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String description() {
            return "waits";
        }

        @Override
        public Class<String> resultType() {
            return String.class;
        }

        @Override
        public String calculate(CalculationContext context) throws Exception {
            started.countDown();
            release.await();
            return "released";
        }
    }

    static final class Faulty implements Calculation<String> {
        @Override
        public String description() {
            return "fails";
        }

        @Override
        public Class<String> resultType() {
            return String.class;
        }

        @Override
        public String calculate(CalculationContext context) {
            throw new IllegalStateException("broken plugin");
        }
    }

    /** Services by capability and name; the first of each serves. */
    static final class NamedSelector implements ImplementationSelector {
        final Map<Class<?>, Map<String, Object>> services = new LinkedHashMap<>();

        <S> NamedSelector add(Class<S> spi, String name, S service) {
            services.computeIfAbsent(spi, s -> new LinkedHashMap<>()).put(name, service);
            return this;
        }

        @Override
        public <S> Optional<S> select(Class<S> spi) {
            return all(spi).stream().findFirst();
        }

        @Override
        public <S> Optional<S> select(Class<S> spi, String implementation) {
            return Optional.ofNullable(services.getOrDefault(spi, Map.of()).get(implementation)).map(spi::cast);
        }

        @Override
        public <S> List<S> all(Class<S> spi) {
            return services.getOrDefault(spi, Map.of()).values().stream().map(spi::cast).toList();
        }

        @Override
        public List<CapabilityStatus> capabilities() {
            return java.util.Arrays.stream(Capability.values()).map(this::capability).toList();
        }

        @Override
        public CapabilityStatus capability(Capability capability) {
            List<Implementation> implementations = new ArrayList<>();
            services.getOrDefault(capability.spi(), Map.of()).keySet()
                    .forEach(name -> implementations.add(new Implementation(name, 0, "test", implementations.size())));
            return new CapabilityStatus(capability, implementations, null,
                    implementations.isEmpty() ? null : implementations.get(0).name());
        }

        @Override
        public void pin(Capability capability, String implementation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void unpin(Capability capability) {
            throw new UnsupportedOperationException();
        }
    }

    private final ObjectMapper json = JsonMapping.create();
    private final FakeServices.Repository repository = new FakeServices.Repository();
    private final NamedSelector selector = new NamedSelector();
    private final Gate gate = new Gate();
    private final List<String> logged = new ArrayList<>();
    private LocalComputeEngine engine;
    private CalculationJobs jobs;
    private Calculations served;
    private ApiDispatcher dispatcher;

    @BeforeEach
    void setUp() throws Exception {
        engine = new LocalComputeEngine(2);
        selector.add(BuildingRepository.class, "memory", repository).add(ComputeEngine.class, "local", engine)
                .add(Calculation.class, "count", new CountCalculation()).add(Calculation.class, "gate", gate)
                .add(Calculation.class, "faulty", new Faulty());
        repository.create("acme", ChangeSet.of("seed", "",
                new Change.AddObject(new BuildingObject("b1", ObjectType.BUILDING, "office", null, "B1", null, null,
                        null)),
                new Change.AddObject(new BuildingObject("f1", ObjectType.FLOOR, "floor", "b1", null, null, null,
                        null)),
                new Change.AddObject(new BuildingObject("f2", ObjectType.FLOOR, "floor", "b1", null, null, null,
                        null))));
        repository.apply("acme", "b1", ChangeSet.of("ann", "", new Change.AddObject(new BuildingObject("f3",
                ObjectType.FLOOR, "floor", "b1", null, null, null, null))));
        repository.create("acme", ChangeSet.of("seed", "", new Change.AddObject(new BuildingObject("b2",
                ObjectType.BUILDING, "office", null, "B2", null, null, null))));
        jobs = new CalculationJobs(selector, JobSettings.defaults(), Clock.systemUTC());
        served = jobs;
        dispatcher = new ApiDispatcher(selector, null, null, null, null, null, () -> Optional.ofNullable(served), json,
                () -> ApiSettings.DEFAULTS, new ProblemMapper((id, failure) -> logged.add(id + " " + failure)));
    }

    @AfterEach
    void tearDown() {
        gate.release.countDown();
        jobs.close();
        engine.close();
        assertEquals(List.of(), logged, "no request ended in an internal error");
    }

    private ApiResponse call(FakeServices.Request request) {
        return dispatcher.dispatch(RouteMatch.of(request.method(), request.path()), request);
    }

    private ApiResponse call(String method, String path, Principal principal) {
        return call(FakeServices.Request.of(method, path, principal));
    }

    private static Object body(ApiResponse response, int status) {
        ApiResponse.Json ok = assertInstanceOf(ApiResponse.Json.class, response, response::toString);
        assertEquals(status, ok.status());
        return ok.body();
    }

    private static Problem problem(ApiResponse response, int status) {
        ApiResponse.ProblemResponse problem = assertInstanceOf(ApiResponse.ProblemResponse.class, response,
                response::toString);
        assertEquals(status, problem.status(), problem.problem()::detail);
        return problem.problem();
    }

    @Test
    void listsTheRunningCalculationsWithTheirDescriptions() throws Exception {
        JsonNode listed = json.valueToTree(body(call("GET", "/api/calculations", BOB), 200));
        assertEquals("count", listed.at("/calculations/0/name").asText());
        assertEquals("counts objects; type=<object type>", listed.at("/calculations/0/description").asText());
        assertEquals(3, listed.get("calculations").size());
    }

    @Test
    void runsACalculationAndAnswersWithItsResult() {
        CalculationResult result = (CalculationResult) body(call("POST", "/api/buildings/b1/calculations/count",
                BOB), 200);
        assertEquals(new Count("floor", 3), result.value());
        assertEquals(2, result.job().revision(), "the head by default");
        assertEquals(JobStatus.State.SUCCEEDED, result.job().state());
        JsonNode document = json.valueToTree(result);
        assertEquals(3, document.at("/value/objects").asLong());
        assertEquals("local", document.at("/job/engine").asText());

        CalculationResult first = (CalculationResult) body(call("POST",
                "/api/buildings/b1/calculations/count?revision=1&type=building", BOB), 200);
        assertEquals(new Count("building", 1), first.value());
        assertEquals(1, first.job().revision());
    }

    @Test
    void parametersComeFromTheQueryAndAJsonBody() {
        CalculationResult fromBody = (CalculationResult) body(call(FakeServices.Request.of("POST",
                "/api/buildings/b1/calculations/count?revision=1", BOB).body("application/json",
                        "{\"type\":\"building\"}")), 200);
        assertEquals(new Count("building", 1), fromBody.value());
        assertEquals("parameter 'type' is given in both the query and the body; give it once",
                problem(call(FakeServices.Request.of("POST", "/api/buildings/b1/calculations/count?type=floor", BOB)
                        .body("application/json", "{\"type\":\"building\"}")), 400).detail());
        assertEquals("calculation parameter 'type' must be a string, number or boolean",
                problem(call(FakeServices.Request.of("POST", "/api/buildings/b1/calculations/count", BOB)
                        .body("application/json", "{\"type\":[1]}")), 400).detail());
        problem(call(FakeServices.Request.of("POST", "/api/buildings/b1/calculations/count", BOB)
                .body("text/plain", "type=floor")), 415);
        assertEquals("parameter 'priority' must be an integer but was 'high'", problem(call("POST",
                "/api/buildings/b1/calculations/count?priority=high", BOB), 400).detail());
    }

    @Test
    void badInputGetsAClearErrorForThatRequestOnly() {
        Problem unknown = problem(call("POST", "/api/buildings/b1/calculations/daylight", BOB), 404);
        assertEquals("no calculation 'daylight' is running; running: count, faulty, gate", unknown.detail());
        assertEquals(List.of("count", "faulty", "gate"), unknown.extensions().get("calculations"));
        assertEquals("unknown building 'b9'", problem(call("POST", "/api/buildings/b9/calculations/count", BOB),
                404).detail());
        assertEquals("building 'b1' has no revision 7; its revisions are 1 to 2",
                problem(call("POST", "/api/buildings/b1/calculations/count?revision=7", BOB), 404).detail());
        assertEquals("unknown revision 'x' of building 'b1': use a revision number from 1 or 'head'",
                problem(call("POST", "/api/buildings/b1/calculations/count?revision=x", BOB), 404).detail());
        Problem invalid = problem(call("POST", "/api/buildings/b1/calculations/count?type=spaceship", BOB), 400);
        assertEquals("count: parameter 'type' must be an object type, not 'spaceship'", invalid.detail());
        Problem failed = problem(call("POST", "/api/buildings/b1/calculations/faulty", BOB), 500);
        assertEquals("urn:arxos:problem:job-failed", failed.type().uri());
        assertEquals("faulty failed: IllegalStateException: broken plugin", failed.detail());
        assertEquals(JobStatus.State.FAILED, ((JobStatus) failed.extensions().get("job")).state());
        assertEquals(new Count("floor", 3), ((CalculationResult) body(call("POST",
                "/api/buildings/b1/calculations/count", BOB), 200)).value(), "the next request is unaffected");
        problem(call("POST", "/api/buildings/b2/calculations/count", BOB), 404);
    }

    @Test
    void anAsynchronousJobIsPolledAndItsResultRead() throws Exception {
        ApiResponse.Json accepted = assertInstanceOf(ApiResponse.Json.class,
                call("POST", "/api/buildings/b1/calculations/count?async=true&type=building", BOB));
        assertEquals(202, accepted.status());
        JobStatus job = (JobStatus) accepted.body();
        assertEquals("/api/jobs/" + job.id(), accepted.headers().get("Location"));
        jobs.result(job.id()).orElseThrow().get(30, TimeUnit.SECONDS);
        assertEquals(JobStatus.State.SUCCEEDED, ((JobStatus) body(call("GET", "/api/jobs/" + job.id(), BOB), 200))
                .state());
        assertEquals(new Count("building", 1),
                ((CalculationResult) body(call("GET", "/api/jobs/" + job.id() + "/result", BOB), 200)).value());
        assertEquals(List.of(job.id()), ((CalculationEndpoints.JobList) body(call("GET", "/api/jobs", ALICE), 200))
                .jobs().stream().map(JobStatus::id).toList());
        assertEquals(List.of(), ((CalculationEndpoints.JobList) body(call("GET", "/api/jobs", EVE), 200)).jobs(),
                "another tenant sees none of them");
        assertEquals("unknown job '" + job.id() + "'", problem(call("GET", "/api/jobs/" + job.id(), EVE), 404)
                .detail());
        problem(call("GET", "/api/jobs/nope/result", BOB), 404);
    }

    @Test
    void aRunningJobIsCancelled() throws Exception {
        JobStatus job = (JobStatus) body(call("POST", "/api/buildings/b1/calculations/gate?async=true", ALICE), 202);
        assertTrue(gate.started.await(10, TimeUnit.SECONDS));
        ApiResponse.Json pending = assertInstanceOf(ApiResponse.Json.class,
                call("GET", "/api/jobs/" + job.id() + "/result", ALICE));
        assertEquals(202, pending.status(), "a running job has no result yet");
        JobStatus cancelled = (JobStatus) body(call("DELETE", "/api/jobs/" + job.id(), ALICE), 200);
        assertEquals(JobStatus.State.CANCELLED, cancelled.state());
        assertEquals("job " + job.id() + " had already ended: CANCELLED",
                problem(call("DELETE", "/api/jobs/" + job.id(), ALICE), 409).detail());
        Problem result = problem(call("GET", "/api/jobs/" + job.id() + "/result", ALICE), 409);
        assertEquals("urn:arxos:problem:job-cancelled", result.type().uri());
        assertFalse(result.detail().isEmpty());
    }

    @Test
    void withoutTheCalculationServiceTheEndpointsAreUnavailable() {
        served = null;
        assertEquals("no calculation service is running", problem(call("GET", "/api/calculations", BOB), 503)
                .detail());
        problem(call("POST", "/api/buildings/b1/calculations/count", BOB), 503);
    }
}
