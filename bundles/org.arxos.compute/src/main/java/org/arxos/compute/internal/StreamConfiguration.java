package org.arxos.compute.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = StreamConfiguration.PID, name = "Arxos calculation stream",
        description = "Runs calculations on each new revision of a building as it arrives, so their results wait "
                + "in the cache for the first request. Needs a running event bus.")
@interface StreamConfiguration {

    String PID = "org.arxos.compute.stream";

    @AttributeDefinition(name = "On every new revision", required = false,
            description = "Calculations run on each revision applied to a building, e.g. takeoff, clash.")
    String[] calculations() default {};

    @AttributeDefinition(name = "After an import", required = false,
            description = "Calculations run on a building just created (imported, generated or loaded).")
    String[] afterImport() default {"takeoff"};

    @AttributeDefinition(name = "Job priority",
            description = "Priority of the stream's jobs; below 0 lets users' own jobs go first.")
    int priority() default -10;

    @AttributeDefinition(name = "Buildings waiting", min = "1",
            description = "Buildings with a revision waiting at most; a newer revision of a waiting building "
                    + "replaces the older one, further buildings are dropped.")
    int queue() default 256;
}
