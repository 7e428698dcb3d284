package org.arxos.api.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CachedOperationTest {

    private static final ValueCodec<String> TEXT = new ValueCodec<>() {
        @Override
        public byte[] encode(String value) {
            return value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decode(byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    };

    private static final CachedOperation<String> OPERATION = new CachedOperation<>("calc.area", TEXT);

    @Test
    void keysNameTenantBuildingAndOperationAndHashTheInputs() {
        CacheKey key = OPERATION.key("acme", "tower", "hash-1", 2.5, 7);
        assertEquals("acme", key.tenant());
        assertEquals("tower", key.building());
        assertEquals("calc.area", key.operation());
        assertTrue(key.inputHash().matches("[0-9a-f]{32}"), key.inputHash());
        assertEquals(key, OPERATION.key("acme", "tower", "hash-1", 2.5, 7));
        assertEquals(CacheKey.NO_BUILDING, OPERATION.key("acme", null, "x").building());
        assertEquals("ac~3ame", OPERATION.key("ac:me", "tower").tenant());
    }

    @Test
    void inputsAreHashedWithTheirBoundariesAndNullsApart() {
        assertNotEquals(CachedOperation.inputHash("ab", "c"), CachedOperation.inputHash("a", "bc"));
        assertNotEquals(CachedOperation.inputHash("ab", "c"), CachedOperation.inputHash("abc"));
        assertNotEquals(CachedOperation.inputHash((Object) null), CachedOperation.inputHash("null"));
        assertNotEquals(CachedOperation.inputHash("h", 1), CachedOperation.inputHash("h", 2));
        assertEquals(CachedOperation.inputHash("h", 1L), CachedOperation.inputHash("h", "1"));
    }

    @Test
    void withoutACacheTheValueIsComputedAndWarmingDoesNothing() {
        AtomicInteger computed = new AtomicInteger();
        CacheKey key = OPERATION.key("acme", "tower", "h");
        assertEquals("42", OPERATION.get(Optional.empty(), key, () -> "4" + computed.incrementAndGet() * 2));
        OPERATION.warm(Optional.empty(), key, () -> "never " + computed.incrementAndGet());
        assertEquals(1, computed.get());
    }

    @Test
    void operationNamesAreKeyParts() {
        assertEquals("a cached operation is named by 1 to 200 letters, digits or . _ -, e.g. render.floor, but was "
                + "'calc area'", assertThrows(IllegalArgumentException.class,
                        () -> new CachedOperation<>("calc area", TEXT)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CachedOperation<>("calc", null));
    }
}
