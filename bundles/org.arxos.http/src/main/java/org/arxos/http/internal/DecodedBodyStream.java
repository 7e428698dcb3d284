package org.arxos.http.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.arxos.api.compress.CorruptDataException;
import org.arxos.compress.ContentCoding;
import org.arxos.compress.FrameLimits;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * A request body decoded by its {@code Content-Encoding}, under the expansion limit. A decoder's complaint (not
 * gzip, a bad block, cut short) becomes a {@link CorruptDataException} naming the coding, so the client hears that
 * its body is broken; a failure of the connection itself passes as it is. The decoder is made on the first read,
 * since a gzip decoder reads its header as it is made.
 */
final class DecodedBodyStream extends ServletInputStream {

    private final Source source;
    private final String contentEncoding;
    private final FrameLimits limits;
    private final byte[] one = new byte[1];
    private InputStream decoded;
    private boolean finished;

    DecodedBodyStream(InputStream coded, String contentEncoding, FrameLimits limits) {
        this.source = new Source(coded);
        this.contentEncoding = contentEncoding;
        this.limits = limits;
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (finished) {
            return -1;
        }
        try {
            if (decoded == null) {
                decoded = ContentCoding.decoding(contentEncoding, source, limits);
            }
            int n = decoded.read(target, offset, length);
            finished = n < 0;
            return n;
        } catch (IOException e) {
            if (source.failure != null) {
                throw source.failure;
            }
            throw e instanceof CorruptDataException ? e
                    : new CorruptDataException("the request body is not valid " + contentEncoding + " content: "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (decoded != null) {
                decoded.close();
            }
        } finally {
            source.close();
        }
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("asynchronous input is not supported on a content-coded request");
    }

    /** The coded body as the client sends it, remembering how reading it failed. */
    private static final class Source extends FilterInputStream {

        private IOException failure;

        Source(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            try {
                return super.read(target, offset, length);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }
}
