package org.arxos.render.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = RendererConfiguration.PID, name = "Arxos floor renderer",
        description = "Limits of the SVG and PNG floor renderer, and how many floor indexes it keeps.")
@interface RendererConfiguration {

    String PID = "org.arxos.render";

    @AttributeDefinition(name = "Most elements",
            description = "The most objects and group outlines one drawing holds. A request asking for more gets "
                    + "this many; past it, groups are drawn coarser.", min = "1")
    int maxElements() default 5_000;

    @AttributeDefinition(name = "Least pixel threshold",
            description = "Objects whose larger side is under this many pixels are always drawn as their group's "
                    + "outline, whatever threshold a request asks for; 0 leaves it to the request.", min = "0")
    double minPixels() default 0;

    @AttributeDefinition(name = "Largest side",
            description = "The widest or tallest drawing in pixels; a larger one is refused.", min = "1")
    int maxSidePixels() default 8_192;

    @AttributeDefinition(name = "Largest PNG",
            description = "The most pixels (width times height) of a PNG; a larger one is refused. Each pixel "
                    + "takes 4 bytes of heap while the image is drawn.", min = "1")
    int maxPngPixels() default 16_777_216;

    @AttributeDefinition(name = "Floor indexes kept",
            description = "Spatial indexes kept in memory, one per floor of a revision's content, least recently "
                    + "used out first. A floor of 25,000 objects takes about 2 MB.", min = "1")
    int indexCacheFloors() default 64;

    @AttributeDefinition(name = "Deepest tile zoom",
            description = "The deepest zoom of a floor's tile pyramid. No drawing is finer than a tile at this "
                    + "zoom: beyond about 16, single-precision floor coordinates are coarser than a pixel.",
            min = "0", max = "30")
    int maxTileZoom() default 16;
}
