package org.arxos.cache;

import java.util.List;
import java.util.Optional;

import org.arxos.api.cache.CacheKey;

/**
 * An invalidation pattern: a glob over {@code tenant:building:operation:inputHash} ({@link CacheKey#toString()}) in
 * which {@code *} stands for any characters, colons included, and every other character for itself. It is cut at its
 * stars into literal pieces that must occur in order, so matching never backtracks.
 */
public final class KeyPattern {

    private static final int MAX_LENGTH = 1000;

    private final List<String> pieces;
    private final Optional<String> tenant;

    private KeyPattern(String glob) {
        this.pieces = List.of(glob.split("\\*", -1));
        int colon = glob.indexOf(':');
        int star = glob.indexOf('*');
        this.tenant = colon > 0 && (star < 0 || colon < star) ? Optional.of(glob.substring(0, colon)) : Optional.empty();
    }

    /** @throws IllegalArgumentException naming the rule when the glob is blank or longer than 1000 characters */
    public static KeyPattern of(String glob) {
        if (glob == null || glob.isBlank() || glob.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("an invalidation pattern is a glob over tenant:building:operation:"
                    + "inputHash of 1 to " + MAX_LENGTH + " characters, e.g. acme:*, but was '" + glob + "'");
        }
        return new KeyPattern(glob);
    }

    /** The one tenant whose keys can match, when the pattern spells its tenant out. */
    public Optional<String> tenant() {
        return tenant;
    }

    public boolean matches(CacheKey key) {
        return matches(key.toString());
    }

    /** @param key a key in the form of {@link CacheKey#toString()} */
    public boolean matches(String key) {
        String first = pieces.get(0);
        if (pieces.size() == 1) {
            return key.equals(first);
        }
        String last = pieces.get(pieces.size() - 1);
        if (!key.startsWith(first) || !key.endsWith(last) || key.length() < first.length() + last.length()) {
            return false;
        }
        int from = first.length();
        int end = key.length() - last.length();
        for (String piece : pieces.subList(1, pieces.size() - 1)) {
            int at = key.indexOf(piece, from);
            if (at < 0 || at + piece.length() > end) {
                return false;
            }
            from = at + piece.length();
        }
        return true;
    }

    @Override
    public String toString() {
        return String.join("*", pieces);
    }
}
