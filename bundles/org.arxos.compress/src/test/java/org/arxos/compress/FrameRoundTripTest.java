package org.arxos.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class FrameRoundTripTest {

    /** Every algorithm at its lowest, default and highest level. */
    static Stream<Arguments> levels() {
        List<Arguments> levels = new ArrayList<>();
        for (Algorithm algorithm : Algorithm.values()) {
            for (int level : new int[] {algorithm.minLevel(), algorithm.defaultLevel(), algorithm.maxLevel()}) {
                levels.add(Arguments.of(algorithm, level));
            }
        }
        return levels.stream().distinct();
    }

    @ParameterizedTest(name = "{0} level {1}")
    @MethodSource("levels")
    void smallContentComesBackAtEveryLevel(Algorithm algorithm, int level) throws IOException {
        Encoding encoding = Encoding.of(algorithm, level);
        for (byte[] original : List.of(new byte[0], new byte[] {42}, Samples.text(20_000, 1),
                Samples.random(5_000, 2))) {
            byte[] frame = Frames.encode(original, encoding);
            assertArrayEquals(original, Frames.decode(frame, Decoding.DEFAULT), encoding + " of " + original.length);
        }
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void largeContentOfSeveralBlocksComesBackThroughStreams(Algorithm algorithm) throws IOException {
        byte[] original = Samples.mixed(2_000_000, 3);
        Encoding encoding = Encoding.of(algorithm).withBlockSize(512 << 10);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        try (FrameOutputStream out = new FrameOutputStream(frame, encoding)) {
            writeInOddChunks(original, out);
        }
        byte[] decoded = readInOddChunks(new FrameInputStream(new ByteArrayInputStream(frame.toByteArray()),
                Decoding.DEFAULT));
        assertArrayEquals(original, decoded);
        if (algorithm != Algorithm.STORED) {
            assertTrue(frame.size() < original.length * 0.8, algorithm + " coded " + frame.size());
        }
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void incompressibleBlocksAreStoredWithLittleOverhead(Algorithm algorithm) throws IOException {
        byte[] original = Samples.random(1_200_000, 4);
        byte[] frame = Frames.encode(original, Encoding.of(algorithm).withBlockSize(512 << 10));
        // three stored blocks: the header, three record heads and the end record
        assertTrue(frame.length <= original.length + 80, "overhead " + (frame.length - original.length));
        assertArrayEquals(original, Frames.decode(frame, Decoding.DEFAULT));
    }

    @Test
    void theHeaderTellsWhatTheFrameIs() throws IOException {
        byte[] frame = Frames.encode(Samples.text(1000, 5), Encoding.of(Algorithm.XZ, 7));
        FrameHeader header = new FrameInputStream(new ByteArrayInputStream(frame), Decoding.DEFAULT).header();
        assertEquals(Algorithm.XZ, header.algorithm());
        assertEquals(7, header.level());
        assertEquals(1000, header.originalLength().getAsLong());
        assertTrue(Frames.isFrame(frame));
    }

    @Test
    void aStreamedFrameOfUnknownLengthSaysSo() throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        Frames.encode(new ByteArrayInputStream(Samples.text(70_000, 6)), frame, Encoding.of(Algorithm.ZSTD));
        FrameInputStream in = new FrameInputStream(new ByteArrayInputStream(frame.toByteArray()), Decoding.DEFAULT);
        assertTrue(in.header().originalLength().isEmpty());
        assertArrayEquals(Samples.text(70_000, 6), in.readAllBytes());
    }

    private static void writeInOddChunks(byte[] original, FrameOutputStream out) throws IOException {
        Random random = new Random(7);
        int at = 0;
        while (at < original.length) {
            int n = Math.min(original.length - at, random.nextInt(3) == 0 ? 1 : random.nextInt(300_000));
            if (n == 1) {
                out.write(original[at]);
            } else {
                out.write(original, at, n);
            }
            at += n;
        }
    }

    private static byte[] readInOddChunks(FrameInputStream in) throws IOException {
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        Random random = new Random(8);
        byte[] buffer = new byte[100_000];
        while (true) {
            if (random.nextInt(4) == 0) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                decoded.write(b);
            } else {
                int n = in.read(buffer, 0, 1 + random.nextInt(buffer.length - 1));
                if (n < 0) {
                    break;
                }
                decoded.write(buffer, 0, n);
            }
        }
        return decoded.toByteArray();
    }
}
