package org.arxos.core.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.arxos.api.selection.CallGuard;
import org.arxos.api.selection.CallRecord;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.Implementation;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.api.selection.Served;
import org.arxos.api.selection.ServiceCall;

/**
 * A selector over fixed services (every registered one per SPI, the first serving), statuses and call records.
 * Services added with a name are implementations of their capability, with service ids 1, 2, ... in the order added,
 * so guarded calls reach them.
 */
final class TestSelector implements ImplementationSelector {

    private record Named(Implementation implementation, Object service) {
    }

    private final Map<Class<?>, List<Object>> services = new HashMap<>();
    private final Map<Class<?>, List<Named>> named = new HashMap<>();
    private long lastServiceId;
    private final Map<Capability, List<CallRecord>> calls = new HashMap<>();
    private final Map<Capability, CapabilityStatus> statuses = new java.util.EnumMap<>(Capability.class);
    private final List<String> reinstated = new ArrayList<>();
    private GuardedCalls guarded;

    synchronized <S> TestSelector add(Class<S> spi, S service) {
        services.computeIfAbsent(spi, s -> new ArrayList<>()).add(service);
        return this;
    }

    /** Adds a named implementation; the first of an SPI serves. */
    synchronized <S> TestSelector add(Class<S> spi, String name, S service) {
        named.computeIfAbsent(spi, s -> new ArrayList<>())
                .add(new Named(new Implementation(name, 0, "test", ++lastServiceId), service));
        return add(spi, service);
    }

    /** Makes guarded calls of named implementations through {@code calls}, as the platform's selector does. */
    TestSelector guardedBy(GuardedCalls calls) {
        this.guarded = calls;
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

    synchronized void remove(Class<?> spi) {
        services.remove(spi);
        named.remove(spi);
    }

    @Override
    public <S> Optional<S> select(Class<S> spi) {
        return all(spi).stream().findFirst();
    }

    @Override
    public synchronized <S> Optional<S> select(Class<S> spi, String implementation) {
        return named.getOrDefault(spi, List.of()).stream()
                .filter(n -> n.implementation().name().equals(implementation)).findFirst()
                .map(n -> spi.cast(n.service()));
    }

    @Override
    public synchronized <S> List<S> all(Class<S> spi) {
        return services.getOrDefault(spi, List.of()).stream().map(spi::cast).toList();
    }

    @Override
    public List<CapabilityStatus> capabilities() {
        return List.copyOf(statuses.values());
    }

    @Override
    public synchronized CapabilityStatus capability(Capability capability) {
        List<Implementation> implementations = named.getOrDefault(capability.spi(), List.of()).stream()
                .map(Named::implementation).toList();
        return statuses.getOrDefault(capability, new CapabilityStatus(capability, implementations, null,
                implementations.isEmpty() ? null : implementations.get(0).name()));
    }

    @Override
    public <S, R> Served<R> call(Class<S> spi, String implementation, ServiceCall<? super S, ? extends R> call,
            CallGuard<R> guard) {
        if (guarded == null) {
            return ImplementationSelector.super.call(spi, implementation, call, guard);
        }
        Capability capability = Capability.of(spi).orElseThrow();
        List<Candidate> ranked = named.getOrDefault(spi, List.of()).stream()
                .map(n -> new Candidate(n.implementation(), n.service(), new CallLedger())).toList();
        return guarded.call(new GuardedCalls.Implementations() {
            @Override
            public Capability capability() {
                return capability;
            }

            @Override
            public List<Candidate> candidates(String first) {
                return CapabilityTracker.order(ranked, CapabilityTracker.serving(ranked, null), first);
            }

            @Override
            public void quarantineChanged() {
                // every call has ledgers of its own: nothing stays quarantined
            }
        }, spi, implementation, call, guard);
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
