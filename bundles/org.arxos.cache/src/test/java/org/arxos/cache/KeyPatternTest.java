package org.arxos.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.arxos.api.cache.CacheKey;
import org.junit.jupiter.api.Test;

class KeyPatternTest {

    private static final CacheKey TILE = new CacheKey("acme", "b1", "render.tile", "3f~2e9a");

    @Test
    void aStarMatchesAnyCharactersColonsIncluded() {
        assertTrue(KeyPattern.of("*").matches(TILE));
        assertTrue(KeyPattern.of("acme:*").matches(TILE));
        assertTrue(KeyPattern.of("*:b1:*").matches(TILE));
        assertTrue(KeyPattern.of("acme:*:3f~2e9a").matches(TILE));
        assertTrue(KeyPattern.of("acme*9a").matches(TILE));
        assertTrue(KeyPattern.of("*render*tile*").matches(TILE));
        assertTrue(KeyPattern.of(TILE.toString()).matches(TILE));
        assertTrue(KeyPattern.of(TILE + "*").matches(TILE));
    }

    @Test
    void everythingButTheStarIsLiteral() {
        assertFalse(KeyPattern.of("acme:b1:render?tile:*").matches(TILE));
        assertFalse(KeyPattern.of("acme:b1:render.tile").matches(TILE));
        assertFalse(KeyPattern.of("acme:b1:render.tile:3f~2e9ax").matches(TILE));
        assertFalse(KeyPattern.of("acme:b2:*").matches(TILE));
        assertFalse(KeyPattern.of("acm:*").matches(TILE));
        assertFalse(KeyPattern.of("*:b1").matches(TILE));
    }

    @Test
    void piecesMustNotOverlapTheAnchoredEnds() {
        assertFalse(KeyPattern.of("ab*ba").matches("aba"));
        assertTrue(KeyPattern.of("a*b*a").matches("aba"));
        assertFalse(KeyPattern.of("ab*b*ba").matches("abba"));
        assertTrue(KeyPattern.of("ab*b*ba").matches("abbba"));
    }

    @Test
    void manyStarsNeverBacktrack() {
        CacheKey longKey = new CacheKey("a".repeat(200), "a".repeat(200), "a".repeat(200), "a".repeat(200));
        KeyPattern pattern = KeyPattern.of("*a".repeat(30) + "b");
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertFalse(pattern.matches(longKey)));
    }

    @Test
    void aPatternThatSpellsItsTenantOutNamesIt() {
        assertEquals(Optional.of("acme"), KeyPattern.of("acme:*").tenant());
        assertEquals(Optional.of("acme"), KeyPattern.of("acme:b1:*:x*").tenant());
        assertEquals(Optional.empty(), KeyPattern.of("ac*:b1:*").tenant());
        assertEquals(Optional.empty(), KeyPattern.of("*").tenant());
        assertEquals(Optional.empty(), KeyPattern.of("acme").tenant());
    }

    @Test
    void blankOrHugePatternsAreRejectedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KeyPattern.of(" ")).getMessage()
                .contains("glob over tenant:building:operation:inputHash"));
        assertThrows(IllegalArgumentException.class, () -> KeyPattern.of(""));
        assertThrows(IllegalArgumentException.class, () -> KeyPattern.of(null));
        assertThrows(IllegalArgumentException.class, () -> KeyPattern.of("a".repeat(1001)));
    }
}
