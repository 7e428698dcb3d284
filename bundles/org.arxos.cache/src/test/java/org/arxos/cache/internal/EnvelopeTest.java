package org.arxos.cache.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class EnvelopeTest {

    @Test
    void keepsKeyExpiryCompressorAndPayload() {
        byte[] payload = {1, 2, 3, 0, -1};
        Envelope read = Envelope.of(new Envelope("acme:b1:render.tile:h1", 1_700_000_000_123L, "zstd", payload)
                .toBytes());
        assertEquals("acme:b1:render.tile:h1", read.key());
        assertEquals(1_700_000_000_123L, read.expiresAt());
        assertEquals("zstd", read.compressor());
        assertArrayEquals(payload, read.payload());

        Envelope plain = Envelope.of(new Envelope("acme:-:calc.area:h2", 5, null, new byte[0]).toBytes());
        assertNull(plain.compressor());
        assertEquals(0, plain.payload().length);
        assertTrue(plain.expiredAt(5));
        assertFalse(plain.expiredAt(4));
    }

    @Test
    void aTruncatedOrForeignEntryIsCorrupt() {
        byte[] bytes = new Envelope("acme:b1:render.tile:h1", 10, "zstd", new byte[] {1}).toBytes();
        assertEquals("entry of 20 bytes is truncated", assertThrows(CorruptEntryException.class,
                () -> Envelope.of(Arrays.copyOf(bytes, 20))).getMessage());
        bytes[0] = 9;
        assertEquals("unknown entry format 9",
                assertThrows(CorruptEntryException.class, () -> Envelope.of(bytes)).getMessage());
        assertThrows(CorruptEntryException.class, () -> Envelope.of(new byte[0]));
    }
}
