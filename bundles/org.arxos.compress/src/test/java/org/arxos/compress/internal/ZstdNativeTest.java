package org.arxos.compress.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.util.Native;

/** zstd-jni's native library for this platform is inside its jar and loads in this JVM. */
class ZstdNativeTest {

    @Test
    void theNativeLibraryLoadsAndCodes() throws Exception {
        Native.load();
        assertTrue(Native.isLoaded());
        assertTrue(Zstd.maxCompressionLevel() >= 22, "zstd " + Zstd.maxCompressionLevel());
        byte[] original = "the natives of zstd-jni, loaded from the bundle".repeat(20).getBytes();
        byte[] coded = new byte[original.length];
        try (ZstdCodec codec = new ZstdCodec(3, null, false, original.length)) {
            int length = codec.encode(original, original.length, coded, original.length - 1);
            assertTrue(length > 0 && length < original.length / 4, "coded " + length);
            byte[] decoded = new byte[original.length];
            codec.decode(coded, length, decoded, original.length);
            assertArrayEquals(original, decoded);
        }
    }
}
