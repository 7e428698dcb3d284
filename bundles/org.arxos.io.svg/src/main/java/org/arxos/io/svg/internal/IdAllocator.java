package org.arxos.io.svg.internal;

import java.util.HashSet;
import java.util.Set;

/**
 * Turns SVG ids into Arxos ids (letters, digits and {@code . _ : -}, at most 128 characters), unique within the
 * building. Deterministic: the same file gives the same ids, because ids are taken in document order.
 */
final class IdAllocator {

    private static final int MAX = 128;
    private final Set<String> taken = new HashSet<>();

    static String sanitize(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(raw.length(), MAX));
        for (int i = 0; i < raw.length() && b.length() < MAX - 8; i++) {
            char c = raw.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == ':' || c == '-';
            b.append(ok ? c : '_');
        }
        return b.toString();
    }

    /** The sanitized id, or the fallback when there is none; made unique with {@code -2}, {@code -3}, ... */
    String allocate(String raw, String fallback) {
        String base = sanitize(raw);
        if (base.isEmpty()) {
            base = sanitize(fallback);
        }
        if (base.isEmpty()) {
            base = "object";
        }
        String id = base;
        for (int n = 2; !taken.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
