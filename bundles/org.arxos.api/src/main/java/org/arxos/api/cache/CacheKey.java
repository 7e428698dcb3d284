package org.arxos.api.cache;

import java.util.regex.Pattern;

/**
 * @param tenant    the tenant the entry belongs to (a partition with its own quota)
 * @param operation what was computed, e.g. {@code "render.tile"}, {@code "calc.takeoff"}
 * @param inputHash the content hash of everything the result depends on (revision hash plus parameters)
 */
public record CacheKey(String tenant, String operation, String inputHash) {

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9._\\-]{1,200}");

    public CacheKey {
        for (String part : new String[] {tenant, operation, inputHash}) {
            if (part == null || !PART.matcher(part).matches()) {
                throw new IllegalArgumentException("cache key parts are 1 to 200 letters, digits or . _ - but got '" + part + "'");
            }
        }
    }

    /** {@code tenant:operation:inputHash}, the form patterns match against. */
    @Override
    public String toString() {
        return tenant + ':' + operation + ':' + inputHash;
    }
}
