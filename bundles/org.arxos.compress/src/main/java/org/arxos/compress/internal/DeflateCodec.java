package org.arxos.compress.internal;

import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.arxos.api.compress.CorruptDataException;

/** Raw deflate (no zlib or gzip wrapper: the frame checks the bytes) with an optional preset dictionary. */
final class DeflateCodec implements BlockCodec {

    private final int level;
    private final byte[] dictionary;
    private Deflater deflater;
    private Inflater inflater;

    DeflateCodec(int level, byte[] dictionary) {
        this.level = level;
        this.dictionary = dictionary;
    }

    @Override
    public int encode(byte[] source, int length, byte[] target, int limit) {
        if (deflater == null) {
            deflater = new Deflater(level, true);
        } else {
            deflater.reset();
        }
        if (dictionary != null) {
            deflater.setDictionary(dictionary);
        }
        deflater.setInput(source, 0, length);
        deflater.finish();
        int written = 0;
        while (!deflater.finished()) {
            if (written == limit) {
                return -1;
            }
            written += deflater.deflate(target, written, limit - written);
        }
        return written;
    }

    @Override
    public void decode(byte[] source, int length, byte[] target, int originalLength) throws CorruptDataException {
        if (inflater == null) {
            inflater = new Inflater(true);
        } else {
            inflater.reset();
        }
        if (dictionary != null) {
            inflater.setDictionary(dictionary);
        }
        inflater.setInput(source, 0, length);
        try {
            int read = 0;
            while (read < originalLength && !inflater.finished()) {
                int n = inflater.inflate(target, read, originalLength - read);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                read += n;
            }
            if (read < originalLength) {
                throw new CorruptDataException("deflate block decodes to " + read + " bytes, not " + originalLength);
            }
            if (!inflater.finished()) {
                byte[] beyond = new byte[1];
                if (inflater.inflate(beyond) > 0) {
                    throw new CorruptDataException("deflate block decodes to more than " + originalLength + " bytes");
                }
            }
            if (!inflater.finished() || inflater.getRemaining() > 0) {
                throw new CorruptDataException("deflate block does not end where its record does");
            }
        } catch (DataFormatException e) {
            throw new CorruptDataException("deflate block is malformed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (deflater != null) {
            deflater.end();
        }
        if (inflater != null) {
            inflater.end();
        }
    }
}
