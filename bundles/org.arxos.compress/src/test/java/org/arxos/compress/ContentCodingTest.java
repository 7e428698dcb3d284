package org.arxos.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.CompressionLimitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ContentCodingTest {

    @ParameterizedTest
    @EnumSource(value = ContentCoding.class, names = {"IDENTITY", "GZIP", "DEFLATE", "ZSTD"})
    void encodedBodiesDecodeAtEveryLevel(ContentCoding coding) throws IOException {
        byte[] body = Samples.text(200_000, 40);
        for (CompressionLevel level : CompressionLevel.values()) {
            byte[] encoded = encode(coding, body, level);
            if (coding != ContentCoding.IDENTITY) {
                assertTrue(encoded.length < body.length / 2, coding + " at " + level + ": " + encoded.length);
            }
            try (InputStream decoded = ContentCoding.decoding(coding.token(), new ByteArrayInputStream(encoded),
                    FrameLimits.DEFAULT)) {
                assertArrayEquals(body, decoded.readAllBytes());
            }
        }
    }

    @Test
    void brotliIsDecodedButNotEncoded() throws IOException {
        byte[] plan;
        byte[] encoded;
        try (InputStream original = getClass().getResourceAsStream("plan.svg");
                InputStream brotli = getClass().getResourceAsStream("plan.svg.br")) {
            plan = original.readAllBytes();
            encoded = brotli.readAllBytes();
        }
        try (InputStream decoded = ContentCoding.BROTLI.decoder(new ByteArrayInputStream(encoded),
                FrameLimits.DEFAULT)) {
            assertArrayEquals(plan, decoded.readAllBytes());
        }
        assertFalse(ContentCoding.BROTLI.canEncode());
        assertThrows(UnsupportedOperationException.class,
                () -> ContentCoding.BROTLI.encoder(new ByteArrayOutputStream(), CompressionLevel.FAST));
    }

    @Test
    void stackedCodingsAreUndoneInReverse() throws IOException {
        byte[] body = Samples.text(10_000, 41);
        byte[] twice = encode(ContentCoding.ZSTD, encode(ContentCoding.GZIP, body, CompressionLevel.FAST),
                CompressionLevel.FAST);
        assertEquals(List.of(ContentCoding.GZIP, ContentCoding.ZSTD),
                ContentCoding.parseContentEncoding("gzip, identity, zstd"));
        try (InputStream decoded = ContentCoding.decoding("x-gzip, zstd", new ByteArrayInputStream(twice),
                FrameLimits.DEFAULT)) {
            assertArrayEquals(body, decoded.readAllBytes());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ContentCoding.parseContentEncoding("gzip, compress"));
        assertTrue(e.getMessage().contains("'compress'"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = ContentCoding.class, names = {"GZIP", "ZSTD"})
    void aBombIsStoppedByTheRatioLimit(ContentCoding coding) throws IOException {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        try (OutputStream out = coding.encoder(encoded, CompressionLevel.MAX)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 32; i++) {
                out.write(zeros);
            }
        }
        FrameLimits limits = new FrameLimits(1L << 30, 100, 1 << 20);
        try (InputStream decoded = coding.decoder(new ByteArrayInputStream(encoded.toByteArray()), limits)) {
            CompressionLimitException e = assertThrows(CompressionLimitException.class,
                    () -> decoded.transferTo(OutputStream.nullOutputStream()));
            assertEquals("maxExpansionRatio", e.limit());
        }
        FrameLimits small = new FrameLimits(1 << 20, 1_000_000, 1 << 20);
        try (InputStream decoded = coding.decoder(new ByteArrayInputStream(encoded.toByteArray()), small)) {
            CompressionLimitException e = assertThrows(CompressionLimitException.class,
                    () -> decoded.transferTo(OutputStream.nullOutputStream()));
            assertEquals("maxOriginalSize", e.limit());
        }
    }

    @Test
    void malformedBodiesFailWithAnIoError() throws IOException {
        byte[] encoded = encode(ContentCoding.GZIP, Samples.text(10_000, 42), CompressionLevel.FAST);
        encoded[encoded.length / 2] ^= 0x55;
        try (InputStream decoded = ContentCoding.GZIP.decoder(new ByteArrayInputStream(encoded),
                FrameLimits.DEFAULT)) {
            assertThrows(IOException.class, () -> decoded.transferTo(OutputStream.nullOutputStream()));
        }
    }

    @Test
    void negotiationFollowsQualityThenPreference() {
        assertEquals(Optional.of(ContentCoding.ZSTD), ContentCoding.negotiate("gzip, deflate, br, zstd"));
        assertEquals(Optional.of(ContentCoding.GZIP), ContentCoding.negotiate("gzip, deflate, br"));
        assertEquals(Optional.of(ContentCoding.GZIP), ContentCoding.negotiate("zstd;q=0.5, gzip;q=0.8"));
        assertEquals(Optional.of(ContentCoding.GZIP), ContentCoding.negotiate("br, X-GZIP;Q=0.9"));
        assertEquals(Optional.of(ContentCoding.IDENTITY), ContentCoding.negotiate("br"));
        assertEquals(Optional.of(ContentCoding.IDENTITY), ContentCoding.negotiate(""));
        assertEquals(Optional.of(ContentCoding.IDENTITY), ContentCoding.negotiate(null));
        assertEquals(Optional.of(ContentCoding.ZSTD), ContentCoding.negotiate("*"));
        assertEquals(Optional.of(ContentCoding.GZIP), ContentCoding.negotiate("*;q=0.1, zstd;q=0, gzip"));
        assertEquals(Optional.empty(), ContentCoding.negotiate("br, identity;q=0"));
        assertEquals(Optional.empty(), ContentCoding.negotiate("*;q=0"));
        assertEquals(Optional.of(ContentCoding.IDENTITY), ContentCoding.negotiate("*;q=0, identity"));
        assertEquals(Optional.of(ContentCoding.IDENTITY), ContentCoding.negotiate("gzip;q=nonsense"));
    }

    private static byte[] encode(ContentCoding coding, byte[] body, CompressionLevel level) throws IOException {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        try (OutputStream out = coding.encoder(encoded, level)) {
            out.write(body);
        }
        return encoded.toByteArray();
    }
}
