package org.arxos.http.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an endpoint answers; the servlet writes it. */
sealed interface ApiResponse {

    int status();

    Map<String, String> headers();

    /** A body that Jackson writes as {@code application/json}. */
    record Json(int status, Object body, Map<String, String> headers) implements ApiResponse {
        public Json {
            headers = Map.copyOf(headers);
        }
    }

    /** A body written straight to the client without being held in memory. */
    record Streamed(int status, String contentType, BodyWriter writer, Map<String, String> headers)
            implements ApiResponse {
        public Streamed {
            headers = Map.copyOf(headers);
        }
    }

    record Empty(int status, Map<String, String> headers) implements ApiResponse {
        public Empty {
            headers = Map.copyOf(headers);
        }
    }

    record ProblemResponse(Problem problem, Map<String, String> headers) implements ApiResponse {
        public ProblemResponse {
            headers = Map.copyOf(headers);
        }

        @Override
        public int status() {
            return problem.status();
        }
    }

    @FunctionalInterface
    interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    static Json ok(Object body) {
        return new Json(200, body, Map.of());
    }

    static Json created(String location, Object body) {
        return new Json(201, body, Map.of("Location", location));
    }

    static Empty noContent() {
        return new Empty(204, Map.of());
    }

    static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }
}
