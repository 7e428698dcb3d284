package org.arxos.core.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.arxos.api.selection.CallRecord;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.ImplementationSelector;

/** A selector over fixed services (every registered one per SPI, the first serving), statuses and call records. */
final class TestSelector implements ImplementationSelector {

    private final Map<Class<?>, List<Object>> services = new HashMap<>();
    private final Map<Capability, List<CallRecord>> calls = new HashMap<>();
    private final Map<Capability, CapabilityStatus> statuses = new java.util.EnumMap<>(Capability.class);
    private final List<String> reinstated = new ArrayList<>();

    <S> TestSelector add(Class<S> spi, S service) {
        services.computeIfAbsent(spi, s -> new ArrayList<>()).add(service);
        return this;
    }

    TestSelector record(Capability capability, CallRecord record) {
        calls.computeIfAbsent(capability, c -> new ArrayList<>()).add(record);
        return this;
    }

    TestSelector status(CapabilityStatus status) {
        statuses.put(status.capability(), status);
        return this;
    }

    /** The reinstate calls made, as "capability/implementation". */
    List<String> reinstated() {
        return reinstated;
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
        return List.copyOf(statuses.values());
    }

    @Override
    public CapabilityStatus capability(Capability capability) {
        return statuses.getOrDefault(capability, new CapabilityStatus(capability, List.of(), null, null));
    }

    @Override
    public boolean reinstate(Capability capability, String implementation) {
        reinstated.add(capability.id() + "/" + implementation);
        return calls.getOrDefault(capability, List.of()).stream()
                .anyMatch(r -> r.quarantined() && r.implementation().name().equals(implementation));
    }

    @Override
    public List<CallRecord> calls(Capability capability) {
        return calls.getOrDefault(capability, List.of());
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
