package org.arxos.http.internal;

import org.arxos.api.io.ImportOptions;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = HttpApiConfiguration.PID, name = "Arxos HTTP API",
        description = "Limits of the JSON REST API under /api.")
@interface HttpApiConfiguration {

    String PID = "org.arxos.http";
    long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;

    @AttributeDefinition(name = "Largest request body (bytes)",
            description = "Larger bodies are refused with 413, by Content-Length or while reading.", min = "1")
    long maxBodyBytes() default DEFAULT_MAX_BODY_BYTES;

    @AttributeDefinition(name = "Most objects per upload",
            description = "Imports, created buildings and change sets with more objects, connections or changes are "
                    + "refused with 400 naming the limit.", min = "1")
    long maxObjects() default ImportOptions.DEFAULT_MAX_OBJECTS;

    @AttributeDefinition(name = "Default page size", description = "The limit of a paged request that names none.",
            min = "1")
    int defaultPageSize() default 100;

    @AttributeDefinition(name = "Largest page size", description = "Larger limits are lowered to this.", min = "1")
    int maxPageSize() default 1000;

    @AttributeDefinition(name = "Hierarchies kept",
            description = "How many grouped hierarchies (building, revision, strategy) the API keeps in memory.",
            min = "1")
    int hierarchyCacheSize() default 32;
}
