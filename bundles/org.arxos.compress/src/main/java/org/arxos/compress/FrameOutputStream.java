package org.arxos.compress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.CRC32C;

import org.arxos.compress.internal.BlockCodec;

/**
 * Writes one frame ({@link FrameFormat}): the content is cut into blocks of {@link Encoding#blockSize()}, each
 * coded on its own and stored as it is when coding does not shrink it. {@link #close()} (or {@link #finish()})
 * writes the end record; a frame without one is refused by every reader as truncated. Holds one block of
 * original and one of coded bytes. Not thread-safe.
 */
public final class FrameOutputStream extends OutputStream {

    private static final int FIRST_BUFFER = 64 << 10;

    private final OutputStream out;
    private final Encoding encoding;
    private final long declaredLength;
    private final BlockCodec codec;
    private final CRC32C wholeCrc = new CRC32C();
    private byte[] block;
    private byte[] coded;
    private int filled;
    private long total;
    private boolean finished;

    /** A frame whose length is not known in advance. */
    public FrameOutputStream(OutputStream out, Encoding encoding) throws IOException {
        this(out, encoding, -1);
    }

    /**
     * A frame that declares its original length in its header; {@link #finish()} fails when a different number of
     * bytes was written, leaving the frame without its end record.
     */
    public FrameOutputStream(OutputStream out, Encoding encoding, long originalLength) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        this.declaredLength = originalLength;
        byte[] preset = encoding.dictionary() != null ? encoding.dictionary() : encoding.reference();
        this.codec = BlockCodec.open(encoding.algorithm(), encoding.level(), preset, encoding.reference() != null,
                encoding.blockSize());
        int first = originalLength >= 0 ? (int) Math.min(Math.max(originalLength, 1), encoding.blockSize())
                : Math.min(FIRST_BUFFER, encoding.blockSize());
        this.block = new byte[first];
        writeHeader();
    }

    private void writeHeader() throws IOException {
        Record header = new Record();
        header.write(FrameFormat.MAGIC, 0, FrameFormat.MAGIC.length);
        header.write(FrameFormat.VERSION);
        header.write(encoding.algorithm().id());
        header.write(encoding.level());
        int flags = (encoding.dictionary() != null ? FrameFormat.FLAG_DICTIONARY : 0)
                | (encoding.reference() != null ? FrameFormat.FLAG_REFERENCE : 0);
        header.write(flags);
        if (encoding.dictionary() != null) {
            header.writeInt(FrameFormat.crc(encoding.dictionary()));
        }
        if (encoding.reference() != null) {
            header.writeInt(FrameFormat.crc(encoding.reference()));
        }
        header.writeVarint(declaredLength + 1);
        header.writeCrc();
        header.writeTo(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (finished) {
            throw new IOException("frame already finished");
        }
        wholeCrc.update(bytes, offset, length);
        while (length > 0) {
            if (filled == block.length) {
                if (filled == encoding.blockSize()) {
                    writeBlock();
                } else {
                    block = Arrays.copyOf(block, (int) Math.min(2L * block.length, encoding.blockSize()));
                }
            }
            int n = Math.min(length, block.length - filled);
            System.arraycopy(bytes, offset, block, filled, n);
            filled += n;
            offset += n;
            length -= n;
        }
    }

    private void writeBlock() throws IOException {
        total += filled;
        if (declaredLength >= 0 && total > declaredLength) {
            throw new IOException("more than the declared " + declaredLength + " bytes were written");
        }
        CRC32C crc = new CRC32C();
        crc.update(block, 0, filled);
        int codedLength = -1;
        if (codec != null) {
            if (coded == null || coded.length < filled - 1) {
                coded = new byte[block.length];
            }
            codedLength = codec.encode(block, filled, coded, filled - 1);
        }
        Record record = new Record();
        record.write(codedLength < 0 ? FrameFormat.STORED : FrameFormat.CODED);
        record.writeVarint(filled);
        if (codedLength >= 0) {
            record.writeVarint(codedLength);
        }
        record.writeInt((int) crc.getValue());
        byte[] payload = codedLength < 0 ? block : coded;
        int payloadLength = codedLength < 0 ? filled : codedLength;
        record.writeCrc(payload, payloadLength);
        record.writeTo(out);
        out.write(payload, 0, payloadLength);
        filled = 0;
    }

    /** Passes on a flush; it does not cut a block, so a frame's blocks stay the configured size. */
    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /**
     * Writes the last block and the end record without closing the underlying stream.
     *
     * @throws IOException when the frame declared another length than was written; no end record is written then
     */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        try {
            if (filled > 0) {
                writeBlock();
            }
            if (declaredLength >= 0 && total != declaredLength) {
                throw new IOException("the frame declared " + declaredLength + " bytes but " + total
                        + " were written");
            }
            Record end = new Record();
            end.write(FrameFormat.END);
            end.writeVarint(total);
            end.writeInt((int) wholeCrc.getValue());
            end.writeCrc();
            end.writeTo(out);
            out.flush();
        } finally {
            if (codec != null) {
                codec.close();
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            out.close();
        }
    }

    /** A record's fields, written together with the CRC that covers them. */
    private static final class Record extends ByteArrayOutputStream {

        Record() {
            super(32);
        }

        void writeInt(int value) {
            write(value >>> 24);
            write(value >>> 16);
            write(value >>> 8);
            write(value);
        }

        void writeVarint(long value) {
            while ((value & ~0x7FL) != 0) {
                write((int) (value & 0x7F) | 0x80);
                value >>>= 7;
            }
            write((int) value);
        }

        void writeCrc() {
            writeCrc(buf, 0);
        }

        /** The CRC of the fields so far and then of the payload that follows the record. */
        void writeCrc(byte[] payload, int payloadLength) {
            CRC32C crc = new CRC32C();
            crc.update(buf, 0, count);
            crc.update(payload, 0, payloadLength);
            writeInt((int) crc.getValue());
        }
    }
}
