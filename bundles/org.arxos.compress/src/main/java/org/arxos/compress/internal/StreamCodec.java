package org.arxos.compress.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.arxos.api.compress.CorruptDataException;

/** A codec that its library offers as a pair of streams: blocks are coded into and decoded from arrays. */
abstract class StreamCodec implements BlockCodec {

    private final String name;

    StreamCodec(String name) {
        this.name = name;
    }

    /** An encoder writing to {@code out}; closing it finishes the coded block. */
    abstract OutputStream encoder(OutputStream out, int length) throws IOException;

    abstract InputStream decoder(InputStream in, int originalLength) throws IOException;

    @Override
    public final int encode(byte[] source, int length, byte[] target, int limit) throws IOException {
        BoundedArrayOutput out = new BoundedArrayOutput(target, limit);
        try (OutputStream encoder = encoder(out, length)) {
            encoder.write(source, 0, length);
        } catch (BoundedArrayOutput.Full e) {
            return -1;
        }
        return out.size();
    }

    @Override
    public final void decode(byte[] source, int length, byte[] target, int originalLength) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(source, 0, length);
        // the libraries report malformed input with unchecked exceptions too; on untrusted bytes all mean corrupt
        try (InputStream decoder = decoder(in, originalLength)) {
            int read = decoder.readNBytes(target, 0, originalLength);
            if (read < originalLength) {
                throw new CorruptDataException(name + " block decodes to " + read + " bytes, not " + originalLength);
            }
            if (decoder.read() >= 0) {
                throw new CorruptDataException(name + " block decodes to more than " + originalLength + " bytes");
            }
        } catch (CorruptDataException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CorruptDataException(name + " block is malformed: " + e.getMessage());
        }
        if (in.available() > 0) {
            throw new CorruptDataException(name + " block does not end where its record does");
        }
    }

    @Override
    public void close() {
    }

    /** Writes into a fixed array and gives up as soon as a byte does not fit. */
    private static final class BoundedArrayOutput extends OutputStream {

        private final byte[] target;
        private final int limit;
        private int size;

        BoundedArrayOutput(byte[] target, int limit) {
            this.target = target;
            this.limit = limit;
        }

        int size() {
            return size;
        }

        @Override
        public void write(int b) throws Full {
            if (size == limit) {
                throw new Full();
            }
            target[size++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws Full {
            if (length > limit - size) {
                throw new Full();
            }
            System.arraycopy(bytes, offset, target, size, length);
            size += length;
        }

        /** Thrown through the encoder to stop it; carries no stack trace, it is not an error. */
        static final class Full extends IOException {
            private static final long serialVersionUID = 1L;

            Full() {
                super("coded block does not fit", null);
            }

            @Override
            public synchronized Throwable fillInStackTrace() {
                return this;
            }
        }
    }
}
