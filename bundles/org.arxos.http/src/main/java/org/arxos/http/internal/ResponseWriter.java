package org.arxos.http.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Writes an {@link ApiResponse} to the servlet response. */
final class ResponseWriter {

    private final ObjectMapper mapper;

    ResponseWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @throws IOException when the client went away, or a streamed body failed after the response was committed */
    void write(ApiResponse response, HttpServletRequest request, HttpServletResponse servletResponse)
            throws IOException {
        servletResponse.setStatus(response.status());
        if (response.status() >= 400 && mayHaveUnreadBody(request)) {
            // An error answered before the body was read: the server will drop the connection to skip the rest of
            // the body, so say so, or a client reusing the connection fails its next request.
            servletResponse.setHeader("Connection", "close");
        }
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            servletResponse.setHeader(header.getKey(), header.getValue());
        }
        if (response instanceof ApiResponse.Json json) {
            servletResponse.setContentType(MediaTypes.JSON);
            writeJson(json.body(), servletResponse);
        } else if (response instanceof ApiResponse.ProblemResponse problem) {
            servletResponse.setContentType(Problem.MEDIA_TYPE);
            writeJson(problem.problem().members(), servletResponse);
        } else if (response instanceof ApiResponse.Streamed streamed) {
            servletResponse.setContentType(streamed.contentType());
            OutputStream out = servletResponse.getOutputStream();
            streamed.writer().writeTo(out);
            out.flush();
        }
    }

    private static boolean mayHaveUnreadBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private void writeJson(Object body, HttpServletResponse servletResponse) throws IOException {
        // serialized first, so a serialization failure can still become a problem response
        byte[] bytes = mapper.writeValueAsBytes(body);
        servletResponse.setContentLength(bytes.length);
        servletResponse.getOutputStream().write(bytes);
    }
}
