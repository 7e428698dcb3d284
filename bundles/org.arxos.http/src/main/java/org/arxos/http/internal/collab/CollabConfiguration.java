package org.arxos.http.internal.collab;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = CollabConfiguration.PID, name = "Arxos collaboration endpoint (WebSocket)",
        description = "Limits of /ws/collab/<buildingId>, where editors join a building and exchange operations "
                + "(docs/collaboration-protocol.md).")
@interface CollabConfiguration {

    String PID = "org.arxos.http.collab";

    @AttributeDefinition(name = "Largest client message (bytes)", description = "A larger message is answered with "
            + "a TOO_LARGE error frame and not read; the connection stays open.", min = "64")
    int maxMessageBytes() default 1_048_576;

    @AttributeDefinition(name = "Largest client frame the runtime takes (bytes)", description = "The WebSocket "
            + "runtime closes a connection that sends a larger frame with code 1009, before any of it is read. At "
            + "least the largest message.", min = "64")
    int maxFrameBytes() default 4_194_304;

    @AttributeDefinition(name = "Most queued messages per client", description = "Messages waiting to be sent to "
            + "one client; a client that falls further behind is disconnected with close code 1013 and a reason, "
            + "and catches up from the operation log after reconnecting.", min = "1")
    int maxQueuedMessages() default 10_000;

    @AttributeDefinition(name = "Most messages per frame", description = "Messages that queued up for a client "
            + "while its previous frame was being sent go out together as one JSON array frame of at most this "
            + "many; 1 sends every message in a frame of its own.", min = "1")
    int maxBatchMessages() default 256;

    @AttributeDefinition(name = "Most changes per operation", description = "An operation with more changes is "
            + "answered with a MALFORMED error naming the limit.", min = "1")
    int maxChangesPerOperation() default 10_000;

    @AttributeDefinition(name = "Idle timeout (seconds)", description = "A connection that receives nothing for "
            + "this long is closed (clients send ping messages to stay connected); 0 never closes one.", min = "0")
    int idleTimeoutSeconds() default 300;
}
