package org.arxos.compute.local.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = LocalEngineConfiguration.PID, name = "Arxos compute engine: local",
        description = "Runs compute tasks on a fixed pool of threads in this server, the task of the job with the "
                + "highest priority first, in submission order within a priority.")
@interface LocalEngineConfiguration {

    String PID = "org.arxos.compute.local";

    @AttributeDefinition(name = "Worker threads", min = "0",
            description = "Threads that run tasks; 0 means one per available processor.")
    int workers() default 0;
}
