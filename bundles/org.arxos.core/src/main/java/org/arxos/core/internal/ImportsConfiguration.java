package org.arxos.core.internal;

import org.arxos.api.io.ImportOptions;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = ImportsConfiguration.PID, name = "Arxos building imports",
        description = "Limits, threads and job retention of building imports (REST uploads and arxos:import).")
@interface ImportsConfiguration {

    String PID = "org.arxos.imports";

    @AttributeDefinition(name = "Most objects per import",
            description = "Imports with more objects and connections fail naming the limit. REST uploads use the "
                    + "limit of org.arxos.http (maxObjects) instead.", min = "1")
    long maxObjects() default ImportOptions.DEFAULT_MAX_OBJECTS;

    @AttributeDefinition(name = "Imports at once",
            description = "Background imports that run at the same time; more wait, QUEUED.", min = "1")
    int concurrentImports() default 1;

    @AttributeDefinition(name = "Finished jobs kept (minutes)",
            description = "How long a finished job can still be looked up.", min = "0")
    int keepFinishedMinutes() default 60;

    @AttributeDefinition(name = "Finished jobs kept (count)",
            description = "The most finished jobs kept; the oldest go first.", min = "0")
    int keepFinishedJobs() default 100;

    @AttributeDefinition(name = "Progress interval (ms)",
            description = "The least time between two progress lines of one import in the log.", min = "100")
    long progressIntervalMillis() default 3000;

    @AttributeDefinition(name = "Spool folder",
            description = "Where background uploads wait as temporary files; empty: data/imports under the server "
                    + "home", required = false)
    String spoolDirectory() default "";
}
