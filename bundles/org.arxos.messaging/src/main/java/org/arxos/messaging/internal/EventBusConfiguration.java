package org.arxos.messaging.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Arxos event bus", description = "The in-process event bus.")
public @interface EventBusConfiguration {

    @AttributeDefinition(description = "Delivery lanes: events of one building always take the same lane, so each "
            + "subscriber sees them in publication order; more lanes let buildings' events be delivered in parallel.",
            min = "1", max = "64")
    int lanes() default 2;

    @AttributeDefinition(description = "Events a lane holds before a publisher waits for the subscribers to catch "
            + "up (back-pressure rather than loss).", min = "16")
    int laneCapacity() default 10_000;
}
