package org.arxos.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Arxos sample building",
        description = "A generated building loaded when a tenant has no buildings yet, so a new server has "
                + "something to show.")
@interface SampleBuildingConfiguration {

    String PID = "org.arxos.sample";

    @AttributeDefinition(description = "Load the sample when the tenant has no buildings")
    boolean enabled() default true;

    @AttributeDefinition(description = "The tenant that receives the sample")
    String tenant() default "default";

    @AttributeDefinition(description = "Building id")
    String id() default "sample";

    @AttributeDefinition(description = "Building name")
    String name() default "Sample Tower";

    @AttributeDefinition(description = "Objects and connections to generate (100 to 2,000,000)")
    int objects() default 10_000;

    @AttributeDefinition(description = "Random seed: the same seed gives the same building")
    long seed() default 42;
}
