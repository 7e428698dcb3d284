package org.arxos.cache.redis.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.arxos.api.cache.CacheKey;

/**
 * Where the tier keeps things under its prefix. Entries live at {@code <prefix>e:<key>}; each tenant's bookkeeping
 * (its entries by expiry, their sizes, their byte total) at {@code <prefix>t:<tenant>:...}, and the set of tenants at
 * {@code <prefix>tenants}. No entry pattern can reach the bookkeeping, since entry patterns always start with
 * {@code <prefix>e:}.
 */
final class RedisKeyspace {

    private static final String ENTRY = "e:";

    private final String prefix;

    RedisKeyspace(String prefix) {
        this.prefix = prefix;
    }

    byte[] entry(CacheKey key) {
        return bytes(prefix + ENTRY + key);
    }

    /** The tenant of a key returned by {@link #entryPattern(String)}; cache key parts never hold {@code :}. */
    String tenantOfEntry(byte[] entryKey) {
        String key = new String(entryKey, StandardCharsets.UTF_8);
        int start = prefix.length() + ENTRY.length();
        return key.substring(start, key.indexOf(':', start));
    }

    /**
     * The tenant's sorted set of entry keys by expiry (ms since the epoch), its hash of entry sizes, its byte total,
     * and the set of tenants: the first keys of every script call (see {@code tier.lua}).
     */
    List<byte[]> bookkeeping(String tenant) {
        String base = prefix + "t:" + tenant + ':';
        return List.of(bytes(base + "expiries"), bytes(base + "sizes"), bytes(base + "bytes"), tenants());
    }

    byte[] tenants() {
        return bytes(prefix + "tenants");
    }

    /**
     * A SCAN MATCH pattern for the entries whose cache key matches {@code glob}, in which only {@code *} is a
     * wildcard: Redis's other glob characters in the prefix or the glob are escaped.
     */
    byte[] entryPattern(String glob) {
        return bytes(escape(prefix + ENTRY, false) + escape(glob, true));
    }

    private static String escape(String text, boolean keepStars) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if ((c == '*' && !keepStars) || c == '?' || c == '[' || c == ']' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
