package org.arxos.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EntityTagsTest {

    @Test
    void quotesTheHash() {
        assertEquals("\"abc\"", EntityTags.of("abc"));
    }

    @Test
    void ifNoneMatch() {
        String etag = EntityTags.of("abc");
        assertFalse(EntityTags.noneMatchFails(null, etag));
        assertTrue(EntityTags.noneMatchFails("\"abc\"", etag));
        assertTrue(EntityTags.noneMatchFails("\"x\", W/\"abc\"", etag));
        assertTrue(EntityTags.noneMatchFails("*", etag));
        assertFalse(EntityTags.noneMatchFails("\"abd\"", etag));
        assertFalse(EntityTags.noneMatchFails("abc", etag));
    }
}
