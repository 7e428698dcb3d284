package org.arxos.http.internal;

/** Strong entity tags from content hashes, and {@code If-None-Match} checks (RFC 9110, weak comparison). */
final class EntityTags {

    private EntityTags() {
    }

    static String of(String contentHash) {
        return '"' + contentHash + '"';
    }

    /**
     * The tag of one representation of a revision: the content hash alone for the whole building as native JSON
     * (as before formats existed), else {@code "<hash>+<extension>"} and {@code "+<node>"} for a subtree. Object ids
     * and extensions hold only characters an entity tag may.
     */
    static String of(String contentHash, String extension, String node) {
        String format = extension.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
        if (node == null && format.equals(org.arxos.api.io.BuildingExports.DEFAULT_FORMAT)) {
            return of(contentHash);
        }
        return of(contentHash + "+" + format + (node == null ? "" : "+" + node));
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
