package org.arxos.grouping.spatial.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = SpatialGroupingConfiguration.PID, name = "Arxos spatial grouping",
        description = "Floors, zones and balanced clusters packed by sort-tile-recursive.")
@interface SpatialGroupingConfiguration {

    String PID = "org.arxos.grouping.spatial";

    @AttributeDefinition(name = "Fan-out",
            description = "The most children a cluster has (the STR node capacity). Smaller gives deeper trees of "
                    + "smaller clusters; larger gives fewer groups and less memory.", min = "2", max = "1024")
    int fanOut() default 16;
}
