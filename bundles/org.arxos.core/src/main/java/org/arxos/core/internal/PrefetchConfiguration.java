package org.arxos.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = PrefetchConfiguration.PID, name = "Arxos tile prefetch",
        description = "Draws the tiles around a requested tile into the cache in the background, so panning finds "
                + "them there. Needs a running cache; work beyond the queue is dropped, never waited for.")
@interface PrefetchConfiguration {

    String PID = "org.arxos.prefetch";

    @AttributeDefinition(name = "Prefetch tiles",
            description = "Draw the eight neighbours (same zoom) of every requested tile ahead.")
    boolean enabled() default true;

    @AttributeDefinition(name = "Prefetch the parent tile",
            description = "Also draw the tile one zoom level out, for a client that zooms out.")
    boolean parent() default false;

    @AttributeDefinition(name = "Prefetch the next zoom level",
            description = "Also draw the four tiles one zoom level in that cover the tile, for a client that zooms in.")
    boolean children() default true;

    @AttributeDefinition(name = "Queue", min = "1",
            description = "Tiles waiting to be drawn ahead at most, counting each requested tile whose surroundings "
                    + "are still to be listed as one; further ones are dropped.")
    int queue() default 1024;
}
