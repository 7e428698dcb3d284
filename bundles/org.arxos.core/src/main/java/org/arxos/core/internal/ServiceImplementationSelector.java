package org.arxos.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.EnumMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.arxos.api.selection.CallGuard;
import org.arxos.api.selection.CallRecord;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.api.selection.Served;
import org.arxos.api.selection.ServiceCall;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Chooses per call among the registered implementations of each capability: the pinned one while it is registered,
 * else the highest ranked. Pins live in ConfigAdmin (PID {@value SelectionConfiguration#PID}), so they survive
 * restarts and can be set from a file in {@code etc/}, the REST API or the Gogo shell. Guarded calls run under the
 * time limit and quarantine rule of the same configuration.
 */
@Component(configurationPid = SelectionConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SelectionConfiguration.class)
public final class ServiceImplementationSelector implements ImplementationSelector {

    private final Map<Capability, CapabilityTracker> trackers = new EnumMap<>(Capability.class);
    private final ConfigurationAdmin configurationAdmin;
    private final ExecutorService callThreads;
    private final GuardedCalls guardedCalls;

    @Activate
    public ServiceImplementationSelector(BundleContext context, @Reference ConfigurationAdmin configurationAdmin,
            Map<String, Object> properties, SelectionConfiguration configuration) {
        this.configurationAdmin = configurationAdmin;
        AtomicInteger threads = new AtomicInteger();
        this.callThreads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "arxos-guarded-call-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.guardedCalls = new GuardedCalls(callThreads, CallSettings.of(configuration));
        Map<Capability, String> pins = pinsOf(properties);
        for (Capability capability : Capability.values()) {
            CapabilityTracker tracker = new CapabilityTracker(context, capability, pins.get(capability));
            trackers.put(capability, tracker);
            tracker.open();
        }
    }

    @Modified
    void modified(Map<String, Object> properties, SelectionConfiguration configuration) {
        guardedCalls.settings(CallSettings.of(configuration));
        Map<Capability, String> pins = pinsOf(properties);
        trackers.forEach((capability, tracker) -> tracker.pin(pins.get(capability)));
    }

    @Deactivate
    void deactivate() {
        trackers.values().forEach(CapabilityTracker::close);
        callThreads.shutdownNow();
    }

    @Override
    public <S> Optional<S> select(Class<S> spi) {
        return tracker(spi).serving().map(spi::cast);
    }

    @Override
    public <S> Optional<S> select(Class<S> spi, String implementation) {
        return tracker(spi).named(implementation).map(spi::cast);
    }

    @Override
    public <S> List<S> all(Class<S> spi) {
        return tracker(spi).all().stream().map(spi::cast).toList();
    }

    @Override
    public List<CapabilityStatus> capabilities() {
        List<CapabilityStatus> result = new ArrayList<>();
        trackers.values().forEach(tracker -> result.add(tracker.status()));
        return result;
    }

    @Override
    public CapabilityStatus capability(Capability capability) {
        return trackers.get(capability).status();
    }

    @Override
    public <S, R> Served<R> call(Class<S> spi, String implementation, ServiceCall<? super S, ? extends R> call,
            CallGuard<R> guard) {
        return guardedCalls.call(tracker(spi), spi, implementation, call, guard);
    }

    @Override
    public List<CallRecord> calls(Capability capability) {
        return trackers.get(capability).records();
    }

    @Override
    public boolean reinstate(Capability capability, String implementation) {
        return trackers.get(capability).reinstate(implementation);
    }

    @Override
    public void pin(Capability capability, String implementation) {
        if (implementation == null || implementation.isBlank()) {
            throw new IllegalArgumentException("name the implementation to pin for " + capability.id());
        }
        trackers.get(capability).pin(implementation);
        storePin(capability, implementation);
    }

    @Override
    public void unpin(Capability capability) {
        trackers.get(capability).pin(null);
        storePin(capability, null);
    }

    private void storePin(Capability capability, String implementation) {
        try {
            Configuration configuration = configurationAdmin.getConfiguration(SelectionConfiguration.PID, "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                properties = new Hashtable<>();
            }
            String key = SelectionConfiguration.PIN_PREFIX + capability.id();
            if (implementation == null) {
                properties.remove(key);
            } else {
                properties.put(key, implementation);
            }
            configuration.update(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the pin of " + capability.id(), e);
        }
    }

    private CapabilityTracker tracker(Class<?> spi) {
        Capability capability = Capability.of(spi)
                .orElseThrow(() -> new IllegalArgumentException(spi.getName() + " is not an Arxos capability"));
        return trackers.get(capability);
    }

    private static Map<Capability, String> pinsOf(Map<String, Object> properties) {
        Map<Capability, String> pins = new EnumMap<>(Capability.class);
        properties.forEach((key, value) -> {
            if (key.startsWith(SelectionConfiguration.PIN_PREFIX) && value != null && !value.toString().isBlank()) {
                Capability.of(key.substring(SelectionConfiguration.PIN_PREFIX.length()))
                        .ifPresent(capability -> pins.put(capability, value.toString().trim()));
            }
        });
        return pins;
    }
}
