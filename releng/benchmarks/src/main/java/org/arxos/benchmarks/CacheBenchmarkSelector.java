package org.arxos.benchmarks;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.arxos.api.cache.Cache;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.Implementation;
import org.arxos.api.selection.ImplementationSelector;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

/**
 * The selector that core's floor drawings and the tiered cache call, outside OSGi: one implementation per capability
 * (the renderer, the spatial strategy, the codec compressor), and the cache while the run uses one. Without a cache,
 * the drawings draw every request, as a server without the cache bundles does.
 */
final class CacheBenchmarkSelector implements ImplementationSelector {

    /** An implementation and its service. */
    private record Running(Implementation implementation, Object service) {
    }

    private final Map<Capability, Running> running = new EnumMap<>(Capability.class);

    /** Adds the one implementation of a capability; its service id is the order it was added in. */
    CacheBenchmarkSelector with(Capability capability, String name, Object service) {
        running.put(capability, new Running(new Implementation(name, 0, "benchmark", running.size() + 1L), service));
        return this;
    }

    /** Lets the drawings use the cache, or none when null. */
    synchronized void useCache(Cache cache) {
        if (cache == null) {
            running.remove(Capability.CACHE);
        } else {
            with(Capability.CACHE, "tiered", cache);
        }
    }

    /** This selector as SCR hands it to the cache's reference, which gets the service on first use. */
    ComponentServiceObjects<ImplementationSelector> asBound() {
        ImplementationSelector selector = this;
        return new ComponentServiceObjects<>() {
            @Override
            public ImplementationSelector getService() {
                return selector;
            }

            @Override
            public void ungetService(ImplementationSelector service) {
                // nothing to release
            }

            @Override
            public ServiceReference<ImplementationSelector> getServiceReference() {
                throw new UnsupportedOperationException("the benchmark never unbinds the selector");
            }
        };
    }

    @Override
    public <S> Optional<S> select(Class<S> spi) {
        return Capability.of(spi).map(this::runningFor).map(r -> spi.cast(r.service()));
    }

    @Override
    public <S> Optional<S> select(Class<S> spi, String implementation) {
        return Capability.of(spi).map(this::runningFor).filter(r -> r.implementation().name().equals(implementation))
                .map(r -> spi.cast(r.service()));
    }

    @Override
    public <S> List<S> all(Class<S> spi) {
        return select(spi).stream().toList();
    }

    @Override
    public List<CapabilityStatus> capabilities() {
        return Arrays.stream(Capability.values()).map(this::capability).toList();
    }

    @Override
    public CapabilityStatus capability(Capability capability) {
        Running r = runningFor(capability);
        return r == null ? new CapabilityStatus(capability, List.of(), null, null)
                : new CapabilityStatus(capability, List.of(r.implementation()), null, r.implementation().name());
    }

    @Override
    public void pin(Capability capability, String implementation) {
        throw new UnsupportedOperationException("the benchmark runs one implementation of each capability");
    }

    @Override
    public void unpin(Capability capability) {
        throw new UnsupportedOperationException("the benchmark runs one implementation of each capability");
    }

    private synchronized Running runningFor(Capability capability) {
        return running.get(capability);
    }
}
