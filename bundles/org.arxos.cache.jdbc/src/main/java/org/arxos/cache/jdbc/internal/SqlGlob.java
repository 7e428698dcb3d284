package org.arxos.cache.jdbc.internal;

import java.util.Optional;

import org.arxos.cache.KeyPattern;

/**
 * A glob on {@code tenant:building:operation:inputHash} ({@code *} any characters, everything else literal) as a
 * LIKE pattern, and the tenant it names when its first part has no wildcard, so the delete can use the key's index.
 *
 * @param like   the LIKE pattern, with {@link #ESCAPE} before every literal {@code %}, {@code _} and itself
 * @param tenant the tenant every match belongs to, if the glob fixes it
 */
record SqlGlob(String like, Optional<String> tenant) {

    static final char ESCAPE = '!';

    /** @throws IllegalArgumentException when the glob is not a {@link KeyPattern} */
    static SqlGlob of(String glob) {
        Optional<String> tenant = KeyPattern.of(glob).tenant();
        StringBuilder like = new StringBuilder(glob.length() + 8);
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> like.append('%');
                case '%', '_', ESCAPE -> like.append(ESCAPE).append(c);
                default -> like.append(c);
            }
        }
        return new SqlGlob(like.toString(), tenant);
    }
}
