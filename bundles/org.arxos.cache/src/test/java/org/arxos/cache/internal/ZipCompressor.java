package org.arxos.cache.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.Compressor;
import org.arxos.api.compress.CorruptDataException;

/** zlib over java.util.zip: its checksum makes corrupted input fail rather than decompress to wrong bytes. */
final class ZipCompressor implements Compressor {

    @Override
    public boolean supports(String contentType) {
        return true;
    }

    @Override
    public void compress(InputStream in, OutputStream out, String contentType, CompressionLevel level)
            throws IOException {
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            in.transferTo(deflater);
        }
    }

    @Override
    public void decompress(InputStream in, OutputStream out) throws IOException {
        try (InflaterInputStream inflater = new InflaterInputStream(in)) {
            inflater.transferTo(out);
        } catch (ZipException | EOFException e) {
            throw new CorruptDataException("not a zlib stream: " + e.getMessage());
        }
    }
}
