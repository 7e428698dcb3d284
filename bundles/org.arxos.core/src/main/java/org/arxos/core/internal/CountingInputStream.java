package org.arxos.core.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.function.LongConsumer;

/**
 * Tells how many bytes pass, read by read, and stops the read with an {@link InterruptedIOException} once the reading
 * thread is interrupted (the import service shutting down), which a file stream would not notice.
 */
final class CountingInputStream extends FilterInputStream {

    private final LongConsumer counted;

    CountingInputStream(InputStream in, LongConsumer counted) {
        super(in);
        this.counted = counted;
    }

    @Override
    public int read() throws IOException {
        checkInterrupted();
        int b = super.read();
        if (b >= 0) {
            counted.accept(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkInterrupted();
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted.accept(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        checkInterrupted();
        long skipped = super.skip(n);
        if (skipped > 0) {
            counted.accept(skipped);
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported: a reset would count bytes twice
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    /** The stream belongs to the caller, who closes it. */
    @Override
    public void close() {
        // not closed here
    }

    private static void checkInterrupted() throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("the import was stopped");
        }
    }
}
