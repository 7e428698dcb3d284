package org.arxos.http.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/**
 * The body of a {@link CodedResponse}. While the body may be coded but its length is unknown, the first
 * {@code minBytes} are held back: a body that ends before goes out as it is, with its exact length. Once decided, it
 * writes to the servlet's stream, directly or through the coding's encoder.
 */
final class CodingOutputStream extends ServletOutputStream {

    private final CodedResponse response;
    private final int minBytes;
    private final byte[] one = new byte[1];
    private byte[] held = new byte[0];
    private int heldCount;
    /** Where bytes go once decided; {@code null} while holding back. */
    private OutputStream target;
    /** Between the encoder and the servlet's stream, when coding. */
    private Gate gate;
    private boolean finished;
    private boolean hadBody;

    CodingOutputStream(CodedResponse response, int minBytes) {
        this.response = response;
        this.minBytes = minBytes;
    }

    @Override
    public void write(int b) throws IOException {
        one[0] = (byte) b;
        write(one, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (finished) {
            throw new IOException("the response body is complete");
        }
        if (length == 0) {
            return;
        }
        if (target == null) {
            if (response.declaredLength() >= 0 || !response.mayCode()) {
                start(response.declaredLength());
            } else if (heldCount + length < minBytes) {
                hold(bytes, offset, length);
                return;
            } else {
                start(-1);
            }
        }
        target.write(bytes, offset, length);
    }

    private void hold(byte[] bytes, int offset, int length) {
        if (heldCount + length > held.length) {
            held = Arrays.copyOf(held, Math.min(minBytes, Math.max(2 * held.length, heldCount + length)));
        }
        System.arraycopy(bytes, offset, held, heldCount, length);
        heldCount += length;
    }

    private void start(long length) throws IOException {
        OutputStream servlet = response.servletStream();
        if (response.decide(length)) {
            gate = new Gate(servlet);
            target = response.encoder(gate);
        } else {
            target = servlet;
        }
        if (heldCount > 0) {
            target.write(held, 0, heldCount);
        }
        held = null;
    }

    /**
     * Writes what is held back and finishes the coding; the servlet's stream stays open for the container to
     * complete. Idempotent.
     *
     * @return whether a body was written
     */
    boolean finish() throws IOException {
        if (!finished) {
            finished = true;
            if (target == null && heldCount > 0) {
                start(heldCount);
            }
            hadBody = target != null;
            if (gate != null) {
                target.close();
            } else if (target != null) {
                target.flush();
            }
        }
        return hadBody;
    }

    /** Drops the body: nothing more reaches the servlet's stream, and the encoder's resources are freed. */
    void discard() {
        finished = true;
        held = null;
        if (gate != null) {
            gate.discard();
            try {
                target.close();
            } catch (IOException e) {
                // nothing reaches the client any more; the encoder's native memory is released either way
            }
        }
    }

    /** Flushes what is decided; held-back bytes stay held. */
    @Override
    public void flush() throws IOException {
        if (target != null && !finished) {
            target.flush();
        }
    }

    @Override
    public void close() throws IOException {
        finish();
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
        throw new UnsupportedOperationException("asynchronous output is not supported on a content-coded response");
    }

    /** Passes bytes on until discarded; never closes the servlet's stream, which the container completes. */
    private static final class Gate extends FilterOutputStream {

        private boolean open = true;

        Gate(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (open) {
                out.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (open) {
                out.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            if (open) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        void discard() {
            open = false;
        }
    }
}
