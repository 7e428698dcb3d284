package org.arxos.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

class BodyLimitInputStreamTest {

    private static BodyLimitInputStream stream(int size, long limit) {
        return new BodyLimitInputStream(new ByteArrayInputStream(new byte[size]), limit);
    }

    @Test
    void aBodyExactlyAtTheLimitIsRead() throws IOException {
        try (BodyLimitInputStream in = stream(10, 10)) {
            assertArrayEquals(new byte[10], in.readAllBytes());
            assertFalse(in.exceeded());
        }
    }

    @Test
    void oneByteMoreFailsAndIsRemembered() {
        BodyLimitInputStream in = stream(11, 10);
        BodyTooLargeException e = assertThrows(BodyTooLargeException.class, in::readAllBytes);
        assertEquals("body exceeds the limit of 10 bytes", e.getMessage());
        assertEquals(10, e.limit());
        assertTrue(in.exceeded());
    }

    @Test
    void singleByteReadsCountToo() throws IOException {
        BodyLimitInputStream in = stream(3, 2);
        in.read();
        in.read();
        assertThrows(BodyTooLargeException.class, in::read);
    }

    @Test
    void skippedBytesCount() throws IOException {
        BodyLimitInputStream in = stream(5, 4);
        assertThrows(BodyTooLargeException.class, () -> in.skip(5));
    }

    @Test
    void markAndResetAreNotSupported() {
        BodyLimitInputStream in = stream(5, 4);
        assertFalse(in.markSupported());
        assertThrows(IOException.class, in::reset);
    }
}
