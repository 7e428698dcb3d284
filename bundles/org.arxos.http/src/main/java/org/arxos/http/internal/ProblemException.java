package org.arxos.http.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ends a request with a problem response; thrown by handlers where they know exactly what went wrong. */
final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemType type;
    private final transient Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    ProblemException(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.type = type;
    }

    /** Adds an extension member; a {@code null} value leaves the member out. */
    ProblemException with(String member, Object value) {
        if (value != null) {
            extensions.put(member, value);
        }
        return this;
    }

    ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    ProblemType type() {
        return type;
    }

    Map<String, Object> extensions() {
        return extensions;
    }

    Map<String, String> headers() {
        return headers;
    }

    static ProblemException badRequest(String detail) {
        return new ProblemException(ProblemType.BAD_REQUEST, detail);
    }

    static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }
}
