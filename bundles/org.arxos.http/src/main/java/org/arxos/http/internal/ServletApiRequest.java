package org.arxos.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.arxos.api.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

/** An {@link ApiRequest} over a servlet request. */
final class ServletApiRequest implements ApiRequest {

    private final HttpServletRequest request;
    private final Principal principal;
    private final Map<String, List<String>> query;

    ServletApiRequest(HttpServletRequest request, Principal principal) {
        this.request = request;
        this.principal = principal;
        this.query = QueryString.parse(request.getQueryString());
    }

    /** The path below the context root: servlet path plus path info, both decoded by the container. */
    static String pathOf(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        return pathOf(request);
    }

    @Override
    public String contextPath() {
        return request.getContextPath();
    }

    @Override
    public Map<String, List<String>> query() {
        return query;
    }

    @Override
    public String header(String name) {
        return request.getHeader(name);
    }

    @Override
    public long contentLength() {
        return request.getContentLengthLong();
    }

    @Override
    public InputStream body() throws IOException {
        return request.getInputStream();
    }

    @Override
    public Principal principal() {
        return principal;
    }
}
