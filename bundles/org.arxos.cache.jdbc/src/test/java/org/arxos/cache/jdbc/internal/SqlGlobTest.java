package org.arxos.cache.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class SqlGlobTest {

    @Test
    void onlyStarsBecomeWildcardsAndLikesOwnCharactersAreEscaped() {
        assertEquals(new SqlGlob("acme:%:render!_tile:100!%!!", Optional.of("acme")),
                SqlGlob.of("acme:*:render_tile:100%!"));
        assertEquals(new SqlGlob("a?[b]\\:%", Optional.of("a?[b]\\")), SqlGlob.of("a?[b]\\:*"));
    }

    @Test
    void theTenantIsFixedOnlyWhenTheFirstPartHasNoWildcard() {
        assertEquals(Optional.empty(), SqlGlob.of("ac*:b:op:h").tenant());
        assertEquals(Optional.empty(), SqlGlob.of("*").tenant());
        assertEquals(Optional.empty(), SqlGlob.of("acme").tenant());
        assertEquals(Optional.of("acme"), SqlGlob.of("acme:*").tenant());
    }
}
