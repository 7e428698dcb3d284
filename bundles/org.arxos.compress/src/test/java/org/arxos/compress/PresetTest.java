package org.arxos.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.github.luben.zstd.ZstdDictTrainer;

/** Frames coded against a dictionary or a reference: smaller, and back only with the same preset. */
class PresetTest {

    @Test
    void aReferenceMakesARevisionCostItsChangesOnly() throws IOException {
        byte[] previous = Samples.text(3_000_000, 30);
        byte[] next = edit(previous, 40, 31);
        for (int blockSize : new int[] {4 << 20, 1 << 20}) {
            Encoding plain = Encoding.of(Algorithm.ZSTD, 9).withBlockSize(blockSize);
            byte[] full = Frames.encode(next, plain);
            byte[] delta = Frames.encode(next, plain.withReference(previous));
            assertArrayEquals(next, Frames.decode(delta, Decoding.DEFAULT.withReference(previous)));
            assertTrue(delta.length * 50 < full.length,
                    "blocks of " + blockSize + ": delta " + delta.length + ", full " + full.length);
        }
    }

    @Test
    void aTrainedZstdDictionaryShrinksSmallObjects() throws IOException {
        List<byte[]> objects = new ArrayList<>();
        Random random = new Random(32);
        for (int i = 0; i < 2000; i++) {
            objects.add(smallObject(random));
        }
        ZstdDictTrainer trainer = new ZstdDictTrainer(1 << 20, 16 << 10);
        objects.subList(0, 1500).forEach(trainer::addSample);
        byte[] dictionary = trainer.trainSamples();
        long plain = 0;
        long trained = 0;
        for (byte[] object : objects.subList(1500, 2000)) {
            plain += Frames.encode(object, Encoding.of(Algorithm.ZSTD, 19)).length;
            byte[] frame = Frames.encode(object, Encoding.of(Algorithm.ZSTD, 19).withDictionary(dictionary));
            assertArrayEquals(object, Frames.decode(frame, Decoding.DEFAULT.withDictionary(dictionary)));
            trained += frame.length;
        }
        assertTrue(trained * 2 < plain, "trained " + trained + ", plain " + plain);
    }

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"DEFLATE", "ZSTD", "XZ"})
    void sampleContentWorksAsADictionary(Algorithm algorithm) throws IOException {
        byte[] dictionary = Samples.text(20_000, 33);
        byte[] original = Samples.text(2_000, 34);
        byte[] plain = Frames.encode(original, Encoding.of(algorithm));
        byte[] frame = Frames.encode(original, Encoding.of(algorithm).withDictionary(dictionary));
        assertArrayEquals(original, Frames.decode(frame, Decoding.DEFAULT.withDictionary(dictionary)));
        assertTrue(frame.length < plain.length, algorithm + ": " + frame.length + " against " + plain.length);
    }

    /** A copy with {@code count} short stretches replaced. */
    private static byte[] edit(byte[] original, int count, long seed) {
        byte[] edited = original.clone();
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            int at = random.nextInt(edited.length - 20);
            byte[] change = ("<!--" + random.nextInt(1000) + "-->").getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(change, 0, edited, at, change.length);
        }
        return edited;
    }

    private static byte[] smallObject(Random random) {
        return ("{\"id\":\"c" + random.nextInt(1_000_000) + "\",\"type\":\""
                + (random.nextBoolean() ? "ELECTRICAL_OUTLET" : "LIGHT_FIXTURE") + "\",\"parent\":\"f"
                + random.nextInt(20) + "z" + random.nextInt(10) + "\",\"bounds\":[" + random.nextInt(100_000) + ","
                + random.nextInt(100_000) + "," + random.nextInt(500) + "," + random.nextInt(500)
                + "],\"properties\":{\"voltage\":" + (random.nextBoolean() ? 230 : 400) + ",\"circuit\":\"C"
                + random.nextInt(64) + "\",\"manufacturer\":\"Acme\"}}").getBytes(StandardCharsets.UTF_8);
    }
}
