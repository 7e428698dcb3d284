package org.arxos.compute.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.arxos.api.compute.CalculationRequest;
import org.arxos.api.compute.Calculations;
import org.arxos.api.event.BuildingEvent;
import org.arxos.api.event.EventBus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stream processing of change sets: on each new revision of a building (and on each building created, which is how an
 * import arrives) runs the configured calculations as jobs, one building after the other in arrival order, so their
 * results wait in the cache. Only the newest revision of a building matters: a revision that arrives while an older
 * one of the same building still waits takes its place.
 */
@Component(service = RevisionStream.class, immediate = true, configurationPid = StreamConfiguration.PID)
@Designate(ocd = StreamConfiguration.class)
public final class RevisionStream {

    private static final Logger LOG = LoggerFactory.getLogger(RevisionStream.class);

    private record Building(String tenant, String id) {
    }

    private record Pending(long revision, Set<String> calculations) {
    }

    private final Calculations calculations;
    private final ThreadPoolExecutor worker;
    private final Map<Building, Pending> pending = new LinkedHashMap<>();
    private final Map<EventBus, List<AutoCloseable>> subscriptions = new LinkedHashMap<>();
    private final LongAdder superseded = new LongAdder();
    private volatile StreamSettings settings;

    @Activate
    public RevisionStream(@Reference Calculations calculations, StreamConfiguration configuration) {
        this(calculations, StreamSettings.of(configuration));
    }

    public RevisionStream(Calculations calculations, StreamSettings settings) {
        this.calculations = calculations;
        this.settings = settings;
        this.worker = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "arxos-calculation-stream");
            thread.setDaemon(true);
            return thread;
        });
        worker.allowCoreThreadTimeOut(true);
    }

    @Modified
    void modified(StreamConfiguration configuration) {
        settings = StreamSettings.of(configuration);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEventBus(EventBus bus) {
        List<AutoCloseable> handles = new ArrayList<>();
        handles.add(bus.subscribe(BuildingEvent.REVISION_APPLIED, this::accept));
        handles.add(bus.subscribe(BuildingEvent.BUILDING_CREATED, this::accept));
        synchronized (subscriptions) {
            subscriptions.put(bus, handles);
        }
    }

    void unbindEventBus(EventBus bus) {
        List<AutoCloseable> handles;
        synchronized (subscriptions) {
            handles = subscriptions.remove(bus);
        }
        if (handles != null) {
            handles.forEach(RevisionStream::closeQuietly);
        }
    }

    @Deactivate
    public void close() {
        synchronized (subscriptions) {
            subscriptions.values().forEach(handles -> handles.forEach(RevisionStream::closeQuietly));
            subscriptions.clear();
        }
        worker.shutdownNow();
    }

    /** Queues the calculations the event calls for; returns at once. */
    public void accept(BuildingEvent event) {
        StreamSettings s = settings;
        List<String> names = switch (event.topic()) {
            case BuildingEvent.BUILDING_CREATED -> s.afterImport();
            case BuildingEvent.REVISION_APPLIED -> s.onRevision();
            default -> List.of();
        };
        if (names.isEmpty() || event.revision() < 1) {
            return;
        }
        Building building = new Building(event.tenant(), event.buildingId());
        synchronized (pending) {
            Pending earlier = pending.get(building);
            if (earlier == null && pending.size() >= s.queue()) {
                LOG.debug("Calculation stream full: revision {} of building '{}' is not calculated ahead",
                        event.revision(), building.id());
                return;
            }
            Set<String> wanted = new LinkedHashSet<>(names);
            if (earlier != null) {
                superseded.increment();
                wanted.addAll(earlier.calculations());
            }
            pending.put(building, new Pending(Math.max(event.revision(), earlier == null ? 0 : earlier.revision()),
                    wanted));
            if (earlier != null) {
                return;
            }
        }
        try {
            worker.execute(this::calculateNext);
        } catch (RejectedExecutionException e) {
            LOG.debug("Calculation stream stopped: revision {} of building '{}' is not calculated ahead",
                    event.revision(), building.id());
        }
    }

    /** Revisions that arrived while an older one of their building still waited. */
    long superseded() {
        return superseded.sum();
    }

    /** Buildings waiting. */
    int waiting() {
        synchronized (pending) {
            return pending.size();
        }
    }

    private void calculateNext() {
        Building building;
        Pending work;
        synchronized (pending) {
            Iterator<Map.Entry<Building, Pending>> first = pending.entrySet().iterator();
            if (!first.hasNext()) {
                return;
            }
            Map.Entry<Building, Pending> entry = first.next();
            first.remove();
            building = entry.getKey();
            work = entry.getValue();
        }
        List<String> running = calculations.names();
        int priority = settings.priority();
        for (String name : work.calculations()) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            if (!running.contains(name)) {
                LOG.debug("Calculation stream: '{}' is not running, skipped for building '{}'", name, building.id());
                continue;
            }
            try {
                calculations.run(new CalculationRequest(building.tenant(), building.id(), work.revision(), name,
                        Map.of(), priority));
            } catch (RuntimeException e) {
                LOG.warn("Calculation stream: {} on building '{}' revision {} of tenant '{}' failed: {}", name,
                        building.id(), work.revision(), building.tenant(), e.getMessage());
            }
        }
    }

    private static void closeQuietly(AutoCloseable handle) {
        try {
            handle.close();
        } catch (Exception e) {
            LOG.debug("Closing an event subscription failed: {}", e.toString());
        }
    }
}
