package org.arxos.compress.internal;

import org.arxos.compress.Algorithm;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = CodecConfiguration.PID, name = "Arxos general-purpose compressor",
        description = "Frames of any content type: the codec chosen by level, content type and size, and the limits "
                + "every frame read must keep.")
@interface CodecConfiguration {

    String PID = "org.arxos.compress";

    @AttributeDefinition(name = "Most original bytes",
            description = "The most bytes one frame may decode to; a frame declaring or reaching more is refused.",
            min = "0")
    long maxOriginalSize() default 1L << 30;

    @AttributeDefinition(name = "Most expansion",
            description = "The most original bytes per input byte once a frame has decoded 1 MiB: a decompression "
                    + "bomb is refused before it is decoded. Content of long runs (zeros) may need more.", min = "1")
    int maxExpansionRatio() default 1000;

    @AttributeDefinition(name = "Largest block read",
            description = "The largest block a frame may hold. Reading a frame takes up to twice this much heap.",
            min = "1")
    int maxBlockSize() default 16 << 20;

    @AttributeDefinition(name = "Block size", description = "The original bytes per block when writing FAST and "
            + "BALANCED frames.", min = "1")
    int blockSize() default 1 << 20;

    @AttributeDefinition(name = "FAST codec", description = "For the request path.")
    Algorithm fastAlgorithm() default Algorithm.ZSTD;

    @AttributeDefinition(name = "FAST level", description = "The codec's own level: zstd -7..22, deflate 1..9, "
            + "xz 0..9, bzip2 1..9.")
    int fastLevel() default 1;

    @AttributeDefinition(name = "BALANCED codec", description = "The default; also for LOSSY, which a lossless "
            + "codec treats as BALANCED.")
    Algorithm balancedAlgorithm() default Algorithm.ZSTD;

    @AttributeDefinition(name = "BALANCED level")
    int balancedLevel() default 9;

    @AttributeDefinition(name = "MAX codec", description = "For data at rest: the strongest.")
    Algorithm maxAlgorithm() default Algorithm.XZ;

    @AttributeDefinition(name = "MAX level")
    int maxLevel() default 9;

    @AttributeDefinition(name = "MAX block size", description = "Larger blocks find more matches; an xz encoder "
            + "takes about 11 times the block size in heap.", min = "1")
    int maxBlockSizeAtRest() default 8 << 20;

    @AttributeDefinition(name = "Small below", description = "Content shorter than this is deflated at level 9: "
            + "the codec with the least overhead.", min = "0")
    int smallBelow() default 4096;

    @AttributeDefinition(name = "Stored below", description = "Content shorter than this is stored: no codec "
            + "saves more than its overhead.", min = "0")
    int storedBelow() default 64;

    @AttributeDefinition(name = "More stored types", description = "Media types stored as they are, besides the "
            + "compressed types always stored (PNG, JPEG, GIF, WebP, AVIF, ZIP, gzip, zstd, xz, bzip2, 7z, RAR, WOFF, "
            + "video/*, audio/*); type/* matches a whole type.")
    String[] moreStoredTypes() default {};
}
