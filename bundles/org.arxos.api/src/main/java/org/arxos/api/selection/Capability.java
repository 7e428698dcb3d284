package org.arxos.api.selection;

import java.util.Locale;
import java.util.Optional;

import org.arxos.api.cache.Cache;
import org.arxos.api.cache.CacheTier;
import org.arxos.api.collab.ConflictResolver;
import org.arxos.api.compress.Compressor;
import org.arxos.api.compute.Calculation;
import org.arxos.api.compute.ComputeEngine;
import org.arxos.api.event.EventBus;
import org.arxos.api.grouping.GroupingStrategy;
import org.arxos.api.io.BuildingExporter;
import org.arxos.api.io.BuildingImporter;
import org.arxos.api.render.Renderer;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.security.IdentityStore;

/** Every pluggable capability of the platform, with the SPI its implementations register. */
public enum Capability {
    REPOSITORY(BuildingRepository.class),
    IMPORTER(BuildingImporter.class),
    EXPORTER(BuildingExporter.class),
    GROUPING(GroupingStrategy.class),
    RENDERER(Renderer.class),
    CACHE(Cache.class),
    CACHE_TIER(CacheTier.class),
    COMPRESSOR(Compressor.class),
    COMPUTE_ENGINE(ComputeEngine.class),
    CALCULATION(Calculation.class),
    CONFLICT_RESOLVER(ConflictResolver.class),
    EVENT_BUS(EventBus.class),
    IDENTITY_STORE(IdentityStore.class);

    /** The service property that names an implementation, e.g. {@code arxos.impl=containment}. */
    public static final String IMPL = "arxos.impl";

    private final Class<?> spi;

    Capability(Class<?> spi) {
        this.spi = spi;
    }

    public Class<?> spi() {
        return spi;
    }

    /** The lower-case, hyphenated id used in commands, URLs and configuration, e.g. {@code compute-engine}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Capability> of(String id) {
        for (Capability c : values()) {
            if (c.id().equals(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public static Optional<Capability> of(Class<?> spi) {
        for (Capability c : values()) {
            if (c.spi.equals(spi)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
