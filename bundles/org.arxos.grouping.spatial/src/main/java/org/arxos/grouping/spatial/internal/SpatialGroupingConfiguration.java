package org.arxos.grouping.spatial.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = SpatialGroupingConfiguration.PID, name = "Arxos spatial grouping",
        description = "Floors, zones and clusters of nearby objects cut from a fixed grid of cells (a quadtree).")
@interface SpatialGroupingConfiguration {

    String PID = "org.arxos.grouping.spatial";

    @AttributeDefinition(name = "Fan-out",
            description = "The most children a group has: a cell holding more objects is divided into the largest "
                    + "power of two of sub-cells not above it. Smaller gives deeper trees of smaller clusters; larger "
                    + "gives fewer groups and less memory.", min = "2", max = "1024")
    int fanOut() default 16;
}
