package org.arxos.messaging.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.arxos.api.event.BuildingEvent;
import org.arxos.api.event.EventBus;
import org.arxos.api.selection.Capability;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events on lanes: a building's events always take the same lane, a lane delivers one event at a time to
 * every matching subscriber, so each subscriber sees a building's events in publication order while publishers never
 * run subscriber code. A subscriber that throws is logged and the others still get the event.
 */
@Component(configurationPid = "org.arxos.messaging", property = { Capability.IMPL + "=local",
        "service.ranking:Integer=0" })
@Designate(ocd = EventBusConfiguration.class)
public final class LocalEventBus implements EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(LocalEventBus.class);
    private static final BuildingEvent STOP = new BuildingEvent("arxos/stop", "", "", 0, Map.of(), Instant.EPOCH);

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<Lane> lanes;

    @Activate
    public LocalEventBus(EventBusConfiguration configuration) {
        this(configuration.lanes(), configuration.laneCapacity());
    }

    LocalEventBus(int laneCount, int laneCapacity) {
        lanes = IntStream.range(0, laneCount).mapToObj(i -> new Lane("arxos-events-" + i, laneCapacity)).toList();
        lanes.forEach(lane -> lane.thread.start());
    }

    @Override
    public void publish(BuildingEvent event) {
        Objects.requireNonNull(event, "event");
        Lane lane = lanes.get(Math.floorMod(event.buildingId().hashCode(), lanes.size()));
        try {
            lane.queue.put(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Event {} of building {} not published: the publishing thread was interrupted", event.topic(),
                    event.buildingId());
        }
    }

    @Override
    public AutoCloseable subscribe(String topicPattern, Consumer<BuildingEvent> listener) {
        Subscription subscription = new Subscription(TopicPattern.of(topicPattern), Objects.requireNonNull(listener));
        subscriptions.add(subscription);
        return () -> subscriptions.remove(subscription);
    }

    /** Delivers what was published before, then stops (bounded: a stuck subscriber is left behind). */
    @Deactivate
    void stop() throws InterruptedException {
        for (Lane lane : lanes) {
            lane.queue.put(STOP);
        }
        for (Lane lane : lanes) {
            lane.thread.join(TimeUnit.SECONDS.toMillis(5));
            if (lane.thread.isAlive()) {
                LOG.warn("{} still delivering after 5 s; {} events not delivered", lane.thread.getName(),
                        lane.queue.size());
                lane.thread.interrupt();
            }
        }
    }

    private void deliver(BuildingEvent event) {
        for (Subscription subscription : subscriptions) {
            if (subscription.pattern.matches(event.topic())) {
                try {
                    subscription.listener.accept(event);
                } catch (RuntimeException e) {
                    LOG.warn("A subscriber to {} failed on {} of building {}: {}", subscription.pattern, event.topic(),
                            event.buildingId(), e.toString(), e);
                }
            }
        }
    }

    private record Subscription(TopicPattern pattern, Consumer<BuildingEvent> listener) {
    }

    private final class Lane {
        final BlockingQueue<BuildingEvent> queue;
        final Thread thread;

        Lane(String name, int capacity) {
            queue = new ArrayBlockingQueue<>(capacity);
            thread = new Thread(this::run, name);
            thread.setDaemon(true);
        }

        private void run() {
            try {
                for (BuildingEvent event = queue.take(); event != STOP; event = queue.take()) {
                    deliver(event);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
