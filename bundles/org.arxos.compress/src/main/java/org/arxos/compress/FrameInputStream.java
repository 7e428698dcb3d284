package org.arxos.compress;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.zip.CRC32C;

import org.arxos.api.compress.CompressionLimitException;
import org.arxos.api.compress.CorruptDataException;
import org.arxos.compress.internal.BlockCodec;

/**
 * Reads one frame ({@link FrameFormat}) and yields its original bytes. A block is yielded only after its record and
 * its decoded bytes have passed their checksums and the record after it has passed its own: for the last block that
 * is the end record, which confirms the total length and the checksum of the whole. So every byte read is right, end
 * of stream means the whole frame was verified, and a frame of one block yields nothing unless it is intact. Holds
 * at most one block decoded and the next one coded. Corruption, truncation and a wrong
 * dictionary throw {@link CorruptDataException}; lengths past the {@link FrameLimits} throw
 * {@link CompressionLimitException} before memory is allocated for them. Reads nothing past the end record. Not
 * thread-safe.
 */
public final class FrameInputStream extends InputStream {

    private final InputStream source;
    private final RecordInput in;
    private final Decoding decoding;
    private final CRC32C wholeCrc = new CRC32C();
    private FrameHeader header;
    private BlockCodec codec;
    /** The length of the dictionary or reference: content a frame may repeat without being a bomb. */
    private long presetLength;
    private byte[] block = new byte[0];
    /** The coded (or stored) bytes of the block read ahead. */
    private byte[] payload = new byte[0];
    /** The decoded block being handed out: {@code position..length} of {@link #block} remain. */
    private int position;
    private int length;
    /** The type of the record after the block being handed out, read ahead and checked; -1 before the first. */
    private int nextTag = -1;
    private int nextOriginalLength;
    private int nextCodedLength;
    private int nextOriginalCrc;
    private long total;
    private boolean ended;
    private boolean closed;

    public FrameInputStream(InputStream in, Decoding decoding) {
        this.source = Objects.requireNonNull(in, "in");
        this.in = new RecordInput(in);
        this.decoding = Objects.requireNonNull(decoding, "decoding");
    }

    /** Reads and checks the header, if not done yet. */
    public FrameHeader header() throws IOException {
        if (header == null) {
            header = readHeader();
        }
        return header;
    }

    private FrameHeader readHeader() throws IOException {
        in.startRecord();
        for (byte expected : FrameFormat.MAGIC) {
            if ((byte) in.readByte() != expected) {
                throw new CorruptDataException("not an Arxos frame: wrong magic");
            }
        }
        int version = in.readByte();
        if (version != FrameFormat.VERSION) {
            throw new CorruptDataException("unsupported frame format version " + version + " (this reader knows "
                    + FrameFormat.VERSION + ")");
        }
        int algorithmId = in.readByte();
        int level = (byte) in.readByte();
        int flags = in.readByte();
        Integer dictionaryId = (flags & FrameFormat.FLAG_DICTIONARY) != 0 ? in.readInt() : null;
        Integer referenceId = (flags & FrameFormat.FLAG_REFERENCE) != 0 ? in.readInt() : null;
        long declared = in.readVarint("original length") - 1;
        in.checkRecordCrc("header");
        if (flags == (FrameFormat.FLAG_DICTIONARY | FrameFormat.FLAG_REFERENCE)) {
            throw new CorruptDataException("frame header claims both a dictionary and a reference");
        }
        if ((flags & ~(FrameFormat.FLAG_DICTIONARY | FrameFormat.FLAG_REFERENCE)) != 0) {
            throw new CorruptDataException("frame header has unknown flags " + Integer.toHexString(flags));
        }
        Algorithm algorithm = Algorithm.ofId(algorithmId);
        if (level < algorithm.minLevel() || level > algorithm.maxLevel()) {
            throw new CorruptDataException("frame level " + level + " is outside " + algorithm + "'s levels");
        }
        FrameLimits limits = decoding.limits();
        if (declared > limits.maxOriginalSize()) {
            throw new CompressionLimitException("maxOriginalSize", "frame declares " + declared
                    + " bytes, more than the limit of " + limits.maxOriginalSize());
        }
        byte[] dictionary = presetFor("dictionary", dictionaryId, decoding.dictionary());
        byte[] reference = presetFor("reference", referenceId, decoding.reference());
        presetLength = (dictionary != null ? dictionary.length : 0) + (reference != null ? reference.length : 0);
        codec = BlockCodec.open(algorithm, level, dictionary != null ? dictionary : reference, reference != null,
                limits.maxBlockSize());
        return new FrameHeader(algorithm, level, declared >= 0 ? OptionalLong.of(declared) : OptionalLong.empty(),
                dictionaryId, referenceId);
    }

    private static byte[] presetFor(String kind, Integer id, byte[] given) throws CorruptDataException {
        if (id == null) {
            return null;
        }
        if (given == null) {
            throw new CorruptDataException(String.format("frame was written with a %s (id %08x) and none was given",
                    kind, id));
        }
        int actual = FrameFormat.crc(given);
        if (actual != id) {
            throw new CorruptDataException(String.format("wrong %s: the frame needs id %08x, the given one is %08x",
                    kind, id, actual));
        }
        return given;
    }

