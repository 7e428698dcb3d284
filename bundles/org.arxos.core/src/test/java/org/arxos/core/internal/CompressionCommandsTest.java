package org.arxos.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.arxos.api.compress.Compressor;
import org.arxos.core.internal.TestCompressors.StandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressionCommandsTest {

    private static final byte[] SVG = ("<svg xmlns=\"http://www.w3.org/2000/svg\">"
            + "<rect x=\"1\" y=\"2\" width=\"3\" height=\"4\"/>".repeat(400) + "</svg>")
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    private final TestSelector selector = new TestSelector();
    private CompressionCommands commands;
    private Path plan;

    @BeforeEach
    void setUp() throws IOException {
        plan = Files.write(folder.resolve("plan.svg"), SVG);
    }

    private void run(Compressor... compressors) {
        String[] names = {"first", "second", "third"};
        for (int i = 0; i < compressors.length; i++) {
            selector.add(Compressor.class, names[i], compressors[i]);
        }
        commands = new CompressionCommands(selector, new CompressionService(selector,
                new CompressionSettings(1024, folder.resolve("spool"))));
    }

    @Test
    void aFileCompressedByTheServingCompressorDecompressesToTheSameBytes() throws IOException {
        run(new StandIn("SVGZ", "image/svg+xml"), new StandIn("GENZ", null));
        String compressed = commands.compress("max", "", "", plan.toString(), folder.resolve("plan.svg.axz")
                .toString());
        assertTrue(compressed.startsWith("Compressed " + plan + " (image/svg+xml, " + ImportMeter.grouped(SVG.length)
                + " bytes) with 'first' at max to "), compressed);
        assertTrue(Files.size(folder.resolve("plan.svg.axz")) < SVG.length / 20);

        String decompressed = commands.decompress("", folder.resolve("plan.svg.axz").toString(),
                folder.resolve("copy.svg").toString());
        assertTrue(decompressed.contains("with 'first' to"), decompressed);
        assertArrayEquals(SVG, Files.readAllBytes(folder.resolve("copy.svg")));
        assertEquals(List.of(), parts());
    }

    @Test
    void contentTheServingCompressorDoesNotTakeGoesToTheNext() throws IOException {
        run(new StandIn("SVGZ", "image/svg+xml"), new StandIn("GENZ", null));
        Path json = Files.write(folder.resolve("building.json"), "{\"objects\":[]}".repeat(100)
                .getBytes(StandardCharsets.UTF_8));
        String compressed = commands.compress("balanced", "", "", json.toString(), folder.resolve("b.axz").toString());
        assertTrue(compressed.contains("(application/vnd.arxos.building+json, 1 400 bytes) with 'second'"),
                compressed);
        // first asked first, and it does not recognise the second's data: no failure, just the next one
        String decompressed = commands.decompress("", folder.resolve("b.axz").toString(),
                folder.resolve("b.json").toString());
        assertTrue(decompressed.contains("with 'second'"), decompressed);
        assertArrayEquals(Files.readAllBytes(json), Files.readAllBytes(folder.resolve("b.json")));

        String listing = commands.compression();
        // CALLS FAILED REFUSED COMPR DECOMP: first refused the JSON's type and the second's data
        assertTrue(listing.lines().anyMatch(l -> l.matches("\\*\\s+first\\s+0\\s+0\\s+0\\s+2\\s+0\\s+0\\s.*")),
                listing);
        assertTrue(listing.lines().anyMatch(l -> l.matches("\\s+second\\s+0\\s+0\\s+0\\s+0\\s+1\\s+1\\s.*")
                && l.endsWith("image/svg+xml, application/vnd.arxos.building+json, application/json, text/plain, "
                        + "application/octet-stream")), listing);
    }

    @Test
    void aFailingCompressorIsReplacedAndLeavesNoFileBehind() throws IOException {
        run(TestCompressors.failing(), new StandIn("GENZ", null));
        String compressed = commands.compress("fast", "", "", plan.toString(), folder.resolve("p.axz").toString());
        assertTrue(compressed.contains("with 'second'"), compressed);
        assertArrayEquals(SVG, StandIn.inflate(Files.readAllBytes(folder.resolve("p.axz"))));
        assertEquals(List.of(), parts(), "the failed attempt's temporary file is gone");
    }

    @Test
    void unreadableInputFailsWithTheReasonOfEveryCompressorAndWritesNothing() throws IOException {
        run(new StandIn("SVGZ", "image/svg+xml"), new StandIn("GENZ", null));
        Path junk = Files.write(folder.resolve("junk.axz"), "not compressed".getBytes(StandardCharsets.UTF_8));
        String failed = commands.decompress("", junk.toString(), folder.resolve("out.svg").toString());
        assertEquals("decompress failed: " + junk + ": no running compressor reads this data: it is corrupt, or "
                + "made by a compressor that is not running (first: not a SVGZ stream; second: not a GENZ stream)",
                failed);
        assertFalse(Files.exists(folder.resolve("out.svg")));
        assertEquals(List.of(), parts());
    }

    @Test
    void badArgumentsAreNamed() {
        run(new StandIn("GENZ", null));
        assertEquals("compress failed: --level must be fast, balanced, max or lossy, not 'ultra'",
                commands.compress("ultra", "", "", plan.toString(), folder.resolve("x").toString()));
        assertEquals("compress failed: no such file: " + folder.resolve("missing.svg"),
                commands.compress("fast", "", "", folder.resolve("missing.svg").toString(),
                        folder.resolve("x").toString()));
        assertEquals("decompress failed: the file to write is the file to read: " + plan,
                commands.decompress("", plan.toString(), plan.toString()));
        assertEquals("decompress failed: no such folder: " + folder.resolve("nowhere"),
                commands.decompress("", plan.toString(), folder.resolve("nowhere/x.svg").toString()));
        TestSelector none = new TestSelector();
        assertEquals("No compressor is running.",
                new CompressionCommands(none, new CompressionService(none, CompressionSettings.defaults()))
                        .compression());
    }

    private List<Path> parts() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
        }
    }
}
