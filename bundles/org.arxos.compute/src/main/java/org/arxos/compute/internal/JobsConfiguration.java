package org.arxos.compute.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = JobsConfiguration.PID, name = "Arxos calculation jobs",
        description = "Calculation jobs wait in a queue by priority (in submission order within a priority) and run "
                + "a bounded number at a time on the serving compute engine.")
@interface JobsConfiguration {

    String PID = "org.arxos.compute";

    @AttributeDefinition(name = "Jobs running at once", min = "1",
            description = "Jobs running at the same time at most; each one spreads its work over the engine.")
    int maxRunning() default 2;

    @AttributeDefinition(name = "Jobs waiting", min = "1",
            description = "Jobs waiting at most; a job submitted beyond this is refused (HTTP 503).")
    int maxQueued() default 1000;

    @AttributeDefinition(name = "Ended jobs kept", min = "0",
            description = "Ended jobs whose status and result can still be read; older ones are forgotten.")
    int history() default 200;

    @AttributeDefinition(name = "Job timeout (seconds)", min = "1",
            description = "A job running longer fails with a message saying so.")
    long timeoutSeconds() default 600;
}
