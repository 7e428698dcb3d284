package org.arxos.compute.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.Implementation;
import org.arxos.api.selection.ImplementationSelector;

/** A selector over services added by name; the first of each capability serves. */
final class TestSelector implements ImplementationSelector {

    private record Named(Implementation implementation, Object service) {
    }

    private final Map<Class<?>, List<Named>> services = new LinkedHashMap<>();
    private long lastServiceId;

    synchronized <S> TestSelector add(Class<S> spi, String name, S service) {
        services.computeIfAbsent(spi, s -> new ArrayList<>())
                .add(new Named(new Implementation(name, 0, "test", ++lastServiceId), service));
        return this;
    }

    synchronized void remove(Class<?> spi, String name) {
        services.getOrDefault(spi, new ArrayList<>()).removeIf(n -> n.implementation().name().equals(name));
    }

    @Override
    public synchronized <S> Optional<S> select(Class<S> spi) {
        return all(spi).stream().findFirst();
    }

    @Override
    public synchronized <S> Optional<S> select(Class<S> spi, String implementation) {
        return services.getOrDefault(spi, List.of()).stream()
                .filter(n -> n.implementation().name().equals(implementation)).findFirst()
                .map(n -> spi.cast(n.service()));
    }

    @Override
    public synchronized <S> List<S> all(Class<S> spi) {
        return services.getOrDefault(spi, List.of()).stream().map(n -> spi.cast(n.service())).toList();
    }

    @Override
    public List<CapabilityStatus> capabilities() {
        return java.util.Arrays.stream(Capability.values()).map(this::capability).toList();
    }

    @Override
    public synchronized CapabilityStatus capability(Capability capability) {
        List<Implementation> implementations = services.getOrDefault(capability.spi(), List.of()).stream()
                .map(Named::implementation).toList();
        return new CapabilityStatus(capability, implementations, null,
                implementations.isEmpty() ? null : implementations.get(0).name());
    }

    @Override
    public void pin(Capability capability, String implementation) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public void unpin(Capability capability) {
        throw new UnsupportedOperationException("not needed by these tests");
    }
}
