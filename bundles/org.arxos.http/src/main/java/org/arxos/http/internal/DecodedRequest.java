package org.arxos.http.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;

import org.arxos.compress.FrameLimits;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body arrived with a {@code Content-Encoding}: the servlet reads it decoded and sees no coding. The
 * declared {@code Content-Length} stays, as the length of what the client sends: a coded body is never much longer
 * than its decoded content, so the endpoints' limit on it still holds up front, and their limit on what they read
 * then counts decoded bytes.
 */
final class DecodedRequest extends HttpServletRequestWrapper {

    private static final String CONTENT_ENCODING = "Content-Encoding";

    private final String contentEncoding;
    private final FrameLimits limits;
    private DecodedBodyStream body;
    private BufferedReader reader;

    DecodedRequest(HttpServletRequest request, FrameLimits limits) {
        super(request);
        this.contentEncoding = request.getHeader(CONTENT_ENCODING);
        this.limits = limits;
    }

    @Override
    public String getHeader(String name) {
        return CONTENT_ENCODING.equalsIgnoreCase(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return CONTENT_ENCODING.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (reader != null) {
            throw new IllegalStateException("getReader() has been called on this request");
        }
        return body();
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            if (body != null) {
                throw new IllegalStateException("getInputStream() has been called on this request");
            }
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            reader = new BufferedReader(new InputStreamReader(body(), charset));
        }
        return reader;
    }

    private DecodedBodyStream body() throws IOException {
        if (body == null) {
            body = new DecodedBodyStream(super.getInputStream(), contentEncoding, limits);
        }
        return body;
    }
}
