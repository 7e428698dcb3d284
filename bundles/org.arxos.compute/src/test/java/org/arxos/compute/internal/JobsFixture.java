package org.arxos.compute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.arxos.api.cache.Cache;
import org.arxos.api.compute.CalculationRequest;
import org.arxos.api.compute.CalculationResult;
import org.arxos.api.compute.Calculation;
import org.arxos.api.compute.ComputeEngine;
import org.arxos.api.compute.ComputeException;
import org.arxos.api.compute.JobStatistics;
import org.arxos.api.compute.JobStatus;
import org.arxos.api.compute.JobStatus.State;
import org.arxos.api.compute.UnknownCalculationException;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.repository.UnknownBuildingException;
import org.arxos.cache.jdbc.internal.JdbcCacheTier;
import org.arxos.cache.jdbc.internal.JdbcTierConfiguration;
import org.arxos.cache.testing.TieredCaches;
import org.arxos.compute.local.internal.LocalComputeEngine;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.arxos.repository.jdbc.internal.JdbcBuildingStore;
import org.arxos.repository.jdbc.internal.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job service's surroundings for tests: the real local engine, a JDBC building store and the tiered cache over a
 * JDBC tier, on H2, with a generated building and the test calculations.
 */
abstract class JobsFixture {

    static final String TENANT = "acme";

    @TempDir
    Path folder;

    final TestSelector selector = new TestSelector();
    final TestCalculations.FloorCount floors = new TestCalculations.FloorCount();
    final TestCalculations.Gate gate = new TestCalculations.Gate();
    JdbcBuildingStore store;
    JdbcCacheTier tier;
    Cache cache;
    LocalComputeEngine engine;
    final List<CalculationJobs> services = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        org.h2.jdbcx.JdbcDataSource buildings = new org.h2.jdbcx.JdbcDataSource();
        buildings.setURL("jdbc:h2:file:" + folder.resolve("db/arxos").toAbsolutePath() + ";AUTO_SERVER=FALSE");
        store = new JdbcBuildingStore(buildings, StoreSettings.of(50, 4), e -> { });
        org.h2.jdbcx.JdbcDataSource entries = new org.h2.jdbcx.JdbcDataSource();
        entries.setURL("jdbc:h2:file:" + folder.resolve("db/cache").toAbsolutePath() + ";AUTO_SERVER=FALSE");
        tier = new JdbcCacheTier(entries, defaults(JdbcTierConfiguration.class), Clock.systemUTC());
        cache = TieredCaches.over(tier, 4, "jdbc");
        engine = new LocalComputeEngine(2);
        store.create(TENANT, SyntheticBuilding.generate(new GeneratorSettings(7, 2000, "tower", "Tower")));
        selector.add(BuildingRepository.class, "jdbc", store).add(Cache.class, "tiered", cache)
                .add(ComputeEngine.class, "local", engine).add(Calculation.class, "floors", floors)
                .add(Calculation.class, "gate", gate).add(Calculation.class, "faulty", new TestCalculations.Faulty());
    }

    @AfterEach
    void close() {
        gate.release.countDown();
        services.forEach(CalculationJobs::close);
        engine.close();
        TieredCaches.close(cache);
        tier.close();
        store.close();
    }

    static <A> A defaults(Class<A> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getName().equals("annotationType") ? type : method.getDefaultValue()));
    }

    CalculationJobs jobs(int maxRunning, int history, Duration timeout) {
        CalculationJobs jobs = new CalculationJobs(selector, new JobSettings(maxRunning, 1000, history, timeout),
                Clock.systemUTC());
        services.add(jobs);
        return jobs;
    }

    CalculationJobs jobs() {
        return jobs(2, 200, Duration.ofMinutes(1));
    }

    static CalculationRequest request(String calculation, Map<String, String> parameters, int priority) {
        return new CalculationRequest(TENANT, "tower", CalculationRequest.HEAD, calculation, parameters, priority);
    }
}
