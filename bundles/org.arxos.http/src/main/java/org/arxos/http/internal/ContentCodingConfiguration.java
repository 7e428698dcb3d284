package org.arxos.http.internal;

import org.arxos.api.compress.CompressionLevel;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = ContentCodingConfiguration.PID, name = "Arxos HTTP content coding",
        description = "How responses of /api, /metrics and /health are compressed for clients that send "
                + "Accept-Encoding (zstd, gzip, deflate), and how coded request bodies are decoded.")
@interface ContentCodingConfiguration {

    String PID = "org.arxos.http.coding";

    @AttributeDefinition(name = "Smallest body coded (bytes)",
            description = "Shorter bodies go out as they are: coding them saves less than it costs.", min = "0")
    int minBytes() default 1024;

    @AttributeDefinition(name = "Level", description = "FAST (zstd 1, gzip 1) suits the request path; BALANCED is "
            + "zstd 3, gzip 6; MAX is zstd 19, gzip 9.")
    CompressionLevel level() default CompressionLevel.FAST;

    @AttributeDefinition(name = "Most expansion of a request body",
            description = "A coded request body (Content-Encoding gzip, deflate, br or zstd) that decodes to more than "
                    + "this many bytes per coded byte, once past 1 MiB, is refused with 413 as a decompression bomb. "
                    + "The decoded body also counts against the API's largest request body.", min = "1")
    int maxExpansionRatio() default 1000;
}
