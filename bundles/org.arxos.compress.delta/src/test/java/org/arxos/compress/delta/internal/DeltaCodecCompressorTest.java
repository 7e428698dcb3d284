package org.arxos.compress.delta.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.CompressionLimitException;
import org.arxos.api.io.ImportOptions;
import org.arxos.compress.delta.WrongBaseException;
import org.arxos.compress.delta.testing.EditSession;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.io.json.BuildingJson;
import org.arxos.model.Revision;
import org.junit.jupiter.api.Test;

class DeltaCodecCompressorTest {

    private final DeltaCodecCompressor compressor = new DeltaCodecCompressor(100_000, 64 << 20, 256 << 20);

    @Test
    void buildingDocumentsGetChangeDeltas() throws Exception {
        Revision base = SyntheticBuilding.generateRevision(GeneratorSettings.of(15, 5_000));
        Revision target = base.apply(new EditSession(5).edit(base, 50));
        byte[] baseJson = json(base);
        byte[] delta = compress(baseJson, json(target), BuildingJson.MEDIA_TYPE + "; charset=utf-8");
        byte[] binary = compress(baseJson, json(target), "application/octet-stream");
        assertTrue(delta.length < binary.length, "change delta " + delta.length + ", binary " + binary.length);

        byte[] back = decompress(baseJson, delta);
        Revision decoded = Revision.EMPTY.apply(BuildingJson.readBuilding(new ByteArrayInputStream(back),
                ImportOptions.of("back")).content());
        assertEquals(target.contentHash(), decoded.contentHash());
    }

    @Test
    void otherContentComesBackByteForByte() throws Exception {
        byte[] previous = "<svg><rect width='1'/></svg>".repeat(50).getBytes();
        byte[] next = "<svg><rect width='2'/></svg>".repeat(50).getBytes();
        assertArrayEquals(next, decompress(previous, compress(previous, next, "image/svg+xml")));
    }

    @Test
    void theWrongBaseAndBadInputAreNamed() throws Exception {
        byte[] delta = compress("one".getBytes(), "two".getBytes(), "text/plain");
        assertThrows(WrongBaseException.class, () -> decompress("three".getBytes(), delta));
        IOException notJson = assertThrows(IOException.class,
                () -> compress("{}".getBytes(), "{}".getBytes(), BuildingJson.MEDIA_TYPE));
        assertTrue(notJson.getMessage().startsWith("the base is not a building document"), notJson.getMessage());
        CompressionLimitException limit = assertThrows(CompressionLimitException.class,
                () -> new DeltaCodecCompressor(10, 1 << 20, 1 << 20).compress(
                        new ByteArrayInputStream(new byte[2 << 20]), new ByteArrayInputStream(new byte[0]),
                        new ByteArrayOutputStream(), "text/plain", CompressionLevel.FAST));
        assertEquals("maxInputMiB", limit.limit());
    }

    private byte[] compress(byte[] base, byte[] target, String type) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        compressor.compress(new ByteArrayInputStream(base), new ByteArrayInputStream(target), out, type,
                CompressionLevel.MAX);
        return out.toByteArray();
    }

    private byte[] decompress(byte[] base, byte[] delta) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        compressor.decompress(new ByteArrayInputStream(base), new ByteArrayInputStream(delta), out);
        return out.toByteArray();
    }

    private static byte[] json(Revision revision) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BuildingJson.writeBuilding(revision, out);
        return out.toByteArray();
    }
}
