package org.arxos.grouping.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PagedArrayTest {

    @Test
    void aCopyWritesWithoutChangingItsSource() {
        IntPages source = new IntPages();
        for (int i = 0; i < 5000; i++) {
            source.set(i, i * 3);
        }
        source.freeze();
        IntPages copy = source.writableCopy();
        SplittableRandom random = new SplittableRandom(3);
        int[] expected = new int[7000];
        for (int i = 0; i < 5000; i++) {
            expected[i] = i * 3;
        }
        for (int step = 0; step < 2000; step++) {
            int index = random.nextInt(expected.length);
            expected[index] = random.nextInt();
            copy.set(index, expected[index]);
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], copy.get(i), "copy at " + i);
            assertEquals(i < 5000 ? i * 3 : 0, source.get(i), "source at " + i);
        }
    }

    @Test
    void aCopySharesThePagesItDoesNotWrite() {
        RefPages<String> source = new RefPages<>();
        for (int i = 0; i < 3 * PagedArray.PAGE; i++) {
            source.set(i, "v" + i);
        }
        RefPages<String> copy = source.writableCopy();
        copy.set(PagedArray.PAGE, "changed");
        assertSame(source.pages[0], copy.pages[0]);
        assertSame(source.pages[2], copy.pages[2]);
        assertEquals("changed", copy.get(PagedArray.PAGE));
        assertEquals("v" + PagedArray.PAGE, source.get(PagedArray.PAGE));
    }

    @Test
    void writingTheValueAnEntryHoldsCopiesNothing() {
        FloatPages source = new FloatPages();
        source.set(5, Float.NaN);
        FloatPages copy = source.writableCopy();
        copy.set(5, Float.NaN);
        copy.set(6, 0f);
        assertSame(source.pages[0], copy.pages[0]);
    }

    @Test
    void unwrittenIndexesReadAsDefaults() {
        RefPages<String> refs = new RefPages<>();
        refs.set(3000, "x");
        assertNull(refs.get(10));
        assertNull(refs.get(1_000_000));
        assertEquals(0f, new FloatPages().get(7));
    }

    @Test
    void aFrozenArrayRejectsWrites() {
        IntPages array = new IntPages();
        array.set(1, 1);
        array.freeze();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> array.set(1, 2));
        assertEquals("the array is frozen; index 1 cannot be written", e.getMessage());
    }
}
