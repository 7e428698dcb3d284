package org.arxos.messaging.internal;

import java.lang.annotation.Annotation;

/** The real in-process bus for the bridge tests, made and stopped as its component runtime would. */
public final class LocalBuses {

    private LocalBuses() {
    }

    public static LocalEventBus start() {
        return new LocalEventBus(new EventBusConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return EventBusConfiguration.class;
            }

            @Override
            public int lanes() {
                return 2;
            }

            @Override
            public int laneCapacity() {
                return 1_000;
            }
        });
    }

    public static void stop(LocalEventBus bus) throws InterruptedException {
        bus.stop();
    }
}
