package org.arxos.http.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read and fails once more than the limit arrive. The Content-Length is checked before reading, but
 * chunked bodies have none and a client may lie about it.
 */
final class BodyLimitInputStream extends FilterInputStream {

    private final long limit;
    private long count;
    private boolean exceeded;

    BodyLimitInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** Whether reading ever went past the limit, even if a reader swallowed the exception. */
    boolean exceeded() {
        return exceeded;
    }

    long limit() {
        return limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported: a reset would make the count wrong
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private void counted(long n) throws BodyTooLargeException {
        count += n;
        if (count > limit) {
            exceeded = true;
            throw new BodyTooLargeException(limit);
        }
    }
}
