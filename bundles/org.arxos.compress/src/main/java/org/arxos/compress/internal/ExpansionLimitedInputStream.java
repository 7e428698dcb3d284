package org.arxos.compress.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.arxos.api.compress.CompressionLimitException;
import org.arxos.compress.FrameLimits;

/**
 * The decoded side of a foreign decoder, refused as soon as it passes the most original bytes or expands more than
 * the allowed ratio over the coded bytes read so far ({@link CountingInputStream}).
 */
public final class ExpansionLimitedInputStream extends FilterInputStream {

    private final CountingInputStream coded;
    private final FrameLimits limits;
    private long decoded;

    public ExpansionLimitedInputStream(InputStream decoder, CountingInputStream coded, FrameLimits limits) {
        super(decoder);
        this.coded = coded;
        this.limits = limits;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        int n = super.read(target, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) throws CompressionLimitException {
        decoded += n;
        if (decoded > limits.maxOriginalSize()) {
            throw new CompressionLimitException("maxOriginalSize", "decoded content passes the limit of "
                    + limits.maxOriginalSize() + " bytes");
        }
        if (decoded > FrameLimits.RATIO_GRACE && decoded > Math.max(coded.count(), 1) * limits.maxExpansionRatio()) {
            throw new CompressionLimitException("maxExpansionRatio", "content expands more than "
                    + limits.maxExpansionRatio() + " times (" + decoded + " bytes from " + coded.count() + ")");
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
