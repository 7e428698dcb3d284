package org.arxos.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = CompressionConfiguration.PID, name = "Arxos compression",
        description = "How the compression service (REST /api/compression, arxos:compress and other callers) holds "
                + "content while the compressors work on it: a compressor that fails is replaced by the next, which "
                + "reads the content again.")
@interface CompressionConfiguration {

    String PID = "org.arxos.compression";

    @AttributeDefinition(name = "Held in memory (bytes)", min = "0",
            description = "Content, and each compressor's output, up to this size is held in memory; larger goes to "
                    + "a temporary file, removed when the call ends.")
    int memoryBytes() default CompressionSettings.DEFAULT_MEMORY_BYTES;

    @AttributeDefinition(name = "Temporary folder", required = false,
            description = "Where larger content waits, relative to the server home; empty: the system's temporary "
                    + "folder.")
    String spoolDirectory() default "";
}
