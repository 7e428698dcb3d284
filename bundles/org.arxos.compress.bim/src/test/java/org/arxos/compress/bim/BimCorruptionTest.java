package org.arxos.compress.bim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.CompressionLimitException;
import org.arxos.api.compress.CorruptDataException;
import org.arxos.model.Revision;
import org.junit.jupiter.api.Test;

/** Damaged BIM data never decodes: every corruption and truncation fails with a {@link CorruptDataException}. */
class BimCorruptionTest {

    private final BimCodec codec = new BimCodec();

    @Test
    void everyByteOfASmallEncodingIsGuarded() throws Exception {
        byte[] encoded = codec.encode(TestBuildings.generated(5, 300), CompressionLevel.BALANCED);
        for (int position = 0; position < encoded.length; position++) {
            for (int flip : new int[] {0x01, 0x80, 0xFF}) {
                byte[] damaged = encoded.clone();
                damaged[position] ^= (byte) flip;
                int at = position;
                assertThrows(CorruptDataException.class, () -> codec.decode(damaged),
                        () -> "flipping " + flip + " at " + at + " of " + encoded.length);
            }
        }
    }

    @Test
    void everyTruncationIsRefused() throws Exception {
        byte[] encoded = codec.encode(TestBuildings.odd(), CompressionLevel.FAST);
        for (int length = 0; length < encoded.length; length++) {
            byte[] truncated = Arrays.copyOf(encoded, length);
            assertThrows(CorruptDataException.class, () -> codec.decode(truncated), "truncated to " + length);
        }
        byte[] extended = Arrays.copyOf(encoded, encoded.length + 1);
        assertThrows(CorruptDataException.class, () -> codec.decode(extended));
    }

    @Test
    void randomPositionsOfALargeEncodingAreGuarded() throws Exception {
        Revision revision = TestBuildings.generated(11, 20_000);
        byte[] encoded = codec.encode(revision, CompressionLevel.FAST);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100; i++) {
            byte[] damaged = encoded.clone();
            int position = random.nextInt(damaged.length);
            damaged[position] ^= (byte) (1 + random.nextInt(255));
            assertThrows(CorruptDataException.class, () -> codec.decode(damaged), "at " + position);
        }
        assertEquals(revision.contentHash(), codec.decode(encoded).contentHash());
    }

    @Test
    void otherDataIsNamedAsSuch() {
        CorruptDataException e = assertThrows(CorruptDataException.class,
                () -> codec.decode("{\"format\":\"arxos.building\"}".getBytes()));
        assertTrue(e.getMessage().contains("AXBM"), e.getMessage());
    }

    @Test
    void announcedSizesBeyondTheLimitsAreRefusedBeforeDecoding() throws Exception {
        byte[] encoded = codec.encode(TestBuildings.generated(5, 2_000), CompressionLevel.FAST);
        CorruptDataException items = assertThrows(CorruptDataException.class,
                () -> new BimCodec(new BimLimits(1_000, 1 << 20)).decode(encoded));
        assertTrue(items.getMessage().contains("limit of 1000 items"), items.getMessage());
        CompressionLimitException columns = assertThrows(CompressionLimitException.class,
                () -> new BimCodec(new BimLimits(1_000_000, 1_000)).decode(encoded));
        assertEquals("maxOriginalSize", columns.limit());
    }
}
