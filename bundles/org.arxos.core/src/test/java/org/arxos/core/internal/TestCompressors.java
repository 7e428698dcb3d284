package org.arxos.core.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.Compressor;
import org.arxos.api.compress.CorruptDataException;

/** Compressors for tests: one that works, and one that does something else first, such as breaking. */
final class TestCompressors {

    private TestCompressors() {
    }

    /** Its own magic, then deflate; takes one media type, or every one. */
    record StandIn(String magic, String takes) implements Compressor {

        @Override
        public boolean supports(String contentType) {
            return takes == null || takes.equals(contentType);
        }

        @Override
        public void compress(InputStream in, OutputStream out, String contentType, CompressionLevel level)
                throws IOException {
            out.write(magic.getBytes(StandardCharsets.US_ASCII));
            DeflaterOutputStream deflater = new DeflaterOutputStream(out);
            in.transferTo(deflater);
            deflater.finish();
        }

        @Override
        public void decompress(InputStream in, OutputStream out) throws IOException {
            if (!Arrays.equals(in.readNBytes(4), magic.getBytes(StandardCharsets.US_ASCII))) {
                throw new CorruptDataException("not a " + magic + " stream");
            }
            new InflaterInputStream(in).transferTo(out);
        }

        /** What {@link #decompress} makes of the bytes it wrote. */
        static byte[] inflate(byte[] written) throws IOException {
            return new InflaterInputStream(new ByteArrayInputStream(written, 4, written.length - 4)).readAllBytes();
        }
    }

    /** Something a compressor does before it compresses. */
    @FunctionalInterface
    interface Hook {
        void run(InputStream in, OutputStream out) throws IOException;
    }

    /** Runs the hook, then lets the other compressor compress; decompresses as the other does. */
    record Hooked(Hook hook, Compressor then) implements Compressor {

        @Override
        public boolean supports(String contentType) {
            return then.supports(contentType);
        }

        @Override
        public void compress(InputStream in, OutputStream out, String contentType, CompressionLevel level)
                throws IOException {
            hook.run(in, out);
            then.compress(in, out, contentType, level);
        }

        @Override
        public void decompress(InputStream in, OutputStream out) throws IOException {
            then.decompress(in, out);
        }
    }

    /** Takes every type, writes a little, then breaks. */
    static Compressor failing() {
        return new Hooked((in, out) -> {
            out.write(new byte[100]);
            throw new IllegalStateException("broken compressor");
        }, new StandIn("NONE", null));
    }
}
