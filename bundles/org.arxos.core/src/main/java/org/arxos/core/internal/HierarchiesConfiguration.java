package org.arxos.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = HierarchiesConfiguration.PID, name = "Arxos hierarchy views",
        description = "How many grouped hierarchies are kept, and how far one is brought forward by change sets.")
@interface HierarchiesConfiguration {

    String PID = "org.arxos.hierarchies";

    @AttributeDefinition(name = "Hierarchies kept",
            description = "Grouped hierarchies kept in memory, least recently used out first. A hierarchy of a "
                    + "million-object building takes some tens of megabytes.", min = "1")
    int cacheSize() default 16;

    @AttributeDefinition(name = "Most change sets replayed",
            description = "A hierarchy of an older revision is brought forward through at most this many change "
                    + "sets; further behind, the building is grouped again.", min = "0")
    int maxReplayedChangeSets() default 100;
}
