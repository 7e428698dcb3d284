package org.arxos.compress.bim;

import static org.arxos.compress.bim.TestBuildings.assertSameContent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class BimCodecTest {

    private final BimCodec codec = new BimCodec();

    @ParameterizedTest(name = "seed {0}, {1} items")
    @CsvSource({"1, 100", "7, 2000", "42, 20000", "99, 7777"})
    void generatedBuildingsComeBackExactly(long seed, int items) throws Exception {
        Revision revision = TestBuildings.generated(seed, items);
        Revision decoded = codec.decode(codec.encode(revision, CompressionLevel.BALANCED));
        assertSameContent(revision, decoded);
    }

    @ParameterizedTest
    @EnumSource(CompressionLevel.class)
    void oddValuesComeBackExactlyAtEveryLevel(CompressionLevel level) throws Exception {
        Revision revision = TestBuildings.odd();
        byte[] encoded = codec.encode(revision, level);
        assertSameContent(revision, codec.decode(encoded));
        assertEquals(revision.contentHash(), BimCodec.contentHash(encoded));
    }

    @Test
    void emptyRevisionComesBack() throws Exception {
        assertSameContent(Revision.EMPTY, codec.decode(codec.encode(Revision.EMPTY, CompressionLevel.FAST)));
    }

    @Test
    void laterRevisionKeepsItsNumber() throws Exception {
        Revision first = TestBuildings.generated(3, 500);
        Revision later = first.apply(ChangeSet.of("t", "", new Change.Rename("f1", "renamed")));
        Revision decoded = codec.decode(codec.encode(later, CompressionLevel.FAST));
        assertEquals(2, decoded.number());
        assertSameContent(later, decoded);
    }

    /** The BIM bar at a test-friendly size; the benchmark measures 100 000 and 1 000 000 items. */
    @Test
    void aTwentyThousandItemBuildingIsAtLeast95PercentSmallerThanItsJson() {
        Revision revision = TestBuildings.generated(42, 20_000);
        long json = TestBuildings.jsonSize(revision);
        int bim = codec.encode(revision, CompressionLevel.MAX).length;
        double saving = 1 - (double) bim / json;
        assertTrue(saving >= 0.95, "BIM is " + bim + " bytes, JSON " + json + ": saving " + saving);
    }
}
