package org.arxos.compress.svg.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.Deflater;

import org.arxos.api.compress.CompressionLevel;

/** The compressor with its default configuration, whole arrays in and out. */
final class Compression {

    static final SvgCompressor COMPRESSOR = new SvgCompressor(Configuration.DEFAULTS);

    private Compression() {
    }

    static byte[] compress(SvgCompressor compressor, byte[] svg, CompressionLevel level) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        compressor.compress(new ByteArrayInputStream(svg), out, "image/svg+xml", level);
        return out.toByteArray();
    }

    static byte[] compress(byte[] svg, CompressionLevel level) throws IOException {
        return compress(COMPRESSOR, svg, level);
    }

    static byte[] decompress(SvgCompressor compressor, byte[] compressed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        compressor.decompress(new ByteArrayInputStream(compressed), out);
        return out.toByteArray();
    }

    static byte[] decompress(byte[] compressed) throws IOException {
        return decompress(COMPRESSOR, compressed);
    }

    /** gzip -9's size without the gzip header: raw deflate at level 9 plus gzip's 18 bytes. */
    static int gzip9(byte[] bytes) {
        Deflater deflater = new Deflater(9, true);
        deflater.setInput(bytes);
        deflater.finish();
        byte[] buffer = new byte[bytes.length + 1024];
        int n = 0;
        while (!deflater.finished()) {
            n += deflater.deflate(buffer, n, buffer.length - n);
        }
        deflater.end();
        return n + 18;
    }
}
