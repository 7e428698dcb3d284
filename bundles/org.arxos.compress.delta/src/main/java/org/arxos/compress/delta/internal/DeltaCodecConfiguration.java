package org.arxos.compress.delta.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = DeltaCodecConfiguration.PID, name = "Arxos delta compressor",
        description = "Deltas between versions: building documents as change sets, other content as zstd against the "
                + "previous version.")
@interface DeltaCodecConfiguration {

    String PID = "org.arxos.compress.delta";

    @AttributeDefinition(name = "Most items", description = "The most objects plus connections a building document, "
            + "and the most changes a delta, may have.", min = "1")
    long maxItems() default 2_000_000;

    @AttributeDefinition(name = "Most input MiB", description = "The largest base, target or delta read.", min = "1",
            max = "2047")
    int maxInputMiB() default 512;

    @AttributeDefinition(name = "Most decoded MiB", description = "The most a delta may unpack to: a guard against "
            + "decompression bombs.", min = "1", max = "2047")
    int maxDecodedMiB() default 1024;
}
