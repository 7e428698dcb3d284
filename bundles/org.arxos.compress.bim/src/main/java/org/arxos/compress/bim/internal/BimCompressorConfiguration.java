package org.arxos.compress.bim.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = BimCompressorConfiguration.PID, name = "Arxos BIM compressor",
        description = "Compresses native building JSON into the columnar BIM form and back.")
@interface BimCompressorConfiguration {

    String PID = "org.arxos.compress.bim";

    @AttributeDefinition(name = "Most items", description = "The most objects plus connections a building may have, "
            + "compressing or decompressing.", min = "1")
    long maxItems() default 2_000_000;

    @AttributeDefinition(name = "Most compressed MiB", description = "The largest BIM input decompression reads.",
            min = "1", max = "2047")
    int maxCompressedMiB() default 256;

    @AttributeDefinition(name = "Most column MiB", description = "The most the columns of one building may unpack to: "
            + "a guard against decompression bombs.", min = "1", max = "2047")
    int maxColumnMiB() default 512;
}
