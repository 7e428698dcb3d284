package org.arxos.compress.delta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.CorruptDataException;
import org.arxos.compress.delta.testing.EditSession;
import org.arxos.model.Revision;
import org.junit.jupiter.api.Test;

/** Damaged deltas never decode: every corruption and truncation fails with a {@link CorruptDataException}. */
class DeltaCorruptionTest {

    @Test
    void everyByteOfARevisionDeltaIsGuarded() throws Exception {
        RevisionDeltaCodec codec = new RevisionDeltaCodec();
        Revision base = RevisionDeltaCodecTest.building(13, 2_000);
        Revision target = base.apply(new EditSession(3).edit(base, 30));
        byte[] delta = codec.encode(base, target, CompressionLevel.BALANCED);
        for (int position = 0; position < delta.length; position++) {
            for (int flip : new int[] {0x01, 0x80, 0xFF}) {
                byte[] damaged = delta.clone();
                damaged[position] ^= (byte) flip;
                int at = position;
                assertThrows(CorruptDataException.class, () -> codec.decode(base, damaged),
                        () -> "flipping " + flip + " at " + at + " of " + delta.length);
            }
        }
        for (int length = 0; length < delta.length; length++) {
            byte[] truncated = Arrays.copyOf(delta, length);
            assertThrows(CorruptDataException.class, () -> codec.decode(base, truncated), "truncated to " + length);
        }
    }

    @Test
    void everyByteOfABinaryDeltaIsGuarded() throws Exception {
        BinaryDeltaCodec codec = new BinaryDeltaCodec();
        byte[] previous = "a plan of a floor, drawn and redrawn ".repeat(40).getBytes();
        byte[] next = (new String(previous) + " with a new wall").getBytes();
        byte[] delta = codec.encode(previous, next, CompressionLevel.MAX);
        assertArrayEquals(next, codec.decode(previous, delta));
        for (int position = 0; position < delta.length; position++) {
            byte[] damaged = delta.clone();
            damaged[position] ^= 0x5A;
            assertThrows(CorruptDataException.class, () -> codec.decode(previous, damaged), "at " + position);
        }
        for (int length = 0; length < delta.length; length++) {
            byte[] truncated = Arrays.copyOf(delta, length);
            assertThrows(CorruptDataException.class, () -> codec.decode(previous, truncated), "truncated to " + length);
        }
        CorruptDataException kind = assertThrows(CorruptDataException.class, () -> new RevisionDeltaCodec()
                .decode(Revision.EMPTY, delta));
        assertTrue(kind.getMessage().contains("binary"), kind.getMessage());
    }
}
