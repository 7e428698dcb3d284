package org.arxos.http.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.Locale;

import org.arxos.compress.ContentCoding;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response whose body is content-coded when the client accepts a coding and the body is worth it: a status with a
 * body, a media type that is not compressed already, and at least {@code minBytes} long. All of that is known only
 * once the servlet has set its headers and written some of its body, so the body goes through a
 * {@link CodingOutputStream}, which holds back the start of a body of unknown length, and the
 * {@code Content-Length} the servlet declares is kept until the decision.
 *
 * <p>A coded body's entity tag is made weak ({@code W/"..."}): the coded bytes differ from the identity ones, and
 * weak comparison, which {@code If-None-Match} uses, still matches either form, so revalidation keeps answering 304.
 * Every response of a codable media type, and every 304, says {@code Vary: Accept-Encoding}.
 */
final class CodedResponse extends HttpServletResponseWrapper {

    private static final String CONTENT_LENGTH = "Content-Length";

    private final ContentCoding accepted;
    private final ContentCodingSettings settings;
    private final String ifNoneMatch;
    private long declaredLength = -1;
    private CodingOutputStream body;
    private PrintWriter writer;
    /** Whether the body is coded, once decided. A reset forgets it; a buffer reset keeps it, as the headers do. */
    private Boolean coded;

    /**
     * @param accepted    the coding negotiated from the request's {@code Accept-Encoding}; identity for none
     * @param ifNoneMatch the request's {@code If-None-Match}, or {@code null}
     */
    CodedResponse(HttpServletResponse response, ContentCoding accepted, ContentCodingSettings settings,
            String ifNoneMatch) {
        super(response);
        this.accepted = accepted;
        this.settings = settings;
        this.ifNoneMatch = ifNoneMatch;
    }

    /** The length the servlet declared, or -1. */
    long declaredLength() {
        return declaredLength;
    }

    /** Whether the body may be coded, judged before its length is known. */
    boolean mayCode() {
        return codes(declaredLength);
    }

    /**
     * Decides, once, whether a body of {@code length} bytes is coded (-1: at least {@code minBytes}, exact length
     * unknown), and sets the headers that say so.
     */
    boolean decide(long length) {
        if (coded == null) {
            vary();
            coded = codes(length);
            if (coded) {
                super.setHeader("Content-Encoding", accepted.token());
                weakenEntityTag();
            } else if (length >= 0) {
                super.setContentLengthLong(length);
            }
        }
        return coded;
    }

    /** The negotiated coding's encoder in front of {@code out}; closing it finishes the coding. */
    OutputStream encoder(OutputStream out) throws IOException {
        return accepted.encoder(out, settings.level());
    }

    ServletOutputStream servletStream() throws IOException {
        return super.getOutputStream();
    }

    /** Ends the response: finishes the body, or sets the headers of a response without one. */
    void finish() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (body != null && body.finish()) {
            return;
        }
        if (coded == null) {
            vary();
            coded = false;
            if (getStatus() == HttpServletResponse.SC_NOT_MODIFIED && revalidatedWithWeakTag()) {
                weakenEntityTag();
            }
            if (declaredLength >= 0) {
                super.setContentLengthLong(declaredLength);
            }
        }
    }

    /** Drops the body without finishing its coding, after the servlet failed: the client must not see it as whole. */
    void abandon() {
        discardBody();
    }

    private boolean codes(long length) {
        int status = getStatus();
        return accepted != ContentCoding.IDENTITY && status >= 200 && status != HttpServletResponse.SC_NO_CONTENT
                && status != HttpServletResponse.SC_PARTIAL_CONTENT && status != HttpServletResponse.SC_NOT_MODIFIED
                && getHeader("Content-Encoding") == null && ContentCodingSettings.codable(getContentType())
                && (length < 0 || length >= settings.minBytes());
    }

    private void vary() {
        if (getStatus() != HttpServletResponse.SC_NOT_MODIFIED && !ContentCodingSettings.codable(getContentType())) {
            return;
        }
        String vary = getHeader("Vary");
        if (vary == null || vary.isBlank()) {
            super.setHeader("Vary", "Accept-Encoding");
        } else if (!varies(vary)) {
            super.setHeader("Vary", vary + ", Accept-Encoding");
        }
    }

    private static boolean varies(String vary) {
        for (String field : vary.split(",")) {
            String name = field.strip().toLowerCase(Locale.ROOT);
            if (name.equals("*") || name.equals("accept-encoding")) {
                return true;
            }
        }
        return false;
    }

    private void weakenEntityTag() {
        String etag = getHeader("ETag");
        if (etag != null && etag.startsWith("\"")) {
            super.setHeader("ETag", "W/" + etag);
        }
    }

    private boolean revalidatedWithWeakTag() {
        String etag = getHeader("ETag");
        return ifNoneMatch != null && etag != null && ifNoneMatch.contains("W/" + etag);
    }

    private void discardBody() {
        if (body != null) {
            body.discard();
        }
        body = null;
        writer = null;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has been called on this response");
        }
        if (body == null) {
            body = new CodingOutputStream(this, settings.minBytes());
        }
        return body;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            if (body != null) {
                throw new IllegalStateException("getOutputStream() has been called on this response");
            }
            body = new CodingOutputStream(this, settings.minBytes());
            writer = new PrintWriter(new OutputStreamWriter(body, getCharacterEncoding()));
        }
        return writer;
    }

    @Override
    public void setContentLength(int length) {
        setContentLengthLong(length);
    }

    @Override
    public void setContentLengthLong(long length) {
        if (coded == null) {
            declaredLength = length;
        } else if (!coded) {
            super.setContentLengthLong(length);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (CONTENT_LENGTH.equalsIgnoreCase(name)) {
            setContentLengthLong(value == null ? -1 : Long.parseLong(value.strip()));
        } else {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (CONTENT_LENGTH.equalsIgnoreCase(name)) {
            setHeader(name, value);
        } else {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (CONTENT_LENGTH.equalsIgnoreCase(name)) {
            setContentLengthLong(value);
        } else {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (CONTENT_LENGTH.equalsIgnoreCase(name)) {
            setContentLengthLong(value);
        } else {
            super.addIntHeader(name, value);
        }
    }

    /** Flushes what is decided; a body still held back stays held, so the headers are not committed early. */
    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (body != null) {
            body.flush();
        }
        if (coded != null) {
            super.flushBuffer();
        }
    }

    @Override
    public void reset() {
        super.reset();
        discardBody();
        declaredLength = -1;
        coded = null;
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        discardBody();
    }
}
