package org.arxos.compress.delta.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.arxos.compress.delta.testing.EditSession;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.grouping.testing.RandomChanges;
import org.arxos.model.Revision;

import com.github.luben.zstd.Zstd;

/**
 * Makes {@code changes.zdict}: trains an 8 KiB zstd dictionary on the columns of 3 000 small change sets (editing
 * sessions of 1 to 100 objects, and random change sets of every kind) against generated buildings of seeds 1 to 3.
 * The training is deterministic: the same code gives the same bytes. Run from the module folder after changing the
 * column layout, then ship the result beside the old dictionary ({@link ChangeDictionary} says why):
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/cp) \
 *     org.arxos.compress.delta.internal.ChangeDictionaryTrainer target/changes.zdict
 * </pre>
 */
public final class ChangeDictionaryTrainer {

    static final int SIZE = 8 << 10;
    private static final int[] EDIT_SIZES = {1, 1, 1, 2, 3, 5, 10, 20, 50, 100};

    private ChangeDictionaryTrainer() {
    }

    public static void main(String[] args) throws Exception {
        Files.write(Path.of(args[0]), train());
    }

    static byte[] train() {
        List<byte[]> samples = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            Revision base = SyntheticBuilding.generateRevision(GeneratorSettings.of(seed, 2_000 + 9_000 * (seed - 1)));
            EditSession session = new EditSession(seed);
            RandomChanges random = new RandomChanges(seed);
            for (int i = 0; i < 1_000; i++) {
                int size = EDIT_SIZES[i % EDIT_SIZES.length];
                samples.add(new ChangeSetCoding(base).write(i % 4 == 3 ? random.next(base, size)
                        : session.edit(base, size)));
            }
        }
        byte[] dictionary = new byte[SIZE];
        long size = Zstd.trainFromBuffer(samples.toArray(new byte[0][]), dictionary, false);
        if (Zstd.isError(size)) {
            throw new IllegalStateException("zstd could not train: " + Zstd.getErrorName(size));
        }
        return Arrays.copyOf(dictionary, (int) size);
    }
}
