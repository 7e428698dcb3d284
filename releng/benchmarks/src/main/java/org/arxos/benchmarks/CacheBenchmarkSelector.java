package org.arxos.benchmarks;

import java.util.ArrayList;
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
 * The selector that core's floor drawings, the job service and the tiered cache call, outside OSGi: the
 * implementations of each capability (the renderer, the spatial strategy, the codec compressor, the calculations, the
 * compute engine, the repository), the first one added serving, and the cache while the run uses one. Without a
 * cache, the drawings draw every request and the jobs compute every calculation, as a server without the cache bundles
 * does.
 */
final class CacheBenchmarkSelector implements ImplementationSelector {

    /** An implementation and its service. */
    private record Running(Implementation implementation, Object service) {
    }

    /** Replaced whole when it changes, so that the requests' lookups take no lock. */
    private volatile Map<Capability, List<Running>> running = Map.of();
    private long added;

    /** Adds an implementation of a capability; its service id is the order it was added in. */
    synchronized CacheBenchmarkSelector with(Capability capability, String name, Object service) {
        Map<Capability, List<Running>> next = new EnumMap<>(Capability.class);
        next.putAll(running);
        List<Running> all = new ArrayList<>(next.getOrDefault(capability, List.of()));
        all.add(new Running(new Implementation(name, 0, "benchmark", ++added), service));
        next.put(capability, List.copyOf(all));
        running = next;
        return this;
    }

    /** Lets the drawings and the jobs use the cache, or none when null. */
    synchronized void useCache(Cache cache) {
        Map<Capability, List<Running>> next = new EnumMap<>(Capability.class);
        next.putAll(running);
        next.remove(Capability.CACHE);
        running = next;
        if (cache != null) {
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
        return Capability.of(spi).flatMap(c -> runningFor(c).stream().findFirst()).map(r -> spi.cast(r.service()));
    }

    @Override
    public <S> Optional<S> select(Class<S> spi, String implementation) {
        return Capability.of(spi).flatMap(c -> runningFor(c).stream()
                .filter(r -> r.implementation().name().equals(implementation)).findFirst())
                .map(r -> spi.cast(r.service()));
    }

    @Override
    public <S> List<S> all(Class<S> spi) {
        return Capability.of(spi).stream().flatMap(c -> runningFor(c).stream()).map(r -> spi.cast(r.service()))
                .toList();
    }

    @Override
    public List<CapabilityStatus> capabilities() {
        return Arrays.stream(Capability.values()).map(this::capability).toList();
    }

    @Override
    public CapabilityStatus capability(Capability capability) {
        List<Running> all = runningFor(capability);
        return all.isEmpty() ? new CapabilityStatus(capability, List.of(), null, null)
                : new CapabilityStatus(capability, all.stream().map(Running::implementation).toList(), null,
                        all.get(0).implementation().name());
    }

    @Override
    public void pin(Capability capability, String implementation) {
        throw new UnsupportedOperationException("the benchmark runs one implementation of each capability");
    }

    @Override
    public void unpin(Capability capability) {
        throw new UnsupportedOperationException("the benchmark runs one implementation of each capability");
    }

    private List<Running> runningFor(Capability capability) {
        return running.getOrDefault(capability, List.of());
    }
}
