package org.arxos.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    @TempDir
    Path folder;

    private static byte[] content(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    @Test
    void contentWithinTheThresholdStaysInMemory() throws IOException {
        byte[] small = content(1000);
        try (Spool spool = new Spool(folder.resolve("spool"), 1000)) {
            spool.write(small, 0, 600);
            spool.write(small, 600, 400);
            assertEquals(1000, spool.size());
            assertArrayEquals(small, spool.open().readAllBytes());
        }
        assertFalse(Files.exists(folder.resolve("spool")), "no folder made for what fits in memory");
    }

    @Test
    void largerContentGoesToAFileThatStreamsReadIndependently() throws IOException {
        byte[] large = content(300_000);
        try (Spool spool = new Spool(folder, 1000)) {
            spool.write(large, 0, 500);
            for (int at = 500; at < large.length; at += 7_000) {
                spool.write(large, at, Math.min(7_000, large.length - at));
            }
            assertEquals(large.length, spool.size());
            assertEquals(List.of(), files(), "unlinked as soon as it is open");
            try (InputStream one = spool.open(); InputStream two = spool.open()) {
                byte[] start = one.readNBytes(100_000);
                assertArrayEquals(large, two.readAllBytes());
                ByteArrayOutputStream rest = new ByteArrayOutputStream();
                rest.write(start);
                one.transferTo(rest);
                assertArrayEquals(large, rest.toByteArray());
            }
        }
    }

    @Test
    void aReaderWhoseThreadIsInterruptedReadsOnAndLeavesTheFileToTheOthers() throws IOException {
        byte[] large = content(200_000);
        try (Spool spool = new Spool(folder, 0)) {
            spool.write(large, 0, large.length);
            try (InputStream interrupted = spool.open()) {
                Thread.currentThread().interrupt();
                try {
                    assertArrayEquals(large, interrupted.readAllBytes());
                } finally {
                    Thread.interrupted();
                }
            }
            assertArrayEquals(large, spool.open().readAllBytes());
        }
    }

    @Test
    void aClosedSpoolIsNeitherWrittenNorRead() throws IOException {
        Spool spool = new Spool(folder, 10);
        spool.write(content(100), 0, 100);
        InputStream open = spool.open();
        spool.close();
        assertThrows(IOException.class, () -> spool.write(1));
        assertThrows(IOException.class, spool::open);
        assertThrows(IOException.class, open::read);
        assertEquals(List.of(), files());
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
