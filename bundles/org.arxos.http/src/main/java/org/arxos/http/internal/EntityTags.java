package org.arxos.http.internal;

/** Strong entity tags from content hashes, and {@code If-None-Match} checks (RFC 9110, weak comparison). */
final class EntityTags {

    private EntityTags() {
    }

    static String of(String contentHash) {
        return '"' + contentHash + '"';
    }

    static boolean noneMatchFails(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
