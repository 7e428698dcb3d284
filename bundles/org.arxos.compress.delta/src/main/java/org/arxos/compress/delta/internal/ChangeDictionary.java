package org.arxos.compress.delta.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A zstd dictionary trained on the columns of small change sets (see {@code ChangeDictionaryTrainer} in the tests,
 * which makes it). A change set of a few objects is mostly column structure that repeats from set to set: with the
 * dictionary a one-object delta's columns take about 45 bytes instead of 70, a ten-object one 145 instead of 215;
 * from a thousand objects on it makes no difference. Frames record the dictionary's CRC32C: a new dictionary must
 * be added beside this one, never replace it, or older deltas no longer decode.
 */
public final class ChangeDictionary {

    private static final String RESOURCE = "changes.zdict";
    private static final byte[] BYTES = load();

    private ChangeDictionary() {
    }

    /** The dictionary; do not change the array. */
    public static byte[] bytes() {
        return BYTES;
    }

    private static byte[] load() {
        try (InputStream in = ChangeDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks its change dictionary " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the change dictionary", e);
        }
    }
}
