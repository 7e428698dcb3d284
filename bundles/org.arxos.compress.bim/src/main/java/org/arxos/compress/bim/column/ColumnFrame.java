package org.arxos.compress.bim.column;

import java.io.IOException;
import java.util.Arrays;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.CorruptDataException;
import org.arxos.compress.Algorithm;
import org.arxos.compress.Decoding;
import org.arxos.compress.Encoding;
import org.arxos.compress.FrameLimits;
import org.arxos.compress.Frames;

/**
 * Column data in a zstd frame of {@code org.arxos.compress}, which checks it with CRC32C: in one block up to the
 * largest block a default frame reader takes, so that zstd sees all of a column at once.
 */
public final class ColumnFrame {

    private static final int MAX_BLOCK = FrameLimits.DEFAULT.maxBlockSize();

    private ColumnFrame() {
    }

    /** The zstd level of a compression level; {@link CompressionLevel#LOSSY} is {@code MAX}: columns are lossless. */
    public static int zstdLevel(CompressionLevel level) {
        return switch (level) {
            case FAST -> 3;
            case BALANCED -> 9;
            case MAX, LOSSY -> 19;
        };
    }

    public static byte[] encode(byte[] columns, CompressionLevel level) {
        return encode(columns, level, null);
    }

    /**
     * @param dictionary a trained zstd dictionary the reader will have too, or {@code null}; the frame records its
     *                   CRC32C, so a reader with another one fails naming it
     */
    public static byte[] encode(byte[] columns, CompressionLevel level, byte[] dictionary) {
        Encoding encoding = Encoding.of(Algorithm.ZSTD, zstdLevel(level))
                .withBlockSize(Math.max(1, Math.min(columns.length, MAX_BLOCK)));
        return Frames.encode(columns, dictionary == null ? encoding : encoding.withDictionary(dictionary));
    }

    /** How a reader takes column frames that unpack to at most {@code maxBytes}. */
    public static Decoding decoding(long maxBytes) {
        return Decoding.of(new FrameLimits(maxBytes, FrameLimits.DEFAULT.maxExpansionRatio(), MAX_BLOCK));
    }

    /**
     * The columns of the frame that fills {@code data} from {@code offset} to its end.
     *
     * @throws CorruptDataException when the frame fails its checks or breaks the limits of {@code decoding}
     */
    public static byte[] decode(byte[] data, int offset, Decoding decoding) throws CorruptDataException {
        try {
            return Frames.decode(Arrays.copyOfRange(data, offset, data.length), decoding);
        } catch (CorruptDataException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory failed", e);
        }
    }
}
