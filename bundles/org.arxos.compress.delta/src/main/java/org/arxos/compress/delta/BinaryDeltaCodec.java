package org.arxos.compress.delta;

import java.util.HexFormat;
import java.util.zip.CRC32C;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.CorruptDataException;
import org.arxos.compress.Algorithm;
import org.arxos.compress.Decoding;
import org.arxos.compress.Encoding;
import org.arxos.compress.FrameLimits;
import org.arxos.compress.Frames;
import org.arxos.compress.bim.column.ByteSink;
import org.arxos.compress.bim.column.ByteSource;
import org.arxos.compress.bim.column.ColumnFrame;
import org.arxos.compress.bim.column.MalformedDataException;
import org.arxos.compress.delta.internal.DeltaFormat;

/**
 * Deltas of any bytes against their previous version: a zstd frame of {@code org.arxos.compress} with the previous
 * version as reference, so that what the versions share costs a few bytes per match. The delta starts with {@code
 * AXDL}, a version and its kind, then the previous version's length and CRC32C: decoding against other bytes fails
 * with a {@link WrongBaseException} before anything is decoded. Thread safe.
 */
public final class BinaryDeltaCodec {

    private static final int MAX_BLOCK = FrameLimits.DEFAULT.maxBlockSize();

    private final DeltaLimits limits;

    public BinaryDeltaCodec() {
        this(DeltaLimits.DEFAULTS);
    }

    public BinaryDeltaCodec(DeltaLimits limits) {
        this.limits = limits;
    }

    public byte[] encode(byte[] previous, byte[] next, CompressionLevel level) {
        ByteSink out = new ByteSink(next.length / 8 + 64);
        DeltaFormat.writeHeader(DeltaFormat.BINARY, out);
        out.writeVarInt(previous.length);
        out.writeLong(checksum(previous));
        Encoding encoding = Encoding.of(Algorithm.ZSTD, ColumnFrame.zstdLevel(level))
                .withBlockSize(Math.max(1, Math.min(next.length, MAX_BLOCK)));
        out.write(Frames.encode(next, previous.length > 0 ? encoding.withReference(previous) : encoding));
        return out.toByteArray();
    }

    /**
     * The bytes the delta makes of {@code previous}.
     *
     * @throws WrongBaseException   when the delta was made against other bytes
     * @throws CorruptDataException when the delta is damaged, or would decode to more than the limit
     */
    public byte[] decode(byte[] previous, byte[] delta) throws CorruptDataException {
        ByteSource in = new ByteSource("delta header", delta);
        if (DeltaFormat.readHeader(in) != DeltaFormat.BINARY) {
            throw new CorruptDataException("this is a delta between revisions, not a binary delta");
        }
        long length;
        long checksum;
        try {
            length = in.readVarLong();
            checksum = in.readLong();
        } catch (MalformedDataException e) {
            throw new CorruptDataException("not a valid delta: " + e.getMessage());
        }
        if (length != previous.length || checksum != checksum(previous)) {
            throw new WrongBaseException(describe(length, checksum), describe(previous.length, checksum(previous)));
        }
        Decoding decoding = ColumnFrame.decoding(limits.maxDecodedBytes());
        return ColumnFrame.decode(delta, in.position(),
                previous.length > 0 ? decoding.withReference(previous) : decoding);
    }

    private static long checksum(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }

    private static String describe(long length, long checksum) {
        return Long.toUnsignedString(length) + " bytes with CRC32C " + HexFormat.of().toHexDigits((int) checksum);
    }
}
