package org.arxos.compress.delta.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.compress.bim.column.ColumnFrame;
import org.arxos.compress.delta.testing.EditSession;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.model.Revision;
import org.junit.jupiter.api.Test;

/** The shipped dictionary earns its place: small change sets of buildings it was not trained on shrink by a quarter. */
class ChangeDictionaryTest {

    @Test
    void smallChangeSetsOfAnUnseenBuildingShrink() {
        Revision base = SyntheticBuilding.generateRevision(GeneratorSettings.of(77, 10_000));
        EditSession session = new EditSession(77);
        long plain = 0;
        long withDictionary = 0;
        for (int i = 0; i < 50; i++) {
            byte[] columns = new ChangeSetCoding(base).write(session.edit(base, 1 + i % 10));
            plain += ColumnFrame.encode(columns, CompressionLevel.MAX).length;
            withDictionary += ColumnFrame.encode(columns, CompressionLevel.MAX, ChangeDictionary.bytes()).length;
        }
        assertTrue(withDictionary < 0.8 * plain, "with the dictionary " + withDictionary + " bytes, without " + plain);
    }
}
