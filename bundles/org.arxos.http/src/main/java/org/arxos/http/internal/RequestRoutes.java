package org.arxos.http.internal;

import jakarta.servlet.ServletRequest;

/** The {@code route} label of a request's metrics, set by the servlet that handles it. */
final class RequestRoutes {

    static final String ATTRIBUTE = "org.arxos.http.route";
    static final String UNMATCHED = "unmatched";

    private RequestRoutes() {
    }

    static void set(ServletRequest request, String route) {
        request.setAttribute(ATTRIBUTE, route);
    }

    static String of(ServletRequest request) {
        Object route = request.getAttribute(ATTRIBUTE);
        return route instanceof String s ? s : UNMATCHED;
    }
}
