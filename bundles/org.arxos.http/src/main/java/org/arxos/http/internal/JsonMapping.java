package org.arxos.http.internal;

import java.time.Instant;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/** The one Jackson configuration of the API: strict reading, ISO-8601 instants, records as they are. */
final class JsonMapping {

    private JsonMapping() {
    }

    static ObjectMapper create() {
        // ISO strings without jackson-datatype-jsr310, one bundle fewer at runtime
        SimpleModule instants = new SimpleModule("arxos-instants").addSerializer(Instant.class,
                ToStringSerializer.instance);
        return JsonMapper.builder()
                .addModule(instants)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }
}
