package org.example.arxos.compress;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.Compressor;
import org.arxos.api.compress.CorruptDataException;
import org.osgi.service.component.annotations.Component;

/**
 * GZIP for any content type. Its trailer holds the CRC-32 and length of the content, so corrupt or truncated input
 * fails instead of yielding wrong bytes. Stateless, so safe for concurrent calls.
 */
@Component(property = { "arxos.impl=gzip", "service.ranking:Integer=10" })
public class GzipCompressor implements Compressor {

    @Override
    public boolean supports(String contentType) {
        return true;
    }

    @Override
    public void compress(InputStream in, OutputStream out, String contentType, CompressionLevel level)
            throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024) {
            {
                def.setLevel(deflaterLevel(level));
            }
        };
        in.transferTo(gzip);
        gzip.finish(); // not close(): the caller's stream stays open
    }

    @Override
    public void decompress(InputStream in, OutputStream out) throws IOException {
        try {
            new GZIPInputStream(in, 64 * 1024).transferTo(out);
        } catch (ZipException | EOFException e) {
            throw new CorruptDataException("not a complete gzip stream: " + e.getMessage());
        }
    }

    static int deflaterLevel(CompressionLevel level) {
        return switch (level) {
            case FAST -> 1;
            case BALANCED -> 6;
            case MAX, LOSSY -> 9; // lossless even when loss is allowed
        };
    }
}
