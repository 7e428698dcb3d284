package org.arxos.benchmarks;

import java.io.OutputStream;

/** Throws the bytes away and counts them: renders measured without a disk or a buffer that grows. */
final class CountingOutputStream extends OutputStream {

    private long count;

    @Override
    public void write(int b) {
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        count += len;
    }

    long count() {
        return count;
    }
}
