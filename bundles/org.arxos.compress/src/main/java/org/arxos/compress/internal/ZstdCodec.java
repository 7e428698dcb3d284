package org.arxos.compress.internal;

import java.io.IOException;

import org.arxos.api.compress.CorruptDataException;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdException;

/**
 * Zstandard frames without magic, checksum, content size or dictionary id: the Arxos frame records all four. A
 * preset is loaded as a zstd dictionary, which zstd takes as a trained dictionary when it starts with the dictionary
 * magic and as raw content otherwise, so a reference (an earlier version) works as a dictionary of raw content whose
 * matches a long window reaches.
 */
final class ZstdCodec implements BlockCodec {

    /** zstd's default cap on a decoder's window; a longer reference window would need every reader to raise it. */
    private static final int MAX_WINDOW_LOG = 27;
    private static final int MIN_WINDOW_LOG = 10;

    private final int level;
    private final byte[] preset;
    private final int referenceWindowLog;
    private ZstdCompressCtx compressor;
    private ZstdDictCompress compressDictionary;
    private ZstdDecompressCtx decompressor;
    private ZstdDictDecompress decompressDictionary;

    ZstdCodec(int level, byte[] preset, boolean isReference, int maxBlockSize) {
        this.level = level;
        this.preset = preset;
        this.referenceWindowLog = isReference ? windowLog((long) preset.length + maxBlockSize) : 0;
    }

    private static int windowLog(long span) {
        int log = 64 - Long.numberOfLeadingZeros(Math.max(span - 1, 1));
        return Math.max(MIN_WINDOW_LOG, Math.min(MAX_WINDOW_LOG, log));
    }

    @Override
    public int encode(byte[] source, int length, byte[] target, int limit) throws IOException {
        if (compressor == null) {
            compressor = new ZstdCompressCtx().setLevel(level).setMagicless(true).setChecksum(false)
                    .setContentSize(false).setDictID(false);
            if (referenceWindowLog > 0) {
                // The window only: long-distance matching against a loaded reference makes mid-level deltas far worse.
                compressor.setWindowLog(referenceWindowLog);
            }
            if (preset != null) {
                compressDictionary = new ZstdDictCompress(preset, level);
            }
        }
        if (compressDictionary != null) {
            compressor.loadDict(compressDictionary);
        }
        try {
            return compressor.compressByteArray(target, 0, limit, source, 0, length);
        } catch (ZstdException e) {
            if (e.getErrorCode() == Zstd.errDstSizeTooSmall()) {
                return -1;
            }
            throw new IOException("zstd could not code a block: " + e.getMessage(), e);
        }
    }

    @Override
    public void decode(byte[] source, int length, byte[] target, int originalLength) throws CorruptDataException {
        if (decompressor == null) {
            decompressor = new ZstdDecompressCtx().setMagicless(true);
            if (preset != null) {
                decompressDictionary = new ZstdDictDecompress(preset);
            }
        }
        if (decompressDictionary != null) {
            decompressor.loadDict(decompressDictionary);
        }
        int decoded;
        try {
            decoded = decompressor.decompressByteArray(target, 0, originalLength, source, 0, length);
        } catch (ZstdException e) {
            throw new CorruptDataException("zstd block is malformed: " + e.getMessage());
        }
        if (decoded != originalLength) {
            throw new CorruptDataException("zstd block decodes to " + decoded + " bytes, not " + originalLength);
        }
    }

    @Override
    public void close() {
        if (compressor != null) {
            compressor.close();
        }
        if (compressDictionary != null) {
            compressDictionary.close();
        }
        if (decompressor != null) {
            decompressor.close();
        }
        if (decompressDictionary != null) {
            decompressDictionary.close();
        }
    }
}
