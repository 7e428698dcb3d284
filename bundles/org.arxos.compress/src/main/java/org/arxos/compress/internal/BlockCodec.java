package org.arxos.compress.internal;

import java.io.IOException;

import org.arxos.api.compress.CorruptDataException;
import org.arxos.compress.Algorithm;

/**
 * Codes whole blocks of one frame. A codec may hold native or large state: {@link #close()} releases it. Not
 * thread-safe; one per frame.
 */
public interface BlockCodec extends AutoCloseable {

    /**
     * Codes {@code source[0, length)} into {@code target}.
     *
     * @return the coded length, or -1 when the coded block would be longer than {@code limit}
     */
    int encode(byte[] source, int length, byte[] target, int limit) throws IOException;

    /**
     * Decodes {@code source[0, length)} into exactly {@code target[0, originalLength)}.
     *
     * @throws CorruptDataException when the coded bytes are malformed or decode to another length
     */
    void decode(byte[] source, int length, byte[] target, int originalLength) throws IOException;

    @Override
    void close();

    /**
     * The codec of one frame.
     *
     * @param preset       the dictionary or reference the blocks are coded against, or {@code null}
     * @param isReference  whether the preset is an earlier version of the content (so a long window pays)
     * @param maxBlockSize the largest block the codec will see, which bounds its memory
     * @return {@code null} for {@link Algorithm#STORED}
     */
    static BlockCodec open(Algorithm algorithm, int level, byte[] preset, boolean isReference, int maxBlockSize) {
        return switch (algorithm) {
            case STORED -> null;
            case DEFLATE -> new DeflateCodec(level, preset);
            case ZSTD -> new ZstdCodec(level, preset, isReference, maxBlockSize);
            case XZ -> new XzCodec(level, preset);
            case BZIP2 -> new Bzip2Codec(level);
        };
    }
}
