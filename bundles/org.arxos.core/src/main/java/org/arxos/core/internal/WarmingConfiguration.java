package org.arxos.core.internal;

import org.arxos.api.render.RenderRequest;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = WarmingConfiguration.PID, name = "Arxos cache warming",
        description = "After a building is imported (or the sample building is loaded), groups its default "
                + "hierarchy and draws the low-zoom tiles of every floor into the cache in the background, so the "
                + "first viewer finds them ready. The import's answer never waits for it.")
@interface WarmingConfiguration {

    String PID = "org.arxos.warming";

    @AttributeDefinition(name = "Warm after imports")
    boolean enabled() default true;

    @AttributeDefinition(name = "Highest zoom warmed", min = "0", max = "10",
            description = "Tiles of zoom 0 up to this are drawn: 1 + 4 + ... + 4^zoom per floor (21 for zoom 2).")
    int maxZoom() default 2;

    @AttributeDefinition(name = "Tile formats", description = "Formats the tiles are drawn in: svg, png.")
    String[] formats() default {"svg"};

    @AttributeDefinition(name = "Most elements per tile", min = "1",
            description = "As the HTTP API draws tiles (org.arxos.http maxElements): tiles drawn with other limits "
                    + "are other cache entries.")
    int maxElements() default RenderRequest.DEFAULT_MAX_ELEMENTS;

    @AttributeDefinition(name = "Smallest object drawn (pixels)", min = "0",
            description = "As the HTTP API draws tiles (org.arxos.http minPixels).")
    double minPixels() default RenderRequest.DEFAULT_MIN_PIXELS;

    @AttributeDefinition(name = "Buildings waiting", min = "1",
            description = "Buildings waiting to be warmed at most; further ones are not warmed.")
    int queue() default 16;
}
