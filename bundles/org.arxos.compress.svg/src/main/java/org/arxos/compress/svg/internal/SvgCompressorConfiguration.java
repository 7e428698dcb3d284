package org.arxos.compress.svg.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = SvgCompressorConfiguration.PID, name = "Arxos SVG compressor",
        description = "The tolerance of the lossy level and the limits that keep hostile input from exhausting "
                + "memory or time.")
@interface SvgCompressorConfiguration {

    String PID = "org.arxos.compress.svg";

    @AttributeDefinition(name = "Lossy tolerance",
            description = "LOSSY level: the most any drawn point may move, in the drawing's user units (the root's "
                    + "coordinate system after its viewBox).", min = "0")
    double tolerance() default 0.1;

    @AttributeDefinition(name = "Simplify paths",
            description = "LOSSY level: paths and polylines may also lose points within the tolerance, where that "
                    + "comes out smaller than rounding alone.")
    boolean simplifyPaths() default true;

    @AttributeDefinition(name = "Largest SVG",
            description = "The largest SVG compressed, and the largest a decompression may produce, in bytes. The "
                    + "document is held as a tree while it is worked on: about ten times its size in heap.",
            min = "1")
    long maxBytes() default 64L << 20;

    @AttributeDefinition(name = "Most elements", description = "The most elements in one SVG document.", min = "1")
    int maxElements() default 1_000_000;

    @AttributeDefinition(name = "Deepest nesting", description = "The deepest element nesting accepted.", min = "1")
    int maxDepth() default 256;

    @AttributeDefinition(name = "Longest attribute",
            description = "The longest attribute value (a path's d, a polygon's points) in characters.", min = "1")
    int maxAttributeChars() default 16 << 20;

    @AttributeDefinition(name = "Most expansion",
            description = "The most bytes of SVG a decompression may produce per compressed byte; more is refused as "
                    + "a decompression bomb. SVG floor plans compress 10 to 40 times.", min = "1")
    int maxExpansionRatio() default 1000;
}
