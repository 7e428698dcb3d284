package org.arxos.core.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.ImplementationSelector;

/** A selector over fixed services: every registered one per SPI, the first serving. */
final class TestSelector implements ImplementationSelector {

    private final Map<Class<?>, List<Object>> services = new HashMap<>();

    <S> TestSelector add(Class<S> spi, S service) {
        services.computeIfAbsent(spi, s -> new ArrayList<>()).add(service);
        return this;
    }

    void remove(Class<?> spi) {
        services.remove(spi);
    }

    @Override
    public <S> Optional<S> select(Class<S> spi) {
        return all(spi).stream().findFirst();
    }

    @Override
    public <S> Optional<S> select(Class<S> spi, String implementation) {
        return Optional.empty();
    }

    @Override
    public <S> List<S> all(Class<S> spi) {
        return services.getOrDefault(spi, List.of()).stream().map(spi::cast).toList();
    }

    @Override
    public List<CapabilityStatus> capabilities() {
        return List.of();
    }

    @Override
    public CapabilityStatus capability(Capability capability) {
        return new CapabilityStatus(capability, List.of(), null, null);
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
