package org.arxos.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.arxos.api.security.Principal;

/** What an endpoint sees of an authenticated request, independent of the servlet API. */
interface ApiRequest {

    String method();

    /** The decoded path below the context root, e.g. {@code /api/buildings/b1}. */
    String path();

    /** The context path to put before paths in {@code Location} headers; empty for the root context. */
    String contextPath();

    /** The query parameters, decoded, parsed from the query string only (never from a form body). */
    Map<String, List<String>> query();

    /** The header's value, or {@code null}. */
    String header(String name);

    /** The declared body length, or -1 when unknown (chunked). */
    long contentLength();

    /** The body, read once. */
    InputStream body() throws IOException;

    Principal principal();

    /** The first value of a query parameter, or {@code null}. */
    default String parameter(String name) {
        List<String> values = query().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    default String contentType() {
        return header("Content-Type");
    }
}
