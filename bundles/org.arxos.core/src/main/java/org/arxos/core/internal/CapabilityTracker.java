package org.arxos.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.Implementation;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Follows the implementations of one capability and keeps, ready for every call, the one that serves. The choice is
 * recomputed only when an implementation comes, goes or changes, or the pin changes.
 */
final class CapabilityTracker extends ServiceTracker<Object, Object> {

    private record Choice(ServiceReference<Object>[] ranked, ServiceReference<Object> serving, Object service) {
    }

    private final Capability capability;
    private volatile String pin;
    private final Map<ServiceReference<Object>, Object> services = new ConcurrentHashMap<>();
    private volatile Choice choice = new Choice(emptyRefs(), null, null);

    CapabilityTracker(BundleContext context, Capability capability, String pin) {
        super(context, capability.spi().getName(), null);
        this.capability = capability;
        this.pin = pin;
    }

    Capability capability() {
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
        return Optional.ofNullable(choice.service());
    }

    Optional<Object> named(String implementation) {
        for (ServiceReference<Object> ref : choice.ranked()) {
            if (implementation.equals(nameOf(ref))) {
                return Optional.ofNullable(services.get(ref));
            }
        }
        return Optional.empty();
    }

    /** Every implementation, the serving one first, then by ranking. */
    List<Object> all() {
        Choice c = choice;
        List<Object> result = new ArrayList<>(c.ranked().length);
        if (c.service() != null) {
            result.add(c.service());
        }
        for (ServiceReference<Object> ref : c.ranked()) {
            if (ref != c.serving()) {
                Object service = services.get(ref);
                if (service != null) {
                    result.add(service);
                }
            }
        }
        return result;
    }

    CapabilityStatus status() {
        Choice c = choice;
        List<Implementation> implementations = new ArrayList<>();
        for (ServiceReference<Object> ref : c.ranked()) {
            implementations.add(new Implementation(nameOf(ref), rankingOf(ref), ref.getBundle().getSymbolicName(),
                    (Long) ref.getProperty(Constants.SERVICE_ID)));
        }
        return new CapabilityStatus(capability, implementations, pin,
                c.serving() == null ? null : nameOf(c.serving()));
    }

    @Override
    public Object addingService(ServiceReference<Object> reference) {
        Object service = context.getService(reference);
        if (service == null) {
            return null;
        }
        services.put(reference, service);
        rechoose();
        return service;
    }

    @Override
    public void modifiedService(ServiceReference<Object> reference, Object service) {
        rechoose();
    }

    @Override
    public void removedService(ServiceReference<Object> reference, Object service) {
        services.remove(reference);
        rechoose();
        context.ungetService(reference);
    }

    /* Synchronized so that concurrent registrations cannot publish a stale choice; readers never lock. */
    private synchronized void rechoose() {
        List<ServiceReference<Object>> live = new ArrayList<>(services.keySet());
        // ServiceReference.compareTo orders by ranking, then by service id descending: the greatest serves first.
        live.sort(Collections.reverseOrder());
        ServiceReference<Object> serving = null;
        String pinned = pin;
        if (pinned != null) {
            serving = live.stream().filter(ref -> pinned.equals(nameOf(ref))).findFirst().orElse(null);
        }
        if (serving == null && !live.isEmpty()) {
            serving = live.get(0);
        }
        @SuppressWarnings("unchecked")
        ServiceReference<Object>[] ranked = live.toArray(new ServiceReference[0]);
        choice = new Choice(ranked, serving, serving == null ? null : services.get(serving));
    }

    static String nameOf(ServiceReference<?> ref) {
        Object name = ref.getProperty(Capability.IMPL);
        return name == null ? ref.getBundle().getSymbolicName() + "/" + ref.getProperty(Constants.SERVICE_ID)
                : String.valueOf(name);
    }

    private static int rankingOf(ServiceReference<?> ref) {
        return ref.getProperty(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0;
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<Object>[] emptyRefs() {
        return new ServiceReference[0];
    }

    @Override
    public String toString() {
        return capability.id() + Arrays.toString(choice.ranked());
    }
}
