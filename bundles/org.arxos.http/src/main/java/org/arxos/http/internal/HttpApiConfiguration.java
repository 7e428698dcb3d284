package org.arxos.http.internal;

import org.arxos.api.io.ImportOptions;
import org.arxos.api.render.RenderRequest;
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

    @AttributeDefinition(name = "Most elements per drawing",
            description = "Objects and group outlines one render or tile may draw; past it, groups are drawn coarser. "
                    + "A request may ask for fewer.", min = "1")
    int maxElements() default RenderRequest.DEFAULT_MAX_ELEMENTS;

    @AttributeDefinition(name = "Smallest object drawn (pixels)",
            description = "Objects whose larger side is smaller on screen are drawn as their group's outline with a "
                    + "count.", min = "0")
    double minPixels() default RenderRequest.DEFAULT_MIN_PIXELS;

    @AttributeDefinition(name = "Deepest tile zoom",
            description = "Tiles beyond this zoom level are refused. Zoom 0 is one 256-pixel tile over the whole floor.",
            min = "0", max = "30")
    int maxTileZoom() default 16;

    @AttributeDefinition(name = "Largest drawing (pixels a side)",
            description = "Renders wider or taller than this are refused.", min = "1")
    int maxRenderPixels() default 8192;
}
