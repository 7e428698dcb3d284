package org.arxos.cache.redis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.arxos.api.cache.CacheKey;
import org.junit.jupiter.api.Test;

class RedisKeyspaceTest {

    private final RedisKeyspace keyspace = new RedisKeyspace("app[1]*?\\:");

    @Test
    void patternsKeepOnlyTheGlobsStarsAsWildcards() {
        assertEquals("app\\[1\\]\\*\\?\\\\:e:acme:*:render.tile:h\\?\\[a-z\\]\\\\*",
                text(keyspace.entryPattern("acme:*:render.tile:h?[a-z]\\*")));
    }

    @Test
    void anEntryKnowsItsTenant() {
        byte[] entry = keyspace.entry(new CacheKey("t~3a1", "b", "op", "h"));
        assertEquals("app[1]*?\\:e:t~3a1:b:op:h", text(entry));
        assertEquals("t~3a1", keyspace.tenantOfEntry(entry));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