    @Override
    public int read() throws IOException {
        return ready() ? block[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] target, int offset, int count) throws IOException {
        Objects.checkFromIndexSize(offset, count, target.length);
        if (count == 0) {
            return 0;
        }
        if (!ready()) {
            return -1;
        }
        int n = Math.min(count, length - position);
        System.arraycopy(block, position, target, offset, n);
        position += n;
        return n;
    }

    /** Whether a verified byte is waiting, decoding the next block when the current one is used up. */
    private boolean ready() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        while (position == length) {
            if (!advance()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int available() {
        return length - position;
    }

    /** Makes the next verified block available; false at the verified end. */
    private boolean advance() throws IOException {
        header();
        if (ended) {
            return false;
        }
        if (nextTag < 0) {
            readRecord();
        }
        if (nextTag == FrameFormat.END) {
            ended = true;
            closeCodec();
            return false;
        }
        decodeNext();
        // the block is handed out only once the record after it has passed its checksum (or, after the last
        // block, once the end record has confirmed the whole)
        readRecord();
        position = 0;
        return true;
    }

    /** Reads the next record: a block's fields and coded bytes, checked but not yet decoded, or the end record. */
    private void readRecord() throws IOException {
        in.startRecord();
        nextTag = in.readByte();
        switch (nextTag) {
            case FrameFormat.END -> readEnd();
            case FrameFormat.CODED, FrameFormat.STORED -> readBlock();
            default -> throw new CorruptDataException("frame has an unknown record type " + nextTag);
        }
    }

    private void readBlock() throws IOException {
        FrameLimits limits = decoding.limits();
        long originalLength = in.readVarint("block length");
        if (originalLength == 0) {
            throw new CorruptDataException("frame has an empty block");
        }
        if (originalLength > limits.maxBlockSize()) {
            throw new CompressionLimitException("maxBlockSize", "frame block of " + originalLength
                    + " bytes is larger than the limit of " + limits.maxBlockSize());
        }
        long codedLength = nextTag == FrameFormat.CODED ? in.readVarint("coded block length") : originalLength;
        if (nextTag == FrameFormat.CODED && codedLength >= originalLength) {
            throw new CorruptDataException("frame has a coded block no smaller than its original");
        }
        if (nextTag == FrameFormat.CODED && codec == null) {
            throw new CorruptDataException("frame of stored blocks has a coded block");
        }
        nextOriginalCrc = in.readInt();
        int recordCrc = in.readUncheckedInt();
        long after = total + originalLength;
        if (after > limits.maxOriginalSize()) {
            throw new CompressionLimitException("maxOriginalSize", "frame decodes to more than the limit of "
                    + limits.maxOriginalSize() + " bytes");
        }
        if (header.originalLength().isPresent() && after > header.originalLength().getAsLong()) {
            throw new CorruptDataException("frame holds more than the " + header.originalLength().getAsLong()
                    + " bytes its header declares");
        }
        long compressed = in.consumed() + codedLength + presetLength;
        if (after > FrameLimits.RATIO_GRACE && after > compressed * limits.maxExpansionRatio()) {
            throw new CompressionLimitException("maxExpansionRatio", "frame expands more than "
                    + limits.maxExpansionRatio() + " times (" + after + " bytes from " + compressed + ")");
        }
        if (payload.length < codedLength) {
            payload = new byte[(int) codedLength];
        }
        in.readFully(payload, (int) codedLength);
        if (in.crc() != recordCrc) {
            throw new CorruptDataException("frame block fails its checksum");
        }
        nextOriginalLength = (int) originalLength;
        nextCodedLength = (int) codedLength;
    }

    /** Turns the block read ahead into the block handed out, checking its decoded bytes. */
    private void decodeNext() throws IOException {
        int original = nextOriginalLength;
        if (nextTag == FrameFormat.STORED) {
            byte[] stored = payload;
            payload = block;
            block = stored;
        } else {
            if (block.length < original) {
                block = new byte[original];
            }
            codec.decode(payload, nextCodedLength, block, original);
        }
        CRC32C crc = new CRC32C();
        crc.update(block, 0, original);
        if ((int) crc.getValue() != nextOriginalCrc) {
            throw new CorruptDataException("frame block decodes to bytes that fail their checksum");
        }
        wholeCrc.update(block, 0, original);
        total += original;
        length = original;
    }

    private void readEnd() throws IOException {
        long declaredTotal = in.readVarint("total length");
        int declaredCrc = in.readInt();
        in.checkRecordCrc("end record");
        if (declaredTotal != total) {
            throw new CorruptDataException("frame ends after " + total + " bytes but its end record says "
                    + declaredTotal);
        }
        if (header.originalLength().isPresent() && header.originalLength().getAsLong() != total) {
            throw new CorruptDataException("frame holds " + total + " bytes but its header declares "
                    + header.originalLength().getAsLong());
        }
        if ((int) wholeCrc.getValue() != declaredCrc) {
            throw new CorruptDataException("frame content fails its checksum");
        }
    }

    private void closeCodec() {
        if (codec != null) {
            codec.close();
            codec = null;
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            closeCodec();
            source.close();
        }
    }
}
