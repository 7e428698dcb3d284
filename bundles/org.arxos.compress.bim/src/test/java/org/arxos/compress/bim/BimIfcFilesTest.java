package org.arxos.compress.bim;

import static org.arxos.compress.bim.TestBuildings.assertSameContent;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.model.Revision;
import org.junit.jupiter.api.Test;

/**
 * Every shared IFC file, imported: it comes back exactly, and the BIM form is at least 90 % smaller than the IFC file.
 * Against the native JSON the six together are at least 95 % smaller; the small files alone are not (their JSON is
 * mostly free text, see the benchmark's table).
 */
class BimIfcFilesTest {

    @Test
    void everySharedIfcFileComesBackExactlyAndSmall() throws Exception {
        BimCodec codec = new BimCodec();
        long json = 0;
        long bim = 0;
        for (Path file : TestBuildings.sharedIfcFiles()) {
            Revision revision = TestBuildings.importIfc(file);
            byte[] encoded = codec.encode(revision, CompressionLevel.MAX);
            assertSameContent(revision, codec.decode(encoded));
            long ifc = Files.size(file);
            assertTrue(encoded.length <= 0.10 * ifc,
                    file.getFileName() + ": BIM " + encoded.length + " bytes, IFC " + ifc);
            json += TestBuildings.jsonSize(revision);
            bim += encoded.length;
        }
        assertTrue(bim <= 0.05 * json, "the six files: BIM " + bim + " bytes, JSON " + json);
    }
}
