package org.arxos.http.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem details document.
 *
 * @param extensions extra members such as {@code violations}, written after the standard ones
 */
record Problem(ProblemType type, String detail, String instance, Map<String, Object> extensions) {

    static final String MEDIA_TYPE = "application/problem+json";

    Problem {
        extensions = Map.copyOf(extensions);
    }

    int status() {
        return type.status();
    }

    /** The members in the order the RFC lists them, then the extensions in their own order. */
    Map<String, Object> members() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", type.uri());
        members.put("title", type.title());
        members.put("status", type.status());
        members.put("detail", detail);
        if (instance != null) {
            members.put("instance", instance);
        }
        extensions.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> members.putIfAbsent(e.getKey(), e.getValue()));
        return members;
    }
}
