package org.arxos.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void defaults() {
        assertEquals(new PageRequest(0, 100), PageRequest.parse(null, null, 100, 1000));
    }

    @Test
    void givenValues() {
        assertEquals(new PageRequest(20, 10), PageRequest.parse("20", " 10 ", 100, 1000));
    }

    @Test
    void limitAboveTheMaximumIsLowered() {
        assertEquals(new PageRequest(0, 1000), PageRequest.parse("0", "5000", 100, 1000));
        assertEquals(new PageRequest(0, 50), PageRequest.parse(null, null, 100, 50));
    }

    @Test
    void invalidValuesAreBadRequests() {
        assertEquals("offset must be 0 or more but was -1",
                assertThrows(ProblemException.class, () -> PageRequest.parse("-1", null, 100, 1000)).getMessage());
        assertEquals("limit must be 1 or more but was 0",
                assertThrows(ProblemException.class, () -> PageRequest.parse(null, "0", 100, 1000)).getMessage());
        ProblemException notANumber = assertThrows(ProblemException.class,
                () -> PageRequest.parse("x", null, 100, 1000));
        assertEquals(ProblemType.BAD_REQUEST, notANumber.type());
        assertEquals("offset must be a whole number but was 'x'", notANumber.getMessage());
        assertThrows(ProblemException.class, () -> PageRequest.parse(null, "99999999999", 100, 1000));
    }
}
