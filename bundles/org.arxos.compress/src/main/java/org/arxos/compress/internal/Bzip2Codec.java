package org.arxos.compress.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/** bzip2 through commons-compress; a single stream per block, its level the bzip2 block size in 100 kB. */
final class Bzip2Codec extends StreamCodec {

    private final int level;

    Bzip2Codec(int level) {
        super("bzip2");
        this.level = level;
    }

    @Override
    OutputStream encoder(OutputStream out, int length) throws IOException {
        return new BZip2CompressorOutputStream(out, level);
    }

    @Override
    InputStream decoder(InputStream in, int originalLength) throws IOException {
        return new BZip2CompressorInputStream(in, false);
    }
}
