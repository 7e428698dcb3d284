package org.arxos.io.svg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class IdAllocatorTest {

    @Test
    void copiesOfOneIdGetTheNextFreeSuffixInOrder() {
        IdAllocator ids = new IdAllocator();
        assertEquals("a", ids.allocate("a", "x"));
        assertEquals("a-3", ids.allocate("a-3", "x")); // written in the file: taken before the copies reach it
        assertEquals("a-2", ids.allocate("a", "x"));
        assertEquals("a-4", ids.allocate("a", "x")); // a-3 is stepped over
        assertEquals("a-2-2", ids.allocate("a-2", "x"));
        assertEquals("a_b", ids.allocate("a b", "x"));
        assertEquals("a-5", ids.allocate("a", "x"));
        assertEquals("fallback", ids.allocate("", "fallback"));
        assertEquals("fallback-2", ids.allocate(null, "fallback"));
        assertEquals("object", ids.allocate("", ""));
        assertEquals("object-2", ids.allocate(null, null));
    }

    /** Fuzz finding (HANG in allocate): the n-th copy tried -2 ... -n again, quadratic in the copies. */
    @Test
    void manyCopiesOfOneIdAreAllocatedInLinearTime() {
        IdAllocator ids = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            IdAllocator a = new IdAllocator();
            for (int i = 0; i < 300_000; i++) {
                a.allocate("room", "fallback");
            }
            return a;
        });
        assertEquals("room-300001", ids.allocate("room", "fallback"));
    }
}
