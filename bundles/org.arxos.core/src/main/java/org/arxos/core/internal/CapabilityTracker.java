package org.arxos.core.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.arxos.api.selection.CallRecord;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.Implementation;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Follows the implementations of one capability and keeps, ready for every call, the one that serves. The choice is
 * recomputed only when an implementation comes, goes, changes or is quarantined or reinstated, or the pin changes.
 * A quarantined implementation serves only while every implementation is quarantined.
 */
final class CapabilityTracker extends ServiceTracker<Object, Object> implements GuardedCalls.Implementations {

    private record Choice(List<Candidate> ranked, Candidate serving) {
    }

    private final Capability capability;
    private volatile String pin;
    private final Map<ServiceReference<Object>, Candidate> candidates = new ConcurrentHashMap<>();
    private volatile Choice choice = new Choice(List.of(), null);

    CapabilityTracker(BundleContext context, Capability capability, String pin) {
        super(context, capability.spi().getName(), null);
        this.capability = capability;
        this.pin = pin;
    }

    @Override
    public Capability capability() {
        return capability;
    }

    String pin() {
        return pin;
    }

    void pin(String implementation) {
        this.pin = implementation;
        rechoose();
    }

    Optional<Object> serving() {
        Candidate serving = choice.serving();
        return serving == null ? Optional.empty() : Optional.of(serving.service());
    }

    Optional<Object> named(String implementation) {
        return choice.ranked().stream().filter(c -> c.implementation().name().equals(implementation)).findFirst()
                .map(Candidate::service);
    }

    /** Every implementation, the serving one first, then by ranking. */
    List<Object> all() {
        return candidates(null).stream().map(Candidate::service).toList();
    }

    @Override
    public List<Candidate> candidates(String first) {
        Choice c = choice;
        return order(c.ranked(), c.serving(), first);
    }

    /**
     * The order in which a guarded call tries the implementations: the named one (when registered and not
     * quarantined), the serving one, the others not quarantined by ranking, then the quarantined ones by ranking.
     */
    static List<Candidate> order(List<Candidate> ranked, Candidate serving, String first) {
        List<Candidate> order = new ArrayList<>(ranked.size());
        ranked.stream().filter(x -> !x.quarantined() && x.implementation().name().equals(first)).findFirst()
                .ifPresent(order::add);
        if (serving != null && !order.contains(serving)) {
            order.add(serving);
        }
        ranked.stream().filter(x -> !x.quarantined() && !order.contains(x)).forEach(order::add);
        ranked.stream().filter(x -> !order.contains(x)).forEach(order::add);
        return order;
    }

    CapabilityStatus status() {
        Choice c = choice;
        return new CapabilityStatus(capability, c.ranked().stream().map(Candidate::implementation).toList(), pin,
                c.serving() == null ? null : c.serving().implementation().name());
    }

    List<CallRecord> records() {
        return choice.ranked().stream().map(c -> c.ledger().record(c.implementation())).toList();
    }

    @Override
    public void quarantineChanged() {
        rechoose();
    }

    /** Ends the quarantine of the implementations of this name; answers whether one was quarantined. */
    boolean reinstate(String implementation) {
        boolean reinstated = false;
        for (Candidate c : choice.ranked()) {
            if (c.implementation().name().equals(implementation)) {
                reinstated |= c.ledger().reinstate();
            }
        }
        if (reinstated) {
            rechoose();
        }
        return reinstated;
    }

    @Override
    public Object addingService(ServiceReference<Object> reference) {
        Object service = context.getService(reference);
        if (service == null) {
            return null;
        }
        candidates.put(reference, new Candidate(implementationOf(reference), service, new CallLedger()));
        rechoose();
        return service;
    }

    @Override
    public void modifiedService(ServiceReference<Object> reference, Object service) {
        candidates.computeIfPresent(reference,
                (ref, c) -> new Candidate(implementationOf(ref), c.service(), c.ledger()));
        rechoose();
    }

    @Override
    public void removedService(ServiceReference<Object> reference, Object service) {
        candidates.remove(reference);
        rechoose();
        context.ungetService(reference);
    }

    /* Synchronized so that concurrent registrations cannot publish a stale choice; readers never lock. */
    private synchronized void rechoose() {
        List<ServiceReference<Object>> live = new ArrayList<>(candidates.keySet());
        // ServiceReference.compareTo orders by ranking, then by service id descending: the greatest serves first.
        live.sort(Collections.reverseOrder());
        List<Candidate> ranked = new ArrayList<>(live.size());
        for (ServiceReference<Object> ref : live) {
            Candidate candidate = candidates.get(ref);
            if (candidate != null) {
                ranked.add(candidate);
            }
        }
        Candidate serving = serving(ranked, pin);
        choice = new Choice(List.copyOf(ranked), serving);
    }

    /** The pinned implementation, else the highest ranked; quarantined ones only while all are quarantined. */
    static Candidate serving(List<Candidate> ranked, String pin) {
        List<Candidate> eligible = ranked.stream().filter(c -> !c.quarantined()).toList();
        if (eligible.isEmpty()) {
            eligible = ranked;
        }
        return eligible.stream().filter(c -> c.implementation().name().equals(pin)).findFirst()
                .orElse(eligible.isEmpty() ? null : eligible.get(0));
    }

    /** Its {@code arxos.impl} name, or for an implementation without one, its bundle and service id. */
    private static Implementation implementationOf(ServiceReference<?> ref) {
        Bundle registrant = ref.getBundle();
        String bundle = registrant == null ? "(unregistered)" : registrant.getSymbolicName();
        Long serviceId = (Long) ref.getProperty(Constants.SERVICE_ID);
        Object name = ref.getProperty(Capability.IMPL);
        return new Implementation(name == null ? bundle + "/" + serviceId : String.valueOf(name), rankingOf(ref),
                bundle, serviceId);
    }

    private static int rankingOf(ServiceReference<?> ref) {
        return ref.getProperty(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0;
    }

    @Override
    public String toString() {
        return capability.id() + choice.ranked().stream().map(c -> c.implementation().name()).toList();
    }
}
