package org.arxos.compress.bim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.CompressionLimitException;
import org.arxos.api.compress.CorruptDataException;
import org.arxos.api.io.ImportOptions;
import org.arxos.compress.bim.TestBuildings;
import org.arxos.io.json.BuildingJson;
import org.arxos.model.Revision;
import org.junit.jupiter.api.Test;

class BimCompressorTest {

    private final BimCompressor compressor = new BimCompressor(100_000, 1 << 20, 64 << 20);

    @Test
    void takesTheNativeBuildingJsonOnly() {
        assertTrue(compressor.supports(BuildingJson.MEDIA_TYPE));
        assertTrue(compressor.supports("Application/VND.arxos.building+json; charset=utf-8"));
        assertFalse(compressor.supports("application/json"));
        assertFalse(compressor.supports(BuildingJson.CHANGES_MEDIA_TYPE));
        assertFalse(compressor.supports(null));
    }

    @Test
    void jsonComesBackAsTheSameContent() throws Exception {
        Revision revision = TestBuildings.generated(8, 5_000);
        byte[] json = json(revision);
        byte[] compressed = compress(json);
        assertTrue(compressed.length < json.length / 20, compressed.length + " of " + json.length);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        compressor.decompress(new ByteArrayInputStream(compressed), out);
        Revision back = Revision.EMPTY.apply(BuildingJson.readBuilding(new ByteArrayInputStream(out.toByteArray()),
                ImportOptions.of("back")).content());
        assertEquals(revision.contentHash(), back.contentHash());
    }

    @Test
    void oddValuesSurviveTheJsonRoundTrip() throws Exception {
        Revision revision = TestBuildings.odd();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        compressor.decompress(new ByteArrayInputStream(compress(json(revision))), out);
        assertEquals(revision.contentHash(), Revision.EMPTY.apply(BuildingJson.readBuilding(
                new ByteArrayInputStream(out.toByteArray()), ImportOptions.of("back")).content()).contentHash());
    }

    @Test
    void badInputIsNamed() {
        IOException type = assertThrows(IOException.class, () -> compressor.compress(
                new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), "image/svg+xml",
                CompressionLevel.MAX));
        assertTrue(type.getMessage().contains("image/svg+xml"), type.getMessage());
        IOException json = assertThrows(IOException.class, () -> compress("{\"format\":\"arxos.changes\"}".getBytes()));
        assertTrue(json.getMessage().startsWith("not a building document"), json.getMessage());
        assertThrows(CorruptDataException.class, () -> compressor.decompress(
                new ByteArrayInputStream("not bim".getBytes()), new ByteArrayOutputStream()));
    }

    @Test
    void limitsAreKept() throws Exception {
        byte[] json = json(TestBuildings.generated(8, 5_000));
        BimCompressor small = new BimCompressor(1_000, 1 << 20, 64 << 20);
        IOException items = assertThrows(IOException.class, () -> small.compress(new ByteArrayInputStream(json),
                new ByteArrayOutputStream(), BuildingJson.MEDIA_TYPE, CompressionLevel.FAST));
        assertTrue(items.getMessage().contains("1000"), items.getMessage());
        CompressionLimitException input = assertThrows(CompressionLimitException.class,
                () -> new BimCompressor(100_000, 100, 64 << 20).decompress(new ByteArrayInputStream(compress(json)),
                        new ByteArrayOutputStream()));
        assertEquals("maxCompressedMiB", input.limit());
    }

    private byte[] compress(byte[] json) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        compressor.compress(new ByteArrayInputStream(json), out, BuildingJson.MEDIA_TYPE, CompressionLevel.BALANCED);
        return out.toByteArray();
    }

    private static byte[] json(Revision revision) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BuildingJson.writeBuilding(revision, out);
        return out.toByteArray();
    }
}
