package org.arxos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.arxos.api.compute.Calculation;
import org.arxos.api.compute.CalculationContext;
import org.arxos.api.compute.CalculationRequest;
import org.arxos.api.compute.CalculationResult;
import org.arxos.api.compute.Calculations;
import org.arxos.api.compute.ComputeException;
import org.arxos.api.compute.ComputeTask;
import org.arxos.api.compute.JobStatus;
import org.arxos.api.compute.JobStatus.State;
import org.arxos.api.compute.UnknownCalculationException;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.repository.UnknownBuildingException;
import org.arxos.api.selection.Capability;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Calculation jobs in Felix with the real bundles: the job service and the local engine of org.arxos.compute(.local),
 * the calculations of org.arxos.calculations, the JDBC building store on H2, the in-process event bus and the tiered
 * cache over its real tiers. Calculations of the test probe (registered as services like any plugin's) record the
 * order in which jobs start. One job runs at a time (org.arxos.compute maxRunning=1), so the queue is observable.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ComputeJobsTest {

    private static final String TENANT = "itests";
    private static final long WAIT_SECONDS = 60;

    /** Objects per floor, counted on the engine one floor per task; its class lives in the test probe's bundle. */
    public record FloorCounts(List<Integer> perFloor) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public static final class FloorCount implements Calculation<FloorCounts> {
        volatile int computations;

        @Override
        public String description() {
            return "objects under each floor (itests)";
        }

        @Override
        public Class<FloorCounts> resultType() {
            return FloorCounts.class;
        }

        @Override
        public FloorCounts calculate(CalculationContext context) throws Exception {
            computations++;
            Revision revision = context.revision();
            List<String> floors = new ArrayList<>(revision.objects().filter(o -> o.type() == ObjectType.FLOOR)
                    .map(BuildingObject::id).sorted().toList());
            ComputeTask<String, Integer> count = floor -> (int) revision.objects()
                    .filter(o -> floor.equals(o.parentId())).count();
            return new FloorCounts(context.engine().map(floors, count, context.options())
                    .get(WAIT_SECONDS, TimeUnit.SECONDS));
        }
    }

    /** Records the parameter {@code n} of each job it starts and holds the first until released. */
    public static final class Gate implements Calculation<String> {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final List<String> started = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String description() {
            return "waits for the test (itests)";
        }

        @Override
        public Class<String> resultType() {
            return String.class;
        }

        @Override
        public String calculate(CalculationContext context) throws Exception {
            String n = context.parameter("n").orElse("?");
            started.add(n);
            firstStarted.countDown();
            if (!release.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the gate");
            }
            return n;
        }
    }

    public static final class Faulty implements Calculation<String> {
        @Override
        public String description() {
            return "always throws (itests)";
        }

        @Override
        public Class<String> resultType() {
            return String.class;
        }

        @Override
        public String calculate(CalculationContext context) {
            throw new IllegalStateException("the faulty calculation broke");
        }
    }

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurations;

    @Inject
    private Calculations calculations;

    private CacheRuntime cache;
    private final Gate gate = new Gate();
    private final FloorCount floors = new FloorCount();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private String building;

    @Configuration
    public Option[] config() {
        return ArxosRuntime.withComputeInstalled();
    }

    @Before
    public void start() throws Exception {
        Path scratch = Path.of(ArxosRuntime.workDirectory()).toAbsolutePath().resolve("compute-" + UUID.randomUUID());
        configure("org.arxos.sample", Map.of("enabled", false));
        configure("org.arxos.compute", Map.of("maxRunning", 1));
        configure("org.arxos.repository.jdbc", Map.of("url", "jdbc:h2:file:" + scratch.resolve("buildings")
                + ";AUTO_SERVER=FALSE"));
        cache = CacheRuntime.start(context, configurations, CacheRuntime.SHARED_REDIS_PORT, Map.of());
        bundle(ArxosRuntime.REPOSITORY).start();
        register("itest-gate", gate);
        register("itest-floors", floors);
        register("itest-faulty", new Faulty());
        Awaits.until("the test calculations run", WAIT_SECONDS * 1000, calculations::names,
                names -> ((List<?>) names).containsAll(List.of("itest-gate", "itest-floors", "itest-faulty")));
        building = "tower-" + UUID.randomUUID().toString().substring(0, 8);
        repository().create(TENANT, SyntheticBuilding.generate(new GeneratorSettings(11, 2_000, building,
                "Tower")));
    }

    @After
    public void stop() throws Exception {
        gate.release.countDown();
        registrations.forEach(ServiceRegistration::unregister);
        cache.close();
    }

    private void configure(String pid, Map<String, Object> properties) throws Exception {
        Dictionary<String, Object> values = new Hashtable<>(properties);
        configurations.getConfiguration(pid, "?").update(values);
    }

    private org.osgi.framework.Bundle bundle(String name) {
        for (org.osgi.framework.Bundle b : context.getBundles()) {
            if (b.getSymbolicName().equals(name)) {
                return b;
            }
        }
        throw new IllegalStateException(name + " is not installed");
    }

    private void register(String name, Calculation<?> calculation) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Capability.IMPL, name);
        registrations.add(context.registerService(Calculation.class, calculation, properties));
    }

    private BuildingRepository repository() throws InterruptedException {
        ServiceTracker<BuildingRepository, BuildingRepository> tracker = new ServiceTracker<>(context,
                BuildingRepository.class, null);
        tracker.open();
        try {
            BuildingRepository repository = tracker.waitForService(WAIT_SECONDS * 1000);
            assertNotNull("the JDBC building store runs", repository);
            return repository;
        } finally {
            tracker.close();
        }
    }

    private CalculationRequest request(String calculation, Map<String, String> parameters, int priority) {
        return new CalculationRequest(TENANT, building, CalculationRequest.HEAD, calculation, parameters, priority);
    }

    private CalculationResult await(JobStatus job) throws Exception {
        return calculations.result(job.id()).orElseThrow().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    public void aHighPriorityJobSubmittedBehindAHundredLowOnesStartsBeforeEveryWaitingOne() throws Exception {
        JobStatus blocker = calculations.submit(request("itest-gate", Map.of("n", "blocker"), 0));
        assertTrue("the blocking job started", gate.firstStarted.await(WAIT_SECONDS, TimeUnit.SECONDS));
        List<JobStatus> low = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            low.add(calculations.submit(request("itest-gate", Map.of("n", "low" + i), 0)));
        }
        JobStatus high = calculations.submit(request("itest-gate", Map.of("n", "high"), 10));
        assertEquals(State.QUEUED, calculations.job(high.id()).orElseThrow().state());
        gate.release.countDown();
        await(blocker);
        await(high);
        for (JobStatus job : low) {
            await(job);
        }
        assertEquals("blocker", gate.started.get(0));
        assertEquals("the high-priority job started first of the waiting ones", "high", gate.started.get(1));
        JobStatus highDone = calculations.job(high.id()).orElseThrow();
        for (JobStatus job : low) {
            JobStatus lowDone = calculations.job(job.id()).orElseThrow();
            assertFalse(lowDone.id() + " started before the high-priority job",
                    lowDone.started().isBefore(highDone.started()));
        }
        List<String> lowOrder = gate.started.subList(2, gate.started.size());
        assertEquals(100, lowOrder.size());
        for (int i = 0; i < 100; i++) {
            assertEquals("equal priorities start in submission order", "low" + i, lowOrder.get(i));
        }
    }

    @Test
    public void badInputFailsOnlyItsOwnRequestWhileOtherJobsSucceed() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<CalculationResult>> good = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String factor = Integer.toString(i);
                good.add(clients.submit(() -> calculations.run(request("itest-floors", Map.of("run", factor), 0))));
            }
            Future<CalculationResult> faulty = clients.submit(() -> calculations.run(request("itest-faulty", Map.of(),
                    0)));
            Future<JobStatus> unknown = clients.submit(() -> calculations.submit(request("daylight", Map.of(), 0)));
            Future<JobStatus> noRevision = clients.submit(() -> calculations.submit(new CalculationRequest(TENANT,
                    building, 99, "itest-floors", Map.of(), 0)));
            Future<JobStatus> noBuilding = clients.submit(() -> calculations.submit(new CalculationRequest(TENANT,
                    "nowhere", CalculationRequest.HEAD, "itest-floors", Map.of(), 0)));

            ComputeException failed = (ComputeException) causeOf(faulty);
            assertEquals("itest-faulty failed: IllegalStateException: the faulty calculation broke",
                    failed.getMessage());
            UnknownCalculationException unknownCalculation = (UnknownCalculationException) causeOf(unknown);
            assertTrue(unknownCalculation.getMessage(), unknownCalculation.getMessage()
                    .startsWith("no calculation 'daylight' is running; running: "));
            assertTrue(unknownCalculation.available().contains("itest-floors"));
            assertEquals("building '" + building + "' has no revision 99; its revisions are 1 to 1",
                    ((UnknownBuildingException) causeOf(noRevision)).getMessage());
            assertEquals("there is no building 'nowhere'", ((UnknownBuildingException) causeOf(noBuilding))
                    .getMessage());
            for (Future<CalculationResult> result : good) {
                CalculationResult done = result.get(WAIT_SECONDS, TimeUnit.SECONDS);
                assertEquals(State.SUCCEEDED, done.job().state());
                assertEquals(((FloorCounts) good.get(0).get().value()), done.value());
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static Throwable causeOf(Future<?> future) throws Exception {
        try {
            future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        fail("expected a failure");
        return null;
    }

    @Test
    public void cancellingStopsARunningJobAndAWaitingOneNeverStarts() throws Exception {
        JobStatus running = calculations.submit(request("itest-gate", Map.of("n", "running"), 0));
        assertTrue(gate.firstStarted.await(WAIT_SECONDS, TimeUnit.SECONDS));
        JobStatus waiting = calculations.submit(request("itest-gate", Map.of("n", "waiting"), 0));
        assertTrue(calculations.cancel(waiting.id()));
        assertTrue(calculations.cancel(running.id()));
        assertFalse("an ended job is not cancelled again", calculations.cancel(running.id()));
        CompletableFuture<CalculationResult> result = calculations.result(running.id()).orElseThrow();
        try {
            result.get(WAIT_SECONDS, TimeUnit.SECONDS);
            fail("a cancelled job has no result");
        } catch (ExecutionException e) {
            assertEquals("job " + running.id() + " was cancelled", e.getCause().getMessage());
        }
        CalculationResult next = calculations.run(request("itest-floors", Map.of("after", "cancel"), 0));
        assertEquals("the runner is free again", State.SUCCEEDED, next.job().state());
        assertEquals(List.of("running"), gate.started);
        assertEquals(State.CANCELLED, calculations.job(waiting.id()).orElseThrow().state());
        assertEquals(State.CANCELLED, calculations.job(running.id()).orElseThrow().state());
    }

    @Test
    public void aResultIsServedFromTheCacheTheSecondTime() throws Exception {
        long hitsBefore = cache.stats().hits();
        CalculationResult first = calculations.run(request("itest-floors", Map.of("cache", "test"), 0));
        CalculationResult second = calculations.run(request("itest-floors", Map.of("cache", "test"), 0));
        assertFalse(first.cached());
        assertTrue("the second request is served from the cache", second.cached());
        assertEquals(first.value(), second.value());
        assertEquals(1, floors.computations);
        assertTrue(cache.stats().hits() > hitsBefore);
        assertTrue(((FloorCounts) first.value()).perFloor().stream().mapToInt(Integer::intValue).sum() > 0);
    }

    @Test
    public void aNewBuildingIsCalculatedAheadByTheStreamSoTheFirstRequestHitsTheCache() throws Exception {
        Awaits.until("the stream ran takeoff on the new building", WAIT_SECONDS * 1000,
                () -> calculations.jobs().stream().filter(j -> j.building().equals(building)
                        && j.calculation().equals("takeoff")).map(JobStatus::state).toList(),
                states -> ((List<?>) states).contains(State.SUCCEEDED));
        CalculationResult takeoff = calculations.run(request("takeoff", Map.of(), 0));
        assertTrue("the streamed result is in the cache", takeoff.cached());
        assertEquals(1, takeoff.job().revision());
    }
}
