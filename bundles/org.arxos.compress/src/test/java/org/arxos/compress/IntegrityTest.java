package org.arxos.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.arxos.api.compress.CorruptDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every change to a small frame (each bit of each byte, and each byte inverted) and every truncation is detected,
 * and no byte of the original comes out; in a large frame random changes are detected and only a correct prefix of
 * the original comes out before the error.
 */
class IntegrityTest {

    private static final byte[] DICTIONARY = Samples.text(2_000, 11);

    static Stream<Arguments> smallFrames() {
        byte[] text = Samples.text(700, 10);
        Decoding plain = Decoding.DEFAULT;
        return Stream.of(
                Arguments.of("stored", Frames.encode(text, Encoding.of(Algorithm.STORED)), plain),
                Arguments.of("deflate", Frames.encode(text, Encoding.of(Algorithm.DEFLATE)), plain),
                Arguments.of("zstd", Frames.encode(text, Encoding.of(Algorithm.ZSTD)), plain),
                Arguments.of("xz", Frames.encode(text, Encoding.of(Algorithm.XZ)), plain),
                Arguments.of("bzip2", Frames.encode(text, Encoding.of(Algorithm.BZIP2)), plain),
                Arguments.of("zstd with dictionary",
                        Frames.encode(text, Encoding.of(Algorithm.ZSTD).withDictionary(DICTIONARY)),
                        plain.withDictionary(DICTIONARY)),
                Arguments.of("empty", Frames.encode(new byte[0], Encoding.of(Algorithm.ZSTD)), plain),
                Arguments.of("one byte", Frames.encode(new byte[] {7}, Encoding.of(Algorithm.DEFLATE)), plain));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smallFrames")
    void everyChangedByteIsDetectedAndNothingComesOut(String name, byte[] frame, Decoding decoding) throws Exception {
        assertDecodes(frame, decoding);
        int cases = 0;
        for (int position = 0; position < frame.length; position++) {
            for (int mask : new int[] {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0xFF}) {
                byte[] corrupted = frame.clone();
                corrupted[position] ^= (byte) mask;
                assertRefusedWithoutOutput(corrupted, decoding, name + " with byte " + position + " ^ " + mask);
                cases++;
            }
        }
        assertEquals(frame.length * 9, cases);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smallFrames")
    void everyTruncationIsDetectedAndNothingComesOut(String name, byte[] frame, Decoding decoding) {
        for (int length = 0; length < frame.length; length++) {
            assertRefusedWithoutOutput(Arrays.copyOf(frame, length), decoding, name + " cut to " + length);
        }
    }

    @Test
    void changesToAFrameOfSeveralBlocksLetOnlyVerifiedBlocksOut() throws Exception {
        byte[] original = Samples.text(700, 10);
        byte[] frame = Frames.encode(original, Encoding.of(Algorithm.ZSTD).withBlockSize(256));
        int atMostTwoBlocks = 0;
        for (int position = 0; position < frame.length; position++) {
            byte[] corrupted = frame.clone();
            corrupted[position] ^= (byte) 0x10;
            atMostTwoBlocks = Math.max(atMostTwoBlocks,
                    assertRefusedAfterPrefix(corrupted, original, "byte " + position + " changed"));
        }
        for (int length = 0; length < frame.length; length++) {
            atMostTwoBlocks = Math.max(atMostTwoBlocks,
                    assertRefusedAfterPrefix(Arrays.copyOf(frame, length), original, "cut to " + length));
        }
        // the last block waits for the end record, so at most the first two come out
        assertEquals(512, atMostTwoBlocks);
    }

    @Test
    void randomChangesToALargeFrameAreDetectedAfterOnlyCorrectBytes() throws Exception {
        byte[] original = Samples.mixed(6_000_000, 12);
        for (Encoding encoding : List.of(Encoding.of(Algorithm.ZSTD), Encoding.of(Algorithm.DEFLATE, 1))) {
            byte[] frame = Frames.encode(original, encoding.withBlockSize(1 << 20));
            assertDecodes(frame, Decoding.DEFAULT);
            Random random = new Random(13);
            for (int i = 0; i < 150; i++) {
                byte[] corrupted = frame.clone();
                int position = random.nextInt(frame.length);
                corrupted[position] ^= (byte) (1 + random.nextInt(255));
                assertRefusedAfterPrefix(corrupted, original, encoding + " with byte " + position + " changed");
            }
            for (int i = 0; i < 30; i++) {
                int length = random.nextInt(frame.length);
                assertRefusedAfterPrefix(Arrays.copyOf(frame, length), original, encoding + " cut to " + length);
            }
        }
    }

    private static void assertDecodes(byte[] frame, Decoding decoding) throws Exception {
        assertTrue(Frames.decode(frame, decoding).length >= 0);
    }

    private static void assertRefusedWithoutOutput(byte[] frame, Decoding decoding, String what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(CorruptDataException.class, () -> Frames.decode(new ByteArrayInputStream(frame), out, decoding),
                what);
        assertEquals(0, out.size(), what + " let bytes out");
    }

    /** @return the length of the prefix that came out */
    private static int assertRefusedAfterPrefix(byte[] frame, byte[] original, String what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(CorruptDataException.class,
                () -> Frames.decode(new ByteArrayInputStream(frame), out, Decoding.DEFAULT), what);
        byte[] prefix = out.toByteArray();
        assertArrayEquals(Arrays.copyOf(original, prefix.length), prefix, what + " let wrong bytes out");
        assertTrue(prefix.length < original.length, what);
        return prefix.length;
    }
}
