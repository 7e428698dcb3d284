package org.arxos.http.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a request's method and path select among the {@link ApiRoute}s. */
sealed interface RouteMatch {

    /** The route, with the path variables by name. */
    record Found(ApiRoute route, Map<String, String> variables) implements RouteMatch {
        public Found {
            variables = Map.copyOf(variables);
        }

        String variable(String name) {
            return variables.get(name);
        }
    }

    /** The path exists, but not for this method; {@code allowed}, sorted, goes into the {@code Allow} header. */
    record MethodNotAllowed(List<String> allowed) implements RouteMatch {
        public MethodNotAllowed {
            allowed = List.copyOf(allowed);
        }
    }

    /** No route has this path. */
    record NotFound() implements RouteMatch {
    }

    /**
     * @param path the decoded path from the context root, e.g. {@code /api/buildings/b1}; one trailing slash is
     *             ignored
     */
    static RouteMatch of(String method, String path) {
        if (path == null || !path.startsWith("/")) {
            return new NotFound();
        }
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String[] segments = trimmed.substring(1).split("/", -1);
        Set<String> allowed = new LinkedHashSet<>();
        for (ApiRoute route : ApiRoute.values()) {
            Map<String, String> variables = variables(route.segments(), segments);
            if (variables == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Found(route, variables);
            }
            allowed.add(route.method());
        }
        if (allowed.isEmpty()) {
            return new NotFound();
        }
        List<String> sorted = new ArrayList<>(allowed);
        sorted.sort(null);
        return new MethodNotAllowed(sorted);
    }

    /** The variables when the segments fit the template, else {@code null}. */
    private static Map<String, String> variables(List<String> template, String[] segments) {
        if (template.size() != segments.length) {
            return null;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < segments.length; i++) {
            String expected = template.get(i);
            String actual = segments[i];
            if (actual.isEmpty()) {
                return null;
            }
            if (expected.startsWith("{")) {
                variables.put(expected.substring(1, expected.length() - 1), actual);
            } else if (!expected.equals(actual)) {
                return null;
            }
        }
        return variables;
    }
}
