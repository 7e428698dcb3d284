package org.arxos.http.internal.websocket;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = EventStreamConfiguration.PID, name = "Arxos event stream (WebSocket)",
        description = "Limits of /ws/events, which streams the building events of the buildings a client subscribes "
                + "to.")
@interface EventStreamConfiguration {

    String PID = "org.arxos.http.events";

    @AttributeDefinition(name = "Most queued events per client", description = "Events waiting to be sent to one "
            + "client; a client that falls further behind is disconnected with close code 1013 and a reason saying "
            + "so, and catches up after reconnecting.", min = "1")
    int maxQueuedEvents() default 1_000;

    @AttributeDefinition(name = "Largest client message (bytes)", description = "Larger frames from a client close "
            + "its connection with code 1009.", min = "64")
    int maxClientMessageBytes() default 16_384;

    @AttributeDefinition(name = "Most buildings per client", description = "Subscriptions to single buildings one "
            + "connection may hold (\"*\", every building of the tenant, counts as one).", min = "1")
    int maxSubscriptions() default 1_000;
}
