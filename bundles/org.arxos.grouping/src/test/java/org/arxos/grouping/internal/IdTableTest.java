package org.arxos.grouping.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class IdTableTest {

    @Test
    void randomPutsAndRemovesAgreeWithAHashMap() {
        SplittableRandom random = new SplittableRandom(7);
        IdTable table = IdTable.forSize(10);
        Map<String, Integer> expected = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            keys.add("f" + random.nextInt(40) + "z" + random.nextInt(12) + "e-c" + i);
        }
        for (int step = 0; step < 60_000; step++) {
            String key = keys.get(random.nextInt(keys.size()));
            if (random.nextInt(3) == 0) {
                assertEquals(expected.remove(key) != null, table.remove(key), "remove " + key);
            } else {
                int value = random.nextInt(-1000, 1000);
                table.put(key, value);
                expected.put(key, value);
            }
        }
        assertEquals(expected.size(), table.size());
        for (String key : keys) {
            assertEquals(expected.getOrDefault(key, IdTable.ABSENT), table.get(key), key);
        }
    }

    @Test
    void aWritableCopyLeavesItsSourceUnchanged() {
        IdTable source = IdTable.forSize(3000);
        for (int i = 0; i < 3000; i++) {
            source.put("o" + i, i);
        }
        source.freeze();
        IdTable copy = source.writableCopy();
        for (int i = 0; i < 3000; i += 3) {
            copy.remove("o" + i);
        }
        copy.put("o1", -5);
        copy.put("new", 9);

        for (int i = 0; i < 3000; i++) {
            assertEquals(i, source.get("o" + i));
        }
        assertEquals(IdTable.ABSENT, source.get("new"));
        assertEquals(3000, source.size());
        assertEquals(IdTable.ABSENT, copy.get("o0"));
        assertEquals(-5, copy.get("o1"));
        assertEquals(9, copy.get("new"));
        assertEquals(2001, copy.size());
    }

    @Test
    void aFrozenTableRefusesWrites() {
        IdTable table = IdTable.forSize(1);
        table.put("a", 1);
        table.freeze();

        assertThrows(IllegalStateException.class, () -> table.put("b", 2));
        assertThrows(IllegalStateException.class, () -> table.remove("a"));
        assertFalse(table.remove("missing"));
        assertEquals(1, table.get("a"));
    }
}
