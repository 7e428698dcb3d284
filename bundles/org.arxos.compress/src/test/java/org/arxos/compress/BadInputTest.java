package org.arxos.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

import org.arxos.api.compress.CompressionLimitException;
import org.arxos.api.compress.CorruptDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Frames made to deceive: each is refused with an error that names the problem, within bounded memory. */
class BadInputTest {

    private static final byte[] TEXT = Samples.text(3000, 20);

    @Test
    void wrongMagic() {
        byte[] frame = Frames.encode(TEXT, Encoding.of(Algorithm.ZSTD));
        frame[1] = 'B';
        assertMessage("wrong magic", () -> Frames.decode(frame, Decoding.DEFAULT));
        assertMessage("wrong magic", () -> Frames.decode("just some text".getBytes(), Decoding.DEFAULT));
    }

    @Test
    void wrongFormatVersion() {
        byte[] frame = Frames.encode(TEXT, Encoding.of(Algorithm.ZSTD));
        frame[4] = 2;
        assertMessage("unsupported frame format version 2", () -> Frames.decode(frame, Decoding.DEFAULT));
    }

    @Test
    void unknownAlgorithmId() {
        byte[] frame = new FrameBuilder().header(1, 9, 0, TEXT.length)
                .block(FrameFormat.STORED, TEXT.length, -1, TEXT, TEXT).end(TEXT.length, TEXT).bytes();
        assertMessage("unknown compression algorithm id 9", () -> Frames.decode(frame, Decoding.DEFAULT));
    }

    @Test
    void headerDeclaringLessThanTheFrameHolds() {
        byte[] frame = new FrameBuilder().header(1, Algorithm.STORED.id(), 0, TEXT.length - 1)
                .block(FrameFormat.STORED, TEXT.length, -1, TEXT, TEXT).end(TEXT.length, TEXT).bytes();
        assertMessage("more than the 2999 bytes its header declares", () -> Frames.decode(frame, Decoding.DEFAULT));
    }

    @Test
    void headerDeclaringMoreThanTheFrameHolds() {
        byte[] frame = new FrameBuilder().header(1, Algorithm.STORED.id(), 0, TEXT.length + 1)
                .block(FrameFormat.STORED, TEXT.length, -1, TEXT, TEXT).end(TEXT.length, TEXT).bytes();
        assertMessage("holds 3000 bytes but its header declares 3001", () -> Frames.decode(frame, Decoding.DEFAULT));
    }

    @Test
    void endRecordDeclaringAnotherTotal() {
        byte[] frame = new FrameBuilder().header(1, Algorithm.STORED.id(), 0, -1)
                .block(FrameFormat.STORED, TEXT.length, -1, TEXT, TEXT).end(TEXT.length + 5, TEXT).bytes();
        assertMessage("its end record says 3005", () -> Frames.decode(frame, Decoding.DEFAULT));
    }

    @Test
    void blockDeclaringMoreThanItDecodesTo() throws IOException {
        byte[] coded = codedBlock(TEXT);
        byte[] longer = Arrays.copyOf(TEXT, TEXT.length + 100);
        byte[] frame = new FrameBuilder().header(1, Algorithm.ZSTD.id(), 3, -1)
                .block(FrameFormat.CODED, longer.length, coded.length, longer, coded).end(longer.length, longer)
                .bytes();
        assertMessage("decodes to 3000 bytes, not 3100", () -> Frames.decode(frame, Decoding.DEFAULT));
    }

    @Test
    void blockDeclaringLessThanItDecodesTo() throws IOException {
        byte[] coded = codedBlock(TEXT);
        byte[] shorter = Arrays.copyOf(TEXT, TEXT.length - 100);
        byte[] frame = new FrameBuilder().header(1, Algorithm.ZSTD.id(), 3, -1)
                .block(FrameFormat.CODED, shorter.length, coded.length, shorter, coded).end(shorter.length, shorter)
                .bytes();
        assertMessage("zstd block is malformed", () -> Frames.decode(frame, Decoding.DEFAULT));
    }

