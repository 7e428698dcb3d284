package org.arxos.io.svg.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns SVG ids into Arxos ids (letters, digits and {@code . _ : -}, at most 128 characters), unique within the
 * building. Deterministic: the same file gives the same ids, because ids are taken in document order.
 */
final class IdAllocator {

    private static final int MAX = 128;
    private final Set<String> taken = new HashSet<>();
    /**
     * The next suffix to try per base id. Without it the n-th copy of an id would try {@code -2} up to {@code -n}
     * again, quadratic in the copies (10,000 elements sharing one id took seconds).
     */
    private final Map<String, Integer> nextSuffix = new HashMap<>();

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

    /**
     * The sanitized id, or the fallback when there is none; made unique with {@code -2}, {@code -3}, ... O(1) amortised:
     * each base id remembers the next suffix to try, and a suffixed id that is already taken ({@code a-2} written in
     * the file) is stepped over once only, since {@code base-n} names exactly one base.
     */
    String allocate(String raw, String fallback) {
        String base = sanitize(raw);
        if (base.isEmpty()) {
            base = sanitize(fallback);
        }
        if (base.isEmpty()) {
            base = "object";
        }
        if (taken.add(base)) {
            return base;
        }
        int n = nextSuffix.getOrDefault(base, 2);
        String id = base + "-" + n;
        while (!taken.add(id)) {
            id = base + "-" + ++n;
        }
        nextSuffix.put(base, n + 1);
        return id;
    }
}
