package org.arxos.http.internal;

import java.util.Optional;

/** Reads the token of an {@code Authorization: Bearer <token>} header (RFC 6750). */
public final class BearerToken {

    private static final String SCHEME = "bearer";

    private BearerToken() {
    }

    /** The token, or empty when the header is absent, of another scheme or has no token. */
    public static Optional<String> from(String authorizationHeader) {
        if (authorizationHeader == null) {
            return Optional.empty();
        }
        String header = authorizationHeader.strip();
        if (header.length() <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || !Character.isWhitespace(header.charAt(SCHEME.length()))) {
            return Optional.empty();
        }
        String token = header.substring(SCHEME.length()).strip();
        return token.isEmpty() || token.chars().anyMatch(Character::isWhitespace) ? Optional.empty() : Optional.of(token);
    }
}