    @Test
    void emptyBlocksAndUnknownRecordsAreRefused() {
        byte[] empty = new FrameBuilder().header(1, Algorithm.STORED.id(), 0, -1)
                .block(FrameFormat.STORED, 0, -1, new byte[0], new byte[0]).end(0, new byte[0]).bytes();
        assertMessage("empty block", () -> Frames.decode(empty, Decoding.DEFAULT));
        byte[] unknown = new FrameBuilder().header(1, Algorithm.STORED.id(), 0, -1).bytes();
        byte[] withRecord = Arrays.copyOf(unknown, unknown.length + 1);
        withRecord[unknown.length] = 7;
        assertMessage("unknown record type 7", () -> Frames.decode(withRecord, Decoding.DEFAULT));
    }

    @Test
    void bytesAfterTheFrame() {
        byte[] frame = Frames.encode(TEXT, Encoding.of(Algorithm.DEFLATE));
        byte[] longer = Arrays.copyOf(frame, frame.length + 1);
        assertMessage("bytes follow the frame", () -> Frames.decode(longer, Decoding.DEFAULT));
    }

    @Test
    void missingOrWrongDictionaryIsNamed() throws IOException {
        byte[] dictionary = Samples.text(5000, 21);
        byte[] frame = Frames.encode(TEXT, Encoding.of(Algorithm.ZSTD).withDictionary(dictionary));
        assertMessage("written with a dictionary", () -> Frames.decode(frame, Decoding.DEFAULT));
        assertMessage("wrong dictionary",
                () -> Frames.decode(frame, Decoding.DEFAULT.withDictionary(Samples.text(5000, 22))));
        assertArrayEquals(TEXT, Frames.decode(frame, Decoding.DEFAULT.withDictionary(dictionary)));
        byte[] delta = Frames.encode(TEXT, Encoding.of(Algorithm.ZSTD).withReference(dictionary));
        assertMessage("written with a reference", () -> Frames.decode(delta, Decoding.DEFAULT));
    }

