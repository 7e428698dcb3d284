package org.arxos.core.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.arxos.api.repository.BuildingRepository;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a generated building into a tenant that has none, once, in the background so start-up is not held up, and
 * has it warmed for its first viewers.
 */
@Component(configurationPid = SampleBuildingConfiguration.PID)
@Designate(ocd = SampleBuildingConfiguration.class)
public final class SampleBuildingLoader {

    private static final Logger LOG = LoggerFactory.getLogger(SampleBuildingLoader.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "arxos-sample-loader");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public SampleBuildingLoader(@Reference BuildingRepository repository, @Reference BuildingWarming warming,
            SampleBuildingConfiguration config) {
        if (config.enabled()) {
            executor.execute(() -> load(repository, warming, config));
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static void load(BuildingRepository repository, BuildingWarming warming,
            SampleBuildingConfiguration config) {
        try {
            if (!repository.list(config.tenant()).isEmpty()) {
                return;
            }
            long start = System.nanoTime();
            var content = SyntheticBuilding.generate(
                    new GeneratorSettings(config.seed(), config.objects(), config.id(), config.name()));
            var summary = repository.create(config.tenant(), content);
            LOG.info("Loaded sample building '{}' ({} objects, {} connections) for tenant '{}' in {} ms",
                    summary.id(), summary.objectCount(), summary.connectionCount(), config.tenant(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            warming.warm(config.tenant(), summary.id());
        } catch (Exception e) {
            LOG.warn("Could not load the sample building '{}' for tenant '{}': {}", config.id(), config.tenant(),
                    e.getMessage(), e);
        }
    }
}
