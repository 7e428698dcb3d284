package org.arxos.api.cache;

import java.nio.charset.StandardCharsets;

/**
 * What a cached value is: a tenant's (a partition with its own quota) result of an operation on a building's inputs.
 *
 * @param tenant    the tenant the entry belongs to
 * @param building  the building the inputs come from, or {@link #NO_BUILDING}
 * @param operation what was computed, e.g. {@code "render.tile"}, {@code "calc.takeoff"}
 * @param inputHash the content hash of everything the result depends on (revision hash plus parameters)
 */
public record CacheKey(String tenant, String building, String operation, String inputHash) {

    /** The building part of entries that do not belong to one building. */
    public static final String NO_BUILDING = "-";

    private static final int MAX_PART = 200;

    public CacheKey {
        check("tenant", tenant);
        check("building", building);
        check("operation", operation);
        check("inputHash", inputHash);
    }

    /**
     * The key part for any name: letters, digits and {@code . _ -} stay, every other byte of its UTF-8 form becomes
     * {@code ~} and two hex digits, so distinct names give distinct parts.
     */
    public static String part(String name) {
        if (isPart(name, false)) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length());
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-')) {
                out.append(c);
            } else {
                out.append('~').append(Character.forDigit((c >> 4) & 0xf, 16)).append(Character.forDigit(c & 0xf, 16));
            }
        }
        return out.toString();
    }

    private static void check(String name, String value) {
        if (value == null || value.length() > MAX_PART || !isPart(value, true)) {
            throw new IllegalArgumentException("cache key " + name + " must be 1 to 200 letters, digits or . _ ~ - (see"
                    + " CacheKey.part) but was '" + value + "'");
        }
    }

    /** Whether every character is a letter or digit of ASCII or one of {@code . _ -} (and {@code ~} when allowed). */
    private static boolean isPart(String value, boolean tildeAllowed) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
                    || c == '_' || c == '-' || c == '~' && tildeAllowed;
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** {@code tenant:building:operation:inputHash}, the form patterns match against. */
    @Override
    public String toString() {
        return tenant + ':' + building + ':' + operation + ':' + inputHash;
    }
}