    @Test
    void aDecompressionBombIsRefusedByRatioWithinBoundedMemory() throws IOException {
        // 64 MiB of zeros in 1 MiB blocks: each zstd block is a few dozen bytes
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (FrameOutputStream out = new FrameOutputStream(bomb, Encoding.of(Algorithm.ZSTD, 19))) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
        }
        assertTrue(bomb.size() < 10_000, "bomb of " + bomb.size());
        FrameLimits limits = new FrameLimits(1L << 30, 1000, 1 << 20);
        CountingOutput out = new CountingOutput();
        long allocated = allocatedBy(() -> {
            CompressionLimitException e = assertThrows(CompressionLimitException.class,
                    () -> Frames.decode(new ByteArrayInputStream(bomb.toByteArray()), out, Decoding.of(limits)));
            assertEquals("maxExpansionRatio", e.limit());
        });
        assertTrue(out.count <= FrameLimits.RATIO_GRACE + limits.maxBlockSize(), "let out " + out.count);
        // one block decoded, one coded, and the codec's state: never the 64 MiB the frame claims
        assertTrue(allocated < 4L * limits.maxBlockSize(), "allocated " + allocated);
    }

    @Test
    void aBlockPastTheBlockLimitIsRefusedBeforeItsMemoryIsAllocated() {
        byte[] frame = Frames.encode(Samples.random(2 << 20, 23), Encoding.of(Algorithm.STORED).withBlockSize(2 << 20));
        FrameLimits limits = new FrameLimits(1L << 30, 1000, 64 << 10);
        long allocated = allocatedBy(() -> {
            CompressionLimitException e = assertThrows(CompressionLimitException.class,
                    () -> Frames.decode(new ByteArrayInputStream(frame), new CountingOutput(), Decoding.of(limits)));
            assertEquals("maxBlockSize", e.limit());
        });
        assertTrue(allocated < 256 << 10, "allocated " + allocated);
    }

    @Test
    void aBlockClaimingAHugeOriginalIsRefusedByRatioBeforeDecoding() {
        // a lying block: 1.5 GiB from 100 bytes, within a block limit as large as an array can be
        byte[] coded = new byte[100];
        byte[] frame = new FrameBuilder().header(1, Algorithm.ZSTD.id(), 3, -1)
                .block(FrameFormat.CODED, 3L << 29, coded.length, new byte[0], coded).bytes();
        FrameLimits limits = new FrameLimits(Long.MAX_VALUE, 1000, Integer.MAX_VALUE);
        long allocated = allocatedBy(() -> {
            CompressionLimitException e = assertThrows(CompressionLimitException.class,
                    () -> Frames.decode(frame, Decoding.of(limits)));
            assertEquals("maxExpansionRatio", e.limit());
        });
        assertTrue(allocated < 256 << 10, "allocated " + allocated);
    }

    @Test
    void contentPastTheOriginalLimitIsRefused() {
        byte[] original = Samples.text(3 << 20, 24);
        FrameLimits limits = new FrameLimits(2 << 20, 1000, 1 << 20);
        byte[] declared = Frames.encode(original, Encoding.of(Algorithm.ZSTD));
        CompressionLimitException early = assertThrows(CompressionLimitException.class,
                () -> Frames.decode(declared, Decoding.of(limits)));
        assertEquals("maxOriginalSize", early.limit());
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        assertDoesEncode(original, streamed);
        CompressionLimitException late = assertThrows(CompressionLimitException.class,
                () -> Frames.decode(streamed.toByteArray(), Decoding.of(limits)));
        assertEquals("maxOriginalSize", late.limit());
    }

    @Test
    void aWriterThatBreaksItsDeclaredLengthLeavesNoValidFrame() throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        FrameOutputStream out = new FrameOutputStream(frame, Encoding.of(Algorithm.ZSTD), 10);
        out.write(TEXT, 0, 5);
        IOException e = assertThrows(IOException.class, out::close);
        assertTrue(e.getMessage().contains("declared 10 bytes but 5"), e.getMessage());
        assertMessage("truncated", () -> Frames.decode(frame.toByteArray(), Decoding.DEFAULT));
    }

    @Test
    void encodingsRefuseWhatTheirCodecCannotDo() {
        assertThrows(IllegalArgumentException.class, () -> Encoding.of(Algorithm.ZSTD, 23));
        assertThrows(IllegalArgumentException.class, () -> Encoding.of(Algorithm.BZIP2).withDictionary(TEXT));
        assertThrows(IllegalArgumentException.class, () -> Encoding.of(Algorithm.XZ).withReference(TEXT));
        assertThrows(IllegalArgumentException.class,
                () -> Encoding.of(Algorithm.ZSTD).withDictionary(TEXT).withReference(TEXT));
        assertThrows(IllegalArgumentException.class, () -> new FrameLimits(10, 0, 10));
    }

    private static void assertDoesEncode(byte[] original, ByteArrayOutputStream frame) {
        try {
            Frames.encode(new ByteArrayInputStream(original), frame, Encoding.of(Algorithm.ZSTD));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A zstd block as the codec writes it, taken from a one-block frame. */
    private static byte[] codedBlock(byte[] original) throws IOException {
        ByteArrayInputStream frame = new ByteArrayInputStream(Frames.encode(original, Encoding.of(Algorithm.ZSTD)));
        frame.skip(8); // magic, version, algorithm, level, flags
        readVarint(frame); // declared length
        frame.skip(4 + 1); // header CRC, block tag
        readVarint(frame); // original length
        long codedLength = readVarint(frame);
        frame.skip(8); // CRCs of the original and of the record
        return frame.readNBytes((int) codedLength);
    }

    private static long readVarint(InputStream in) throws IOException {
        long value = 0;
        for (int shift = 0;; shift += 7) {
            int b = in.read();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }

    private static void assertMessage(String expected, Executable decoding) {
        CorruptDataException e = assertThrows(CorruptDataException.class, decoding);
        assertTrue(e.getMessage().contains(expected), "'" + e.getMessage() + "' does not say '" + expected + "'");
    }

    private static long allocatedBy(Runnable work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        work.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    private static final class CountingOutput extends java.io.OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
