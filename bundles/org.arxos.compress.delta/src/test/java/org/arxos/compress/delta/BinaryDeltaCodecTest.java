package org.arxos.compress.delta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.CompressionLimitException;
import org.arxos.compress.delta.testing.EditSession;
import org.arxos.io.json.BuildingJson;
import org.arxos.model.Revision;
import org.junit.jupiter.api.Test;

class BinaryDeltaCodecTest {

    private final BinaryDeltaCodec codec = new BinaryDeltaCodec();

    @Test
    void aSmallEditOfALargeFileCostsLittle() throws Exception {
        Revision base = RevisionDeltaCodecTest.building(14, 5_000);
        byte[] previous = json(base);
        byte[] next = json(base.apply(new EditSession(4).edit(base, 5)));
        byte[] delta = codec.encode(previous, next, CompressionLevel.MAX);
        assertArrayEquals(next, codec.decode(previous, delta));
        assertTrue(delta.length < next.length / 1000, delta.length + " bytes for a file of " + next.length);
    }

    @Test
    void anyBytesComeBackExactly() throws Exception {
        SplittableRandom random = new SplittableRandom(1);
        byte[] noise = new byte[100_000];
        random.nextBytes(noise);
        byte[][][] pairs = {{new byte[0], new byte[0]}, {new byte[0], noise}, {noise, new byte[0]}, {noise, noise},
            {noise, java.util.Arrays.copyOfRange(noise, 17, 90_000)}};
        for (byte[][] pair : pairs) {
            assertArrayEquals(pair[1], codec.decode(pair[0], codec.encode(pair[0], pair[1], CompressionLevel.FAST)));
        }
    }

    @Test
    void otherBytesAreRefusedAsBase() {
        byte[] previous = "version 1".getBytes();
        byte[] delta = codec.encode(previous, "version 2".getBytes(), CompressionLevel.FAST);
        WrongBaseException e = assertThrows(WrongBaseException.class,
                () -> codec.decode("version 3".getBytes(), delta));
        assertTrue(e.getMessage().contains("9 bytes with CRC32C"), e.getMessage());
    }

    @Test
    void aDeltaPastTheDecodedLimitIsRefused() {
        byte[] zeros = new byte[4 << 20];
        byte[] delta = codec.encode(new byte[0], zeros, CompressionLevel.FAST);
        CompressionLimitException e = assertThrows(CompressionLimitException.class,
                () -> new BinaryDeltaCodec(new DeltaLimits(10, 1 << 20)).decode(new byte[0], delta));
        assertEquals("maxOriginalSize", e.limit());
    }

    static byte[] json(Revision revision) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BuildingJson.writeBuilding(revision, out);
        return out.toByteArray();
    }
}
